package io.github.kinesisfanout.local.logs;

/**
 * One stored log event: its timestamp (epoch millis, as given by the writer), its message and when
 * the local cloud ingested it (epoch millis).
 */
public record LogEvent(long timestamp, String message, long ingestionTime) {
}
