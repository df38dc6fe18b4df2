package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Analyzes {@code TABLE(f(CURSOR(query), parameters...))} in FROM: the cursor's query becomes a hidden
 * stream, the function's rows another one; parameters are checked against the documented ranges.
 */
final class TableFunctionAnalyzer {

    /** A documented numeric parameter: name, default, inclusive range. */
    record Param(String name, Object defaultValue, double min, double max) {
    }

    private static final List<Param> RCF = List.of(new Param("numberOfTrees", 100, 1, 1000),
            new Param("subSampleSize", 256, 10, 1000), new Param("timeDecay", 100_000L, 1, Integer.MAX_VALUE),
            new Param("shingleSize", 1, 1, 30));

    private TableFunctionAnalyzer() {
    }

    static StreamDef analyze(SqlCall table, PumpAnalyzer pumps, SelectAnalyzer select, Derived derived) {
        if (!(table.operand(0) instanceof SqlCall call) || call.getKind() == SqlKind.CURSOR) {
            throw new SemanticError(ExprAnalyzer.pos(table), "TABLE(...) needs a table function call");
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (name.equals(TableFunction.GROUP_RANK)) {
            return GroupRankAnalyzer.analyze(call, pumps, select, derived);
        }
        if (name.equals(TableFunction.HOTSPOTS)) {
            return HotspotsAnalyzer.analyze(call, pumps, select, derived);
        }
        if (name.equals(TableFunction.TOP_K_ITEMS_TUMBLING) || name.equals(TableFunction.COUNT_DISTINCT_ITEMS_TUMBLING)) {
            return TumblingItemsAnalyzer.analyze(name, call, pumps, select, derived);
        }
        boolean explained = name.equals(TableFunction.RANDOM_CUT_FOREST_WITH_EXPLANATION);
        if (!explained && !name.equals(TableFunction.RANDOM_CUT_FOREST)) {
            throw new SemanticError(ExprAnalyzer.pos(call), "Unknown table function " + name + "; known: "
                    + "RANDOM_CUT_FOREST, RANDOM_CUT_FOREST_WITH_EXPLANATION, TOP_K_ITEMS_TUMBLING, "
                    + "COUNT_DISTINCT_ITEMS_TUMBLING, HOTSPOTS, GROUP_RANK");
        }
        List<SqlNode> operands = call.getOperandList();
        int max = RCF.size() + (explained ? 2 : 1);
        if (operands.isEmpty() || operands.get(0).getKind() != SqlKind.CURSOR) {
            throw new SemanticError(ExprAnalyzer.pos(call), name + " needs CURSOR(SELECT STREAM ...) as its first "
                    + "argument");
        }
        if (operands.size() > max) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(max)), name + " takes at most " + (max - 1)
                    + " parameters after the cursor");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < RCF.size(); i++) {
            Param p = RCF.get(i);
            parameters.put(p.name(), i + 1 < operands.size() ? number(name, p, operands.get(i + 1)) : p.defaultValue());
        }
        if (explained) {
            parameters.put("withDirectionality", operands.size() > 5 ? bool(name, operands.get(5)) : Boolean.FALSE);
        }
        int subSample = (Integer) parameters.get("subSampleSize");
        if (subSample >= ((Number) parameters.get("timeDecay")).longValue() && operands.size() > 3) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(3)), name + ": timeDecay must be larger than "
                    + "subSampleSize (" + subSample + ")");
        }
        StreamDef cursor = pumps.subquery(((SqlCall) operands.get(0)).operand(0), select, derived);
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < cursor.columns().size(); i++) {
            SqlType t = cursor.columns().get(i).type();
            if (t.isNumeric() && t.kind() != SqlType.Kind.DECIMAL) {
                numeric.add(i);
            }
        }
        if (numeric.isEmpty() || numeric.size() > 30) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(0)), name + " needs 1 to 30 numeric columns "
                    + "(TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE; not DECIMAL: CAST it to DOUBLE), got "
                    + numeric.size());
        }
        List<StreamDef.ColumnDef> columns = new ArrayList<>(cursor.columns());
        columns.add(new StreamDef.ColumnDef("ANOMALY_SCORE", SqlType.DOUBLE, false));
        if (explained) {
            columns.add(new StreamDef.ColumnDef("ANOMALY_EXPLANATION", SqlType.varchar(SqlType.MAX_CHAR_LENGTH), false));
        }
        SourcePos pos = ExprAnalyzer.pos(call);
        TableFunction function = new TableFunction(name, parameters, List.copyOf(numeric));
        return pump(cursor, columns, function, pos, derived);
    }

    /** Declares the hidden stream of the function's rows and the hidden pump that fills it from the cursor. */
    static StreamDef pump(StreamDef cursor, List<StreamDef.ColumnDef> columns, TableFunction function, SourcePos pos,
            Derived derived) {
        StreamDef out = derived.stream(columns, pos);
        PumpDef.QueryDef query = new PumpDef.QueryDef(cursor, null, List.of(), null, null, List.of(), function,
                null, pos);
        int[] all = new int[columns.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        derived.pump(new PumpDef(derived.pumpName(), out, all, List.of(query), null, pos));
        return out;
    }

    /**
     * Checks a table function's arguments against its signature: no more and no fewer than it names, and
     * the first one a {@code CURSOR(SELECT STREAM ...)}; each error at its line:column, naming {@code usage}.
     */
    static void checkArguments(String function, SqlCall call, List<String> signature, String usage) {
        List<SqlNode> operands = call.getOperandList();
        if (operands.size() > signature.size()) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(signature.size())), function + " takes "
                    + signature.size() + " arguments: " + usage);
        }
        if (operands.size() < signature.size()) {
            throw new SemanticError(ExprAnalyzer.pos(call), function + " is missing its "
                    + signature.get(operands.size()) + " argument: " + usage);
        }
        if (operands.get(0).getKind() != SqlKind.CURSOR) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(0)), function + ": " + signature.get(0)
                    + " must be CURSOR(SELECT STREAM ...)");
        }
    }

    static Object number(String function, Param p, SqlNode node) {
        if (!(node instanceof SqlNumericLiteral n) || !n.isInteger()) {
            throw new SemanticError(ExprAnalyzer.pos(node), function + ": " + p.name() + " must be a whole number "
                    + "literal");
        }
        BigDecimal v = n.getValueAs(BigDecimal.class);
        if (v.doubleValue() < p.min() || v.doubleValue() > p.max()) {
            throw new SemanticError(ExprAnalyzer.pos(node), function + ": " + p.name() + " must be between "
                    + (long) p.min() + " and " + (long) p.max() + ", was " + v.toPlainString());
        }
        return p.defaultValue() instanceof Long ? (Object) v.longValue() : (Object) v.intValue();
    }

    private static Boolean bool(String function, SqlNode node) {
        if (node instanceof SqlLiteral l && l.getValue() instanceof Boolean b) {
            return b;
        }
        throw new SemanticError(ExprAnalyzer.pos(node), function + ": withDirectionality must be TRUE or FALSE");
    }
}
