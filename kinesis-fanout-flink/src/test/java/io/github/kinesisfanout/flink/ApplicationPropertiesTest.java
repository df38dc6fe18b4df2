package io.github.kinesisfanout.flink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Property groups: flattening, duplicates, shape errors and command-line overrides. */
class ApplicationPropertiesTest {

    private static final String GROUPS = "[{\"PropertyGroupId\":\"FanoutApplication\",\"PropertyMap\":"
            + "{\"aws.region\":\"us-east-1\",\"aws.endpoint\":\"http://127.0.0.1:4566\"}},"
            + "{\"PropertyGroupId\":\"FanoutStreams\",\"PropertyMap\":{\"input.stream\":\"Transactions\"}}]";

    @Test
    void flattensAllGroups() {
        assertEquals(Map.of("aws.region", "us-east-1", "aws.endpoint", "http://127.0.0.1:4566",
                "input.stream", "Transactions"), ApplicationProperties.fromJson(GROUPS, "p.json"));
    }

    @Test
    void theSameKeyInTwoGroupsIsAnError() {
        String json = "[{\"PropertyGroupId\":\"A\",\"PropertyMap\":{\"input.stream\":\"x\"}},"
                + "{\"PropertyGroupId\":\"B\",\"PropertyMap\":{\"input.stream\":\"y\"}}]";
        JobFailure failure = assertThrows(JobFailure.class, () -> ApplicationProperties.fromJson(json, "p.json"));
        assertEquals("property input.stream is set in two property groups, A and B: keep it in one",
                failure.getMessage());
    }

    @Test
    void theShapeIsChecked() {
        assertEquals("properties p.json must be a JSON array of {\"PropertyGroupId\": ..., \"PropertyMap\": {...}}",
                assertThrows(JobFailure.class, () -> ApplicationProperties.fromJson("{}", "p.json")).getMessage());
        assertEquals("properties p.json: group 1 needs a string PropertyGroupId and an object PropertyMap",
                assertThrows(JobFailure.class, () -> ApplicationProperties.fromJson(
                        "[{\"PropertyGroupId\":\"A\",\"PropertyMap\":{}},{\"PropertyMap\":{}}]", "p.json"))
                        .getMessage());
    }

    @Test
    void commandLinePropertiesOverrideTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, GROUPS);
        JobArguments arguments = JobArguments.parse("--properties", file.toString(),
                "--property", "input.stream=Other", "--property", "x=a=b");
        Map<String, String> properties = ApplicationProperties.load(arguments);
        assertEquals("Other", properties.get("input.stream"));
        assertEquals("a=b", properties.get("x"));
        assertEquals("us-east-1", properties.get("aws.region"));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("none.json");
        assertEquals("properties file " + file + " does not exist",
                assertThrows(JobFailure.class, () -> ApplicationProperties.fromJsonFile(file)).getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("argument --property takes key=value, not 'novalue'",
                assertThrows(JobFailure.class, () -> JobArguments.parse("--property", "novalue")).getMessage());
        assertThrows(JobFailure.class, () -> JobArguments.parse("--sql"));
        assertThrows(JobFailure.class, () -> JobArguments.parse("--unknown", "x"));
    }
}
