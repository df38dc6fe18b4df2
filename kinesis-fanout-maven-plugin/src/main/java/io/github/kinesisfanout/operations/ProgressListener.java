package io.github.kinesisfanout.operations;

/** Receives the progress of an operation; the Maven goals map it onto the build log. */
public interface ProgressListener {

    /** A listener that drops every message, for callers that want no output. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };

    /** A step a user wants to see: "stream Transactions: ACTIVE". */
    void info(String message);

    /** Something that worked but deserves attention. */
    void warn(String message);

    /** Detail for {@code mvn -X}: each retry, each request. */
    void debug(String message);
}
