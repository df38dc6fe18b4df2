package io.github.kinesisfanout.local.analyticsv2;

import java.time.Instant;

/**
 * One application snapshot (SnapshotDetails): READY only when the job took a Flink savepoint, whose
 * path it keeps for a later restore; FAILED when no savepoint could be taken.
 */
final class Snapshot {

    static final String CREATING = "CREATING";
    static final String READY = "READY";
    static final String DELETING = "DELETING";
    static final String FAILED = "FAILED";

    final String name;
    final long applicationVersionId;
    final String runtime;
    final Instant created;
    String status = CREATING;
    /** The savepoint directory, null unless READY. */
    String savepointPath;
    /** Why the snapshot FAILED, null otherwise. */
    String failure;

    Snapshot(String name, long applicationVersionId, String runtime, Instant created) {
        this.name = name;
        this.applicationVersionId = applicationVersionId;
        this.runtime = runtime;
        this.created = created;
    }
}
