package io.github.kinesisfanout.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * A streaming {@code SELECT DISTINCT} is a GROUP BY over every select item with no aggregate: one row per
 * distinct combination, emitted when the window of its ROWTIME-based item closes, with that window's ROWTIME
 * (as a tumbling GROUP BY gives it), or, without one, when an item declared {@code MONOTONIC(...)} takes its
 * next value. The reference defines DISTINCT only as a SELECT keyword; this is the
 * engine's emission rule (module README).
 */
final class DistinctRewrite {

    private DistinctRewrite() {
    }

    /**
     * The GROUP BY list equivalent to the DISTINCT select list of a SELECT without GROUP BY (with one, the DISTINCT
     * applies to the grouped rows of each window: {@link Aggregation#distinct()}).
     */
    static SqlNodeList groupList(SqlSelect select, Scope scope) {
        if (select.getHaving() != null) {
            throw new SemanticError(ExprAnalyzer.pos(select.getHaving()), "HAVING needs a GROUP BY");
        }
        ExprAnalyzer plain = new ExprAnalyzer(scope);
        List<SqlNode> keys = new ArrayList<>();
        boolean monotonic = false;
        for (SqlNode node : select.getSelectList()) {
            if (node instanceof SqlIdentifier id && id.isStar()) {
                throw new SemanticError(ExprAnalyzer.pos(node), "SELECT DISTINCT * is not supported on streams: list "
                        + "the columns, with a ROWTIME-based one such as STEP(ROWTIME BY INTERVAL '60' SECOND)");
            }
            SqlNode value = node.getKind() == SqlKind.AS ? ((SqlCall) node).operand(0) : node;
            if (node.getKind() == SqlKind.AS
                    && ((SqlIdentifier) ((SqlCall) node).operand(1)).getSimple().equals("ROWTIME")) {
                throw new SemanticError(ExprAnalyzer.pos(node), "AS ROWTIME cannot be used with SELECT DISTINCT: its "
                        + "rows get the ROWTIME of their window's end");
            }
            monotonic |= GroupAnalyzer.isDeclared(value) || Monotonic.source(plain.analyze(value)) != null;
            keys.add(value);
        }
        if (!monotonic) {
            throw new SemanticError(ExprAnalyzer.pos(select.getSelectList()), "SELECT DISTINCT on a stream needs a "
                    + "select item that ascends with ROWTIME, such as STEP(ROWTIME BY INTERVAL '60' SECOND) or "
                    + "FLOOR(ROWTIME TO MINUTE), or one declared MONOTONIC(...), to know when a distinct row is final");
        }
        return new SqlNodeList(keys, select.getSelectList().getParserPosition());
    }
}
