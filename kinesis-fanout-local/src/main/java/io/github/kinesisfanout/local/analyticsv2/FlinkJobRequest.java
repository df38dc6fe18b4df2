package io.github.kinesisfanout.local.analyticsv2;

import java.nio.file.Path;

/**
 * What a launcher needs to run one application's job.
 *
 * @param applicationArn the application, for messages
 * @param flinkVersion the Flink release of the application's runtime, e.g. 1.19.3
 * @param jobJar the application's jar (main class from its manifest)
 * @param propertiesFile the runtime properties (EnvironmentProperties.PropertyGroups JSON)
 * @param logFile where the job writes its log
 * @param savepointToRestore the savepoint to resume from, or null
 * @param allowNonRestoredState whether state the job no longer has may be skipped on restore
 * @param parallelism the job's parallelism
 */
public record FlinkJobRequest(String applicationArn, String flinkVersion, Path jobJar, Path propertiesFile, Path logFile,
        String savepointToRestore, boolean allowNonRestoredState, int parallelism) {
}
