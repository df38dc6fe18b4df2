package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.util.Litmus;

/**
 * Analyzes a streaming GROUP BY (reference 4.5): one window on ROWTIME ({@code STEP(ROWTIME BY
 * INTERVAL ...)} or {@code FLOOR(ROWTIME TO unit)}) plus other keys; select items and HAVING may use
 * the keys, aggregates (COUNT, SUM, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE) and ROWTIME (the window's end).
 */
final class GroupAnalyzer {

    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "FIRST_VALUE",
            "LAST_VALUE", "ANY", "EVERY");
    private static final Set<String> FIXED_UNITS = Set.of("SECOND", "MINUTE", "HOUR", "DAY", "MONTH", "YEAR");

    private final ExprAnalyzer plain;
    private final ExprPositions positions;
    private SqlNode windowNode;
    private Expr window;
    private long widthMillis;
    private String unit;
    private final List<SqlNode> keyNodes = new ArrayList<>();
    private final List<Expr> keys = new ArrayList<>();
    private final List<SqlNode> aggregateNodes = new ArrayList<>();
    private final List<Aggregation.AggregateCall> aggregates = new ArrayList<>();
    private Aggregation.Driver driver = Aggregation.Driver.ROWTIME_UNIT;
    private ExprAnalyzer outputs;

    GroupAnalyzer(Scope scope, SqlNodeList group) {
        this.plain = new ExprAnalyzer(scope);
        this.positions = scope.positions();
        if (group.size() == 1 && group.get(0) instanceof SqlCall stagger
                && stagger.getOperator().getName().equalsIgnoreCase("STAGGER")) {
            stagger(stagger);
            return;
        }
        for (SqlNode node : group) {
            if (isWindow(node)) {
                if (windowNode != null) {
                    throw new SemanticError(ExprAnalyzer.pos(node), "GROUP BY has two windows on ROWTIME; keep one");
                }
                windowNode = node;
                window = plain.analyze(node);
                width((SqlCall) undeclared(node));
            } else {
                keyNodes.add(node);
                keys.add(plain.analyze(node));
            }
        }
        if (windowNode == null) {
            monotonicKey(Monotonic.Source.ROWTIME, Aggregation.Driver.ROWTIME_EXPRESSION);
        }
        if (windowNode == null) {
            monotonicKey(Monotonic.Source.ARRIVAL, Aggregation.Driver.ARRIVAL_EXPRESSION);
        }
        if (windowNode == null) {
            declaredKey(scope.stream());
        }
        if (windowNode == null) {
            throw new SemanticError(ExprAnalyzer.pos(group), "A streaming GROUP BY needs a window on ROWTIME: "
                    + "STEP(ROWTIME BY INTERVAL ...) or FLOOR(ROWTIME TO unit)");
        }
    }

    /** {@code WINDOWED BY STAGGER (PARTITION BY keys RANGE interval)}, rewritten as GROUP BY STAGGER(keys, interval). */
    private void stagger(SqlCall call) {
        List<SqlNode> operands = call.getOperandList();
        if (operands.size() < 2) {
            throw new SemanticError(ExprAnalyzer.pos(call), "WINDOWED BY STAGGER needs at least one PARTITION BY key");
        }
        for (SqlNode key : operands.subList(0, operands.size() - 1)) {
            keyNodes.add(key);
            keys.add(plain.analyze(key));
        }
        SqlNode range = operands.get(operands.size() - 1);
        Expr width = plain.analyze(range);
        if (!(width instanceof Expr.Literal literal) || width.type().kind() != SqlType.Kind.INTERVAL
                || (Long) literal.value() <= 0) {
            throw new SemanticError(ExprAnalyzer.pos(range), "The stagger window's RANGE must be a positive INTERVAL "
                    + "literal, e.g. RANGE INTERVAL '1' MINUTE");
        }
        widthMillis = (Long) literal.value();
        window = new Expr.SystemColumn(false);
        positions.put(window, ExprAnalyzer.pos(call));
        driver = Aggregation.Driver.STAGGER;
    }

    /** Makes the first key ascending with {@code source} the window (the reference's monotonic GROUP BY key). */
    private void monotonicKey(Monotonic.Source source, Aggregation.Driver kind) {
        for (int i = 0; i < keys.size(); i++) {
            if (Monotonic.source(keys.get(i)) == source) {
                windowNode = keyNodes.remove(i);
                window = keys.remove(i);
                driver = kind;
                return;
            }
        }
    }

    /**
     * Without a key on ROWTIME or arrival time: the first key declared monotonic, {@code MONOTONIC(expr)} or a
     * sub-query column that was one, is the window (reference MONOTONIC; module README).
     */
    private void declaredKey(StreamDef stream) {
        for (int i = 0; i < keys.size(); i++) {
            boolean declared = isDeclared(keyNodes.get(i)) || keys.get(i) instanceof Expr.ColumnRef ref
                    && ref.index() < stream.columns().size() && stream.columns().get(ref.index()).declaredMonotonic()
                    && stream.columns().get(ref.index()).name().equals(ref.name());
            if (declared) {
                windowNode = keyNodes.remove(i);
                window = keys.remove(i);
                driver = Aggregation.Driver.DECLARED;
                return;
            }
        }
    }

    /** Whether a select item or key is {@code MONOTONIC(expr)}, with or without an alias. */
    static boolean isDeclared(SqlNode node) {
        SqlNode value = node.getKind() == org.apache.calcite.sql.SqlKind.AS ? ((SqlCall) node).operand(0) : node;
        return value instanceof SqlCall call && call.getOperator().getName().equalsIgnoreCase("MONOTONIC");
    }

    /** The analyzer of select items and HAVING, over the aggregate row. */
    ExprAnalyzer outputs() {
        if (outputs == null) {
            outputs = new ExprAnalyzer(plainScope(), this::substitute);
        }
        return outputs;
    }

    /** @param distinct whether the SELECT is DISTINCT over its GROUP BY's rows */
    Aggregation aggregation(SqlNode having, boolean distinct) {
        Expr condition = having == null ? null : outputs().condition(having, "HAVING");
        return new Aggregation(window, widthMillis, unit, List.copyOf(keys), List.copyOf(aggregates), condition, driver,
                distinct);
    }

    /**
     * {@code analyzed} with the aggregate calls met since it was made (by ORDER BY keys read over the aggregate row);
     * they come after the others in the aggregate row, so no column moves.
     */
    Aggregation withCallsSince(Aggregation analyzed) {
        if (analyzed.aggregates().size() == aggregates.size()) {
            return analyzed;
        }
        return new Aggregation(analyzed.window(), analyzed.widthMillis(), analyzed.unit(), analyzed.keys(),
                List.copyOf(aggregates), analyzed.having(), analyzed.driver(), analyzed.distinct());
    }

    /** Whether this is a stagger window ({@code WINDOWED BY STAGGER}). */
    boolean stagger() {
        return driver == Aggregation.Driver.STAGGER;
    }

    private Scope plainScope() {
        return new Scope(new StreamDef("aggregate", List.of(), StreamDef.Role.CREATED, -1), Set.of(), Set.of(), positions);
    }

    private Expr substitute(SqlNode node) {
        if (windowNode != null && node.equalsDeep(windowNode, Litmus.IGNORE)) {
            return new Expr.ColumnRef(0, "window", window.type());
        }
        for (int i = 0; i < keyNodes.size(); i++) {
            if (node.equalsDeep(keyNodes.get(i), Litmus.IGNORE)) {
                return new Expr.ColumnRef(1 + i, keyNodes.get(i).toString(), keys.get(i).type());
            }
        }
        if (node instanceof SqlCall call && AGGREGATES.contains(call.getOperator().getName().toUpperCase(Locale.ROOT))) {
            return aggregate(call);
        }
        if (node instanceof SqlIdentifier id && !id.isStar()) {
            String name = id.names.get(id.names.size() - 1);
            if (name.equals("ROWTIME") || id.names.size() == 1 && Set.of("CURRENT_ROW_TIMESTAMP", "CURRENT_TIMESTAMP",
                    "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME").contains(name)) {
                return null;
            }
            // The same column, qualified in one place and not in the other (AWS's web analytics solution selects
            // weblogs.window_time and groups by window_time).
            Expr column = plain.analyze(node);
            if (column instanceof Expr.ColumnRef && column.equals(window)) {
                return new Expr.ColumnRef(0, "window", window.type());
            }
            for (int i = 0; i < keys.size(); i++) {
                if (column instanceof Expr.ColumnRef && column.equals(keys.get(i))) {
                    return new Expr.ColumnRef(1 + i, keyNodes.get(i).toString(), keys.get(i).type());
                }
            }
            throw new SemanticError(ExprAnalyzer.pos(node), "Column '" + name + "' must be in GROUP BY or inside an "
                    + "aggregate function");
        }
        return null;
    }

    private Expr aggregate(SqlCall call) {
        for (int i = 0; i < aggregateNodes.size(); i++) {
            if (call.equalsDeep(aggregateNodes.get(i), Litmus.IGNORE)) {
                return new Expr.ColumnRef(1 + keys.size() + i, call.toString(), aggregates.get(i).type());
            }
        }
        Aggregation.Kind kind = Aggregation.Kind.valueOf(call.getOperator().getName().toUpperCase(Locale.ROOT));
        if (call.getFunctionQuantifier() != null && call.getFunctionQuantifier().toValue().equals("DISTINCT")) {
            throw new SemanticError(ExprAnalyzer.pos(call), kind + "(DISTINCT ...) is not allowed in streaming "
                    + "aggregation");
        }
        if (call.getOperandList().size() != 1) {
            throw new SemanticError(ExprAnalyzer.pos(call), kind + " expects 1 argument, got " + call.getOperandList().size());
        }
        SqlNode operand = call.operand(0);
        boolean star = operand instanceof SqlIdentifier id && id.isStar();
        if (star && kind != Aggregation.Kind.COUNT) {
            throw new SemanticError(ExprAnalyzer.pos(call), kind + "(*) is not allowed; only COUNT(*)");
        }
        Expr arg = star ? null : plain.analyze(operand);
        SqlType type = type(kind, arg, call);
        aggregateNodes.add(call);
        aggregates.add(new Aggregation.AggregateCall(kind, arg, type));
        return new Expr.ColumnRef(keys.size() + aggregates.size(), call.toString(), type);
    }

    static SqlType type(Aggregation.Kind kind, Expr arg, SqlCall call) {
        if (kind == Aggregation.Kind.COUNT) {
            return SqlType.BIGINT;
        }
        SqlType t = arg.type();
        if (kind == Aggregation.Kind.FIRST_VALUE || kind == Aggregation.Kind.LAST_VALUE) {
            return t;
        }
        if (kind == Aggregation.Kind.ANY || kind == Aggregation.Kind.EVERY) {
            return Aggregation.booleanType(kind, arg, call);
        }
        if (kind == Aggregation.Kind.MIN || kind == Aggregation.Kind.MAX) {
            if (t.isNull() || t.isBinary()) {
                throw new SemanticError(ExprAnalyzer.pos(call), kind + " cannot aggregate " + t);
            }
            return t;
        }
        if (!t.isNumeric()) {
            throw new SemanticError(ExprAnalyzer.pos(call), kind + " expects a numeric argument, not " + t);
        }
        if (t.isApproximate()) {
            return SqlType.DOUBLE;
        }
        if (kind == Aggregation.Kind.SUM) {
            return t.isIntegral() ? SqlType.BIGINT : SqlType.decimal(SqlType.MAX_DECIMAL_PRECISION, t.scale());
        }
        return t;
    }

    /** The expression inside {@code MONOTONIC(...)}, or the node itself. */
    private static SqlNode undeclared(SqlNode node) {
        return isDeclared(node) && ((SqlCall) node).getOperandList().size() == 1 ? ((SqlCall) node).operand(0) : node;
    }

    private static boolean isWindow(SqlNode key) {
        SqlNode node = undeclared(key);
        if (!(node instanceof SqlCall call) || call.getOperandList().size() != 2) {
            return false;
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        return (name.equals("STEP") || name.equals("FLOOR")) && call.operand(0) instanceof SqlIdentifier id
                && id.names.get(id.names.size() - 1).equals("ROWTIME");
    }

    private void width(SqlCall call) {
        if (call.operand(1) instanceof SqlIntervalQualifier qualifier) {
            unit = qualifier.getStartUnit().name();
            if (!FIXED_UNITS.contains(unit)) {
                throw new SemanticError(ExprAnalyzer.pos(qualifier), "Unit " + unit + " is not supported: use YEAR, "
                        + "MONTH, DAY, HOUR, MINUTE or SECOND");
            }
            return;
        }
        Expr by = plain.analyze(call.operand(1));
        if (!(by instanceof Expr.Literal literal) || by.type().kind() != SqlType.Kind.INTERVAL
                || (Long) literal.value() <= 0) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(1)), "The window width must be a positive INTERVAL "
                    + "literal, e.g. STEP(ROWTIME BY INTERVAL '60' SECOND)");
        }
        widthMillis = (Long) literal.value();
    }

}
