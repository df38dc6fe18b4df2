package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.Op;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** LIKE, SIMILAR TO, || and the string functions of reference §4.7 (positions are 1-based). */
final class StringFunctions {

    private StringFunctions() {
    }

    static Evaluator of(Expr.Call call, List<Evaluator> args) {
        Evaluator a = args.get(0);
        return switch (call.op()) {
            case LIKE, SIMILAR -> match(call, args);
            case CONCAT -> {
                Evaluator b = args.get(1);
                yield row -> {
                    Object x = a.eval(row);
                    Object y = x == null ? null : b.eval(row);
                    return y == null ? null : (String) x + y;
                };
            }
            case CHAR_LENGTH -> NumericFunctions.unary(a, v -> ((String) v).length());
            case UPPER -> NumericFunctions.unary(a, v -> ((String) v).toUpperCase(Locale.ROOT));
            case LOWER -> NumericFunctions.unary(a, v -> ((String) v).toLowerCase(Locale.ROOT));
            case INITCAP -> NumericFunctions.unary(a, v -> initcap((String) v));
            case TRIM -> trim((String) call.param(), a, args.get(1));
            case REGEX_REPLACE -> RegexReplace.of(args);
            default -> nary(call.op(), args);
        };
    }

    /** Functions of several arguments that are NULL when any argument is NULL. */
    private static Evaluator nary(Op op, List<Evaluator> args) {
        Evaluator[] all = args.toArray(new Evaluator[0]);
        Function f = switch (op) {
            case POSITION -> v -> position((String) v[0], (String) v[1], v.length > 2 ? ((Number) v[2]).intValue() : 1);
            case OVERLAY -> v -> overlay((String) v[0], (String) v[1], ((Number) v[2]).intValue(),
                    v.length > 3 ? ((Number) v[3]).intValue() : ((String) v[1]).length());
            case SUBSTRING, SUBSTRING_COMMA -> v -> substring((String) v[0], ((Number) v[1]).longValue(),
                    v.length > 2 ? ((Number) v[2]).longValue() : Long.MAX_VALUE / 4, op == Op.SUBSTRING_COMMA);
            case SUBSTRING_REGEX -> v -> {
                Matcher m = Patterns.compile((String) v[1]).matcher((String) v[0]);
                return m.find() ? m.group() : null;
            };
            default -> v -> similarSubstring((String) v[0], (String) v[1], (String) v[2]);
        };
        return row -> {
            Object[] values = new Object[all.length];
            for (int i = 0; i < all.length; i++) {
                values[i] = all[i].eval(row);
                if (values[i] == null) {
                    return null;
                }
            }
            return f.apply(values);
        };
    }

    /** A function of evaluated, non-null arguments. */
    private interface Function {
        Object apply(Object[] values);
    }

    private static Evaluator match(Expr.Call call, List<Evaluator> args) {
        boolean like = call.op() == Op.LIKE;
        BiFunction<String, String, Pattern> compile = like ? Patterns::like : Patterns::similar;
        Evaluator value = args.get(0);
        Evaluator pattern = args.get(1);
        Evaluator escape = args.size() > 2 ? args.get(2) : null;
        Expr patternExpr = call.args().get(1);
        if (patternExpr instanceof Expr.Literal p && p.value() != null
                && (escape == null || call.args().get(2) instanceof Expr.Literal)) {
            Pattern compiled = compile.apply((String) p.value(),
                    escape == null ? null : (String) ((Expr.Literal) call.args().get(2)).value());
            return row -> {
                Object v = value.eval(row);
                return v == null ? null : compiled.matcher((String) v).matches();
            };
        }
        return row -> {
            Object v = value.eval(row);
            Object p = v == null ? null : pattern.eval(row);
            if (p == null) {
                return null;
            }
            String e = escape == null ? null : (String) escape.eval(row);
            return compile.apply((String) p, e).matcher((String) v).matches();
        };
    }

    private static Evaluator trim(String mode, Evaluator chars, Evaluator value) {
        boolean leading = !mode.equals("TRAILING");
        boolean trailing = !mode.equals("LEADING");
        return row -> {
            Object c = chars.eval(row);
            Object v = c == null ? null : value.eval(row);
            if (v == null) {
                return null;
            }
            String s = (String) v;
            String set = (String) c;
            int start = 0;
            int end = s.length();
            while (leading && start < end && set.indexOf(s.charAt(start)) >= 0) {
                start++;
            }
            while (trailing && end > start && set.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            return s.substring(start, end);
        };
    }

    static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = Character.isLetterOrDigit(c);
            out.append(word && start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !word;
        }
        return out.toString();
    }

    static Object position(String search, String s, int from) {
        int start = Math.max(from, 1) - 1;
        if (start > s.length()) {
            return 0;
        }
        return s.indexOf(search, start) + 1;
    }

    static Object overlay(String s, String replacement, int start, int length) {
        if (start < 1 || length < 0) {
            throw new EvaluationException("Function_Error", "OVERLAY needs FROM >= 1 and FOR >= 0");
        }
        int from = Math.min(start - 1, s.length());
        int to = Math.min(from + length, s.length());
        return s.substring(0, from) + replacement + s.substring(to);
    }

    /** SQL SUBSTRING: start below 1 shortens the length; past the end gives '' (FROM form) or NULL (comma form). */
    static Object substring(String s, long start, long length, boolean comma) {
        if (length < 0) {
            throw new EvaluationException("Function_Error", "SUBSTRING length must not be negative, was " + length);
        }
        if (comma && start > s.length()) {
            return null;
        }
        long end = start + length;
        long from = Math.max(start, 1);
        long to = Math.min(end, s.length() + 1L);
        if (to <= from) {
            return "";
        }
        return s.substring((int) from - 1, (int) to - 1);
    }

    /** SUBSTRING(s SIMILAR 'a#"b#"c' ESCAPE '#'): the part between the escaped quotes when s matches. */
    static Object similarSubstring(String s, String pattern, String escape) {
        String marker = escape + "\"";
        int first = pattern.indexOf(marker);
        int second = first < 0 ? -1 : pattern.indexOf(marker, first + 2);
        if (second < 0) {
            throw new EvaluationException("Pattern_Error", "SUBSTRING SIMILAR needs a pattern with two " + marker
                    + " markers");
        }
        String regex = Patterns.similarRegex(pattern.substring(0, first), escape) + "("
                + Patterns.similarRegex(pattern.substring(first + 2, second), escape) + ")"
                + Patterns.similarRegex(pattern.substring(second + 2), escape);
        Matcher m = Patterns.compile(regex).matcher(s);
        return m.matches() ? m.group(1) : null;
    }
}
