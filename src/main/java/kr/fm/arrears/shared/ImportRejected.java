package kr.fm.arrears.shared;

import java.util.List;

/** An import file with bad rows: rejected whole, with every bad row and column listed. */
public class ImportRejected extends RuntimeException {

    /** {@code row} is the line number as a spreadsheet shows it (the header is row 1); 0 for the file itself. */
    public record RowError(int row, String column, String value, String message) {}

    private final List<RowError> errors;

    public ImportRejected(List<RowError> errors) {
        super(errors.size() + " error(s) in the file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public static ImportRejected file(String message) {
        return new ImportRejected(List.of(new RowError(0, null, null, message)));
    }

    public List<RowError> errors() {
        return errors;
    }
}
