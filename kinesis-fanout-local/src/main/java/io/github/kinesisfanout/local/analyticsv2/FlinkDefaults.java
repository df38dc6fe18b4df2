package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Flink settings an application runs with: with ConfigurationType DEFAULT the service's defaults
 * (checkpoints every 60 s, 5 s apart at least; parallelism 1; INFO logs), with CUSTOM the given values.
 */
final class FlinkDefaults {

    private FlinkDefaults() {
    }

    static boolean custom(JsonNode configuration) {
        return "CUSTOM".equals(configuration.path("ConfigurationType").asText());
    }

    static ObjectNode checkpoint(JsonNode in) {
        boolean custom = custom(in);
        return JsonNodeFactory.instance.objectNode().put("ConfigurationType", custom ? "CUSTOM" : "DEFAULT")
                .put("CheckpointingEnabled", custom ? in.path("CheckpointingEnabled").asBoolean(true) : true)
                .put("CheckpointInterval", custom ? in.path("CheckpointInterval").asLong(60_000) : 60_000)
                .put("MinPauseBetweenCheckpoints", custom ? in.path("MinPauseBetweenCheckpoints").asLong(5_000) : 5_000);
    }

    static ObjectNode monitoring(JsonNode in) {
        boolean custom = custom(in);
        return JsonNodeFactory.instance.objectNode().put("ConfigurationType", custom ? "CUSTOM" : "DEFAULT")
                .put("MetricsLevel", custom ? in.path("MetricsLevel").asText("APPLICATION") : "APPLICATION")
                .put("LogLevel", custom ? in.path("LogLevel").asText("INFO") : "INFO");
    }

    static ObjectNode parallelism(JsonNode in) {
        boolean custom = custom(in);
        int parallelism = custom ? in.path("Parallelism").asInt(1) : 1;
        return JsonNodeFactory.instance.objectNode().put("ConfigurationType", custom ? "CUSTOM" : "DEFAULT")
                .put("Parallelism", parallelism)
                .put("ParallelismPerKPU", custom ? in.path("ParallelismPerKPU").asInt(1) : 1)
                .put("CurrentParallelism", parallelism)
                .put("AutoScalingEnabled", custom && in.path("AutoScalingEnabled").asBoolean(false));
    }
}
