package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;

/** A resolved, typed expression; the planner compiles it once into an evaluator. */
public sealed interface Expr {

    SqlType type();

    /**
     * A constant, held in its runtime Java type (see {@code Row}).
     *
     * @param value the value, null for NULL
     * @param type its type
     */
    record Literal(Object value, SqlType type) implements Expr {
    }

    /**
     * A column of the row being read.
     *
     * @param index the column index in its stream
     * @param name the column name, for messages
     * @param type its type
     */
    record ColumnRef(int index, String name, SqlType type) implements Expr {
    }

    /**
     * A system column: ROWTIME or APPROXIMATE_ARRIVAL_TIME (both TIMESTAMP).
     *
     * @param arrival true for APPROXIMATE_ARRIVAL_TIME
     */
    record SystemColumn(boolean arrival) implements Expr {
        @Override
        public SqlType type() {
            return SqlType.TIMESTAMP;
        }
    }

    /**
     * An operator or function applied to arguments.
     *
     * @param op what is applied
     * @param type the result type
     * @param args the arguments
     * @param param an extra constant the operator needs (time unit, trim mode, escape), or null
     */
    record Call(Op op, SqlType type, List<Expr> args, Object param) implements Expr {
        public Call(Op op, SqlType type, List<Expr> args) {
            this(op, type, args, null);
        }
    }

    /**
     * A searched CASE.
     *
     * @param conditions the WHEN conditions (BOOLEAN)
     * @param results the THEN results, converted to {@code type}
     * @param otherwise the ELSE result (NULL literal when absent)
     * @param type the result type
     */
    record Case(List<Expr> conditions, List<Expr> results, Expr otherwise, SqlType type) implements Expr {
    }

    /**
     * A conversion to another type: CAST, or the implicit conversion of an assignment.
     *
     * @param arg the value converted
     * @param type the target type
     * @param explicit true for CAST (string and datetime conversions allowed)
     */
    record Cast(Expr arg, SqlType type, boolean explicit) implements Expr {
    }
}
