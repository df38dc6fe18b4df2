package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import io.github.kinesisfanout.sql.type.SqlType.Kind;

/**
 * Result types of arithmetic and the compatibility rules of comparison, CAST and assignment
 * (reference §4.3; where it is silent the choices are documented in the module README).
 */
public final class TypeRules {

    private TypeRules() {
    }

    /** The (precision, scale) an exact type has as a DECIMAL. */
    static SqlType asDecimal(SqlType t) {
        return t.kind() == Kind.DECIMAL ? t : SqlType.decimal(t.precision(), 0);
    }

    /** The result of {@code a op b} for numeric operands, or null when not numeric. */
    static SqlType arithmetic(Op op, SqlType a, SqlType b) {
        if (a.isNull()) {
            a = b;
        }
        if (b.isNull()) {
            b = a;
        }
        if (!a.isNumeric() || !b.isNumeric()) {
            return null;
        }
        if (a.isApproximate() || b.isApproximate()) {
            return a.kind() == Kind.REAL && b.kind() == Kind.REAL ? SqlType.REAL : SqlType.DOUBLE;
        }
        if (a.isIntegral() && b.isIntegral()) {
            // Integer arithmetic happens in the wider operand type, at least INTEGER; overflow is an error.
            SqlType wider = a.kind().ordinal() >= b.kind().ordinal() ? a : b;
            return wider.kind().ordinal() < Kind.INTEGER.ordinal() ? SqlType.INTEGER : wider;
        }
        SqlType x = asDecimal(a);
        SqlType y = asDecimal(b);
        int max = SqlType.MAX_DECIMAL_PRECISION;
        switch (op) {
            case TIMES -> {
                int scale = Math.min(max, x.scale() + y.scale());
                return SqlType.decimal(Math.max(scale, Math.min(max, x.precision() + y.precision())), scale);
            }
            case DIVIDE -> {
                int integerDigits = x.precision() - x.scale() + y.scale();
                int scale = Math.max(6, x.scale() + y.precision() + 1);
                scale = Math.max(0, Math.min(scale, max - Math.min(integerDigits, max)));
                return SqlType.decimal(Math.max(1, Math.min(max, integerDigits + scale)), scale);
            }
            case MOD -> {
                int scale = Math.max(x.scale(), y.scale());
                int precision = Math.min(max, Math.min(x.precision() - x.scale(), y.precision() - y.scale()) + scale);
                return SqlType.decimal(Math.max(1, precision), scale);
            }
            default -> {
                int scale = Math.max(x.scale(), y.scale());
                int precision = Math.max(x.precision() - x.scale(), y.precision() - y.scale()) + scale + 1;
                return SqlType.decimal(Math.min(max, precision), scale);
            }
        }
    }

    /** Whether two values can be compared (numeric with numeric, character with character...). */
    static boolean comparable(SqlType a, SqlType b) {
        if (a.isNull() || b.isNull()) {
            return true;
        }
        return family(a) == family(b) && (family(a) != Family.DATETIME || a.kind() == b.kind());
    }

    /** Whether a value of {@code from} can be stored in a column of {@code to} (INSERT, CASE branches). */
    public static boolean assignable(SqlType from, SqlType to) {
        return from.isNull() || family(from) == family(to) && (family(from) != Family.DATETIME || from.kind() == to.kind());
    }

    /** Whether CAST(from AS to) is allowed (reference §4.3 conversion table). */
    static boolean castable(SqlType from, SqlType to) {
        if (from.isNull() || from.kind() == to.kind()) {
            return true;
        }
        if (to.isCharacter()) {
            return !from.isBinary();
        }
        return switch (family(from)) {
            case NUMERIC -> to.isNumeric();
            case CHARACTER -> !to.isBinary();
            case DATETIME -> to.kind() == Kind.TIMESTAMP || from.kind() == Kind.TIMESTAMP && to.isDatetime();
            case INTERVAL -> to.kind() == Kind.BIGINT || to.kind() == Kind.DECIMAL || to.kind() == Kind.INTERVAL;
            case BOOLEAN -> to.kind() == Kind.BOOLEAN;
            case BINARY -> to.isBinary();
            default -> false;
        };
    }

    /** The common type of CASE branches, COALESCE arguments and the like, or null. */
    static SqlType common(SqlType a, SqlType b) {
        if (a.isNull()) {
            return b;
        }
        if (b.isNull()) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            if (a.kind() == b.kind() && a.kind() != Kind.DECIMAL) {
                return a;
            }
            if (a.isApproximate() || b.isApproximate()) {
                return SqlType.DOUBLE;
            }
            if (a.isIntegral() && b.isIntegral()) {
                return a.kind().ordinal() >= b.kind().ordinal() ? a : b;
            }
            SqlType x = asDecimal(a);
            SqlType y = asDecimal(b);
            int scale = Math.max(x.scale(), y.scale());
            int precision = Math.max(x.precision() - x.scale(), y.precision() - y.scale()) + scale;
            return SqlType.decimal(Math.min(SqlType.MAX_DECIMAL_PRECISION, precision), scale);
        }
        if (a.isCharacter() && b.isCharacter()) {
            return SqlType.varchar(Math.max(a.precision(), b.precision()));
        }
        if (a.isBinary() && b.isBinary()) {
            return new SqlType(Kind.VARBINARY, Math.max(a.precision(), b.precision()), 0);
        }
        return a.kind() == b.kind() ? a : null;
    }

    /** Type families: values compare and assign within a family only. */
    enum Family { NUMERIC, CHARACTER, BINARY, BOOLEAN, DATETIME, INTERVAL, NULL }

    static Family family(SqlType t) {
        if (t.isNumeric()) {
            return Family.NUMERIC;
        }
        if (t.isCharacter()) {
            return Family.CHARACTER;
        }
        if (t.isBinary()) {
            return Family.BINARY;
        }
        if (t.isDatetime()) {
            return Family.DATETIME;
        }
        return switch (t.kind()) {
            case BOOLEAN -> Family.BOOLEAN;
            case INTERVAL -> Family.INTERVAL;
            default -> Family.NULL;
        };
    }
}
