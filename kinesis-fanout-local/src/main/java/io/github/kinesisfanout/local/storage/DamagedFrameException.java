package io.github.kinesisfanout.local.storage;

/** A frame read back from a segment is short or fails its CRC32C check: the file was damaged on disk. */
public final class DamagedFrameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DamagedFrameException(String message) {
        super(message);
    }
}
