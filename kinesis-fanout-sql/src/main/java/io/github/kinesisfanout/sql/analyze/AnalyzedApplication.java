package io.github.kinesisfanout.sql.analyze;

import java.util.List;

/**
 * Application code that passed analysis.
 *
 * @param streams every in-application stream: inputs first, then created streams, then error_stream
 * @param pumps the pumps in statement order
 */
public record AnalyzedApplication(List<StreamDef> streams, List<PumpDef> pumps) {
}
