package io.github.kinesisfanout.flink;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Reduces an exception chain to one line: the outer message and the root cause, without stack traces. */
public final class Causes {

    private Causes() {
    }

    /** The deepest cause of {@code error} (itself when it has none). */
    public static Throwable root(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = error;
        while (current.getCause() != null && seen.put(current, Boolean.TRUE) == null) {
            current = current.getCause();
        }
        return current;
    }

    /** One line: the first message of the chain, then the root cause's when it says something more. */
    public static String describe(Throwable error) {
        List<String> parts = new ArrayList<>();
        String outer = oneLine(error.getMessage());
        Throwable root = root(error);
        if (!outer.isEmpty()) {
            parts.add(outer);
        }
        String rootText = root == error ? "" : rootDescription(root);
        if (!rootText.isEmpty() && !outer.contains(oneLine(root.getMessage()))) {
            parts.add("caused by " + rootText);
        }
        if (parts.isEmpty()) {
            return rootDescription(root);
        }
        return String.join("; ", parts);
    }

    /** The root cause as {@code SimpleName: message}, on one line. */
    public static String rootDescription(Throwable root) {
        String message = oneLine(root.getMessage());
        String name = root.getClass().getSimpleName();
        return message.isEmpty() ? name : name + ": " + message;
    }

    /** The text on one line: line breaks and tabs become spaces, runs of spaces collapse. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
