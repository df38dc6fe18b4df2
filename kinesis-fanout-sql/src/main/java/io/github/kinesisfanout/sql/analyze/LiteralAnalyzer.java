package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.util.BitString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/** Turns Calcite literals into typed constants. */
final class LiteralAnalyzer {

    private LiteralAnalyzer() {
    }

    static Expr literal(SqlLiteral literal) {
        SourcePos pos = SourcePos.of(literal.getParserPosition());
        if (literal instanceof SqlUnknownLiteral unknown) {
            return datetime(unknown, pos);
        }
        switch (literal.getTypeName()) {
            case NULL:
                return new Expr.Literal(null, SqlType.NULL);
            case BOOLEAN:
                return new Expr.Literal(literal.booleanValue(), SqlType.BOOLEAN);
            case DECIMAL:
            case DOUBLE:
                return number((SqlNumericLiteral) literal, pos);
            case CHAR: {
                String value = literal.getValueAs(NlsString.class).getValue();
                return new Expr.Literal(value, SqlType.character(value.length()));
            }
            case BINARY: {
                byte[] bytes = literal.getValueAs(BitString.class).getAsByteArray();
                return new Expr.Literal(bytes, new SqlType(SqlType.Kind.BINARY, bytes.length, 0));
            }
            case TIMESTAMP: {
                long millis = literal.getValueAs(TimestampString.class).getMillisSinceEpoch();
                return new Expr.Literal(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                        (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC), SqlType.TIMESTAMP);
            }
            case DATE:
                return new Expr.Literal(LocalDate.ofEpochDay(literal.getValueAs(DateString.class).getDaysSinceEpoch()),
                        SqlType.DATE);
            case TIME:
                return new Expr.Literal(LocalTime.ofNanoOfDay(
                        literal.getValueAs(TimeString.class).getMillisOfDay() * 1_000_000L), SqlType.TIME);
            default:
                if (literal instanceof SqlIntervalLiteral interval) {
                    return interval(interval, pos);
                }
                throw new SemanticError(pos, "Literal " + literal + " is not supported");
        }
    }

    /** {@code DATE '2024-01-31'}, {@code TIME '10:20:30'}, {@code TIMESTAMP '2024-01-31 10:20:30[.fff]'}. */
    private static Expr datetime(SqlUnknownLiteral literal, SourcePos pos) {
        String text = literal.getValue().trim();
        try {
            switch (literal.tag) {
                case "DATE":
                    return new Expr.Literal(LocalDate.parse(text), SqlType.DATE);
                case "TIME":
                    return new Expr.Literal(LocalTime.parse(text), SqlType.TIME);
                case "TIMESTAMP":
                    LocalDateTime t = LocalDateTime.parse(text.replace(' ', 'T'));
                    return new Expr.Literal(t.withNano(t.getNano() / 1_000_000 * 1_000_000), SqlType.TIMESTAMP);
                default:
                    throw new SemanticError(pos, "Literal " + literal.tag + " '" + text + "' is not supported");
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new SemanticError(pos, "Invalid " + literal.tag + " literal '" + text + "'");
        }
    }

    private static Expr number(SqlNumericLiteral literal, SourcePos pos) {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (!literal.isExact()) {
            return new Expr.Literal(value.doubleValue(), SqlType.DOUBLE);
        }
        if (value.scale() <= 0) {
            value = value.setScale(0);
            if (value.toBigInteger().bitLength() < 32) {
                return new Expr.Literal(value.intValueExact(), SqlType.INTEGER);
            }
            if (value.toBigInteger().bitLength() < 64) {
                return new Expr.Literal(value.longValueExact(), SqlType.BIGINT);
            }
        }
        int precision = Math.max(value.precision(), value.scale());
        if (precision > SqlType.MAX_DECIMAL_PRECISION) {
            throw new SemanticError(pos, "Numeric literal " + literal + " exceeds " + SqlType.MAX_DECIMAL_PRECISION
                    + " digits");
        }
        return new Expr.Literal(value, SqlType.decimal(precision, value.scale()));
    }

    private static Expr interval(SqlIntervalLiteral literal, SourcePos pos) {
        SqlIntervalLiteral.IntervalValue value = (SqlIntervalLiteral.IntervalValue) literal.getValue();
        SqlIntervalQualifier qualifier = value.getIntervalQualifier();
        if (qualifier.isYearMonth()) {
            throw new SemanticError(pos, "Year-month intervals are not supported: only day-time intervals "
                    + "(DAY, HOUR, MINUTE, SECOND)");
        }
        long millis;
        try {
            millis = SqlParserUtil.intervalToMillis(value);
        } catch (RuntimeException e) {
            throw new SemanticError(pos, "Invalid interval literal " + literal);
        }
        return new Expr.Literal(millis, SqlType.interval(unit(qualifier.getStartUnit()),
                unit(qualifier.getEndUnit() == null ? qualifier.getStartUnit() : qualifier.getEndUnit())));
    }

    /** The code of a day-time unit in {@link SqlType#UNITS}. */
    static int unit(TimeUnit unit) {
        return switch (unit) {
            case DAY -> 0;
            case HOUR -> 1;
            case MINUTE -> 2;
            default -> 3;
        };
    }
}
