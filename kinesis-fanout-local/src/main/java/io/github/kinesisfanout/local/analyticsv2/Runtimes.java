package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The RuntimeEnvironment values: read as strings (so values newer than a client's SDK pass), the
 * Flink ones this local cloud runs mapped to the Flink release whose runtime it puts on the classpath.
 */
final class Runtimes {

    /** Every value of the service model's RuntimeEnvironment enum, plus FLINK-2_2. */
    static final List<String> ALL = List.of("SQL-1_0", "FLINK-1_6", "FLINK-1_8", "ZEPPELIN-FLINK-1_0", "FLINK-1_11",
            "FLINK-1_13", "ZEPPELIN-FLINK-2_0", "FLINK-1_15", "ZEPPELIN-FLINK-3_0", "FLINK-1_18", "FLINK-1_19",
            "FLINK-1_20", "FLINK-2_2");

    private static final Map<String, String> FLINK_RELEASES = Map.of(
            "FLINK-1_15", "1.15.4",
            "FLINK-1_18", "1.18.1",
            "FLINK-1_19", "1.19.3",
            "FLINK-1_20", "1.20.3",
            "FLINK-2_2", "2.2.0");

    private Runtimes() {
    }

    /**
     * Reads a RuntimeEnvironment member: in the enum, and one this local cloud can run; null when absent
     * and not required.
     */
    static String read(JsonNode in, String member, String path, boolean required) {
        String runtime = MEMBERS.optionalEnum(in, member, path, ALL);
        if (runtime == null) {
            if (required) {
                throw MEMBERS.violation("null", path, "Member must not be null");
            }
            return null;
        }
        if (runtime.equals("SQL-1_0")) {
            throw FlinkErrors.UNSUPPORTED_OPERATION.error(
                    "RuntimeEnvironment SQL-1_0 is not supported: Kinesis Data Analytics for"
                    + " SQL applications are discontinued. Run the SQL as a Managed Service for Apache Flink"
                    + " application (RuntimeEnvironment FLINK-1_19 or later), or use the Kinesis Analytics v1 API"
                    + " (KinesisAnalytics_20150814), which this local cloud still serves.");
        }
        if (!FLINK_RELEASES.containsKey(runtime)) {
            throw FlinkErrors.UNSUPPORTED_OPERATION.error(
                    "RuntimeEnvironment " + runtime + " is not supported by this local cloud;"
                    + " supported: " + String.join(", ", FLINK_RELEASES.keySet().stream().sorted().toList()) + ".");
        }
        return runtime;
    }

    /** The Flink release a runtime runs on, e.g. 1.19.3 for FLINK-1_19. */
    static String flinkVersion(String runtime) {
        return FLINK_RELEASES.get(runtime);
    }
}
