package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * Analyzes a join in FROM (reference §4.6). A stream joined with a reference table becomes a hidden pump
 * that looks each stream row up in the table and writes the joined rows to a hidden stream; the query
 * around it reads that stream through a scope that knows each FROM item's columns. A join of two streams goes to
 * {@link StreamJoinAnalyzer}.
 */
final class JoinAnalyzer {

    private final Map<String, StreamDef> streams;
    private final Set<SourcePos> commaSubstrings;
    private final ExprPositions positions;
    private final Derived derived;
    private final FromWindows windows;

    JoinAnalyzer(Map<String, StreamDef> streams, Set<SourcePos> commaSubstrings, ExprPositions positions,
            Derived derived, FromWindows windows) {
        this.streams = streams;
        this.commaSubstrings = commaSubstrings;
        this.positions = positions;
        this.derived = derived;
        this.windows = windows;
    }

    /** A reference table in FROM, with the names that qualify its columns. */
    private record TableItem(StreamDef table, Set<String> qualifiers) {
    }

    /**
     * The scope of the joined rows.
     *
     * @param join the join
     * @param streamScope analyzes the stream side (a stream, a sub-query, a table function or another join)
     * @param select the SELECT whose FROM holds the join
     * @param where the WHERE of that SELECT when the join is its whole FROM, else null
     */
    Scope analyze(SqlJoin join, Function<SqlNode, Scope> streamScope, SqlSelect select, SqlNode where) {
        SourcePos pos = ExprAnalyzer.pos(join.getJoinTypeNode());
        if (join.isNatural()) {
            throw new SemanticError(pos, "NATURAL JOIN is not supported: write the condition with ON");
        }
        if (join.getConditionType() == JoinConditionType.USING) {
            throw new SemanticError(ExprAnalyzer.pos(join.getCondition()), "JOIN ... USING is not supported yet: "
                    + "write the condition with ON, e.g. ON s.KEY = t.KEY");
        }
        TableItem left = table(join.getLeft());
        TableItem right = table(join.getRight());
        if (left != null && right != null) {
            throw new SemanticError(pos, "A join needs a stream on one side: \"" + left.table().name() + "\" and \""
                    + right.table().name() + "\" are both reference tables");
        }
        if (left == null && right == null) {
            // A name that is neither a stream nor a table is reported as not found (it may be a table to come).
            for (SqlNode side : List.of(join.getLeft(), join.getRight())) {
                SqlNode named = side.getKind() == SqlKind.AS ? ((SqlCall) side).operand(0) : side;
                if (named instanceof SqlIdentifier id && !streams.containsKey(id.names.get(id.names.size() - 1))) {
                    String name = id.names.get(id.names.size() - 1);
                    throw new SemanticError(ExprAnalyzer.pos(id), "Stream \"" + name + "\" not found"
                            + Suggestions.hint(name, streams.keySet(), "\""), name);
                }
            }
            return new StreamJoinAnalyzer(commaSubstrings, positions, derived, windows).analyze(join, streamScope,
                    select, where);
        }
        for (SqlNode item : List.of(join.getLeft(), join.getRight())) {
            SqlNode source = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            var window = source.getKind() == SqlKind.JOIN ? null : windows.claim(item);
            if (window != null) {
                throw new SemanticError(window.pos(), "A window (OVER) bounds a side of a join of two streams; a join "
                        + "with a reference table looks each stream row up and takes no window");
            }
        }
        boolean tableFirst = left != null;
        TableItem table = tableFirst ? left : right;
        boolean outer = switch (join.getJoinType()) {
            case INNER, COMMA, CROSS -> false;
            case LEFT, RIGHT -> {
                boolean keepsTable = (join.getJoinType() == org.apache.calcite.sql.JoinType.LEFT) == tableFirst;
                if (keepsTable) {
                    throw new SemanticError(pos, join.getJoinType() + " JOIN would keep the rows of reference table \""
                            + table.table().name() + "\" that match no stream row, and a table row has no ROWTIME: "
                            + "put the stream on the side the join keeps");
                }
                yield true;
            }
            case FULL -> throw new SemanticError(pos, "FULL JOIN with reference table \"" + table.table().name()
                    + "\" is not supported: a table row without a stream row has no ROWTIME; use LEFT JOIN");
            default -> throw new SemanticError(pos, join.getJoinType() + " JOIN is not supported");
        };
        Scope stream = streamScope.apply(tableFirst ? join.getRight() : join.getLeft());
        int tableWidth = table.table().columns().size();
        int streamWidth = stream.stream().columns().size();
        int streamOffset = tableFirst ? tableWidth : 0;
        int tableOffset = tableFirst ? 0 : streamWidth;
        List<Scope.Side> sides = new ArrayList<>();
        if (stream.sides().isEmpty()) {
            sides.add(new Scope.Side(stream.stream(), stream.qualifiers(), streamOffset));
        } else {
            for (Scope.Side side : stream.sides()) {
                sides.add(side.shifted(streamOffset));
            }
        }
        Set<String> qualifiers = new LinkedHashSet<>(stream.qualifiers());
        for (String q : table.qualifiers()) {
            if (!qualifiers.add(q)) {
                throw new SemanticError(ExprAnalyzer.pos(tableFirst ? join.getLeft() : join.getRight()), "'" + q
                        + "' names two FROM items: give one an alias");
            }
        }
        sides.add(tableFirst ? 0 : sides.size(), new Scope.Side(table.table(), table.qualifiers(), tableOffset));
        // The joined row: the stream row (a joined stream's row keeps its hidden columns) and the table row, in FROM
        // order.
        List<StreamDef.ColumnDef> columns = new ArrayList<>();
        List<StreamDef> parts = tableFirst ? List.of(table.table(), stream.stream()) : List.of(stream.stream(),
                table.table());
        for (StreamDef part : parts) {
            part.columns().forEach(c -> columns.add(new StreamDef.ColumnDef(c.name(), c.type(), false)));
        }
        StreamDef joined = derived.stream(columns, pos);
        Scope scope = new Scope(joined, Set.copyOf(qualifiers), commaSubstrings, positions, List.copyOf(sides));
        Expr on = join.getCondition() == null ? null : new ExprAnalyzer(scope).condition(join.getCondition(), "ON");
        ReferenceJoin lookup = new ReferenceJoin(table.table(), tableFirst, outer, on);
        PumpDef.QueryDef query = new PumpDef.QueryDef(stream.stream(), null, List.of(), null, null, List.of(), null,
                lookup, pos);
        int[] all = new int[columns.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        derived.pump(new PumpDef(derived.pumpName(), joined, all, List.of(query), null, pos));
        return scope;
    }

    /** The reference table a FROM item names, or null when it is something else. */
    private TableItem table(SqlNode item) {
        SqlNode source = item;
        String alias = null;
        if (item.getKind() == SqlKind.AS) {
            SqlCall as = (SqlCall) item;
            source = as.operand(0);
            alias = ((SqlIdentifier) as.operand(1)).getSimple();
        }
        if (!(source instanceof SqlIdentifier id)) {
            return null;
        }
        String name = id.names.get(id.names.size() - 1);
        StreamDef table = streams.get(name);
        if (table == null || table.role() != StreamDef.Role.REFERENCE) {
            return null;
        }
        Set<String> qualifiers = new HashSet<>();
        qualifiers.add(alias == null ? name : alias);
        return new TableItem(table, qualifiers);
    }
}
