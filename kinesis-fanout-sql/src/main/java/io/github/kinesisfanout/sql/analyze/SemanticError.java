package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;

/** A semantic error (unknown name, wrong type, unsupported construct) at its position. */
public final class SemanticError extends RuntimeException {

    private final SourcePos pos;
    private final String unknownSource;

    public SemanticError(SourcePos pos, String message) {
        this(pos, message, null);
    }

    /**
     * An error about a joined FROM item that names no stream or table (it may be a reference table the host adds
     * later): {@code unknownSource} is the name as stored.
     */
    public SemanticError(SourcePos pos, String message, String unknownSource) {
        super(message, null, false, false);
        this.pos = pos;
        this.unknownSource = unknownSource;
    }

    public SourcePos pos() {
        return pos;
    }

    /** The name of the joined FROM item that was not found, or null for any other error. */
    public String unknownSource() {
        return unknownSource;
    }
}
