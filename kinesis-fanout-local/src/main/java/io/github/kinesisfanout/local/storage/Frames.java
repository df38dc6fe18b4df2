package io.github.kinesisfanout.local.storage;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The frame of every appended entry: a 4-byte payload length, the payload's 4-byte CRC32C, then the
 * payload. A frame that is short or whose checksum does not match marks a torn write.
 */
public final class Frames {

    /** Frame header bytes: length and checksum. */
    public static final int HEADER_BYTES = 8;
    /** No payload is bigger (a Kinesis record is 1 MiB at most); a larger length is damage. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private Frames() {
    }

    /** The payloads framed one after the other in one buffer, ready to write in one call. */
    public static ByteBuffer encode(List<ByteBuffer> payloads) {
        int total = 0;
        for (ByteBuffer payload : payloads) {
            total += HEADER_BYTES + payload.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        CRC32C crc = new CRC32C();
        for (ByteBuffer payload : payloads) {
            crc.reset();
            crc.update(payload.duplicate());
            out.putInt(payload.remaining()).putInt((int) crc.getValue()).put(payload.duplicate());
        }
        return out.flip();
    }

    /**
     * The length of the frame starting at {@code position} of {@code bytes} (header included), or -1
     * when it is incomplete or damaged.
     */
    public static int check(ByteBuffer bytes, int position) {
        if (bytes.limit() - position < HEADER_BYTES) {
            return -1;
        }
        int length = bytes.getInt(position);
        if (length < 0 || length > MAX_PAYLOAD_BYTES || bytes.limit() - position - HEADER_BYTES < length) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.slice(position + HEADER_BYTES, length));
        return (int) crc.getValue() == bytes.getInt(position + 4) ? HEADER_BYTES + length : -1;
    }
}
