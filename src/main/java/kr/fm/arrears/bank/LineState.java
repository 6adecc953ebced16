package kr.fm.arrears.bank;

/** Where a statement line stands: waiting for a person (UNMATCHED, AMBIGUOUS), paid to a lease, or not rent. */
public enum LineState { UNMATCHED, AMBIGUOUS, MATCHED, NOT_RENT }
