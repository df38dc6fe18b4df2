package io.github.kinesisfanout.sql.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A column mapping or row path of reference §3.1: {@code $.a.b}, {@code $.arr[0:]} (the whole array),
 * {@code $.arr[0:].field} (flattened, one row per element); members may be written {@code ['name']}.
 * Flattening may nest, as AWS's own templates do: {@code $.a[0:].b[0:].c} gives one row per element of each
 * {@code b} array of each element of {@code a}, and a {@code [0:]} after a flattened level flattens that level
 * too ({@code $.a[0:].b[0:]}: one row per element of {@code b}, the element itself as the value).
 *
 * @param members the member names before the first array marker (or all of them)
 * @param levels for each {@code [0:]} marker, the member names after it (up to the next marker)
 */
record JsonPath(List<String> members, List<List<String>> levels) {

    /** Whether the path has an {@code [0:]} marker. */
    boolean array() {
        return !levels.isEmpty();
    }

    /** The member names after the first array marker (for a row path, which has at most one). */
    List<String> after() {
        return levels.isEmpty() ? List.of() : levels.get(0);
    }

    /** Whether the path flattens arrays: {@code $.arr[0:].field}, or nested markers. */
    boolean flattens() {
        return levels.size() > 1 || levels.size() == 1 && !levels.get(0).isEmpty();
    }

    /** How many arrays it flattens: 0 for a plain path or a whole array. */
    int depth() {
        return flattens() ? levels.size() : 0;
    }

    /**
     * The paths of the arrays it flattens, each from the element of the one before: the members, then the
     * members after each marker but the last.
     */
    List<List<String>> arrays() {
        List<List<String>> out = new ArrayList<>();
        out.add(members);
        out.addAll(levels.subList(0, Math.max(0, depth() - 1)));
        return out;
    }

    /** The member names read from the innermost flattened element. */
    List<String> leaf() {
        return levels.get(levels.size() - 1);
    }

    static JsonPath parse(String path) {
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("JSON path '" + path + "' must start with $");
        }
        List<String> members = new ArrayList<>();
        List<List<String>> levels = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            List<String> target = levels.isEmpty() ? members : levels.get(levels.size() - 1);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("JSON path '" + path + "' has an empty member name");
                }
                target.add(path.substring(i + 1, end));
                i = end;
            } else if (path.startsWith("[0:]", i)) {
                if (!levels.isEmpty() && target.isEmpty()) {
                    throw new IllegalArgumentException("JSON path '" + path + "' has two [0:] in a row at position "
                            + (i + 1) + ": name the member holding the inner array");
                }
                levels.add(new ArrayList<>());
                i += 4;
            } else if (path.startsWith("['", i) || path.startsWith("[\"", i)) {
                char quote = path.charAt(i + 1);
                int end = path.indexOf(quote + "]", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("JSON path '" + path + "' has an unterminated member name");
                }
                target.add(path.substring(i + 2, end));
                i = end + 2;
            } else {
                throw new IllegalArgumentException("JSON path '" + path + "' is not supported at position " + (i + 1)
                        + ": use $.member, $.member[0:] or $.member[0:].field");
            }
        }
        return new JsonPath(List.copyOf(members), levels.stream().map(List::copyOf).toList());
    }
}
