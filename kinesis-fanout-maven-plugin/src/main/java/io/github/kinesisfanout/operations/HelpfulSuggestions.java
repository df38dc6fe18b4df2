package io.github.kinesisfanout.operations;

import java.nio.file.Path;

/**
 * Every message that tells a user how to fix a problem, in one place so they read alike: what is
 * wrong, which setting controls it, and the fix.
 */
public final class HelpfulSuggestions {

    private HelpfulSuggestions() {
    }

    /** {@code <streamName> is not set: add it to the plugin configuration or pass -Dfanout.streamName=NAME}. */
    public static FanoutException missingParameter(String name, String property, String example) {
        return new FanoutException("<" + name + "> is not set: add it to the plugin configuration or pass -D"
                + property + "=" + example);
    }

    /** A memory budget for the local cloud, which applies to a data directory only, given without one. */
    public static FanoutException memoryBudgetWithoutDataDir(String memoryBudget) {
        return new FanoutException("<memoryBudget> is '" + memoryBudget + "' but <dataDir> is not set: without a data"
                + " directory the local cloud keeps every record and log event in memory, so no budget applies; set"
                + " <dataDir> (or pass -D" + PropertyNames.LOCAL_DATA_DIR + "=DIR) or remove <memoryBudget> (-D"
                + PropertyNames.LOCAL_MEMORY_BUDGET + ")");
    }

    /** A parameter whose value is out of range or malformed. */
    public static FanoutException invalidParameter(String name, String property, Object value, String expected) {
        return new FanoutException("<" + name + "> is '" + value + "' but " + expected
                + ": fix it in the plugin configuration or pass -D" + property + "=...");
    }

    /** Neither the parameter nor the SDK's region chain named a region. */
    public static FanoutException regionNotSet() {
        return new FanoutException("<region> is not set and the AWS SDK found no default region: add it to the"
                + " plugin configuration, pass -Dfanout.region=us-east-1, or set AWS_REGION");
    }

    /** Only one of the two static credential parameters was given. */
    public static FanoutException incompleteCredentials() {
        return new FanoutException("<accessKey> and <secretKey> go together: set both (-Dfanout.accessKey=..."
                + " -Dfanout.secretKey=...) or neither to use the default credential chain or <profile>");
    }

    /** A stream that does not exist at the endpoint the build talks to. */
    public static FanoutException streamNotFound(String stream, String endpoint, String awsError) {
        return new FanoutException("Stream '" + stream + "' not found at " + endpoint + " (" + awsError + "):"
                + " create it first (deploy-stack), check <streamName> (-Dfanout.streamName=NAME) and <endpoint>"
                + " (-Dfanout.endpoint=URL), or pass -Dfanout.createStream=true to create it");
    }

    /** The endpoint refused or dropped the connection. */
    public static FanoutException endpointUnreachable(String endpoint, Throwable cause) {
        return new FanoutException("Cannot reach " + endpoint + ": " + cause.getMessage()
                + ". Is the local cloud running (kinesis-fanout:start-local earlier in the same build, or"
                + " kinesis-fanout:run-local in another terminal)? Otherwise check <endpoint> (-Dfanout.endpoint=URL)",
                cause);
    }

    /** Records that the service kept rejecting after every retry. */
    public static FanoutException recordsStillFailing(int failed, int retries, String lastError) {
        return new FanoutException(failed + " record(s) still failed after " + retries + " retries (last error "
                + lastError + "): the stream is throttling; lower <rate> (-Dfanout.rate=RECORDS_PER_SECOND),"
                + " raise <maxRetries> (-Dfanout.maxRetries=N) or add shards");
    }

    /** The records file given does not exist or cannot be read. */
    public static FanoutException recordsFileUnreadable(Path file, String reason) {
        return new FanoutException("<recordsFile> " + file + " cannot be read (" + reason + "): fix the path in the"
                + " plugin configuration or pass -Dfanout.recordsFile=PATH (one JSON record per line)");
    }

    /** A record (data plus partition key) over the 1 MiB Kinesis limit. */
    public static FanoutException recordTooLarge(long recordNumber, int bytes, int limit) {
        return new FanoutException("Record " + recordNumber + " is " + bytes + " bytes with its partition key;"
                + " Kinesis accepts at most " + limit + " bytes per record: split it");
    }

    /** {@code field:NAME} partition keys need every record to carry that field. */
    public static FanoutException partitionKeyFieldMissing(String field, long recordNumber, String record) {
        return new FanoutException("Record " + recordNumber + " has no field '" + field + "' for <partitionKey>"
                + " field:" + field + " (record: " + abbreviate(record) + "): fix the records or choose another"
                + " strategy with -Dfanout.partitionKey=random");
    }

    /** A partition key Kinesis would reject (empty or longer than 256 characters). */
    public static FanoutException invalidPartitionKey(String key, long recordNumber) {
        return new FanoutException("Record " + recordNumber + " gets partition key '" + abbreviate(key) + "', but"
                + " Kinesis partition keys are 1 to 256 characters: fix <partitionKey> (-Dfanout.partitionKey=...)");
    }

    /** A wait that ran out of time. */
    public static FanoutException timedOut(String what, long seconds) {
        return new FanoutException(what + " after " + seconds + " s: raise <waitTimeout> (-Dfanout.waitTimeout=SECONDS)"
                + " if it is only slow");
    }

    /** The local cloud could not bind its port. */
    public static FanoutException portInUse(String host, int port, Throwable cause) {
        return new FanoutException("Cannot start the local cloud on " + host + ":" + port + " (" + cause.getMessage()
                + "): stop what uses the port or pass -Dfanout.localPort=0 for a free one", cause);
    }

    /** Flink runtime artifacts that the build could not resolve (offline, or not in any repository). */
    public static FanoutException flinkArtifactsMissing(String flinkVersion, java.util.List<String> missing,
            boolean offline, String reason) {
        String first = missing.isEmpty() ? "org.apache.flink:flink-clients:" + flinkVersion : missing.get(0);
        return new FanoutException("The Flink " + flinkVersion + " runtime cannot be resolved" + (offline ? " offline" : "")
                + " (" + reason + "). Missing: " + String.join(", ", missing) + ". Fetch them once with a build"
                + " without -o, or one by one with ./mvnw dependency:get -Dartifact=" + first
                + "; or choose a version that is there with <flinkVersion> (-Dfanout.flink.version=VERSION)");
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
