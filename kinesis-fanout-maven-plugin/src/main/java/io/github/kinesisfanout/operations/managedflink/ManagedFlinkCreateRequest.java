package io.github.kinesisfanout.operations.managedflink;

import io.github.kinesisfanout.operations.flink.FlinkPackage;
import io.github.kinesisfanout.operations.flink.JobProperties;

/**
 * What create-app with engine=flink deploys: the packaged application and its Managed Flink settings.
 *
 * @param applicationName the application
 * @param description the ApplicationDescription, or null
 * @param runtime the RuntimeEnvironment, e.g. FLINK-1_19
 * @param roleArn the service execution role
 * @param written what flink-package wrote (jar, properties, hash)
 * @param properties the property groups the application gets
 * @param artifactBucket the bucket for the jar, or null for kinesis-fanout-artifacts-ACCOUNT-REGION
 * @param checkpointIntervalMillis the checkpoint interval
 * @param parallelism the parallelism
 * @param parallelismPerKpu the parallel tasks per KPU
 * @param autoScaling whether Managed Flink scales the parallelism
 * @param logStreamArn the CloudWatch log stream, or null for none
 */
public record ManagedFlinkCreateRequest(String applicationName, String description, String runtime, String roleArn,
        FlinkPackage written, JobProperties properties, String artifactBucket, long checkpointIntervalMillis,
        int parallelism, int parallelismPerKpu, boolean autoScaling, String logStreamArn) {
}
