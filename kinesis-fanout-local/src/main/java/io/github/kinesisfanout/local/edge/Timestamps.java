package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Timestamps in service input and output trees, independent of the wire format.
 *
 * <p>A service puts {@link #node(Instant)} in its output; each codec renders it its own way (JSON
 * 1.1: epoch seconds with a fraction; CBOR: tag 1 with epoch milliseconds, as the AWS SDK for
 * Java v2 writes and reads them). On input, {@link #read(JsonNode)} accepts what any codec decoded.
 */
public final class Timestamps {

    /** CBOR tag 1: epoch-based date/time; the AWS SDKs put epoch milliseconds under it. */
    static final int CBOR_EPOCH_TAG = 1;

    private Timestamps() {
    }

    /** A tree node holding a timestamp, rendered by each codec in its protocol's format. */
    public static JsonNode node(Instant instant) {
        return new POJONode(instant);
    }

    /** The instant held by a timestamp node, or null when the node is not one. */
    public static Instant instantOf(JsonNode node) {
        return node instanceof POJONode pojo && pojo.getPojo() instanceof Instant instant ? instant : null;
    }

    /**
     * Reads a timestamp member: a decoded CBOR timestamp, epoch seconds (JSON numbers, fraction
     * allowed, as AWS JSON 1.1 sends them) or an ISO-8601 string.
     *
     * @throws IllegalArgumentException when the value is no timestamp
     */
    public static Instant read(JsonNode node) {
        Instant decoded = instantOf(node);
        if (decoded != null) {
            return decoded;
        }
        if (node.isNumber()) {
            return fromEpochSeconds(node.decimalValue());
        }
        if (node.isTextual()) {
            String text = node.textValue();
            try {
                return fromEpochSeconds(new BigDecimal(text));
            } catch (NumberFormatException notNumeric) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a timestamp: " + text, e);
                }
            }
        }
        throw new IllegalArgumentException("not a timestamp: " + node);
    }

    /**
     * Writes a timestamp the way the generator's protocol renders it: CBOR tag 1 with epoch
     * milliseconds (as the AWS SDK for Java v2 writes and reads them), JSON epoch seconds with the
     * millisecond fraction.
     */
    public static void write(long epochMillis, JsonGenerator out) throws IOException {
        if (out instanceof CBORGenerator cbor) {
            cbor.writeTag(CBOR_EPOCH_TAG);
            cbor.writeNumber(epochMillis);
        } else {
            out.writeNumber(BigDecimal.valueOf(epochMillis, 3));
        }
    }

    /** Epoch seconds with the millisecond fraction, as AWS JSON protocols render timestamps. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static Instant fromEpochSeconds(BigDecimal seconds) {
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
