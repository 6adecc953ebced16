package kr.fm.arrears.shared;

import java.util.List;

/**
 * Input that breaks a rule the annotations cannot express (a unit already let, an unknown lease).
 * Answered as a 422 problem naming each field; nothing has been changed when it is thrown.
 */
public class InvalidInput extends RuntimeException {

    public record FieldError(String field, Object rejectedValue, String message) {}

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, Object rejectedValue, String message) {
        return new InvalidInput(List.of(new FieldError(field, rejectedValue, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
