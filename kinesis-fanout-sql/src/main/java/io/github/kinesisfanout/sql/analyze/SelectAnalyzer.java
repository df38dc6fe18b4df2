package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;

/** Analyzes one {@code SELECT STREAM} branch of a pump: its FROM stream, select list and WHERE. */
final class SelectAnalyzer {

    private final Map<String, StreamDef> streams;
    private final Set<SourcePos> commaSubstrings;
    private final List<SemanticError> errors;
    private final ExprPositions positions;
    private final PumpAnalyzer pumps;
    private final Derived derived;
    private final FromWindows windows;

    SelectAnalyzer(Map<String, StreamDef> streams, Set<SourcePos> commaSubstrings, List<SemanticError> errors,
            ExprPositions positions, PumpAnalyzer pumps, Derived derived, FromWindows windows) {
        this.windows = windows;
        this.streams = streams;
        this.commaSubstrings = commaSubstrings;
        this.errors = errors;
        this.positions = positions;
        this.pumps = pumps;
        this.derived = derived;
    }

    /** A select item: its expression, where it is, and its column name (alias, column name or EXPR$n). */
    record Item(Expr expr, SourcePos pos, String name) {
    }

    /**
     * The analyzed branch before conversion to the target's column types.
     *
     * @param grouping the analyzer of a GROUP BY query's aggregate row (not DISTINCT), which an ORDER BY reads keys
     *     that are no select item with; null otherwise
     */
    record Branch(StreamDef source, Expr where, List<Item> items, Expr rowtime, SourcePos listPos,
            Aggregation aggregation, List<SlidingWindow> windows, Set<String> qualifiers, SourcePos selectPos,
            GroupAnalyzer grouping) {
    }

