package kr.fm.arrears.bank;

import java.util.List;

/** A person paid a deposit to several leases, in parts adding up to it. */
public record BankLineSplit(String actor, long lineId, long amount, List<BankLines.Part> parts) {}
