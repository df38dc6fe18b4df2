package io.github.kinesisfanout.flink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The job's command line: {@code --sql FILE}, {@code --properties FILE}, {@code --property k=v}, and the local-run switches. */
public final class JobArguments {

    private String sqlFile;
    private String propertiesFile;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> flinkConfiguration = new LinkedHashMap<>();
    private String savepoint;
    private String controlFile;

    private JobArguments() {
    }

    /** Parses the arguments, failing with the argument at fault. */
    public static JobArguments parse(String... args) {
        JobArguments parsed = new JobArguments();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String name = rest.remove(0);
            if (rest.isEmpty()) {
                throw new JobFailure("argument " + name + " needs a value" + usage());
            }
            String value = rest.remove(0);
            switch (name) {
                case "--sql":
                    parsed.sqlFile = value;
                    break;
                case "--properties":
                    parsed.propertiesFile = value;
                    break;
                case "--property":
                    putPair(parsed.properties, name, value);
                    break;
                case "--flink-conf":
                    putPair(parsed.flinkConfiguration, name, value);
                    break;
                case "--savepoint":
                    parsed.savepoint = value;
                    break;
                case "--control-file":
                    parsed.controlFile = value;
                    break;
                default:
                    throw new JobFailure("unknown argument " + name + usage());
            }
        }
        return parsed;
    }

    private static void putPair(Map<String, String> target, String name, String pair) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            throw new JobFailure("argument " + name + " takes key=value, not '" + pair + "'");
        }
        target.put(pair.substring(0, equals).trim(), pair.substring(equals + 1));
    }

    private static String usage() {
        return " (arguments: [--sql FILE] [--properties FILE] [--property key=value]... [--flink-conf key=value]..."
                + " [--savepoint PATH] [--control-file FILE])";
    }

    /** The script file given with {@code --sql}, or null for the jar's {@code kinesis-fanout/application.sql}. */
    public String sqlFile() {
        return sqlFile;
    }

    /** The JSON property groups file given with {@code --properties}, or null. */
    public String propertiesFile() {
        return propertiesFile;
    }

    /** The {@code --property} overrides, in order. */
    public Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    /** Flink configuration entries applied when the job runs on its own local MiniCluster. */
    public Map<String, String> flinkConfiguration() {
        return Collections.unmodifiableMap(flinkConfiguration);
    }

    /** The savepoint to restore a local run from, or null. */
    public String savepoint() {
        return savepoint;
    }

    /** The file through which a launcher asks a local run to cancel or stop with a savepoint, or null. */
    public String controlFile() {
        return controlFile;
    }
}
