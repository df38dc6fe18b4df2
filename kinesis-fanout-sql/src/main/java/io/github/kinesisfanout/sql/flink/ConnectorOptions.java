package io.github.kinesisfanout.sql.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * The WITH options of Kinesis tables for either connector generation; values are placeholders the job
 * resolves, optional ones never last (the job drops a line whose optional placeholder is unset).
 */
final class ConnectorOptions {

    private ConnectorOptions() {
    }

    static List<String[]> source(boolean legacy) {
        List<String[]> options = new ArrayList<>();
        options.add(option("connector", "kinesis"));
        options.add(legacy ? option("stream", "${input.stream}") : option("stream.arn", "${input.stream}"));
        common(options);
        options.add(legacy ? option("scan.stream.initpos", "${scan.stream.initpos}")
                : option("source.init.position", "${source.init.position}"));
        return options;
    }

    static List<String[]> sink(boolean legacy, String stream) {
        List<String[]> options = new ArrayList<>();
        options.add(option("connector", "kinesis"));
        String placeholder = "${output." + stream + ".stream}";
        options.add(legacy ? option("stream", placeholder) : option("stream.arn", placeholder));
        common(options);
        options.add(option("sink.http-client.protocol.version", "${sink.http-client.protocol.version}"));
        // The Kinesis sink's default flush timeout (5 s) holds a lightly loaded output's rows that long;
        // Kinesis Analytics delivered them in about a second.
        options.add(option("sink.flush-buffer.timeout", "1000"));
        return options;
    }

    private static void common(List<String[]> options) {
        options.add(option("aws.region", "${aws.region}"));
        options.add(option("aws.endpoint", "${aws.endpoint}"));
        options.add(option("aws.credentials.provider", "${aws.credentials.provider}"));
        options.add(option("aws.credentials.basic.accesskeyid", "${aws.credentials.basic.accesskeyid}"));
        options.add(option("aws.credentials.basic.secretkey", "${aws.credentials.basic.secretkey}"));
        options.add(option("aws.trust.all.certificates", "${aws.trust.all.certificates}"));
    }

    static String[] option(String key, String value) {
        return new String[] {key, value};
    }

    /** {@code WITH (...)}: one option a line; the last is the fixed {@code format}. */
    static String with(List<String[]> options, List<String[]> format) {
        List<String[]> all = new ArrayList<>(options);
        all.addAll(format);
        StringBuilder out = new StringBuilder(") WITH (\n");
        for (int i = 0; i < all.size(); i++) {
            out.append("  ").append(Sql.str(all.get(i)[0])).append(" = ").append(Sql.str(all.get(i)[1]))
                    .append(i == all.size() - 1 ? "\n" : ",\n");
        }
        return out.append(");").toString();
    }

    /** The format options of a JSON or CSV table, {@code format} last. */
    static List<String[]> format(String type, boolean source, String fieldDelimiter) {
        List<String[]> options = new ArrayList<>();
        if ("CSV".equalsIgnoreCase(type)) {
            options.add(option("csv.field-delimiter", fieldDelimiter == null ? "," : fieldDelimiter));
            if (source) {
                options.add(option("csv.ignore-parse-errors", "true"));
            }
            options.add(option("format", "csv"));
        } else if ("RAW".equals(type)) {
            options.add(option("raw.charset", "UTF-8"));
            options.add(option("format", "raw"));
        } else {
            if (source) {
                options.add(option("json.fail-on-missing-field", "false"));
                options.add(option("json.ignore-parse-errors", "true"));
            } else {
                options.add(option("json.encode.decimal-as-plain-number", "true"));
            }
            options.add(option("format", "json"));
        }
        return options;
    }
}
