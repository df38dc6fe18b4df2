package io.github.kinesisfanout.flink;

/** Recognises a table option line {@code 'key' = 'value',} of a WITH list, with a small scanner. */
final class OptionLine {

    private OptionLine() {
    }

    /**
     * The placeholder name when the line is an option whose whole value is {@code ${name}}, else null.
     */
    static String wholeValuePlaceholder(String line) {
        int[] cursor = {skipSpaces(line, 0)};
        if (readLiteral(line, cursor) == null) {
            return null;
        }
        cursor[0] = skipSpaces(line, cursor[0]);
        if (cursor[0] >= line.length() || line.charAt(cursor[0]) != '=') {
            return null;
        }
        cursor[0] = skipSpaces(line, cursor[0] + 1);
        String value = readLiteral(line, cursor);
        if (value == null) {
            return null;
        }
        int rest = skipSpaces(line, cursor[0]);
        if (rest < line.length() && line.charAt(rest) == ',') {
            rest = skipSpaces(line, rest + 1);
        }
        if (rest != line.length()) {
            return null;
        }
        if (value.length() > 3 && value.startsWith("${") && value.endsWith("}")
                && value.indexOf('}') == value.length() - 1) {
            return value.substring(2, value.length() - 1).trim();
        }
        return null;
    }

    /** Reads a {@code '...'} literal (with {@code ''} inside) at the cursor, moving it past; null if none. */
    private static String readLiteral(String line, int[] cursor) {
        int i = cursor[0];
        if (i >= line.length() || line.charAt(i) != '\'') {
            return null;
        }
        StringBuilder content = new StringBuilder();
        i++;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    content.append('\'');
                    i += 2;
                    continue;
                }
                cursor[0] = i + 1;
                return content.toString();
            }
            content.append(c);
            i++;
        }
        return null;
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
