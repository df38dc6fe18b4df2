package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.functions.ScalarFunction;

/** KDA_INITCAP(s): each word's first letter or digit upper case, the rest lower case; words are Unicode letter-or-digit runs. */
public final class Initcap extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    /** The capitalised text, or NULL for NULL. */
    public String eval(String s) {
        if (s == null) {
            return null;
        }
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
}
