package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one start of an application runs, copied under the application's monitor so the job starts
 * outside it: the configuration at a version, the savepoint to resume from and the start's number.
 */
record LaunchPlan(String applicationName, String applicationArn, String accountId, String region, String runtime,
        long versionId, ObjectNode configuration, String savepoint, boolean allowNonRestoredState, long runNumber) {

    static LaunchPlan of(FlinkApplication app, String savepoint, boolean allowNonRestoredState) {
        return new LaunchPlan(app.name, app.arn, app.accountId, app.region, app.runtime, app.versionId,
                app.configuration.deepCopy(), savepoint, allowNonRestoredState, app.runNumber);
    }
}
