package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Analyzes {@code GROUP_RANK(CURSOR(...), 'rankByColumnName', 'rankOutColumnName', sortOrder, outputOrder, maxIdle,
 * outputMax)} (reference: Sorting functions) against its documented DDL: every argument required, the two orders
 * {@code 'asc'} or {@code 'desc'}, maxIdle and outputMax whole numbers, 0 meaning no timeout and no limit.
 */
final class GroupRankAnalyzer {

    private static final List<String> SIGNATURE = List.of("c", "rankByColumnName", "rankOutColumnName", "sortOrder",
            "outputOrder", "maxIdle", "outputMax");
    private static final String USAGE = TableFunction.GROUP_RANK + "(CURSOR(SELECT STREAM ...), rankByColumnName, "
            + "rankOutColumnName, sortOrder, outputOrder, maxIdle, outputMax)";

    private GroupRankAnalyzer() {
    }

    static StreamDef analyze(SqlCall call, PumpAnalyzer pumps, SelectAnalyzer select, Derived derived) {
        String name = TableFunction.GROUP_RANK;
        List<SqlNode> operands = call.getOperandList();
        TableFunctionAnalyzer.checkArguments(name, call, SIGNATURE, USAGE);
        String rankBy = text(operands.get(1), "rankByColumnName", "a column name in single quotes, e.g. "
                + "'ticker_count'");
        String rankOut = text(operands.get(2), "rankOutColumnName", "the rank column's name in single quotes, e.g. "
                + "'groupRank'");
        if (rankOut.isEmpty()) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(2)), name + ": rankOutColumnName must not be empty");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("rankByColumnName", rankBy);
        parameters.put("rankOutColumnName", rankOut);
        parameters.put("sortOrder", order(operands.get(3), "sortOrder"));
        parameters.put("outputOrder", order(operands.get(4), "outputOrder"));
        parameters.put("maxIdle", whole(operands.get(5), "maxIdle"));
        parameters.put("outputMax", whole(operands.get(6), "outputMax"));
        StreamDef cursor = pumps.subquery(((SqlCall) operands.get(0)).operand(0), select, derived);
        int column = TumblingItemsAnalyzer.column(cursor, rankBy);
        if (column < 0) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), name + ": rankByColumnName '" + rankBy
                    + "' is not a column of the cursor; its columns are "
                    + cursor.columns().stream().map(StreamDef.ColumnDef::name).toList());
        }
        SqlType type = cursor.columns().get(column).type();
        if (!type.isNumeric() && !type.isCharacter() && !type.isDatetime()) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), name + ": rankByColumnName '" + rankBy
                    + "' is " + type + "; rank by a number, CHAR or VARCHAR (or a datetime) column");
        }
        if (cursor.indexOf(rankOut) >= 0) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(2)), name + ": rankOutColumnName '" + rankOut
                    + "' is already a column of the cursor; name the rank column otherwise");
        }
        List<StreamDef.ColumnDef> columns = new ArrayList<>(cursor.columns());
        columns.add(new StreamDef.ColumnDef(rankOut, SqlType.INTEGER, false));
        return TableFunctionAnalyzer.pump(cursor, columns, new TableFunction(name, parameters, List.of(column)),
                ExprAnalyzer.pos(call), derived);
    }

    private static String text(SqlNode node, String parameter, String expected) {
        if (!(node instanceof SqlCharStringLiteral literal)) {
            throw new SemanticError(ExprAnalyzer.pos(node), TableFunction.GROUP_RANK + ": " + parameter + " must be "
                    + expected);
        }
        return literal.getValueAs(String.class);
    }

    /** 'asc' or 'desc', in any case: true for descending. */
    private static Boolean order(SqlNode node, String parameter) {
        String value = node instanceof SqlCharStringLiteral literal
                ? literal.getValueAs(String.class).toLowerCase(Locale.ROOT) : null;
        if (!"asc".equals(value) && !"desc".equals(value)) {
            throw new SemanticError(ExprAnalyzer.pos(node), TableFunction.GROUP_RANK + ": " + parameter + " must be "
                    + "'asc' or 'desc'");
        }
        return value.equals("desc");
    }

    private static Integer whole(SqlNode node, String parameter) {
        if (!(node instanceof SqlNumericLiteral n) || !n.isInteger()) {
            throw new SemanticError(ExprAnalyzer.pos(node), TableFunction.GROUP_RANK + ": " + parameter + " must be a "
                    + "whole number literal (0 for none)");
        }
        BigDecimal v = n.getValueAs(BigDecimal.class);
        if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new SemanticError(ExprAnalyzer.pos(node), TableFunction.GROUP_RANK + ": " + parameter + " must be "
                    + "between 0 and " + Integer.MAX_VALUE + ", was " + v.toPlainString());
        }
        return v.intValue();
    }
}
