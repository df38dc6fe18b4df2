package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.FromWindow;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;

/**
 * Analyzes the window of one side of a join of two streams: inline ({@code OVER (RANGE INTERVAL '1' MINUTE
 * PRECEDING)}, {@code OVER (ROWS 10 PRECEDING)}) or named ({@code OVER w} with {@code WINDOW w AS (...)}).
 */
final class JoinWindows {

    private JoinWindows() {
    }

    /** The window of a side; {@link JoinWindow#CURRENT} when none was written. */
    static JoinWindow of(FromWindow written, SqlSelect select, ExprAnalyzer plain) {
        if (written == null) {
            return JoinWindow.CURRENT;
        }
        SqlWindow w = written.window() != null ? written.window() : named(written, select);
        if (w.getRefName() != null) {
            throw new SemanticError(ExprAnalyzer.pos(w.getRefName()), "A window that extends another is not supported "
                    + "yet: write the whole window");
        }
        if (w.getPartitionList() != null && !w.getPartitionList().isEmpty()) {
            throw new SemanticError(ExprAnalyzer.pos(w.getPartitionList().get(0)), "PARTITION BY in the window of a "
                    + "join is not supported yet: put the key in the join condition (ON a.KEY = b.KEY)");
        }
        for (SqlNode key : w.getOrderList()) {
            if (!(key instanceof SqlIdentifier id) || !id.names.get(id.names.size() - 1).equals("ROWTIME")) {
                throw new SemanticError(ExprAnalyzer.pos(key), "The window of a join is ordered by ROWTIME; ORDER BY "
                        + "may only name ROWTIME");
            }
        }
        SqlNode lower = w.getLowerBound();
        SqlNode upper = w.getUpperBound();
        SqlNode following = upper != null && !SqlWindow.isCurrentRow(upper) ? upper
                : lower instanceof SqlCall call && call.getKind() == SqlKind.FOLLOWING ? lower : null;
        if (following != null) {
            throw new SemanticError(ExprAnalyzer.pos(following), "A join window that reaches past the current row "
                    + "(FOLLOWING) is not supported yet: use ... PRECEDING");
        }
        if (lower == null) {
            throw new SemanticError(written.pos(), "The window of a join needs a frame: RANGE INTERVAL 'n' unit "
                    + "PRECEDING or ROWS n PRECEDING");
        }
        if (SqlWindow.isUnboundedPreceding(lower)) {
            throw new SemanticError(ExprAnalyzer.pos(lower), "UNBOUNDED PRECEDING in the window of a join is not "
                    + "supported yet: the join would keep every row; bound it with RANGE INTERVAL or ROWS n");
        }
        long size = SlidingAnalyzer.size(w, lower, plain);
        if (size == 0 && !w.isRows()) {
            return JoinWindow.CURRENT;
        }
        return new JoinWindow(w.isRows() ? JoinWindow.Kind.ROWS : JoinWindow.Kind.RANGE, size);
    }

    private static SqlWindow named(FromWindow written, SqlSelect select) {
        if (select.getWindowList() != null) {
            for (SqlNode node : select.getWindowList()) {
                SqlWindow w = (SqlWindow) node;
                if (w.getDeclName().getSimple().equals(written.name())) {
                    return w;
                }
            }
        }
        throw new SemanticError(written.namePos(), "Window " + written.name() + " is not declared in WINDOW");
    }
}
