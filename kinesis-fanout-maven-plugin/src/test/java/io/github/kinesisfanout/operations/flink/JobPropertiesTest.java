package io.github.kinesisfanout.operations.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPropertiesTest {

    @Test
    void writesOneGroupInTheShapeOfEnvironmentProperties() throws Exception {
        JobProperties properties = new JobProperties(Map.of("aws.region", "eu-west-1"),
                new LinkedHashMap<>(Map.of("input.stream", "Transactions")));

        JsonNode json = new ObjectMapper().readTree(properties.toJson());

        assertEquals(new ObjectMapper().readTree("[{\"PropertyGroupId\":\"FanoutApplication\",\"PropertyMap\":"
                + "{\"aws.region\":\"eu-west-1\",\"input.stream\":\"Transactions\"}}]"), json);
    }

    @Test
    void movesTheStreamsToTheirOwnGroupPastFiftyProperties() {
        Map<String, String> streams = new LinkedHashMap<>();
        streams.put("input.stream", "In");
        for (int i = 1; i <= 49; i++) {
            streams.put("output.OUT_" + i + ".stream", "Out" + i);
        }
        // 1 + 50 = 51 properties: one over the limit of a group.
        JobProperties properties = new JobProperties(Map.of("aws.region", "us-east-1"), streams);

        Map<String, Map<String, String>> groups = properties.groups();
        assertEquals(List.of("FanoutApplication", "FanoutStreams"), List.copyOf(groups.keySet()));
        assertEquals(Map.of("aws.region", "us-east-1"), groups.get("FanoutApplication"));
        assertEquals(50, groups.get("FanoutStreams").size());
        assertEquals(51, properties.flattened().size());
    }

    @Test
    void keepsFiftyPropertiesInOneGroup() {
        Map<String, String> streams = new LinkedHashMap<>();
        for (int i = 1; i <= 49; i++) {
            streams.put("output.OUT_" + i + ".stream", "Out" + i);
        }
        JobProperties properties = new JobProperties(Map.of("aws.region", "us-east-1"), streams);

        assertEquals(List.of("FanoutApplication"), List.copyOf(properties.groups().keySet()));
    }
}
