package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * Analyzes a join of two streams (reference §4.6): the window of each side, the rows an outer join keeps, the
 * condition; makes the hidden stream of joined rows and the hidden pump with one branch per side that feeds it.
 * At least one side needs a window, unless the sides are joined on {@code a.ROWTIME = b.ROWTIME} (rows with the
 * same ROWTIME, which is what a side without a window contributes).
 */
final class StreamJoinAnalyzer {

    private final Set<SourcePos> commaSubstrings;
    private final ExprPositions positions;
    private final Derived derived;
    private final FromWindows windows;

    StreamJoinAnalyzer(Set<SourcePos> commaSubstrings, ExprPositions positions, Derived derived, FromWindows windows) {
        this.commaSubstrings = commaSubstrings;
        this.positions = positions;
        this.derived = derived;
        this.windows = windows;
    }

    /**
     * The scope of the joined rows.
     *
     * @param sideScope analyzes one side (a stream, a sub-query, a table function or another join)
     * @param select the SELECT whose FROM holds the join (its WINDOW clause names windows)
     * @param where the WHERE of that SELECT when the join is its whole FROM, else null
     */
    Scope analyze(SqlJoin join, Function<SqlNode, Scope> sideScope, SqlSelect select, SqlNode where) {
        SourcePos pos = ExprAnalyzer.pos(join.getJoinTypeNode());
        boolean keepLeft;
        boolean keepRight;
        switch (join.getJoinType()) {
            case INNER, COMMA, CROSS -> {
                keepLeft = false;
                keepRight = false;
            }
            case LEFT -> {
                keepLeft = true;
                keepRight = false;
            }
            case RIGHT -> {
                keepLeft = false;
                keepRight = true;
            }
            case FULL -> {
                keepLeft = true;
                keepRight = true;
            }
            default -> throw new SemanticError(pos, join.getJoinType() + " JOIN of two streams is not supported yet");
        }
        SqlNode[] items = {join.getLeft(), join.getRight()};
        Scope[] scopes = new Scope[2];
        JoinWindow[] frames = new JoinWindow[2];
        for (int s = 0; s < 2; s++) {
            SqlNode source = items[s].getKind() == SqlKind.AS ? ((SqlCall) items[s]).operand(0) : items[s];
            var written = source.getKind() == SqlKind.JOIN ? null : windows.claim(items[s]);
            scopes[s] = sideScope.apply(items[s]);
            frames[s] = JoinWindows.of(written, select, new ExprAnalyzer(scopes[s]));
        }
        if (frames[0].kind() == JoinWindow.Kind.CURRENT_ROW && frames[1].kind() == JoinWindow.Kind.CURRENT_ROW
                && !rowtimeEquality(join.getCondition(), scopes) && !rowtimeEquality(where, scopes)) {
            throw new SemanticError(pos, "A join of two streams needs a window on at least one side, e.g. FROM A OVER "
                    + "(RANGE INTERVAL '1' MINUTE PRECEDING) AS a JOIN B AS b ON ..., or the condition a.ROWTIME = "
                    + "b.ROWTIME");
        }
        int leftWidth = scopes[0].stream().columns().size();
        int rightWidth = scopes[1].stream().columns().size();
        int[] offsets = {0, leftWidth};
        List<Scope.Side> sides = new ArrayList<>();
        Set<String> qualifiers = new LinkedHashSet<>();
        for (int s = 0; s < 2; s++) {
            int rowtime = leftWidth + rightWidth + s;
            if (scopes[s].sides().isEmpty()) {
                sides.add(new Scope.Side(scopes[s].stream(), scopes[s].qualifiers(), offsets[s], rowtime));
            } else {
                for (Scope.Side inner : scopes[s].sides()) {
                    // A stream side of a joined side reads the ROWTIME of the joined side's row.
                    sides.add(inner.rowtime() >= 0 || inner.table() ? inner.shifted(offsets[s])
                            : new Scope.Side(inner.source(), inner.qualifiers(), inner.offset() + offsets[s], rowtime));
                }
            }
            for (String q : scopes[s].qualifiers()) {
                if (!qualifiers.add(q)) {
                    throw new SemanticError(ExprAnalyzer.pos(items[s]), "'" + q + "' names two FROM items: give one "
                            + "an alias");
                }
            }
        }
        List<StreamDef.ColumnDef> columns = new ArrayList<>();
        for (Scope side : scopes) {
            side.stream().columns().forEach(c -> columns.add(new StreamDef.ColumnDef(c.name(), c.type(), false)));
        }
        columns.add(new StreamDef.ColumnDef("$ROWTIME$LEFT", SqlType.TIMESTAMP, false));
        columns.add(new StreamDef.ColumnDef("$ROWTIME$RIGHT", SqlType.TIMESTAMP, false));
        StreamDef joined = derived.stream(columns, pos);
        Scope scope = new Scope(joined, Set.copyOf(qualifiers), commaSubstrings, positions, List.copyOf(sides));
        Expr on = join.getCondition() == null ? null : new ExprAnalyzer(scope).condition(join.getCondition(), "ON");
        StreamJoin analyzed = new StreamJoin(List.of(
                new StreamJoin.Side(scopes[0].stream(), frames[0], keepLeft, 0),
                new StreamJoin.Side(scopes[1].stream(), frames[1], keepRight, leftWidth)), on);
        List<PumpDef.QueryDef> branches = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            branches.add(new PumpDef.QueryDef(scopes[s].stream(), null, List.of(), null, null, List.of(), null, null,
                    pos, new StreamJoin.Input(analyzed, s)));
        }
        int[] all = new int[columns.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        derived.pump(new PumpDef(derived.pumpName(), joined, all, List.copyOf(branches), null, pos));
        return scope;
    }

    /** Whether a condition has a conjunct {@code x.ROWTIME = y.ROWTIME} with x on one side and y on the other. */
    private static boolean rowtimeEquality(SqlNode condition, Scope[] sides) {
        if (!(condition instanceof SqlCall call)) {
            return false;
        }
        if (call.getKind() == SqlKind.AND) {
            return call.getOperandList().stream().anyMatch(c -> rowtimeEquality(c, sides));
        }
        if (call.getKind() != SqlKind.EQUALS) {
            return false;
        }
        String a = rowtimeQualifier(call.operand(0));
        String b = rowtimeQualifier(call.operand(1));
        return a != null && b != null && (sides[0].qualifiers().contains(a) && sides[1].qualifiers().contains(b)
                || sides[1].qualifiers().contains(a) && sides[0].qualifiers().contains(b));
    }

    private static String rowtimeQualifier(SqlNode node) {
        return node instanceof SqlIdentifier id && id.names.size() == 2 && id.names.get(1).equals("ROWTIME")
                ? id.names.get(0) : null;
    }
}
