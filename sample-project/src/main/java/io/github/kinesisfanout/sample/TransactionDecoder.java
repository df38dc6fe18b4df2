package io.github.kinesisfanout.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Decodes the JSON payload of an output record, {@code {"ID":17,"USERNAME":"alice","AMOUNT":12.34}},
 * into a {@link Transaction}.
 *
 * <p>A Kinesis Analytics JSON output keys each object by the in-application column names as
 * stored (upper case for unquoted names), so the members are matched case-sensitively. Members
 * that are absent decode as null; unknown members are ignored so the SQL can add columns without
 * breaking the consumers. Only jackson-core's streaming parser is used to keep the Lambda jar small.
 */
public final class TransactionDecoder {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Decodes one record.
     *
     * @param data the record bytes, UTF-8 JSON
     * @return the transaction
     * @throws MalformedTransactionException naming what is wrong with the record
     */
    public Transaction decode(byte[] data) {
        try (JsonParser parser = JSON.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedTransactionException("record is not a JSON object: " + preview(data));
            }
            Integer id = null;
            String username = null;
            BigDecimal amount = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "ID" -> id = integer(parser, value);
                    case "USERNAME" -> username = text(parser, value);
                    case "AMOUNT" -> amount = decimal(parser, value);
                    default -> parser.skipChildren();
                }
            }
            return new Transaction(id, username, amount);
        } catch (IOException e) {
            throw new MalformedTransactionException("record is not valid JSON: " + preview(data), e);
        }
    }

    private static Integer integer(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new MalformedTransactionException("ID is not an integer: " + parser.getText());
        }
        return parser.getIntValue();
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedTransactionException("USERNAME is not a string: " + parser.getText());
        }
        return parser.getText();
    }

    private static BigDecimal decimal(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new MalformedTransactionException("AMOUNT is not a number: " + parser.getText());
        }
        return parser.getDecimalValue();
    }

    private static String preview(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
