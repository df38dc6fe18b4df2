package io.github.kinesisfanout.sql.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON mapping or row path of the input schema read character by character: {@code $.a.b},
 * {@code $['a b']}, {@code $.arr[0:]} (the array as text).
 *
 * @param members the member names from the root
 * @param array whether the path ends with {@code [0:]}
 */
record MemberPath(List<String> members, boolean array) {

    static MemberPath parse(String path, String what) {
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException(what + " '" + path + "' must start with $");
        }
        List<String> members = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            if (path.startsWith("[0:]", i) && i + 4 == path.length()) {
                return new MemberPath(List.copyOf(members), true);
            }
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                members.add(path.substring(i + 1, end));
                i = end;
            } else if (path.startsWith("['", i) && path.indexOf("']", i + 2) > 0) {
                int end = path.indexOf("']", i + 2);
                members.add(path.substring(i + 2, end));
                i = end + 2;
            } else {
                throw new IllegalArgumentException(what + " '" + path + "' is not translated to Flink SQL: only "
                        + "member paths ($.a.b, $['a b']) and a whole array ($.arr[0:]) are; flattening an array "
                        + "into rows ($.arr[0:].field) has no Flink table format equivalent");
            }
        }
        return new MemberPath(List.copyOf(members), false);
    }

    /** The path as Flink's JSON_VALUE reads it, e.g. {@code $.a['b c']}. */
    String jsonPath() {
        StringBuilder out = new StringBuilder("$");
        for (String m : members) {
            boolean plain = !m.isEmpty() && Character.isJavaIdentifierStart(m.charAt(0))
                    && m.chars().allMatch(Character::isJavaIdentifierPart);
            out.append(plain ? "." + m : "['" + m + "']");
        }
        return out.toString();
    }
}
