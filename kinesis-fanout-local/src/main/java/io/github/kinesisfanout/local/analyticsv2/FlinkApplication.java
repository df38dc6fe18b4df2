package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.analytics.ApplicationTags;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Managed Flink application: its configuration (in CreateApplication's input shape), version,
 * status, tags, snapshots, operations and, while it runs, its job. Callers hold its monitor.
 */
final class FlinkApplication implements ApplicationTags.Tagged {

    static final String READY = "READY";
    static final String STARTING = "STARTING";
    static final String RUNNING = "RUNNING";
    static final String UPDATING = "UPDATING";
    static final String STOPPING = "STOPPING";
    static final String FORCE_STOPPING = "FORCE_STOPPING";
    static final String DELETING = "DELETING";

    final String name;
    final String arn;
    final String accountId;
    final String region;
    final Instant createTimestamp;
    String description;
    String runtime;
    String serviceExecutionRole;
    /** ApplicationConfiguration as CreateApplication takes it, updates merged in. */
    ObjectNode configuration;
    /** CloudWatchLoggingOptionDescriptions, with their ids. */
    final List<ObjectNode> loggingOptions = new ArrayList<>();
    /** RunConfigurationDescription of the last start, null before the first. */
    ObjectNode runConfiguration;
    long versionId = 1;
    Long versionUpdatedFrom;
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
    /** Snapshots by name. */
    final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    final OperationHistory operations = new OperationHistory();
    /** ApplicationDetail of every version, for DescribeApplicationVersion and ListApplicationVersions. */
    final TreeMap<Long, ObjectNode> versions = new TreeMap<>();
    /** The job, null unless STARTING, RUNNING or on the way down. */
    FlinkJob job;
    /** Counts starts, so a late report of an earlier job cannot move the status of a later one. */
    long runNumber;
    /** Set once DeleteApplication has removed it: nothing is kept of it any more. */
    boolean removed;

    FlinkApplication(String name, String accountId, String region, Instant created) {
        this.name = name;
        this.accountId = accountId;
        this.region = region;
        this.arn = "arn:aws:kinesisanalytics:" + region + ":" + accountId + ":application/" + name;
        this.createTimestamp = created;
        this.lastUpdateTimestamp = created;
    }

    /** READY and RUNNING accept changes; the transient statuses do not. */
    boolean isSettled() {
        return READY.equals(status) || RUNNING.equals(status);
    }

    /** ResourceInUseException unless the application is READY or RUNNING. */
    void checkSettled(String operation) {
        if (!isSettled()) {
            throw FlinkErrors.wrongStatus(this, operation);
        }
    }

    /**
     * Checks the caller saw the current version, through CurrentApplicationVersionId or
     * ConditionalToken (exactly one is required, as on AWS).
     */
    void checkVersion(Long currentVersionId, String conditionalToken) {
        if (currentVersionId == null && conditionalToken == null) {
            throw FlinkErrors.INVALID_ARGUMENT.error(
                    "Either CurrentApplicationVersionId or ConditionalToken must be provided.");
        }
        if (currentVersionId != null && conditionalToken != null) {
            throw FlinkErrors.INVALID_ARGUMENT.error(
                    "Only one of CurrentApplicationVersionId or ConditionalToken can be provided.");
        }
        if (currentVersionId != null && currentVersionId != versionId) {
            throw FlinkErrors.CONCURRENT_MODIFICATION.error("Provided application version id (" + currentVersionId
                    + ") does not match the current application version id (" + versionId + ") of application "
                    + name + ".");
        }
        if (conditionalToken != null && !conditionalToken.equals(conditionalToken())) {
            throw FlinkErrors.CONCURRENT_MODIFICATION.error("Provided ConditionalToken " + conditionalToken
                    + " does not match the current ConditionalToken of application " + name
                    + " (version " + versionId + "); describe the application again.");
        }
    }

    /** An opaque token that changes with every version. */
    String conditionalToken() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((arn + "#" + createTimestamp.toEpochMilli() + "#" + versionId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A configuration change: a new version, and LastUpdateTimestamp moves. */
    void commit(Instant now) {
        versionUpdatedFrom = versionId;
        versionId++;
        lastUpdateTimestamp = now;
        versions.put(versionId, FlinkViews.detail(this));
    }
}
