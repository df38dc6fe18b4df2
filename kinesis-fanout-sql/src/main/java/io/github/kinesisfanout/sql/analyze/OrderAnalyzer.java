package io.github.kinesisfanout.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;

/**
 * Analyzes a pump's {@code ORDER BY} on a stream: keys name select items (by alias, column name, ordinal
 * or the FROM column an item reads) or ROWTIME, or, in a single SELECT, are expressions of its FROM row or, with
 * GROUP BY, of its grouping keys and aggregates ("does not require columns/expressions in the ORDER BY clause to be
 * present in the SELECT list"); the leading key must ascend with ROWTIME (reference ORDER BY clause).
 */
final class OrderAnalyzer {

    private OrderAnalyzer() {
    }

    /**
     * @param order the ORDER BY node
     * @param branches the SELECT branches (the first one's item names are the sortable names)
     * @param target the stream written
     * @param columns for each select item, its target column
     * @param positions receives where each key was written
     */
    static Ordering analyze(SqlOrderBy order, List<SelectAnalyzer.Branch> branches, StreamDef target,
            List<Integer> columns, ExprPositions positions) {
        SelectAnalyzer.Branch first = branches.get(0);
        ExprAnalyzer from = hiddenKeys(branches, positions);
        List<Expr> hidden = new ArrayList<>();
        if (order.offset != null || order.fetch != null) {
            SqlNode at = order.offset != null ? order.offset : order.fetch;
            throw new SemanticError(ExprAnalyzer.pos(at), "OFFSET and FETCH are not supported on streams");
        }
        List<StreamDef.ColumnDef> named = new ArrayList<>(target.columns());
        for (int i = 0; i < columns.size(); i++) {
            StreamDef.ColumnDef c = target.columns().get(columns.get(i));
            named.set(columns.get(i), new StreamDef.ColumnDef(first.items().get(i).name(), c.type(), c.notNull()));
        }
        StreamDef output = new StreamDef(target.name(), named, StreamDef.Role.CREATED, -1);
        ExprAnalyzer exprs = new ExprAnalyzer(new Scope(output, first.qualifiers(), Set.of(), positions));
        List<Expr> keys = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        List<Boolean> nullsFirst = new ArrayList<>();
        for (SqlNode node : order.orderList) {
            SqlNode key = node;
            Boolean nulls = null;
            if (key.getKind() == SqlKind.NULLS_FIRST || key.getKind() == SqlKind.NULLS_LAST) {
                nulls = key.getKind() == SqlKind.NULLS_FIRST;
                key = ((SqlCall) key).operand(0);
            }
            boolean desc = key.getKind() == SqlKind.DESCENDING;
            if (desc) {
                key = ((SqlCall) key).operand(0);
            }
            keys.add(key instanceof SqlNumericLiteral n && n.isInteger() ? ordinal(n, columns, target)
                    : key(key, exprs, first, columns, target, from, hidden));
            descending.add(desc);
            nullsFirst.add(nulls != null ? nulls : !desc);
        }
        SqlNode leading = order.orderList.get(0);
        if (Monotonic.source(keys.get(0)) != Monotonic.Source.ROWTIME || descending.get(0)) {
            throw new SemanticError(ExprAnalyzer.pos(leading), "ORDER BY on a stream needs a leading key that ascends "
                    + "with ROWTIME, such as ROWTIME or FLOOR(ROWTIME TO SECOND)");
        }
        return new Ordering(List.copyOf(keys), List.copyOf(descending), List.copyOf(nullsFirst), List.copyOf(hidden));
    }

    /**
     * The analyzer of keys that are no select item, or null when the query sorts by its select items only:
     * expressions of the FROM row of a single SELECT that neither groups nor sets ROWTIME (whose rows are the
     * FROM rows, one each), or of the aggregate row of a single GROUP BY SELECT (its grouping keys and
     * aggregates, as HAVING reads them).
     */
    private static ExprAnalyzer hiddenKeys(List<SelectAnalyzer.Branch> branches, ExprPositions positions) {
        SelectAnalyzer.Branch first = branches.get(0);
        if (branches.size() != 1) {
            return null;
        }
        if (first.grouping() != null) {
            return first.grouping().outputs();
        }
        if (first.aggregation() != null || first.rowtime() != null) {
            return null;
        }
        return new ExprAnalyzer(new Scope(first.source(), first.qualifiers(), Set.of(), positions));
    }

    /**
     * A key over the output row; a column of the FROM stream that a select item reads under another name
     * ({@code SELECT STREAM "COL_time" AS event_timestamp ... ORDER BY ..., "COL_time"}, as AWS's IoT device
     * monitoring solution sorts) is that item's column.
     */
    private static Expr key(SqlNode key, ExprAnalyzer exprs, SelectAnalyzer.Branch first, List<Integer> columns,
            StreamDef target, ExprAnalyzer from, List<Expr> hidden) {
        try {
            return exprs.analyze(key);
        } catch (SemanticError e) {
            Expr renamed = renamed(key, first, columns, target);
            if (renamed != null) {
                return renamed;
            }
            if (from == null) {
                throw new SemanticError(e.pos(), e.getMessage() + ": a query with DISTINCT, AS ROWTIME or "
                        + "UNION ALL is sorted by its select items (alias, name or ordinal) or ROWTIME");
            }
            // A key that is no select item: computed on the FROM row (or the aggregate row), carried beside the
            // output row.
            Expr value;
            try {
                value = from.analyze(key);
            } catch (SemanticError notFrom) {
                throw new SemanticError(notFrom.pos(), notFrom.getMessage().replace("in stream \"" + first.source().name()
                        + "\"", first.grouping() != null ? "in the select list, the GROUP BY keys or the FROM clause"
                                : "in the select list or the FROM clause"));
            }
            hidden.add(value);
            return new Expr.ColumnRef(target.columns().size() + hidden.size() - 1, key.toString(), value.type());
        }
    }

    /** The select item's column when {@code key} names the FROM column an item reads under another name, or null. */
    private static Expr renamed(SqlNode key, SelectAnalyzer.Branch first, List<Integer> columns, StreamDef target) {
        if (key instanceof SqlIdentifier id && !id.isStar()
                && (id.names.size() == 1 || id.names.size() == 2 && first.qualifiers().contains(id.names.get(0)))) {
            String name = id.names.get(id.names.size() - 1);
            for (int i = 0; i < first.items().size(); i++) {
                if (first.items().get(i).expr() instanceof Expr.ColumnRef ref && ref.name().equals(name)) {
                    StreamDef.ColumnDef c = target.columns().get(columns.get(i));
                    return new Expr.ColumnRef(columns.get(i), c.name(), c.type());
                }
            }
        }
        return null;
    }

    private static Expr ordinal(SqlNumericLiteral n, List<Integer> columns, StreamDef target) {
        int i = n.intValue(false);
        if (i < 1 || i > columns.size()) {
            throw new SemanticError(ExprAnalyzer.pos(n), "ORDER BY " + i + " is not a select item: there are "
                    + columns.size());
        }
        StreamDef.ColumnDef c = target.columns().get(columns.get(i - 1));
        return new Expr.ColumnRef(columns.get(i - 1), c.name(), c.type());
    }
}
