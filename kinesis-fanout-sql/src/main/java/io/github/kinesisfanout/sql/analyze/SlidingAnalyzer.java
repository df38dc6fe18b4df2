package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlWindow;

/**
 * Analyzes the analytic calls of a select list ({@code f(...) OVER w} or {@code OVER (...)}, reference 4.5)
 * into sliding windows, replacing each call by a column of the row projections read.
 */
final class SlidingAnalyzer implements ExprAnalyzer.Substitution {

    private final Scope scope;
    private final ExprAnalyzer plain;
    private final Map<String, SqlWindow> named = new LinkedHashMap<>();
    private final List<Spec> specs = new ArrayList<>();

    /** A window's frame and the calls over it, while the select list is analyzed. */
    private record Spec(List<Expr> partitionBy, boolean rows, long size, List<SlidingWindow.Call> calls) {
    }

    SlidingAnalyzer(Scope scope, SqlNodeList windows) {
        this.scope = scope;
        this.plain = new ExprAnalyzer(scope);
        if (windows != null) {
            for (SqlNode node : windows) {
                SqlWindow w = (SqlWindow) node;
                String name = w.getDeclName().getSimple();
                if (named.put(name, w) != null) {
                    throw new SemanticError(ExprAnalyzer.pos(w.getDeclName()), "Window " + name + " is declared twice");
                }
            }
        }
    }

    /** The sliding windows found, in order of first use. */
    List<SlidingWindow> windows() {
        return specs.stream().map(s -> new SlidingWindow(s.partitionBy(), s.rows(), s.size(), List.copyOf(s.calls())))
                .toList();
    }

    @Override
    public Expr substitute(SqlNode node) {
        if (node.getKind() != SqlKind.OVER) {
            return null;
        }
        SqlCall over = (SqlCall) node;
        SqlNode function = over.operand(0);
        SlidingWindow.Nulls nulls = SlidingWindow.Nulls.DEFAULT;
        SqlNode nullsNode = null;
        if (function.getKind() == SqlKind.IGNORE_NULLS || function.getKind() == SqlKind.RESPECT_NULLS) {
            // Calcite wraps the call: IGNORE_NULLS(f(...)), positioned at the IGNORE / RESPECT keyword.
            nulls = function.getKind() == SqlKind.IGNORE_NULLS ? SlidingWindow.Nulls.IGNORE : SlidingWindow.Nulls.RESPECT;
            nullsNode = function;
            function = ((SqlCall) function).operand(0);
        }
        Spec spec = spec(window(over.operand(1)));
        AnalyticCalls.Parsed call = AnalyticCalls.parse((SqlCall) function, plain, nulls, nullsNode);
        int column = scope.stream().columns().size() + specs.stream().mapToInt(s -> s.calls().size()).sum();
        SlidingWindow.Call analyzed = new SlidingWindow.Call(call.function(), call.arg(), call.type(), call.offset(),
                call.defaultValue(), column, nulls, call.fromLast(), call.halfLife());
        spec.calls().add(analyzed);
        return new Expr.ColumnRef(column, function.toString(), call.type());
    }

    private SqlWindow window(SqlNode node) {
        if (node instanceof SqlIdentifier id) {
            SqlWindow w = named.get(id.getSimple());
            if (w == null) {
                throw new SemanticError(ExprAnalyzer.pos(id), "Window " + id.getSimple() + " is not declared in WINDOW"
                        + Suggestions.hint(id.getSimple(), named.keySet(), ""));
            }
            return w;
        }
        SqlWindow w = (SqlWindow) node;
        if (w.getRefName() != null) {
            throw new SemanticError(ExprAnalyzer.pos(w.getRefName()), "A window that extends another is not supported "
                    + "yet: write the whole window");
        }
        return w;
    }

    private Spec spec(SqlWindow w) {
        List<Expr> partition = new ArrayList<>();
        for (SqlNode key : w.getPartitionList()) {
            partition.add(plain.analyze(key));
        }
        for (SqlNode key : w.getOrderList()) {
            SqlNode k = key.getKind() == SqlKind.DESCENDING ? null : key;
            if (!(k instanceof SqlIdentifier id) || !id.names.get(id.names.size() - 1).equals("ROWTIME")) {
                throw new SemanticError(ExprAnalyzer.pos(key), "A sliding window is ordered by ROWTIME; ORDER BY "
                        + "may only name ROWTIME");
            }
        }
        if (w.getUpperBound() != null && !SqlWindow.isCurrentRow(w.getUpperBound())) {
            throw new SemanticError(ExprAnalyzer.pos(w.getUpperBound()), "A sliding window ends at the current row: "
                    + "use ... PRECEDING (or BETWEEN ... PRECEDING AND CURRENT ROW)");
        }
        SqlNode lower = w.getLowerBound();
        if (lower == null) {
            throw new SemanticError(ExprAnalyzer.pos(w), "A sliding window needs a frame: RANGE INTERVAL 'n' unit "
                    + "PRECEDING, ROWS n PRECEDING or RANGE UNBOUNDED PRECEDING");
        }
        long size = size(w, lower, plain);
        for (Spec s : specs) {
            if (s.partitionBy().equals(partition) && s.rows() == w.isRows() && s.size() == size) {
                return s;
            }
        }
        Spec spec = new Spec(partition, w.isRows(), size, new ArrayList<>());
        specs.add(spec);
        return spec;
    }

    /**
     * The size of a frame that ends at the current row: ROWS n, a RANGE interval in milliseconds, 0 for CURRENT ROW,
     * or {@link SlidingWindow#UNBOUNDED}.
     */
    static long size(SqlWindow w, SqlNode lower, ExprAnalyzer plain) {
        if (SqlWindow.isUnboundedPreceding(lower)) {
            return SlidingWindow.UNBOUNDED;
        }
        if (SqlWindow.isCurrentRow(lower)) {
            return 0;
        }
        if (!(lower instanceof SqlCall call) || call.getKind() != SqlKind.PRECEDING) {
            throw new SemanticError(ExprAnalyzer.pos(lower), "A sliding window looks back only: use ... PRECEDING");
        }
        SqlNode amount = call.operand(0);
        if (w.isRows()) {
            if (!(amount instanceof SqlNumericLiteral n) || !n.isInteger() || n.intValue(false) < 0) {
                throw new SemanticError(ExprAnalyzer.pos(amount), "ROWS needs a whole number of rows, e.g. ROWS 10 "
                        + "PRECEDING");
            }
            return n.intValue(false);
        }
        Expr range = plain.analyze(amount);
        if (!(range instanceof Expr.Literal literal) || range.type().kind() != SqlType.Kind.INTERVAL
                || (Long) literal.value() < 0) {
            throw new SemanticError(ExprAnalyzer.pos(amount), "RANGE needs an INTERVAL literal, e.g. RANGE INTERVAL "
                    + "'1' MINUTE PRECEDING");
        }
        return (Long) literal.value();
    }

    static String name(SqlCall call) {
        return call.getOperator().getName().toUpperCase(Locale.ROOT);
    }
}
