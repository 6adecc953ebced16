package kr.fm.arrears.shared;

import java.util.List;

/**
 * An import file with bad rows: rejected whole, with the bad rows and columns listed: the first
 * {@value #LISTED} of them and how many there are in all (a huge bad file must not become a huger answer).
 */
public class ImportRejected extends RuntimeException {

    public static final int LISTED = 1_000;

    /** {@code row} is the line number as a spreadsheet shows it (the header is row 1); 0 for the file itself. */
    public record RowError(int row, String column, String value, String message) {}

    private final List<RowError> errors;
    private final int total;
    private final long rows;

    public ImportRejected(List<RowError> errors) {
        super(errors.size() + " error(s) in the file; nothing was imported"); // for the log; ApiProblems words it for people
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), LISTED)));
        this.total = errors.size();
        this.rows = errors.stream().map(RowError::row).filter(r -> r > 0).distinct().count();
    }

    public static ImportRejected file(String message) {
        return new ImportRejected(List.of(new RowError(0, null, null, message)));
    }

    /** The first {@value #LISTED} errors, in file order. */
    public List<RowError> errors() {
        return errors;
    }

    /** All errors found, listed or not. */
    public int total() {
        return total;
    }

    /** Rows with at least one error. */
    public long rows() {
        return rows;
    }
}
