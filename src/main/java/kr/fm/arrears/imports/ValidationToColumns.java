package kr.fm.arrears.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Runs the same bean-validation rules the JSON API uses on an object built from a CSV row, and
 * reports each violation against the CSV column it came from.
 */
@Component
@RequiredArgsConstructor
class ValidationToColumns {

    private final Validator validator;

    /**
     * @param columns field name → column name; fields not listed map to {@code prefix + snake_case(field)}
     * @param skip    columns that already have a parse error (no second message for the same cell)
     */
    <T> void validate(T object, Cells cells, String prefix, Map<String, String> columns) {
        for (ConstraintViolation<T> v : validator.validate(object)) {
            String field = v.getPropertyPath().iterator().next().getName();
            String column = columns.getOrDefault(field, prefix + snake(field));
            boolean alreadyReported = cells.errors.stream().anyMatch(e -> column.equals(e.column()));
            if (!alreadyReported) {
                cells.error(column, v.getMessage());
            }
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
