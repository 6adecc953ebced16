package kr.fm.arrears.bank;

import java.time.LocalDateTime;

/**
 * One deposit as a statement shows it. {@code row} is its row in the file (as a spreadsheet numbers
 * it), for error messages; {@code balance} the balance after it when the bank prints one.
 */
public record Deposit(int row, LocalDateTime at, long amount, String payer, Long balance, String memo,
        String virtualAccount) {}
