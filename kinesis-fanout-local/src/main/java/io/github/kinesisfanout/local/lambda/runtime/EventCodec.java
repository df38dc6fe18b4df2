package io.github.kinesisfanout.local.lambda.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Date;

/**
 * Turns the JSON payload into the handler's input object and its result back into JSON, the way
 * AWS's Java runtime (aws-lambda-java-serialization) does. The local cloud's Jackson fills the
 * handler's own classes by reflection, so the event classes stay those of the function's class
 * loader (its aws-lambda-java-events) and no Jackson is put into the function. As in AWS's
 * runtime: property names match case-insensitively (its mixins map {@code Records},
 * {@code eventSourceARN}...), unknown members are ignored, a {@code Date} is read from epoch
 * seconds with a fraction ({@code approximateArrivalTimestamp: 1545084650.987}) and a
 * {@code ByteBuffer} from base64 (Kinesis {@code data}).
 *
 * <p>One codec per environment: Jackson caches type information per class, and a shared cache
 * would keep every function class loader alive.
 */
final class EventCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(new SimpleModule("aws-lambda-dates").addDeserializer(Date.class, new EpochSecondsDate()))
            .build();

    Object decode(byte[] payload, Type type) {
        try {
            if (type == String.class) {
                var node = mapper.readTree(payload);
                return node != null && node.isTextual() ? node.asText() : new String(payload, java.nio.charset.StandardCharsets.UTF_8);
            }
            return mapper.readValue(payload, mapper.getTypeFactory().constructType(type));
        } catch (IOException e) {
            throw new HandlerException("An error occurred during JSON parsing: " + e.getMessage(), e);
        }
    }

    byte[] encode(Object result) {
        try {
            return mapper.writeValueAsBytes(result);
        } catch (IOException e) {
            throw new HandlerException("An error occurred during JSON serialization of response: " + e.getMessage(), e);
        }
    }

    /** AWS's DateModule: numbers are epoch seconds (with a millisecond fraction), strings ISO-8601. */
    private static final class EpochSecondsDate extends JsonDeserializer<Date> {
        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return Date.from(Instant.parse(parser.getText()));
            }
            return new Date(Math.round(parser.getDoubleValue() * 1000));
        }
    }
}
