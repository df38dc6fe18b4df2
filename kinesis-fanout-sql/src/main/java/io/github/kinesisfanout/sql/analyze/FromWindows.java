package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.FromWindow;
import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * The windows written after FROM items of one pump ({@code FROM A OVER (...) AS a}), each claimed by the join of
 * two streams it bounds; one left unclaimed is an error, so no window is ever silently ignored.
 */
final class FromWindows {

    private final Map<SourcePos, FromWindow> windows;
    private final Set<SourcePos> claimed = new HashSet<>();

    FromWindows(Map<SourcePos, FromWindow> windows) {
        this.windows = windows;
    }

    /** The window written after a FROM item ({@code item [AS alias]}), or null; it is claimed. */
    FromWindow claim(SqlNode item) {
        SqlNode source = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
        SourcePos pos = ExprAnalyzer.pos(source);
        FromWindow window = windows.get(pos);
        if (window != null) {
            claimed.add(pos);
        }
        return window;
    }

    /** The errors for windows no join claimed. */
    List<SemanticError> unclaimed() {
        List<SemanticError> out = new ArrayList<>();
        windows.forEach((item, window) -> {
            if (!claimed.contains(item)) {
                out.add(new SemanticError(window.pos(), "A window after a FROM item (OVER) is only allowed on a side "
                        + "of a join of two streams"));
            }
        });
        out.sort(java.util.Comparator.comparingInt((SemanticError e) -> e.pos().line())
                .thenComparingInt(e -> e.pos().column()));
        return out;
    }
}
