package io.github.kinesisfanout.sql.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The routing of {@link TransactionRoutingBenchmark} written by hand with Jackson's streaming API, the
 * yardstick the engine is measured against: a parser per record reads ID, USERNAME and AMOUNT, the
 * sign of AMOUNT picks the output, and a generator writes the same JSON bytes the engine's outputs
 * write ({@code {"ID":123456,"USERNAME":"user-42","AMOUNT":-123.45}}).
 */
final class HandCodedRouting {

    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(128);
    private final byte[][] records;
    private final Blackhole positive;
    private final Blackhole negative;
    private int next;

    HandCodedRouting(byte[][] records, Blackhole positive, Blackhole negative) {
        this.records = records;
        this.positive = positive;
        this.negative = negative;
    }

    void route(int count) {
        for (int i = 0; i < count; i++) {
            byte[] data = records[next];
            next = (next + 1) & (records.length - 1);
            routeOne(data);
        }
    }

    private void routeOne(byte[] data) {
        int id = 0;
        String username = null;
        BigDecimal amount = null;
        try (JsonParser parser = factory.createParser(data)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "ID" -> id = parser.getIntValue();
                    case "USERNAME" -> username = parser.getText();
                    case "AMOUNT" -> amount = parser.getDecimalValue().setScale(2);
                    default -> parser.skipChildren();
                }
            }
            buffer.reset();
            try (JsonGenerator out = factory.createGenerator(buffer)) {
                out.writeStartObject();
                out.writeNumberField("ID", id);
                out.writeStringField("USERNAME", username);
                out.writeFieldName("AMOUNT");
                out.writeNumber(amount);
                out.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        (amount.signum() >= 0 ? positive : negative).consume(buffer.toByteArray());
    }
}
