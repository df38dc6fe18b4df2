package io.github.kinesisfanout.local.logs;

/**
 * One event as a stream keeps it: its times and message length always in memory, its message in
 * memory until {@link MessageSpill} moves it to disk (then {@link #location} says where it is).
 */
final class StoredEvent {

    final long timestamp;
    final long ingestionTime;
    /** The message's length in UTF-16 units (what the stored bytes count). */
    final int messageLength;
    /** Where the message was spilled; set before {@link #message} is cleared. */
    private long location = -1;
    private volatile String message;

    StoredEvent(LogEvent event) {
        this.timestamp = event.timestamp();
        this.ingestionTime = event.ingestionTime();
        this.messageLength = event.message().length();
        this.message = event.message();
    }

    long timestamp() {
        return timestamp;
    }

    /** The message when it is in memory, else null (read it with {@link MessageSpill.Reader}). */
    String cachedMessage() {
        return message;
    }

    long location() {
        return location;
    }

    /** Moves the message out of memory, once it is on disk at {@code location}. */
    void spilled(long location) {
        this.location = location;
        this.message = null;
    }
}
