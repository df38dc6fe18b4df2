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
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Analyzes {@code TOP_K_ITEMS_TUMBLING(CURSOR(...), 'columnName', K, windowSize)} and
 * {@code COUNT_DISTINCT_ITEMS_TUMBLING(CURSOR(...), 'columnName', windowSize)} against their documented
 * signatures and ranges.
 */
final class TumblingItemsAnalyzer {

    /** The count column of TOP_K_ITEMS_TUMBLING, as AWS's SQL reference declares it. */
    static final String MOST_FREQUENT_VALUES = "MOST_FREQUENT_VALUES";
    /** The only column of COUNT_DISTINCT_ITEMS_TUMBLING. */
    static final String NUMBER_OF_DISTINCT_ITEMS = "NUMBER_OF_DISTINCT_ITEMS";

    private TumblingItemsAnalyzer() {
    }

    static StreamDef analyze(String name, SqlCall call, PumpAnalyzer pumps, SelectAnalyzer select, Derived derived) {
        boolean topK = name.equals(TableFunction.TOP_K_ITEMS_TUMBLING);
        List<String> signature = topK ? List.of("in-application-streamPointer", "columnName", "K", "windowSize")
                : List.of("in-application-streamPointer", "columnName", "windowSize");
        List<SqlNode> operands = call.getOperandList();
        String usage = name + "(CURSOR(SELECT STREAM ...), " + String.join(", ", signature.subList(1,
                signature.size())) + ")";
        TableFunctionAnalyzer.checkArguments(name, call, signature, usage);
        if (!(operands.get(1) instanceof SqlCharStringLiteral literal)) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), name + ": columnName must be a column name "
                    + "in single quotes, e.g. 'TICKER_SYMBOL'");
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        String columnName = literal.getValueAs(String.class);
        parameters.put("columnName", columnName);
        if (topK) {
            parameters.put("K", whole(name, "K", operands.get(2), 100_000));
        }
        parameters.put("windowSize", whole(name, "windowSize", operands.get(topK ? 3 : 2), 3600));
        StreamDef cursor = pumps.subquery(((SqlCall) operands.get(0)).operand(0), select, derived);
        int column = column(cursor, columnName);
        if (column < 0) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), name + ": columnName '" + columnName
                    + "' is not a column of the cursor; its columns are "
                    + cursor.columns().stream().map(StreamDef.ColumnDef::name).toList());
        }
        List<StreamDef.ColumnDef> columns = new ArrayList<>();
        if (topK) {
            StreamDef.ColumnDef item = cursor.columns().get(column);
            columns.add(new StreamDef.ColumnDef(item.name(), item.type(), false));
            columns.add(new StreamDef.ColumnDef(MOST_FREQUENT_VALUES, SqlType.BIGINT, false));
        } else {
            columns.add(new StreamDef.ColumnDef(NUMBER_OF_DISTINCT_ITEMS, SqlType.BIGINT, false));
        }
        SourcePos pos = ExprAnalyzer.pos(call);
        return TableFunctionAnalyzer.pump(cursor, columns, new TableFunction(name, parameters, List.of(column)), pos,
                derived);
    }

    /** The column named exactly so, else the only one named so ignoring case, else -1. */
    static int column(StreamDef cursor, String name) {
        int exact = cursor.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        int found = -1;
        for (int i = 0; i < cursor.columns().size(); i++) {
            if (cursor.columns().get(i).name().toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static Integer whole(String function, String parameter, SqlNode node, int max) {
        if (!(node instanceof SqlNumericLiteral n) || !n.isInteger()) {
            throw new SemanticError(ExprAnalyzer.pos(node), function + ": " + parameter + " must be a whole number "
                    + "literal");
        }
        BigDecimal v = n.getValueAs(BigDecimal.class);
        if (v.compareTo(BigDecimal.ONE) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new SemanticError(ExprAnalyzer.pos(node), function + ": " + parameter + " must be between 1 and "
                    + max + ", was " + v.toPlainString());
        }
        return v.intValue();
    }
}
