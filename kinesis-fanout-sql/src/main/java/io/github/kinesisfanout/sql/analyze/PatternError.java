package io.github.kinesisfanout.sql.analyze;

/**
 * A malformed or unsupported pattern or format string of a log-parsing function (FAST_REGEX_LOG_PARSE's
 * pattern, W3C_LOG_PARSE's format); {@code at} is the 0-based character it was found at.
 */
final class PatternError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int at;

    PatternError(int at, String message) {
        super(message);
        this.at = at;
    }
}