    /** Analyzes a branch; returns null when it cannot be analyzed further (errors recorded). */
    Branch analyze(SqlSelect select) {
        SourcePos pos = ExprAnalyzer.pos(select);
        // Without STREAM the query still reads a stream, so it is a streaming query: AWS's INSERT reference
        // pumps "SELECT ... FROM SALES.bids" into a stream, and AWS's own templates do the same.
        if (select.getOrderList() != null && !select.getOrderList().isEmpty()) {
            throw new SemanticError(ExprAnalyzer.pos(select.getOrderList().get(0)), "ORDER BY is only supported on a "
                    + "pump's whole query or a FROM sub-query");
        }
        Scope scope = scope(select.getFrom(), pos, select, true);
        boolean distinct = select.getModifierNode(SqlSelectKeyword.DISTINCT) != null;
        Expr where = null;
        if (select.getWhere() != null) {
            try {
                where = new ExprAnalyzer(scope).condition(select.getWhere(), "WHERE");
            } catch (SemanticError e) {
                errors.add(e);
            }
        }
        GroupAnalyzer group = null;
        boolean grouped = select.getGroup() != null && !select.getGroup().isEmpty();
        if (distinct && !grouped) {
            group = new GroupAnalyzer(scope, DistinctRewrite.groupList(select, scope));
        } else if (grouped) {
            group = new GroupAnalyzer(scope, select.getGroup());
            if (distinct && group.stagger()) {
                throw new SemanticError(ExprAnalyzer.pos(select.getGroup()), "SELECT DISTINCT with WINDOWED BY "
                        + "STAGGER is not supported: each stagger window holds one combination of its keys and emits "
                        + "one row, so DISTINCT would have nothing to remove within a window; drop DISTINCT");
            }
        } else if (select.getHaving() != null) {
            throw new SemanticError(ExprAnalyzer.pos(select.getHaving()), "HAVING needs a GROUP BY");
        }
        SlidingAnalyzer sliding = null;
        // A WINDOW clause may name only the windows of a join's sides: analytic calls make a query windowed.
        boolean windowed = containsOver(select.getSelectList());
        if (windowed && group != null) {
            throw new SemanticError(distinct ? pos : ExprAnalyzer.pos(select.getGroup()), "A query with sliding windows "
                    + "(OVER) cannot also " + (distinct ? "be DISTINCT" : "GROUP BY") + "; use a sub-query");
        }
        if (windowed) {
            sliding = new SlidingAnalyzer(scope, select.getWindowList());
        }
        ExprAnalyzer exprs = group != null ? group.outputs() : new ExprAnalyzer(scope, sliding);
        List<Item> items = new ArrayList<>();
        Expr rowtime = null;
        boolean failed = false;
        for (SqlNode node : select.getSelectList()) {
            try {
                if (node instanceof SqlIdentifier id && id.isStar() && group != null) {
                    throw new SemanticError(ExprAnalyzer.pos(node), "* cannot be used with GROUP BY");
                }
                if (node instanceof SqlIdentifier id && id.isStar()) {
                    if (id.names.size() == 2 && !scope.qualifiers().contains(id.names.get(0))) {
                        throw new SemanticError(ExprAnalyzer.pos(node), "Stream or alias '" + id.names.get(0)
                                + "' is not in the FROM clause");
                    }
                    // t.* in a join: the columns of that FROM item only, where they sit in the joined row.
                    // A join's * is its FROM items' columns, in FROM order (not the hidden ROWTIMEs of two streams).
                    Scope.Side side = id.names.size() == 2 ? scope.side(id.names.get(0)) : null;
                    List<Scope.Side> stars = side != null ? List.of(side) : scope.sides().isEmpty()
                            ? List.of(new Scope.Side(scope.stream(), Set.of(), 0)) : scope.sides();
                    for (Scope.Side star : stars) {
                        for (int i = 0; i < star.source().columns().size(); i++) {
                            StreamDef.ColumnDef c = star.source().columns().get(i);
                            items.add(new Item(new Expr.ColumnRef(star.offset() + i, c.name(), c.type()),
                                    ExprAnalyzer.pos(node), c.name()));
                        }
                    }
                    continue;
                }
                SqlNode value = node;
                String name = node instanceof SqlIdentifier id ? id.names.get(id.names.size() - 1)
                        : "EXPR$" + items.size();
                if (node.getKind() == SqlKind.AS) {
                    SqlCall as = (SqlCall) node;
                    value = as.operand(0);
                    name = ((SqlIdentifier) as.operand(1)).getSimple();
                    if (name.equals("ROWTIME")) {
                        if (group != null) {
                            throw new SemanticError(ExprAnalyzer.pos(node), "AS ROWTIME cannot be used with GROUP BY: "
                                    + "a window's rows get the ROWTIME of its end");
                        }
                        rowtime = exprs.analyze(value);
                        if (rowtime.type().kind() != SqlType.Kind.TIMESTAMP) {
                            throw new SemanticError(ExprAnalyzer.pos(value), "The expression AS ROWTIME must be a "
                                    + "TIMESTAMP, not " + rowtime.type());
                        }
                        continue;
                    }
                }
                items.add(new Item(exprs.analyze(value), ExprAnalyzer.pos(value), name));
            } catch (SemanticError e) {
                errors.add(e);
                failed = true;
            }
        }
        Aggregation aggregation = null;
        if (group != null && !failed) {
            try {
                // SELECT DISTINCT ... GROUP BY: the DISTINCT applies to the grouped rows of each window.
                aggregation = group.aggregation(select.getHaving(), distinct && grouped);
            } catch (SemanticError e) {
                errors.add(e);
                failed = true;
            }
        }
        return failed ? null : new Branch(scope.stream(), where, items, rowtime, ExprAnalyzer.pos(select.getSelectList()),
                aggregation, sliding == null ? List.of() : sliding.windows(), scope.qualifiers(), pos,
                distinct ? null : group);
    }

    /** Where the expressions of this pump's branches are recorded. */
    ExprPositions positions() {
        return positions;
    }

