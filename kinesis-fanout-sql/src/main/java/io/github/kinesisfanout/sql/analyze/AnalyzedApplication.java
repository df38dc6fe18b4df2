package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.List;

/**
 * Application code that passed analysis.
 *
 * @param streams every in-application stream: inputs first, then created streams, then error_stream
 * @param pumps the pumps in statement order
 * @param positions where each expression was written
 * @param tables the reference tables, in the order they were given (role REFERENCE)
 */
public record AnalyzedApplication(List<StreamDef> streams, List<PumpDef> pumps, ExprPositions positions,
        List<StreamDef> tables) {

    public AnalyzedApplication(List<StreamDef> streams, List<PumpDef> pumps) {
        this(streams, pumps, new ExprPositions(), List.of());
    }

    /** The position of an expression, or {@code fallback} when the analyzer made it. */
    public SourcePos positionOf(Expr expr, SourcePos fallback) {
        SourcePos pos = positions.of(expr);
        return pos == null ? fallback : pos;
    }
}
