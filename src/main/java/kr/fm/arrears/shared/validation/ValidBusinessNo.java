package kr.fm.arrears.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import kr.fm.arrears.shared.BusinessNumber;

/** A 사업자등록번호 whose check digit holds; blank passes (combine with @NotBlank when required). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidBusinessNo.Validator.class)
public @interface ValidBusinessNo {
    String message() default "is not a valid 사업자등록번호 (10 digits, check digit must match)";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidBusinessNo, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || BusinessNumber.normalize(value) != null;
        }
    }
}
