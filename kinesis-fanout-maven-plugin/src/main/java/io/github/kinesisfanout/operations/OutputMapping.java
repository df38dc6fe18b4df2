package io.github.kinesisfanout.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outputs mapping as the goals read it: the plugin configuration's {@code <outputs>}, then the
 * entries of a property written {@code NAME=STREAM[:FORMAT][@FUNCTION],...}, each checked (a name
 * and a stream, format JSON or CSV, no in-application stream mapped twice) and trimmed.
 *
 * <p>On one line the stream is a name or an ARN; {@code :FORMAT} follows it (a stream name holds no
 * colon, a stream ARN exactly five), and {@code @FUNCTION} comes last ({@code @} appears in no stream
 * name, ARN or function name): {@code NEGATIVE_TRANSACTIONS=arn:aws:kinesis:us-east-1:123456789012:stream/Negative:CSV@negative-consumer}.
 */
public final class OutputMapping {

    /** How one entry of the property is written. */
    public static final String SYNTAX = "NAME=STREAM[:FORMAT][@FUNCTION]";

    private static final List<String> FORMATS = List.of("JSON", "CSV");
    private static final int ARN_COLONS = 5;

    private final Map<String, ApplicationOutput> outputs = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    private OutputMapping() {
    }

    /** The mapping of the plugin configuration's {@code <outputs>} (null: none). */
    public static OutputMapping configured(List<ApplicationOutput> configured) {
        OutputMapping mapping = new OutputMapping();
        if (configured == null) {
            return mapping;
        }
        for (int i = 0; i < configured.size(); i++) {
            ApplicationOutput output = configured.get(i);
            String where = "<output> number " + (i + 1) + " of <outputs>";
            if (output == null || blank(output.name()) || blank(output.stream())) {
                throw new FanoutException(where + " needs a <name> (the in-application stream, e.g."
                        + " POSITIVE_TRANSACTIONS) and a <stream> (the Kinesis stream it is written to, e.g."
                        + " ${fanout.output.PositiveStreamName}); a ${fanout.output.*} property is empty until"
                        + " deploy-stack has run in the same build");
            }
            String format = output.format().trim().toUpperCase(Locale.ROOT);
            if (!FORMATS.contains(format)) {
                throw new FanoutException(where + " (" + output.name().trim() + ") has <format> " + output.format()
                        + ": it must be JSON or CSV");
            }
            mapping.add(new ApplicationOutput(output.name().trim(), output.stream().trim(), format,
                    output.function() == null ? null : output.function().trim(), output.logMarker(),
                    List.copyOf(output.ignoreColumns())), "<outputs>");
        }
        return mapping;
    }

    /**
     * This mapping and the entries of {@code line}.
     *
     * @param line the property's value, entries separated by commas; null or blank adds nothing
     * @param property the user property it came from, named in the errors
     */
    public OutputMapping plus(String line, String property) {
        if (blank(line)) {
            return this;
        }
        for (String entry : line.split(",", -1)) {
            add(parse(entry.trim(), line, property), "-D" + property);
        }
        return this;
    }

    /**
     * This mapping and one more output.
     *
     * @param source where it came from, for the error when its name is mapped already, e.g. {@code <errorStream>}
     */
    public OutputMapping plusOutput(ApplicationOutput output, String source) {
        add(output, source);
        return this;
    }

    /** The outputs, configuration first, then each property's in the order given. */
    public List<ApplicationOutput> outputs() {
        return List.copyOf(outputs.values());
    }

    /** Whether an output is mapped for this in-application stream. */
    public boolean maps(String name) {
        return outputs.containsKey(name);
    }

    private void add(ApplicationOutput output, String source) {
        String earlier = sources.putIfAbsent(output.name(), source);
        if (earlier != null) {
            throw new FanoutException("Output " + output.name() + " is mapped twice, in " + earlier
                    + (earlier.equals(source) ? "" : " and in " + source) + ": each in-application stream goes to"
                    + " one Kinesis stream; keep one");
        }
        outputs.put(output.name(), output);
    }

    private static ApplicationOutput parse(String entry, String line, String property) {
        if (entry.isEmpty()) {
            throw new FanoutException("-D" + property + "=" + line + " has an empty entry: write the entries "
                    + SYNTAX + " separated by single commas");
        }
        int equals = entry.indexOf('=');
        if (equals <= 0 || equals == entry.length() - 1) {
            throw new FanoutException("'" + entry + "' in -D" + property + " is not " + SYNTAX + ": write e.g. -D"
                    + property + "=POSITIVE_TRANSACTIONS=PositiveTransactions:JSON@positive-consumer");
        }
        String name = entry.substring(0, equals).trim();
        String target = entry.substring(equals + 1).trim();
        String function = null;
        int at = target.indexOf('@');
        if (at >= 0) {
            function = target.substring(at + 1).trim();
            target = target.substring(0, at).trim();
            if (function.isEmpty() || function.contains("@")) {
                throw new FanoutException("'" + entry + "' in -D" + property + " needs one function name after its"
                        + " @ (" + SYNTAX + "), or no @ at all");
            }
        }
        int colon = formatColon(target);
        String stream = colon < 0 ? target : target.substring(0, colon).trim();
        String format = colon < 0 ? ApplicationOutput.DEFAULT_FORMAT
                : target.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
        if (stream.isEmpty()) {
            throw new FanoutException("'" + entry + "' in -D" + property + " has no stream before its format: write "
                    + SYNTAX);
        }
        if (!FORMATS.contains(format)) {
            throw new FanoutException("'" + entry + "' in -D" + property + " has format '"
                    + target.substring(colon + 1).trim() + "': it must be JSON or CSV (" + SYNTAX + ")");
        }
        return new ApplicationOutput(name, stream, format, function);
    }

    /** Where the format starts: the colon after a stream name, or after an ARN's fifth; -1 when there is none. */
    private static int formatColon(String target) {
        if (!target.startsWith("arn:")) {
            return target.indexOf(':');
        }
        int colon = -1;
        for (int i = 0; i <= ARN_COLONS; i++) {
            colon = target.indexOf(':', colon + 1);
            if (colon < 0) {
                return -1;
            }
        }
        return colon;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
