package io.github.kinesisfanout.operations.managedflink;

import io.github.kinesisfanout.operations.stack.ArtifactUploader;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;

/**
 * create-app with engine=flink: uploads the application jar under its content hash, then creates
 * the Managed Flink application, or updates it (locked on its version id; a RUNNING application
 * restarts itself) when anything differs, or says there is nothing to do.
 */
public final class ManagedFlinkCreateOperation {

    private final ManagedFlinkApps apps;
    private final ArtifactUploader uploader;

    public ManagedFlinkCreateOperation(ManagedFlinkApps apps, ArtifactUploader uploader) {
        this.apps = apps;
        this.uploader = uploader;
    }

    /** Returns what was done, one line. */
    public String run(ManagedFlinkCreateRequest request) {
        String name = request.applicationName();
        String bucket = uploader.bucket(request.artifactBucket());
        String key = uploader.upload(request.written().jar(), bucket, request.written().s3Key());
        ManagedFlinkDefinition definition = new ManagedFlinkDefinition(name, request.description(), request.runtime(),
                request.roleArn(), "arn:aws:s3:::" + bucket, key, request.properties().groups(),
                request.checkpointIntervalMillis(), request.parallelism(), request.parallelismPerKpu(),
                request.autoScaling(), request.logStreamArn());
        Optional<ApplicationDetail> existing = apps.find(name);
        if (existing.isEmpty()) {
            apps.listener().info("Creating Managed Flink application " + name + " (" + request.runtime() + ", jar s3://"
                    + bucket + "/" + key + ")");
            ApplicationDetail created = apps.client().createApplication(definition.createRequest()).applicationDetail();
            return "Created Managed Flink application " + name + " (" + created.applicationARN() + "), version "
                    + created.applicationVersionId() + ", " + created.applicationStatusAsString()
                    + ": start it with kinesis-fanout:start-app -Dfanout.engine=flink";
        }
        ApplicationDetail deployed = apps.awaitSettled(name);
        return update(definition, deployed);
    }

    private String update(ManagedFlinkDefinition definition, ApplicationDetail deployed) {
        String name = definition.applicationName();
        List<String> changes = definition.differences(deployed);
        boolean logging = definition.needsLoggingOption(deployed);
        if (changes.isEmpty() && !logging) {
            return "Managed Flink application " + name + " is up to date (version " + deployed.applicationVersionId()
                    + ", jar " + definition.fileKey() + ", " + deployed.applicationStatusAsString() + "): nothing to do";
        }
        String status = deployed.applicationStatusAsString();
        if (!changes.isEmpty()) {
            apps.listener().info("Updating Managed Flink application " + name + " (version "
                    + deployed.applicationVersionId() + ", " + status + "): " + String.join(", ", changes)
                    + ("RUNNING".equals(status) ? "; the running job restarts from a snapshot" : ""));
            String operationId = apps.client().updateApplication(definition.updateRequest(deployed)).operationId();
            deployed = apps.awaitOperation(name, operationId, "UpdateApplication", "ROLLED_BACK".equals(status) ? "READY" : status);
        }
        if (logging) {
            long version = deployed.applicationVersionId();
            apps.client().addApplicationCloudWatchLoggingOption(r -> r.applicationName(name)
                    .currentApplicationVersionId(version).cloudWatchLoggingOption(o -> o.logStreamARN(definition.logStreamArn())));
            changes.add("logging option " + definition.logStreamArn());
            deployed = apps.awaitSettled(name);
        }
        return "Updated Managed Flink application " + name + " to version " + deployed.applicationVersionId() + ": "
                + String.join(", ", changes) + " (" + deployed.applicationStatusAsString() + ")";
    }
}
