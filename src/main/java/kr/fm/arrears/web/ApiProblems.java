package kr.fm.arrears.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.fm.arrears.shared.BodyLimits;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.ImportRejected;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import kr.fm.arrears.shared.TryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error an API client sees is an RFC 7807 problem: a title, a detail a person can act on and,
 * for bad input, {@code errors}: each wrong field with the value given and what is wrong with it.
 * What people read (title, detail, each error's message) is Korean; what programs match stays
 * machine-readable ({@code type}, {@code errors[].field}, {@code resource}/{@code id} of a 404).
 * Stack traces, and English, stay in the log.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final URI INVALID_INPUT = URI.create("urn:arrears:problem:invalid-input");
    static final URI IMPORT_REJECTED = URI.create("urn:arrears:problem:import-rejected");

    static ProblemDetail invalid(List<InvalidInput.FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "입력값을 확인하세요. "
                + errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setType(INVALID_INPUT);
        problem.setTitle("입력값 오류");
        problem.setProperty("errors", errors.stream().sorted(Comparator.comparing(InvalidInput.FieldError::field))
                .map(e -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("field", e.field());
                    m.put("rejectedValue", e.rejectedValue());
                    m.put("message", e.message());
                    return m;
                }).toList());
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(ImportRejected.class)
    ProblemDetail importRejected(ImportRejected e) {
        long rows = e.rows();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, rows > 0
                ? String.format("%,d", rows) + "개 행에 오류가 있어 아무것도 가져오지 않았습니다. 목록의 모든 행을 고쳐 파일 전체를 다시 보내세요."
                : e.errors().get(0).message() + ". 아무것도 가져오지 않았습니다.");
        problem.setType(IMPORT_REJECTED);
        problem.setTitle("가져오기 거부");
        problem.setProperty("errors", e.errors());
        problem.setProperty("totalErrors", e.total());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "파일이 허용 크기보다 큽니다. 더 작은 파일로 나누어 보내세요.");
        problem.setTitle("파일이 너무 큽니다");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    /** A body cut off at its ceiling while being read ({@link BodyLimits}). */
    @ExceptionHandler(BodyLimits.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyLimits.TooLarge e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                .body(BodyLimits.problem(e.limit()));
    }

    @ExceptionHandler(TryLater.class)
    ResponseEntity<ProblemDetail> tryLater(TryLater e) {
        String detail = e.status() == HttpStatus.TOO_MANY_REQUESTS ? "요청이 너무 잦습니다. 잠시 후 다시 시도하세요."
                : "지금은 요청이 많아 처리하지 못했습니다. 잠시 후 다시 시도하세요.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), detail + " (" + e.getMessage() + ")");
        problem.setTitle(e.status() == HttpStatus.TOO_MANY_REQUESTS ? "요청이 너무 잦습니다" : "잠시 후 다시 시도하세요");
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds()))).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new InvalidInput.FieldError(lastNode(v.getPropertyPath().toString()), v.getInvalidValue(), v.getMessage()))
                .toList());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.detail());
        problem.setTitle("찾을 수 없습니다");
        problem.setProperty("resource", e.what());
        problem.setProperty("id", String.valueOf(e.id()));
        return problem;
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("지금 상태에서는 할 수 없습니다");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "올바른 값" : describe(e.getRequiredType());
        return invalid(List.of(new InvalidInput.FieldError(e.getName(), e.getValue(), "올바른 형식이 아닙니다 (필요: " + expected + ")")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "서비스 쪽에서 문제가 생겼습니다. 기록해 두었으니 잠시 후 다시 시도하고, 계속되면 관리자에게 알려 주세요.");
        problem.setTitle("내부 오류");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f ->
                errors.add(new InvalidInput.FieldError(f.getField(), f.getRejectedValue(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(new InvalidInput.FieldError(g.getObjectName(), null, g.getDefaultMessage())));
        return ResponseEntity.unprocessableEntity().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new InvalidInput.FieldError(r.getMethodParameter().getParameterName(), r.getArgument(),
                        err.getDefaultMessage()))));
        return ResponseEntity.unprocessableEntity().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (StrictJson.cause(e, BodyLimits.TooLarge.class) instanceof BodyLimits.TooLarge tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header(HttpHeaders.CONNECTION, "close")
                    .body(BodyLimits.problem(tooLarge.limit()));
        }
        String strict = StrictJson.refusal(e);
        if (strict != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, strict);
            problem.setTitle("읽을 수 없는 요청");
            return ResponseEntity.badRequest().body(problem);
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Object value = mapping instanceof InvalidFormatException f ? f.getValue() : null;
            String message = mapping instanceof UnrecognizedPropertyException ? "알 수 없는 항목입니다"
                    : mapping instanceof StrictInput.OutOfBounds b ? b.getOriginalMessage()
                    : mapping instanceof InvalidFormatException f ? "올바른 형식이 아닙니다 (필요: " + describe(f.getTargetType()) + ")"
                    : mapping instanceof MismatchedInputException m && m.getTargetType() != null
                            ? "올바른 형식이 아닙니다 (필요: " + describe(m.getTargetType()) + ", JSON " + json(m.getTargetType()) + ")"
                    : "형식이 맞지 않습니다";
            return ResponseEntity.unprocessableEntity().body(invalid(List.of(new InvalidInput.FieldError(field, value, message))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "요청 본문이 올바른 JSON이 아닙니다.");
        problem.setTitle("읽을 수 없는 요청");
        return ResponseEntity.badRequest().body(problem);
    }

    private static String json(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "Long", "long", "Integer", "int" -> "숫자로: 소수점·지수·따옴표 없이";
            case "BigDecimal" -> "숫자로: 따옴표 없이";
            case "Boolean", "boolean" -> "true 또는 false로: 따옴표 없이";
            default -> "그 형식의 값으로";
        };
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "실제 있는 날짜(YYYY-MM-DD)";
            case "YearMonth" -> "월(YYYY-MM)";
            case "Long", "long", "Integer", "int" -> "정수";
            case "BigDecimal" -> "숫자";
            case "Boolean", "boolean" -> "true 또는 false";
            default -> type.isEnum() ? java.util.Arrays.toString(type.getEnumConstants()) + " 중 하나" : "올바른 " + type.getSimpleName() + " 값";
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
