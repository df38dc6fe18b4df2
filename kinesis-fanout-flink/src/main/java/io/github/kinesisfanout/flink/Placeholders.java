package io.github.kinesisfanout.flink;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Replaces the {@code ${name}} placeholders of a script with property values, dropping unset optional option lines. */
public final class Placeholders {

    /** The properties a script may leave unset: an option line whose whole value is one of them is dropped. */
    public static final Set<String> OPTIONAL = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "aws.endpoint",
            "aws.credentials.provider",
            "aws.credentials.basic.accesskeyid",
            "aws.credentials.basic.secretkey",
            "scan.stream.initpos",
            "source.init.position",
            "sink.http-client.protocol.version",
            "aws.trust.all.certificates")));

    private Placeholders() {
    }

    /**
     * The script with every placeholder replaced; a dropped line becomes an empty line, so line
     * numbers stay those of the original script.
     *
     * @param scriptName names the script in errors
     */
    public static String resolve(String script, Map<String, String> properties, String scriptName) {
        StringBuilder out = new StringBuilder(script.length());
        int lineNumber = 1;
        int start = 0;
        while (start <= script.length()) {
            int newline = script.indexOf('\n', start);
            int end = newline < 0 ? script.length() : newline;
            String line = script.substring(start, end);
            out.append(resolveLine(line, properties, scriptName, lineNumber));
            if (newline < 0) {
                break;
            }
            out.append('\n');
            start = newline + 1;
            lineNumber++;
        }
        return out.toString();
    }

    private static String resolveLine(String line, Map<String, String> properties, String scriptName, int lineNumber) {
        if (line.indexOf("${") < 0) {
            return line;
        }
        String wholeValue = OptionLine.wholeValuePlaceholder(line);
        if (wholeValue != null && OPTIONAL.contains(wholeValue) && !properties.containsKey(wholeValue)) {
            return "";
        }
        StringBuilder out = new StringBuilder(line.length());
        int position = 0;
        while (true) {
            int open = line.indexOf("${", position);
            if (open < 0) {
                out.append(line, position, line.length());
                return out.toString();
            }
            int close = line.indexOf('}', open + 2);
            if (close < 0) {
                throw new JobFailure(scriptName + " line " + lineNumber + ", column " + (open + 1)
                        + ": placeholder ${ is not closed with }");
            }
            String name = line.substring(open + 2, close).trim();
            String value = properties.get(name);
            if (value == null) {
                throw new JobFailure(missing(name, scriptName, lineNumber));
            }
            out.append(line, position, open).append(value.replace("'", "''"));
            position = close + 1;
        }
    }

    private static String missing(String name, String scriptName, int lineNumber) {
        String kind = OPTIONAL.contains(name) ? "property " : "required property ";
        return kind + name + " is not set (used by " + scriptName + " line " + lineNumber
                + "): set it in the property group FanoutApplication, or run with --property " + name + "=VALUE";
    }
}
