package io.github.kinesisfanout.local.analytics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Kinesis Analytics application: its current configuration version, status, tags, and, while
 * it runs, its runner. Callers hold the application's monitor while they read or change it.
 */
final class Application implements ApplicationTags.Tagged {

    static final String READY = "READY";
    static final String RUNNING = "RUNNING";
    static final String STARTING = "STARTING";
    static final String STOPPING = "STOPPING";
    static final String UPDATING = "UPDATING";
    static final String DELETING = "DELETING";

    final String name;
    final String arn;
    final String accountId;
    final String region;
    final Instant createTimestamp;
    ApplicationConfig config;
    long versionId = 1;
    Instant lastUpdateTimestamp;
    String status = READY;
    final Map<String, String> tags = new LinkedHashMap<>();

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, String> tags() {
        return tags;
    }
    /** The running pipeline, null unless RUNNING (or on its way). */
    ApplicationRunner runner;
    /** Per input shard, where reading stops: kept across stop and start for LAST_STOPPED_POINT. */
    final Map<String, ShardPosition> checkpoints = new ConcurrentHashMap<>();
    /** The input stream the checkpoints belong to; another stream starts without them. */
    String checkpointStreamArn;

    Application(String name, String accountId, String region, Instant created, ApplicationConfig config) {
        this.name = name;
        this.accountId = accountId;
        this.region = region;
        this.arn = "arn:aws:kinesisanalytics:" + region + ":" + accountId + ":application/" + name;
        this.createTimestamp = created;
        this.lastUpdateTimestamp = created;
        this.config = config;
    }

    /** Stable states accept work; the transient ones (STARTING, STOPPING, UPDATING, DELETING) do not. */
    boolean isSettled() {
        return READY.equals(status) || RUNNING.equals(status);
    }

    /** ConcurrentModificationException unless the caller saw the current version. */
    void checkVersion(long currentApplicationVersionId) {
        if (currentApplicationVersionId != versionId) {
            throw AnalyticsErrors.CONCURRENT_MODIFICATION.error("Provided application version id ("
                    + currentApplicationVersionId + ") does not match the current application version id ("
                    + versionId + ") of application " + name + ".");
        }
    }

    /** ResourceInUseException unless the application is READY or RUNNING. */
    void checkSettled(String operation) {
        if (!isSettled()) {
            throw AnalyticsErrors.wrongStatus(name, status, operation);
        }
    }

    /** A configuration change: a new version, and LastUpdateTimestamp moves. */
    void commit(ApplicationConfig next, Instant now) {
        config = next;
        versionId++;
        lastUpdateTimestamp = now;
    }
}
