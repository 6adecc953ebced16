package kr.fm.arrears.messaging;

import java.util.List;

/** A tenant's opt-outs were replaced; the channel names, sorted. */
public record OptOutChanged(String actor, long tenantId, String reason, List<String> before, List<String> after) {}
