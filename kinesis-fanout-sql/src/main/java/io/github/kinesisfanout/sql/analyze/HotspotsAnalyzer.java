package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Analyzes {@code HOTSPOTS(CURSOR(...), windowSize, scanRadius, minimumNumberOfPointsInAHotspot)} (reference 4.7)
 * against its documented ranges: windowSize 100 to 1000, scanRadius above 0, the minimum 2 to windowSize. The numeric
 * columns of the cursor are the point's coordinates; the others pass through.
 */
final class HotspotsAnalyzer {

    /** The column HOTSPOTS adds: the name every AWS example selects (the function's page says HOTSPOT_RESULTS). */
    static final String HOTSPOTS_RESULT = "HOTSPOTS_RESULT";

    private static final List<String> SIGNATURE = List.of("inputStream", "windowSize", "scanRadius",
            "minimumNumberOfPointsInAHotspot");
    private static final String USAGE = TableFunction.HOTSPOTS + "(CURSOR(SELECT STREAM ...), windowSize, scanRadius, "
            + "minimumNumberOfPointsInAHotspot)";

    private HotspotsAnalyzer() {
    }

    static StreamDef analyze(SqlCall call, PumpAnalyzer pumps, SelectAnalyzer select, Derived derived) {
        String name = TableFunction.HOTSPOTS;
        List<SqlNode> operands = call.getOperandList();
        TableFunctionAnalyzer.checkArguments(name, call, SIGNATURE, USAGE);
        int windowSize = (Integer) TableFunctionAnalyzer.number(name,
                new TableFunctionAnalyzer.Param("windowSize", 0, 100, 1000), operands.get(1));
        double scanRadius = radius(operands.get(2));
        int minimum = (Integer) TableFunctionAnalyzer.number(name,
                new TableFunctionAnalyzer.Param("minimumNumberOfPointsInAHotspot", 0, 2, windowSize), operands.get(3));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("windowSize", windowSize);
        parameters.put("scanRadius", scanRadius);
        parameters.put("minimumNumberOfPointsInAHotspot", minimum);
        StreamDef cursor = pumps.subquery(((SqlCall) operands.get(0)).operand(0), select, derived);
        List<Integer> numeric = new ArrayList<>();
        for (int i = 0; i < cursor.columns().size(); i++) {
            StreamDef.ColumnDef c = cursor.columns().get(i);
            if (c.type().kind() == SqlType.Kind.DECIMAL) {
                throw new SemanticError(ExprAnalyzer.pos(operands.get(0)), name + " does not take the DECIMAL column '"
                        + c.name() + "': CAST it to DOUBLE");
            }
            if (c.type().isNumeric()) {
                numeric.add(i);
            }
        }
        if (numeric.isEmpty()) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(0)), name + " needs at least one numeric column "
                    + "(TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE) in its cursor");
        }
        if (cursor.indexOf(HOTSPOTS_RESULT) >= 0) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(0)), name + ": the cursor already has a column "
                    + HOTSPOTS_RESULT + "; rename it");
        }
        List<StreamDef.ColumnDef> columns = new ArrayList<>(cursor.columns());
        columns.add(new StreamDef.ColumnDef(HOTSPOTS_RESULT, SqlType.varchar(SqlType.MAX_CHAR_LENGTH), false));
        return TableFunctionAnalyzer.pump(cursor, columns, new TableFunction(name, parameters, List.copyOf(numeric)),
                ExprAnalyzer.pos(call), derived);
    }

    private static double radius(SqlNode node) {
        if (!(node instanceof SqlNumericLiteral n)) {
            throw new SemanticError(ExprAnalyzer.pos(node), TableFunction.HOTSPOTS + ": scanRadius must be a number "
                    + "literal, e.g. 0.2");
        }
        BigDecimal v = n.getValueAs(BigDecimal.class);
        if (v.signum() <= 0) {
            throw new SemanticError(ExprAnalyzer.pos(node), TableFunction.HOTSPOTS + ": scanRadius must be greater "
                    + "than 0, was " + v.toPlainString());
        }
        return v.doubleValue();
    }
}
