package io.github.kinesisfanout.operations.managedflink;

import io.github.kinesisfanout.operations.FanoutException;

/** The fix-it messages of the application goals with engine=flink, in one place so they read alike. */
final class ManagedFlinkMessages {

    private ManagedFlinkMessages() {
    }

    static FanoutException notFound(String name) {
        return new FanoutException("Managed Flink application '" + name + "' does not exist: create it first"
                + " (kinesis-fanout:create-app -Dfanout.engine=flink) or check <applicationName>"
                + " (-Dfanout.applicationName=NAME)");
    }

    /** An operation that failed, with what Managed Flink says caused it. */
    static FanoutException operationFailed(String operation, String name, String status, String cause) {
        return new FanoutException(operation + " of Managed Flink application " + name + " failed (now " + status
                + "): " + cause);
    }

    static FanoutException noSuchSnapshot(String name, String snapshot) {
        return new FanoutException("Managed Flink application " + name + " has no snapshot '" + snapshot + "': list them"
                + " with aws kinesisanalyticsv2 list-application-snapshots --application-name " + name
                + " and fix <snapshotName> (-Dfanout.snapshotName=NAME), or start with"
                + " -Dfanout.restoreType=RESTORE_FROM_LATEST_SNAPSHOT");
    }
}