    private static boolean containsOver(SqlNode node) {
        if (node == null) {
            return false;
        }
        if (node.getKind() == SqlKind.OVER) {
            return true;
        }
        if (node instanceof SqlNodeList list) {
            for (SqlNode n : list) {
                if (containsOver(n)) {
                    return true;
                }
            }
        } else if (node instanceof SqlCall call) {
            for (SqlNode n : call.getOperandList()) {
                if (containsOver(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Why the SELECT does not keep the order of the rows it reads (for an ORDER BY in its sub-query), or null. */
    private static SemanticError reorders(SqlSelect select, boolean whole) {
        String keep = "; an ORDER BY in a sub-query is kept only by an outer query that projects or filters its rows: "
                + "move the ORDER BY to the outer query";
        if (!whole) {
            return new SemanticError(ExprAnalyzer.pos(select.getFrom()), "This join does not keep the order of its "
                    + "sides' rows" + keep);
        }
        if (select.getGroup() != null && !select.getGroup().isEmpty()) {
            return new SemanticError(ExprAnalyzer.pos(select.getGroup()), "This GROUP BY emits its groups when their "
                    + "window closes, not in the sub-query's order" + keep);
        }
        if (select.getModifierNode(SqlSelectKeyword.DISTINCT) != null) {
            return new SemanticError(ExprAnalyzer.pos(select), "This SELECT DISTINCT emits its rows when their window "
                    + "closes, not in the sub-query's order" + keep);
        }
        return null;
    }

    /**
     * The scope of a FROM item.
     *
     * @param select the SELECT it is in
     * @param whole whether it is the SELECT's whole FROM (else a side of a join)
     */
    private Scope scope(SqlNode from, SourcePos selectPos, SqlSelect select, boolean whole) {
        if (from == null) {
            throw new SemanticError(selectPos, "SELECT STREAM needs FROM <stream>");
        }
        if (whole && from.getKind() != SqlKind.JOIN) {
            var window = windows.claim(from);
            if (window != null) {
                throw new SemanticError(window.pos(), "A window after a FROM item (OVER) is only allowed on a side of "
                        + "a join of two streams; for a sliding window write f(...) OVER (...) in the select list");
            }
        }
        String alias = null;
        SqlNode source = from;
        if (from.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) from;
            source = as.operand(0);
            alias = ((SqlIdentifier) as.operand(1)).getSimple();
        }
        switch (source.getKind()) {
            case JOIN -> {
                return new JoinAnalyzer(streams, commaSubstrings, positions, derived, windows).analyze(
                        (SqlJoin) source, item -> scope(item, selectPos, select, false), select,
                        whole ? select.getWhere() : null);
            }
            case SELECT, UNION, ORDER_BY -> {
                StreamDef rows = columnAliases(from, pumps.subquery(source, this, derived, reorders(select, whole)),
                        "the sub-query");
                return new Scope(rows, alias == null ? Set.of() : Set.of(alias), commaSubstrings, positions);
            }
            case COLLECTION_TABLE -> {
                StreamDef rows = columnAliases(from, TableFunctionAnalyzer.analyze((SqlCall) source, pumps, this, derived),
                        "the table function");
                return new Scope(rows, alias == null ? Set.of() : Set.of(alias), commaSubstrings, positions);
            }
            case IDENTIFIER -> { }
            default -> throw new SemanticError(ExprAnalyzer.pos(source), "FROM " + source + " is not supported: "
                    + "read a stream by name");
        }
        SqlIdentifier id = (SqlIdentifier) source;
        if (from.getKind() == SqlKind.AS && ((SqlCall) from).operandCount() > 2) {
            throw new SemanticError(ExprAnalyzer.pos(((SqlCall) from).operand(2)), "A column list after a stream name "
                    + "is not supported yet: rename the columns in a sub-query, (SELECT STREAM a AS x ...) AS t");
        }
        String name = id.names.get(id.names.size() - 1);
        StreamDef stream = streams.get(name);
        if (stream == null) {
            throw new SemanticError(ExprAnalyzer.pos(id), "Stream \"" + name + "\" not found"
                    + Suggestions.hint(name, streams.keySet(), "\""));
        }
        if (stream.role() == StreamDef.Role.ERROR) {
            throw new SemanticError(ExprAnalyzer.pos(id), "error_stream cannot be read by SQL; map it to an output "
                    + "instead");
        }
        if (stream.role() == StreamDef.Role.REFERENCE) {
            throw new SemanticError(ExprAnalyzer.pos(id), "\"" + name + "\" is a reference table, which a query reads "
                    + "only joined to a stream: FROM <stream> JOIN \"" + name + "\" ON ...");
        }
        Set<String> qualifiers = new HashSet<>();
        qualifiers.add(alias == null ? name : alias);
        if (alias == null) {
            qualifiers.add(name);
        }
        return new Scope(stream, qualifiers, commaSubstrings, positions);
    }

    /**
     * {@code (SELECT ...) AS t(c1, c2, ...)} or {@code TABLE(...) AS t(c1, ...)}: the FROM item's columns renamed,
     * one name per column, as in AWS's W3C_LOG_PARSE example.
     */
    private static StreamDef columnAliases(SqlNode from, StreamDef rows, String what) {
        if (from.getKind() != SqlKind.AS || ((SqlCall) from).operandCount() <= 2) {
            return rows;
        }
        List<SqlNode> names = ((SqlCall) from).getOperandList().subList(2, ((SqlCall) from).operandCount());
        if (names.size() != rows.columns().size()) {
            throw new SemanticError(ExprAnalyzer.pos(names.get(0)), "The column list names " + names.size()
                    + " column" + (names.size() == 1 ? "" : "s") + " but " + what + " has " + rows.columns().size());
        }
        List<StreamDef.ColumnDef> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            StreamDef.ColumnDef c = rows.columns().get(i);
            columns.add(new StreamDef.ColumnDef(((SqlIdentifier) names.get(i)).getSimple(), c.type(), c.notNull()));
        }
        return new StreamDef(rows.name(), List.copyOf(columns), rows.role(), rows.inputIndex(), rows.derived(), rows.pos());
    }
}
