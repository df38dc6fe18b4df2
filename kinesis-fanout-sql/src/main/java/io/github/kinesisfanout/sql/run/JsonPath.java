package io.github.kinesisfanout.sql.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A column mapping or row path of reference §3.1: {@code $.a.b}, {@code $.arr[0:]} (the whole array),
 * {@code $.arr[0:].field} (flattened, one row per element); members may be written {@code ['name']}.
 *
 * @param members the member names before the array marker (or all of them)
 * @param array whether the path has an {@code [0:]} marker after {@code members}
 * @param after the member names after the array marker (flattening), empty otherwise
 */
record JsonPath(List<String> members, boolean array, List<String> after) {

    /** Whether the path flattens an array: {@code $.arr[0:].field}. */
    boolean flattens() {
        return array && !after.isEmpty();
    }

    static JsonPath parse(String path) {
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("JSON path '" + path + "' must start with $");
        }
        List<String> members = new ArrayList<>();
        List<String> after = new ArrayList<>();
        boolean array = false;
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            List<String> target = array ? after : members;
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
                if (array) {
                    throw new IllegalArgumentException("JSON path '" + path + "' flattens nested arrays, which is "
                            + "not supported");
                }
                array = true;
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
        return new JsonPath(List.copyOf(members), array, List.copyOf(after));
    }
}
