package io.github.kinesisfanout.sql.plan;

/** A value that cannot be computed for one row; the row goes to error_stream with this error name. */
public final class EvaluationException extends RuntimeException {

    private final String errorName;

    public EvaluationException(String errorName, String message) {
        super(message, null, false, false);
        this.errorName = errorName;
    }

    public static EvaluationException arithmetic(String message) {
        return new EvaluationException("Arithmetic_Error", message);
    }

    public static EvaluationException cast(String message) {
        return new EvaluationException("Cast_Error", message);
    }

    /** The ERROR_NAME of the error row, e.g. {@code Arithmetic_Error}. */
    public String errorName() {
        return errorName;
    }
}
