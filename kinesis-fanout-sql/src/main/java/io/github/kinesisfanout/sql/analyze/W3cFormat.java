package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles a W3C_LOG_PARSE format (a predefined name or an Apache LogFormat string of %-specifiers) into a Java
 * regular expression with one group per specifier, and the column types (module README, "Log parsing").
 */
final class W3cFormat {

    /** The compiled format. */
    record Compiled(Pattern pattern, List<SqlType> types) {
    }

    /** The predefined formats of the SQL reference; IIS is Microsoft's IIS log format (an emulator choice). */
    static final Map<String, String> PREDEFINED = Map.of(
            "COMMON", "%h %l %u %t \"%r\" %>s %b",
            "COMMON WITH VHOST", "%v %h %l %u %t \"%r\" %>s %b",
            "NCSA EXTENDED", "%h %l %u %t \"%r\" %>s %b \"%[Referer]i\" \"%[User-agent]i\"",
            "REFERER", "%[Referer]i ---> %U",
            "AGENT", "%[User-agent]i",
            "IIS", "%h, %u, %[%m/%d/%y]t, %[%H:%M:%S]t, %[service]n, %v, %A, %T, %I, %O, %s, %[win32-status]n, %m, "
                    + "%U, %q,");

    /** Specifier letters whose value is a whole number; with a status condition the value may be "-". */
    private static final String NUMERIC = "BDIOTPp";
    private static final String ALL = "aABbCDefhHilmnopPqrstTuUvVXIO";
    private static final String NAMED = "Ceino";

    /** A literal character (spec == 0) or a specifier. */
    private record Part(char literal, char spec, boolean plain, String name) {
    }

    private W3cFormat() {
    }

    static Compiled compile(String format) {
        String predefined = PREDEFINED.get(format.strip().toUpperCase(Locale.ROOT));
        boolean custom = predefined == null;
        List<Part> parts = parts(custom ? format : predefined, custom);
        List<SqlType> types = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            if (part.spec() == 0) {
                regex.append("\\x{").append(Integer.toHexString(part.literal())).append('}');
                continue;
            }
            char before = k > 0 && parts.get(k - 1).spec() == 0 ? parts.get(k - 1).literal() : 0;
            char after = k + 1 < parts.size() && parts.get(k + 1).spec() == 0 ? parts.get(k + 1).literal() : 0;
            if (before == '"' && after == '"') {
                regex.append("((?:[^\"\\\\]|\\\\.)*)"); // Apache escapes " and \ inside quoted values
            } else if (part.spec() == 't' && part.name() == null && before != '[') {
                regex.append("(\\[[^\\]]*\\])");
            } else if (k == parts.size() - 1) {
                regex.append("(.*)");
            } else if (after != 0) {
                // the field runs to the next occurrence of the character after it: linear, no backtracking
                regex.append("([^\\x{").append(Integer.toHexString(after)).append("}]*)");
            } else {
                regex.append("(.*?)");
            }
            types.add(part.plain() && NUMERIC.indexOf(part.spec()) >= 0 ? SqlType.BIGINT : LogParseAnalyzer.DEFAULT_FIELD);
        }
        if (types.isEmpty()) {
            throw new PatternError(0, "unknown format '" + format + "': give COMMON, COMMON WITH VHOST, NCSA EXTENDED, "
                    + "REFERER, AGENT, IIS or an Apache log format of %-specifiers such as '%h %l %u %t \"%r\" %>s %b'");
        }
        return new Compiled(Pattern.compile(regex.toString(), Pattern.DOTALL), types);
    }

    /** Splits a format into literal characters and specifiers; {@code escapes}: backslash escapes as in Apache. */
    private static List<Part> parts(String f, boolean escapes) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (c == '\\' && escapes && i + 1 < f.length()) {
                char e = f.charAt(i + 1);
                parts.add(new Part(e == 't' ? '\t' : e == 'n' ? '\n' : e, (char) 0, false, null));
                i += 2;
                continue;
            }
            if (c != '%') {
                parts.add(new Part(c, (char) 0, false, null));
                i++;
                continue;
            }
            int at = i++;
            if (i < f.length() && f.charAt(i) == '%') {
                parts.add(new Part('%', (char) 0, false, null));
                i++;
                continue;
            }
            boolean plain = true;
            if (i < f.length() && f.charAt(i) == '!') {
                plain = false;
                i++;
            }
            while (i < f.length() && (Character.isDigit(f.charAt(i)) || f.charAt(i) == ',')) {
                plain = false;
                i++;
            }
            if (i < f.length() && (f.charAt(i) == '<' || f.charAt(i) == '>')) {
                i++;
            }
            String name = null;
            if (i < f.length() && (f.charAt(i) == '[' || f.charAt(i) == '{')) {
                char close = f.charAt(i) == '[' ? ']' : '}';
                int end = f.indexOf(close, i + 1);
                if (end < 0) {
                    throw new PatternError(at, "unterminated " + f.charAt(i) + " in the specifier at character " + (at + 1));
                }
                name = f.substring(i + 1, end);
                i = end + 1;
            }
            if (i >= f.length()) {
                throw new PatternError(at, "incomplete specifier at character " + (at + 1));
            }
            char spec = f.charAt(i++);
            if (ALL.indexOf(spec) < 0) {
                throw new PatternError(at, "unknown format specifier %" + spec + " at character " + (at + 1));
            }
            if (name == null && NAMED.indexOf(spec) >= 0) {
                throw new PatternError(at, "%" + spec + " at character " + (at + 1) + " needs a name, e.g. %[User-agent]"
                        + spec);
            }
            parts.add(new Part((char) 0, spec, plain, name));
        }
        return parts;
    }
}
