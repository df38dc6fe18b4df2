package io.github.kinesisfanout.sql.analyze;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.RunAutomaton;
import io.github.kinesisfanout.sql.analyze.FastRegexNode.Alt;
import io.github.kinesisfanout.sql.analyze.FastRegexNode.Cat;
import io.github.kinesisfanout.sql.analyze.FastRegexNode.Compl;
import io.github.kinesisfanout.sql.analyze.FastRegexNode.Group;
import io.github.kinesisfanout.sql.analyze.FastRegexNode.Inter;
import io.github.kinesisfanout.sql.analyze.FastRegexNode.Leaf;
import io.github.kinesisfanout.sql.analyze.FastRegexNode.Rep;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Compiles a FAST_REGEX_LOG_PARSE pattern (the fast-regex language of the SQL reference, the syntax of
 * dk.brics.automaton's RegExp) into its searches, as the reference describes: the pattern is cut into one
 * expression per group and one per stretch outside the groups; the fixed-length start of each expression moves to
 * the end of the previous one, and an expression that is fixed-length as a whole joins the previous one.
 * {@code X+} counts as {@code XX*} (and {@code X{n,m}} as n times X then {@code X{0,m-n}}), so its first n are
 * fixed-length. Each search becomes a deterministic automaton. Inside a complement {@code ~} parentheses only
 * group: the strings a complement matches have no part matching its operand, so they give no column.
 */
final class FastRegex {

    private static final java.util.regex.Pattern INTERVAL = java.util.regex.Pattern.compile("(\\d+)-(\\d+)");

    private final String p;
    private int i;
    /** How many complements enclose the position being parsed. */
    private int complements;

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
        FastRegexNode root = parser.union();
        if (parser.i < pattern.length()) {
            throw new PatternError(parser.i, "unbalanced )");
        }
        if (root instanceof Alt && hasGroup(root)) {
            throw new PatternError(pattern.indexOf('|'), "a union (|) around groups is not supported yet: put the union "
                    + "inside a group");
        }
        if (root instanceof Inter in && hasGroup(root)) {
            throw new PatternError(in.at(), "an intersection (&) around groups is not supported yet: put the "
                    + "intersection inside a group");
        }
        List<FastRegexNode> items = root instanceof Cat cat ? cat.items() : List.of(root);
        List<List<FastRegexNode>> expressions = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<FastRegexNode> outside = new ArrayList<>();
        int groups = 0;
        for (FastRegexNode item : items) {
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

    /**
     * The language of {@code pattern} as one automaton, groups matching what their expressions match (the
     * strings FAST_REGEX_LOG_PARSE could parse if it backtracked).
     *
     * @throws PatternError for a malformed pattern
     */
    static Automaton language(String pattern) {
        FastRegex parser = new FastRegex(pattern);
        FastRegexNode root = parser.union();
        if (parser.i < pattern.length()) {
            throw new PatternError(parser.i, "unbalanced )");
        }
        return FastRegexAutomata.of(root);
    }

    /** The searches and the number of groups of a compiled pattern. */
    record LogFormatParts(List<LogFormat.FastSearch> searches, int groups) {
    }

    private static List<LogFormat.FastSearch> searches(List<List<FastRegexNode>> expressions, List<Integer> owners) {
        List<List<List<FastRegexNode>>> segments = new ArrayList<>();
        List<List<Integer>> segmentOwners = new ArrayList<>();
        for (int e = 0; e < expressions.size(); e++) {
            List<FastRegexNode> items = expressions.get(e);
            int owner = owners.get(e);
            if (segments.isEmpty()) {
                segments.add(new ArrayList<>(List.of(items)));
                segmentOwners.add(new ArrayList<>(List.of(owner)));
                continue;
            }
            List<FastRegexNode> prefix = new ArrayList<>();
            List<FastRegexNode> rest = new ArrayList<>(items);
            split(prefix, rest);
            if (!prefix.isEmpty() || rest.isEmpty()) {
                segments.get(segments.size() - 1).add(prefix);
                segmentOwners.get(segmentOwners.size() - 1).add(owner);
            }
            if (!rest.isEmpty()) {
                segments.add(new ArrayList<>(List.of(rest)));
                segmentOwners.add(new ArrayList<>(List.of(owner)));
            }
        }
        List<LogFormat.FastSearch> out = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            Automaton search = BasicAutomata.makeEmptyString();
            List<Integer> lengths = new ArrayList<>();
            for (List<FastRegexNode> segment : segments.get(s)) {
                Automaton a = FastRegexAutomata.of(segment);
                // every segment after the first is fixed-length: it only holds fixed-length items
                lengths.add(lengths.isEmpty() ? -1 : FastRegexAutomata.length(a));
                search = search.concatenate(a);
            }
            search.minimize();
            out.add(new LogFormat.FastSearch(new RunAutomaton(search), List.copyOf(segmentOwners.get(s)),
                    List.copyOf(lengths)));
        }
        return out;
    }

    /** Moves the fixed-length start of {@code rest} into {@code prefix} ({@code X{n,m}} gives n times X). */
    private static void split(List<FastRegexNode> prefix, List<FastRegexNode> rest) {
        while (!rest.isEmpty()) {
            FastRegexNode first = rest.get(0);
            if (FastRegexAutomata.length(first) >= 0) {
                prefix.add(rest.remove(0));
                continue;
            }
            if (first instanceof Rep r && r.min() >= 1 && FastRegexAutomata.length(r.node()) >= 0) {
                prefix.add(new Rep(r.node(), r.min(), r.min(), r.at()));
                rest.set(0, new Rep(r.node(), 0, r.max() < 0 ? -1 : r.max() - r.min(), r.at()));
            }
            return;
        }
    }

    private static boolean hasGroup(FastRegexNode n) {
        return firstGroup(n) >= 0;
    }

    private static int firstGroup(FastRegexNode n) {
        if (n instanceof Group g) {
            return g.at();
        }
        if (n instanceof Cat c) {
            return first(c.items());
        }
        if (n instanceof Alt a) {
            return first(a.options());
        }
        if (n instanceof Inter in) {
            return first(in.operands());
        }
        return n instanceof Rep r ? firstGroup(r.node()) : -1;
    }

    private static int first(List<FastRegexNode> nodes) {
        for (FastRegexNode x : nodes) {
            int at = firstGroup(x);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    // unionexp := interexp ( '|' interexp )*
    private FastRegexNode union() {
        List<FastRegexNode> options = new ArrayList<>();
        options.add(intersection());
        while (peek('|')) {
            i++;
            options.add(intersection());
        }
        return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    // interexp := concatexp ( '&' concatexp )*
    private FastRegexNode intersection() {
        List<FastRegexNode> operands = new ArrayList<>();
        operands.add(concat());
        int at = i;
        while (peek('&')) {
            i++;
            operands.add(concat());
        }
        return operands.size() == 1 ? operands.get(0) : new Inter(operands, at);
    }

    private FastRegexNode concat() {
        List<FastRegexNode> items = new ArrayList<>();
        while (i < p.length() && !peek('|') && !peek('&') && !peek(')')) {
            items.add(repeat());
        }
        return items.size() == 1 ? items.get(0) : new Cat(items);
    }

    // repeatexp := complexp ( '?' | '*' | '+' | '{n}' | '{n,}' | '{n,m}' )*
    private FastRegexNode repeat() {
        FastRegexNode n = complement();
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '?') {
                n = new Rep(n, 0, 1, i);
            } else if (c == '*') {
                n = new Rep(n, 0, -1, i);
            } else if (c == '+') {
                n = new Rep(n, 1, -1, i);
            } else if (c == '{') {
                int at = i++;
                int min = number(at);
                int max = min;
                if (peek(',')) {
                    i++;
                    max = peek('}') ? -1 : number(at);
                }
                if (!peek('}') || (max >= 0 && max < min)) {
                    throw new PatternError(at, "malformed repetition: expected {n}, {n,} or {n,m} with n <= m");
                }
                n = new Rep(n, min, max, at);
            } else {
                break;
            }
            i++;
        }
        return n;
    }

    // complexp := '~' complexp | simpleexp
    private FastRegexNode complement() {
        if (!peek('~')) {
            return simple();
        }
        int at = i++;
        if (i >= p.length() || peek(')') || peek('|') || peek('&')) {
            throw new PatternError(at, "complement (~) without an expression after it");
        }
        complements++;
        FastRegexNode operand = complement();
        complements--;
        return new Compl(operand);
    }

    private int number(int at) {
        int start = i;
        while (i < p.length() && Character.isDigit(p.charAt(i))) {
            i++;
        }
        if (start == i || i - start > 9) {
            throw new PatternError(at, "malformed repetition: expected {n}, {n,} or {n,m} with n <= m");
        }
        int n = Integer.parseInt(p.substring(start, i));
        if (n > FastRegexAutomata.MAX_REPEAT) {
            throw new PatternError(at, "a repetition count above " + FastRegexAutomata.MAX_REPEAT
                    + " is not supported: each repetition is a state of the automaton");
        }
        return n;
    }

    private FastRegexNode simple() {
        int at = i;
        char c = p.charAt(i++);
        switch (c) {
            case '.':
                return new Leaf(BasicAutomata.makeAnyChar());
            case '#':
                return new Leaf(BasicAutomata.makeEmpty());
            case '@':
                return new Leaf(BasicAutomata.makeAnyString());
            case '"': {
                int end = p.indexOf('"', i);
                if (end < 0) {
                    throw new PatternError(at, "unterminated string \"...");
                }
                String text = p.substring(i, end);
                i = end + 1;
                return new Leaf(BasicAutomata.makeString(text));
            }
            case '(': {
                FastRegexNode inner;
                if (peek(')')) {
                    inner = new Leaf(BasicAutomata.makeEmptyString());
                } else {
                    inner = union();
                    if (!peek(')')) {
                        throw new PatternError(at, "unbalanced (");
                    }
                }
                i++;
                return complements > 0 ? inner : new Group(inner, at);
            }
            case '<':
                return named(at);
            case '[':
                return charClass(at);
            case '\\':
                if (i >= p.length()) {
                    throw new PatternError(at, "\\ at the end of the pattern");
                }
                return new Leaf(BasicAutomata.makeChar(p.charAt(i++)));
            default:
                return new Leaf(BasicAutomata.makeChar(c));
        }
    }

    /**
     * {@code <name>} or {@code <n-m>}. As in dk.brics RegExp: an interval whose bounds are written with the same
     * number of digits matches numbers of exactly that width (leading zeros included), otherwise numbers with any
     * number of leading zeros; bounds given high-low are taken low-high.
     */
    private FastRegexNode named(int at) {
        int end = p.indexOf('>', i);
        if (end < 0) {
            throw new PatternError(at, "unterminated <...>");
        }
        String name = p.substring(i, end);
        i = end + 1;
        if (name.indexOf('-') >= 0) {
            return new Leaf(interval(at, name));
        }
        Automaton named = FastRegexAutomata.NAMED.get(name);
        if (named == null) {
            throw new PatternError(at, "unknown named pattern <" + name + ">; the named patterns are "
                    + String.join(", ", new TreeSet<>(FastRegexAutomata.NAMED.keySet())));
        }
        return new Leaf(named);
    }

    private static Automaton interval(int at, String text) {
        Matcher m = INTERVAL.matcher(text);
        String malformed = "malformed numerical interval <" + text + ">: expected <n-m> with n and m decimal numbers "
                + "up to 2147483647";
        if (!m.matches()) {
            throw new PatternError(at, malformed);
        }
        int low;
        int high;
        try {
            low = Integer.parseInt(m.group(1));
            high = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            throw new PatternError(at, malformed);
        }
        int digits = m.group(1).length() == m.group(2).length() ? m.group(1).length() : 0;
        return BasicAutomata.makeInterval(Math.min(low, high), Math.max(low, high), digits);
    }

    private FastRegexNode charClass(int at) {
        boolean negated = peek('^');
        if (negated) {
            i++;
        }
        Automaton chars = BasicAutomata.makeEmpty();
        boolean any = false;
        while (!peek(']')) {
            if (i >= p.length()) {
                throw new PatternError(at, "unterminated [...]");
            }
            char from = classChar(at);
            char to = from;
            if (peek('-') && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                i++;
                to = classChar(at);
                if (to < from) {
                    throw new PatternError(at, "character range out of order");
                }
            }
            chars = chars.union(BasicAutomata.makeCharRange(from, to));
            any = true;
        }
        i++;
        if (!any) {
            throw new PatternError(at, "empty character class []");
        }
        return new Leaf(negated ? BasicAutomata.makeAnyChar().minus(chars) : chars);
    }

    private char classChar(int at) {
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
