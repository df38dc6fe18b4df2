package io.github.kinesisfanout.sql.parse;

/** A syntax error found while parsing application code, at its position. */
public final class ParseError extends RuntimeException {

    private final SourcePos pos;

    public ParseError(SourcePos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    public SourcePos pos() {
        return pos;
    }
}
