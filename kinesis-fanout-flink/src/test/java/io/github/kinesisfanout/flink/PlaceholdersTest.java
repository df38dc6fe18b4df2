package io.github.kinesisfanout.flink;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Placeholder resolution: required, optional and dropped option lines, quoting, errors. */
class PlaceholdersTest {

    private static final String TABLE = String.join("\n",
            "CREATE TABLE `src` (`ID` INT) WITH (",
            "  'connector' = 'kinesis',",
            "  'stream' = '${input.stream}',",
            "  'aws.region' = '${aws.region}',",
            "  'aws.endpoint' = '${aws.endpoint}',",
            "  'format' = 'json'",
            ");");

    @Test
    void replacesRequiredAndSetOptionalPlaceholders() {
        String resolved = Placeholders.resolve(TABLE,
                Map.of("input.stream", "Transactions", "aws.region", "eu-west-1", "aws.endpoint", "http://127.0.0.1:4566"),
                "application.sql");
        assertEquals(String.join("\n",
                "CREATE TABLE `src` (`ID` INT) WITH (",
                "  'connector' = 'kinesis',",
                "  'stream' = 'Transactions',",
                "  'aws.region' = 'eu-west-1',",
                "  'aws.endpoint' = 'http://127.0.0.1:4566',",
                "  'format' = 'json'",
                ");"), resolved);
    }

    @Test
    void dropsAnUnsetOptionalOptionLineButKeepsTheLineCount() {
        String resolved = Placeholders.resolve(TABLE, Map.of("input.stream", "T", "aws.region", "us-east-1"),
                "application.sql");
        assertEquals(String.join("\n",
                "CREATE TABLE `src` (`ID` INT) WITH (",
                "  'connector' = 'kinesis',",
                "  'stream' = 'T',",
                "  'aws.region' = 'us-east-1',",
                "",
                "  'format' = 'json'",
                ");"), resolved);
    }

    @Test
    void aMissingRequiredPropertyNamesItAndTheLine() {
        JobFailure failure = assertThrows(JobFailure.class,
                () -> Placeholders.resolve(TABLE, Map.of("input.stream", "T"), "application.sql"));
        assertEquals("required property aws.region is not set (used by application.sql line 4): set it in the"
                + " property group FanoutApplication, or run with --property aws.region=VALUE", failure.getMessage());
    }

    @Test
    void anOptionalPlaceholderInsideALongerValueIsNotDropped() {
        String line = "  'x' = 'prefix-${aws.endpoint}',";
        JobFailure failure = assertThrows(JobFailure.class, () -> Placeholders.resolve(line, Map.of(), "a.sql"));
        assertEquals("property aws.endpoint is not set (used by a.sql line 1): set it in the property group"
                + " FanoutApplication, or run with --property aws.endpoint=VALUE", failure.getMessage());
    }

    @Test
    void quotesInValuesAreDoubledInsideTheLiteral() {
        assertEquals("  'stream' = 'it''s',",
                Placeholders.resolve("  'stream' = '${input.stream}',", Map.of("input.stream", "it's"), "a.sql"));
    }

    @Test
    void outputPlaceholdersAreRequired() {
        assertEquals("  'stream' = 'Positive',", Placeholders.resolve("  'stream' = '${output.POSITIVE.stream}',",
                Map.of("output.POSITIVE.stream", "Positive"), "a.sql"));
        assertThrows(JobFailure.class,
                () -> Placeholders.resolve("  'stream' = '${output.NEG.stream}',", Map.of(), "a.sql"));
    }

    @Test
    void anUnclosedPlaceholderIsAnError() {
        JobFailure failure = assertThrows(JobFailure.class,
                () -> Placeholders.resolve("a\n  'stream' = '${input.stream',", Map.of(), "a.sql"));
        assertEquals("a.sql line 2, column 15: placeholder ${ is not closed with }", failure.getMessage());
    }

    @Test
    void recognisesOnlyWholeValueOptionLines() {
        assertEquals("aws.endpoint", OptionLine.wholeValuePlaceholder("  'aws.endpoint' = '${aws.endpoint}',"));
        assertEquals("aws.endpoint", OptionLine.wholeValuePlaceholder("'aws.endpoint'='${aws.endpoint}'"));
        assertEquals(null, OptionLine.wholeValuePlaceholder("  'aws.endpoint' = '${aws.endpoint}', 'format' = 'x'"));
        assertEquals(null, OptionLine.wholeValuePlaceholder("  WHERE x = '${aws.endpoint}'"));
        assertEquals(null, OptionLine.wholeValuePlaceholder("  'a' = 'b${aws.endpoint}',"));
    }
}
