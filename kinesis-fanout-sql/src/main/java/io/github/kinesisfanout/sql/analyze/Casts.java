package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.ParseError;
import io.github.kinesisfanout.sql.parse.TypeParser;
import io.github.kinesisfanout.sql.type.SqlType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;

/** Types {@code CAST(expr AS type)} per the reference's conversion table (§4.3). */
final class Casts {

    private Casts() {
    }

    static Expr cast(SqlCall call, Expr arg, SqlNode target) {
        SqlType type = targetType(target);
        if (!TypeRules.castable(arg.type(), type)) {
            throw new SemanticError(ExprAnalyzer.pos(call), "Cannot CAST " + arg.type() + " to " + type);
        }
        return new Expr.Cast(arg, type, true);
    }

    private static SqlType targetType(SqlNode target) {
        if (target instanceof SqlIntervalQualifier qualifier) {
            if (qualifier.isYearMonth()) {
                throw new SemanticError(ExprAnalyzer.pos(target), "Year-month intervals are not supported: only "
                        + "day-time intervals (DAY, HOUR, MINUTE, SECOND)");
            }
            int leading = LiteralAnalyzer.unit(qualifier.getStartUnit());
            return SqlType.interval(leading,
                    qualifier.getEndUnit() == null ? leading : LiteralAnalyzer.unit(qualifier.getEndUnit()));
        }
        SqlDataTypeSpec spec = (SqlDataTypeSpec) target;
        if (!(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic)) {
            throw new SemanticError(ExprAnalyzer.pos(target), "Data type " + spec + " is not supported");
        }
        String name = basic.getTypeName().getSimple();
        int precision = basic.getPrecision();
        int scale = basic.getScale();
        if (precision < 0 && (name.equals("VARCHAR") || name.equals("VARBINARY"))) {
            precision = SqlType.MAX_CHAR_LENGTH;
        }
        String text = name + (precision >= 0 ? "(" + precision + (scale >= 0 && precision >= 0
                && (name.equals("DECIMAL") || name.equals("NUMERIC")) ? "," + scale : "") + ")" : "");
        if (name.equals("TIMESTAMP") || name.equals("TIME")) {
            text = name;
        }
        try {
            return TypeParser.parse(text);
        } catch (ParseError e) {
            throw new SemanticError(ExprAnalyzer.pos(target), e.getMessage());
        }
    }
}
