package io.github.kinesisfanout.sql.run;

/** A record or value that cannot become a row (reference §3.2); the record goes to error_stream. */
final class CoercionException extends RuntimeException {

    private final String errorName;

    CoercionException(String errorName, String message) {
        super(message, null, false, false);
        this.errorName = errorName;
    }

    static CoercionException coercion(String message) {
        return new CoercionException("Coercion_Error", message);
    }

    String errorName() {
        return errorName;
    }
}
