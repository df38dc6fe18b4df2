package io.github.kinesisfanout.flink;

/** One statement of the script, with where it starts and the {@code -- KDA line N} comment before it. */
public final class ScriptStatement {

    private final String text;
    private final int line;
    private final int column;
    private final int kdaLine;

    /** A statement (without its {@code ;}) starting at {@code line}:{@code column}; {@code kdaLine} is 0 when unknown. */
    public ScriptStatement(String text, int line, int column, int kdaLine) {
        this.text = text;
        this.line = line;
        this.column = column;
        this.kdaLine = kdaLine;
    }

    /** The statement's text, from its first keyword to before its {@code ;}. */
    public String text() {
        return text;
    }

    /** The script line of its first character (1-based). */
    public int line() {
        return line;
    }

    /** The column of its first character (1-based). */
    public int column() {
        return column;
    }

    /** The line of the Kinesis Analytics SQL it was translated from, or 0 when the script does not say. */
    public int kdaLine() {
        return kdaLine;
    }

    /** Whether it is an {@code INSERT} (run in the statement set) rather than DDL run on its own. */
    public boolean isInsert() {
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).equalsIgnoreCase("INSERT");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + text;
    }
}
