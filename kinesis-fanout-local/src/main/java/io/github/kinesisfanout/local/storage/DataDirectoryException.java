package io.github.kinesisfanout.local.storage;

/** A data directory that cannot be used: locked by another cloud, of an unknown format, or unreadable. */
public final class DataDirectoryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DataDirectoryException(String message) {
        super(message);
    }

    public DataDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
