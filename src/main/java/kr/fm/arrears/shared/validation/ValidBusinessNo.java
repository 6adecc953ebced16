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
    String message() default "올바른 사업자등록번호가 아닙니다 (숫자 10자리, 마지막 검증 숫자가 맞아야 합니다)";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidBusinessNo, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || BusinessNumber.normalize(value) != null;
        }
    }
}
