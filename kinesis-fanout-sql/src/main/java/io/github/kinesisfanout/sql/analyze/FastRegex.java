package io.github.kinesisfanout.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles a FAST_REGEX_LOG_PARSE pattern (the fast-regex language of the SQL reference) into its searches, as
 * the reference describes: the pattern is cut into one expression per group and one per stretch outside the
 * groups; the fixed-length start of each expression moves to the end of the previous one, and an expression
 * that is fixed-length as a whole joins the previous one. {@code X+} counts as {@code XX*} (and {@code X{n,m}} as
 * n times X then {@code X{0,m-n}}), so its first n are fixed-length. Each search becomes a Java regular
 * expression; the language's operators have Java equivalents except those refused here.
 */
final class FastRegex {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("Digit", "[0-9]"), Map.entry("Upper", "[A-Z]"), Map.entry("Lower", "[a-z]"),
            Map.entry("ASCII", "[\\x{0}-\\x{7F}]"), Map.entry("Alpha", "[a-zA-Z]"), Map.entry("Alnum", "[a-zA-Z0-9]"),
            Map.entry("Punct", "\\p{Punct}"), Map.entry("Blank", "[ \\t]"), Map.entry("Space", "[ \\t\\n\\f\\r\\x{B}]"),
            Map.entry("Cntrl", "[\\x{0}-\\x{1F}\\x{7F}]"), Map.entry("XDigit", "[0-9a-fA-F]"),
            Map.entry("Print", "[a-zA-Z0-9\\p{Punct}]"), Map.entry("Graph", "[a-zA-Z0-9\\p{Punct}]"));

    private sealed interface Node {
    }

    /** Literal text (one character, or a quoted string). */
    private record Lit(String text) implements Node {
    }

    /** One character of a class ({@code .}, {@code [...]}, a named pattern), as Java regex text. */
    private record Cls(String java) implements Node {
    }

    /** {@code @} (any string) or {@code #} (the empty language), as Java regex text. */
    private record Special(String java) implements Node {
    }

    private record Cat(List<Node> items) implements Node {
    }

    private record Alt(List<Node> options) implements Node {
    }

    /** {@code max} -1 = unbounded. */
    private record Rep(Node node, int min, int max) implements Node {
    }

    private record Group(Node node, int at) implements Node {
    }

    private final String p;
    private int i;

    private FastRegex(String pattern) {
        this.p = pattern;
    }

    /**
     * The searches of {@code pattern}.
     *
     * @throws PatternError for a malformed pattern, a pattern without a group, or a construct not supported
     */
    static LogFormatParts compile(String pattern) {
        FastRegex parser = new FastRegex(pattern);
        Node root = parser.union();
        if (parser.i < pattern.length()) {
            throw new PatternError(parser.i, "unbalanced )");
        }
        if (root instanceof Alt && hasGroup(root)) {
            throw new PatternError(pattern.indexOf('|'), "a union (|) around groups is not supported yet: put the union "
                    + "inside a group");
        }
        List<Node> items = root instanceof Cat cat ? cat.items() : List.of(root);
        List<List<Node>> expressions = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Node> outside = new ArrayList<>();
        int groups = 0;
        for (Node item : items) {
            if (item instanceof Group g) {
                if (hasGroup(g.node())) {
                    throw new PatternError(firstGroup(g.node()), "a group inside a group is not supported yet");
                }
                if (!outside.isEmpty()) {
                    expressions.add(outside);
                    owners.add(-1);
                    outside = new ArrayList<>();
                }
                expressions.add(g.node() instanceof Cat cat ? cat.items() : List.of(g.node()));
                owners.add(groups++);
            } else if (hasGroup(item)) {
                throw new PatternError(firstGroup(item), "a repeated group is not supported yet: repeat inside the group");
            } else {
                outside.add(item);
            }
        }
        if (!outside.isEmpty()) {
            expressions.add(outside);
            owners.add(-1);
        }
        if (groups == 0) {
            throw new PatternError(0, "the pattern has no group: each group (...) gives one column");
        }
        return new LogFormatParts(searches(expressions, owners), groups);
    }

    /** The searches and the number of groups of a compiled pattern. */
    record LogFormatParts(List<LogFormat.FastSearch> searches, int groups) {
    }

    private static List<LogFormat.FastSearch> searches(List<List<Node>> expressions, List<Integer> owners) {
        List<List<String>> segments = new ArrayList<>();
        List<List<Integer>> segmentOwners = new ArrayList<>();
        for (int e = 0; e < expressions.size(); e++) {
            List<Node> items = expressions.get(e);
            int owner = owners.get(e);
            if (segments.isEmpty()) {
                segments.add(new ArrayList<>(List.of(java(items))));
                segmentOwners.add(new ArrayList<>(List.of(owner)));
                continue;
            }
            List<Node> prefix = new ArrayList<>();
            List<Node> rest = new ArrayList<>(items);
            split(prefix, rest);
            if (!prefix.isEmpty() || rest.isEmpty()) {
                segments.get(segments.size() - 1).add(java(prefix));
                segmentOwners.get(segmentOwners.size() - 1).add(owner);
            }
            if (!rest.isEmpty()) {
                segments.add(new ArrayList<>(List.of(java(rest))));
                segmentOwners.add(new ArrayList<>(List.of(owner)));
            }
        }
        List<LogFormat.FastSearch> out = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            StringBuilder regex = new StringBuilder();
            for (String segment : segments.get(s)) {
                regex.append('(').append(segment).append(')');
            }
            out.add(new LogFormat.FastSearch(Pattern.compile(regex.toString(), Pattern.DOTALL),
                    List.copyOf(segmentOwners.get(s))));
        }
        return out;
    }

    /** Moves the fixed-length start of {@code rest} into {@code prefix} ({@code X{n,m}} gives n times X). */
    private static void split(List<Node> prefix, List<Node> rest) {
        while (!rest.isEmpty()) {
            Node first = rest.get(0);
            if (length(first) >= 0) {
                prefix.add(rest.remove(0));
                continue;
            }
            if (first instanceof Rep r && r.min() >= 1 && length(r.node()) >= 0) {
                prefix.add(new Rep(r.node(), r.min(), r.min()));
                rest.set(0, new Rep(r.node(), 0, r.max() < 0 ? -1 : r.max() - r.min()));
            }
            return;
        }
    }

    /** The length of every string the node matches, or -1 when it varies. */
    private static int length(Node n) {
        if (n instanceof Lit l) {
            return l.text().length();
        }
        if (n instanceof Cls) {
            return 1;
        }
        if (n instanceof Group g) {
            return length(g.node());
        }
        if (n instanceof Cat c) {
            int sum = 0;
            for (Node x : c.items()) {
                int l = length(x);
                if (l < 0) {
                    return -1;
                }
                sum += l;
            }
            return sum;
        }
        if (n instanceof Alt a) {
            int l = length(a.options().get(0));
            for (Node x : a.options()) {
                if (length(x) != l) {
                    return -1;
                }
            }
            return l;
        }
        if (n instanceof Rep r) {
            return r.min() == r.max() && length(r.node()) >= 0 ? r.min() * length(r.node()) : -1;
        }
        return -1;
    }

    private static boolean hasGroup(Node n) {
        return firstGroup(n) >= 0;
    }

    private static int firstGroup(Node n) {
        if (n instanceof Group g) {
            return g.at();
        }
        if (n instanceof Cat c) {
            return first(c.items());
        }
        if (n instanceof Alt a) {
            return first(a.options());
        }
        return n instanceof Rep r ? firstGroup(r.node()) : -1;
    }

    private static int first(List<Node> nodes) {
        for (Node x : nodes) {
            int at = firstGroup(x);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    private static String java(List<Node> items) {
        StringBuilder sb = new StringBuilder();
        for (Node x : items) {
            sb.append(java(x));
        }
        return sb.toString();
    }

    private static String java(Node n) {
        if (n instanceof Lit l) {
            StringBuilder sb = new StringBuilder("(?:");
            l.text().chars().forEach(c -> sb.append(quote(c)));
            return sb.append(')').toString();
        }
        if (n instanceof Cls c) {
            return c.java();
        }
        if (n instanceof Special s) {
            return s.java();
        }
        if (n instanceof Group g) {
            return java(g.node());
        }
        if (n instanceof Cat c) {
            return "(?:" + java(c.items()) + ")";
        }
        if (n instanceof Alt a) {
            List<String> options = new ArrayList<>();
            a.options().forEach(x -> options.add(java(x)));
            return "(?:" + String.join("|", options) + ")";
        }
        Rep r = (Rep) n;
        return "(?:" + java(r.node()) + ")" + (r.max() < 0 ? "{" + r.min() + ",}" : "{" + r.min() + "," + r.max() + "}");
    }

    private static String quote(int c) {
        return Character.isLetterOrDigit(c) ? String.valueOf((char) c) : "\\x{" + Integer.toHexString(c) + "}";
    }

    // unionexp := interexp ( '|' interexp )*
    private Node union() {
        List<Node> options = new ArrayList<>();
        options.add(intersection());
        while (peek('|')) {
            i++;
            options.add(intersection());
        }
        return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    // interexp := concatexp ( '&' concatexp )*
    private Node intersection() {
        Node n = concat();
        if (peek('&')) {
            throw new PatternError(i, "intersection (&) is not supported yet");
        }
        return n;
    }

    private Node concat() {
        List<Node> items = new ArrayList<>();
        while (i < p.length() && !peek('|') && !peek('&') && !peek(')')) {
            items.add(repeat());
        }
        return items.size() == 1 ? items.get(0) : new Cat(items);
    }

    private Node repeat() {
        Node n = simple();
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '?') {
                n = new Rep(n, 0, 1);
            } else if (c == '*') {
                n = new Rep(n, 0, -1);
            } else if (c == '+') {
                n = new Rep(n, 1, -1);
            } else if (c == '{') {
                int at = i++;
                int min = number(at);
                int max = min;
                if (peek(',')) {
                    i++;
                    max = peek('}') ? -1 : number(at);
                }
                if (!peek('}') || max >= 0 && max < min) {
                    throw new PatternError(at, "malformed repetition: expected {n}, {n,} or {n,m} with n <= m");
                }
                n = new Rep(n, min, max);
            } else {
                break;
            }
            i++;
        }
        return n;
    }

    private int number(int at) {
        int start = i;
        while (i < p.length() && Character.isDigit(p.charAt(i))) {
            i++;
        }
        if (start == i || i - start > 9) {
            throw new PatternError(at, "malformed repetition: expected {n}, {n,} or {n,m} with n <= m");
        }
        return Integer.parseInt(p.substring(start, i));
    }

    private Node simple() {
        int at = i;
        char c = p.charAt(i++);
        switch (c) {
            case '.':
                return new Cls(".");
            case '#':
                return new Special("(?!)");
            case '@':
                return new Special(".*");
            case '~':
                throw new PatternError(at, "complement (~) is not supported yet");
            case '"': {
                int end = p.indexOf('"', i);
                if (end < 0) {
                    throw new PatternError(at, "unterminated string \"...");
                }
                String text = p.substring(i, end);
                i = end + 1;
                return new Lit(text);
            }
            case '(': {
                if (peek(')')) {
                    i++;
                    return new Group(new Lit(""), at);
                }
                Node inner = union();
                if (!peek(')')) {
                    throw new PatternError(at, "unbalanced (");
                }
                i++;
                return new Group(inner, at);
            }
            case '<':
                return named(at);
            case '[':
                return charClass(at);
            case '\\':
                if (i >= p.length()) {
                    throw new PatternError(at, "\\ at the end of the pattern");
                }
                return new Lit(String.valueOf(p.charAt(i++)));
            default:
                return new Lit(String.valueOf(c));
        }
    }

    private Node named(int at) {
        int end = p.indexOf('>', i);
        if (end < 0) {
            throw new PatternError(at, "unterminated <...>");
        }
        String name = p.substring(i, end);
        i = end + 1;
        if (name.matches("\\d+-\\d+")) {
            throw new PatternError(at, "the numerical interval <" + name + "> is not supported yet");
        }
        String java = NAMED.get(name);
        if (java == null) {
            throw new PatternError(at, "unknown named pattern <" + name + ">; the named patterns are "
                    + String.join(", ", new java.util.TreeSet<>(NAMED.keySet())));
        }
        return new Cls(java);
    }

    private Node charClass(int at) {
        StringBuilder sb = new StringBuilder("[");
        if (peek('^')) {
            sb.append('^');
            i++;
        }
        boolean any = false;
        while (!peek(']')) {
            if (i >= p.length()) {
                throw new PatternError(at, "unterminated [...]");
            }
            int from = classChar(at);
            sb.append(quote(from));
            if (peek('-') && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                i++;
                int to = classChar(at);
                if (to < from) {
                    throw new PatternError(at, "character range out of order");
                }
                sb.append('-').append(quote(to));
            }
            any = true;
        }
        i++;
        if (!any) {
            throw new PatternError(at, "empty character class []");
        }
        return new Cls(sb.append(']').toString());
    }

    private int classChar(int at) {
        char c = p.charAt(i++);
        if (c == '\\') {
            if (i >= p.length()) {
                throw new PatternError(at, "unterminated [...]");
            }
            c = p.charAt(i++);
        }
        return c;
    }

    private boolean peek(char c) {
        return i < p.length() && p.charAt(i) == c;
    }
}
