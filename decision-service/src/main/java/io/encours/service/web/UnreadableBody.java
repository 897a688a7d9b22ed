package io.encours.service.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * A request body Jackson could not read, told in the API's words: the field (its JSON path) and the JSON
 * type expected there, or where the JSON is malformed. Jackson's own messages name Java classes and its
 * features ({@code StreamReadFeature...}); they are never passed on as they are.
 */
final class UnreadableBody {
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at .*", Pattern.DOTALL);
    private static final Pattern BACKTICKED = Pattern.compile("\\s*\\((?:[^()]*`[^`]*`[^()]*)\\)");

    private UnreadableBody() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        JacksonException json = causeOf(e, JacksonException.class);
        if (json == null) {
            return malformed("The request has no readable JSON body", null);
        }
        if (json instanceof PropertyBindingException unknown) {
            return Problems.invalidFieldsProblem(List.of(new FieldProblem(path(unknown), "is not a known field")));
        }
        if (json instanceof ValueInstantiationException invalid) {
            Throwable cause = invalid.getCause();
            String reason = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? ProblemText.clean(cause.getMessage()) : "has a value that is not valid here";
            return Problems.invalidFieldsProblem(List.of(new FieldProblem(path(invalid), reason)));
        }
        if (json instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty() && mismatch.getOriginalMessage() != null
                    && mismatch.getOriginalMessage().startsWith("No content to map")) {
                return malformed("The request has no JSON body", null);
            }
            return Problems.invalidFieldsProblem(List.of(new FieldProblem(path(mismatch), reason(mismatch))));
        }
        if (json instanceof StreamConstraintsException) {
            return malformed("The JSON exceeds a size limit (nesting depth, number or string length)", json);
        }
        if (json instanceof StreamReadException) {
            String message = json.getOriginalMessage() == null ? "" : json.getOriginalMessage();
            message = START_MARKER.matcher(message).replaceAll("");
            message = BACKTICKED.matcher(message).replaceAll("");
            return malformed("The request body is not valid JSON: " + ProblemText.clean(message), json);
        }
        if (!json.getPath().isEmpty()) {
            return Problems.invalidFieldsProblem(List.of(new FieldProblem(path(json), "has a value that cannot be read")));
        }
        return malformed("The request body cannot be read as the JSON this operation takes", json);
    }

    private static ProblemDetail malformed(String detail, JacksonException json) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON, "Malformed JSON",
                detail);
        TokenStreamLocation location = json == null ? null : json.getLocation();
        if (location != null && location.getLineNr() > 0) {
            problem.setProperty("line", location.getLineNr());
            problem.setProperty("column", location.getColumnNr());
        }
        return problem;
    }

    /** The JSON path of the offending value: {@code invoice.promises[0].status}; {@code body} for the whole. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String reason(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return describe(target) + " expected, got '" + ProblemText.clean(String.valueOf(invalid.getValue())) + "'";
        }
        return describe(target) + " expected";
    }

    /** The JSON type (or enumeration) a Java type stands for in the API. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-06-15";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
