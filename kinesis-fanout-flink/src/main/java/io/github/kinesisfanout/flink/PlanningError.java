package io.github.kinesisfanout.flink;

/** Turns Flink's error for a statement into one line naming the script line and the {@code -- KDA line} it came from. */
public final class PlanningError {

    private PlanningError() {
    }

    /** The failure for {@code error}, raised while Flink planned {@code statement} of {@code scriptName}. */
    public static JobFailure of(Throwable error, ScriptStatement statement, String scriptName) {
        String message = Causes.describe(error);
        int[] position = firstPosition(message);
        StringBuilder where = new StringBuilder(scriptName).append(" line ");
        if (position == null) {
            where.append(statement.line());
        } else {
            int line = statement.line() + position[0] - 1;
            int column = position[0] == 1 ? statement.column() + position[1] - 1 : position[1];
            where.append(line).append(", column ").append(column);
        }
        if (statement.kdaLine() > 0) {
            where.append(", translated from KDA line ").append(statement.kdaLine());
        }
        return new JobFailure("Flink cannot plan the statement at " + where + ": " + message, error);
    }

    /** The first "line L, column C" of a Flink message (positions within the statement), or null. */
    static int[] firstPosition(String message) {
        int from = 0;
        while (true) {
            int at = message.indexOf("line ", from);
            if (at < 0) {
                return null;
            }
            int[] line = number(message, at + "line ".length());
            if (line != null && message.startsWith(", column ", line[1])) {
                int[] column = number(message, line[1] + ", column ".length());
                if (column != null) {
                    return new int[] {line[0], column[0]};
                }
            }
            from = at + 1;
        }
    }

    /** {value, end} of the digits at {@code from}, or null when there are none. */
    private static int[] number(String text, int from) {
        int value = 0;
        int i = from;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && i - from < 9) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        return i == from ? null : new int[] {value, i};
    }
}
