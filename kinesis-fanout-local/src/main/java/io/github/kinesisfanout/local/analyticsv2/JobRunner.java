package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.local.analytics.ObjectReader;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Starts one run of an application: fetches its jar (from the local S3 or ZipFileContent), writes its
 * runtime properties, and hands both to the launcher, in a directory of its own under the work directory.
 */
final class JobRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ENDPOINT_WAIT = Duration.ofSeconds(30);

    private final FlinkJobLauncher launcher;
    private final ObjectReader objects;
    private final Supplier<URI> endpoint;
    private final WorkDirectory work;

    JobRunner(FlinkJobLauncher launcher, ObjectReader objects, Supplier<URI> endpoint, WorkDirectory work) {
        this.launcher = launcher;
        this.objects = objects;
        this.endpoint = endpoint;
        this.work = work;
    }

    /** Fails early (UnsupportedOperationException) when this runtime's Flink cannot run here. */
    void checkRuntime(String runtime) {
        try {
            launcher.checkRuntime(Runtimes.flinkVersion(runtime));
        } catch (FlinkLaunchException e) {
            throw FlinkErrors.UNSUPPORTED_OPERATION.error(
                    "Cannot run " + runtime + " applications in this local cloud: " + e.getMessage());
        }
    }

    /** Starts the job of a plan; FlinkLaunchException when the code cannot be read or the job cannot start. */
    FlinkJob launch(LaunchPlan plan) {
        Path dir = work.runDirectory(plan);
        Path jar = dir.resolve("application.jar");
        Path properties = dir.resolve("application-properties.json");
        try {
            Files.write(jar, code(plan.configuration()));
            JSON.writerWithDefaultPrettyPrinter().writeValue(properties.toFile(),
                    RuntimeProperties.of(plan.configuration(), endpoint(), plan.region()));
        } catch (IOException e) {
            throw new FlinkLaunchException("Cannot write the job's files to " + dir + ": " + e.getMessage(), e);
        }
        int parallelism = FlinkDefaults.parallelism(plan.configuration().path("FlinkApplicationConfiguration")
                .path("ParallelismConfiguration")).path("Parallelism").asInt();
        return launcher.start(new FlinkJobRequest(plan.applicationArn(), Runtimes.flinkVersion(plan.runtime()), jar,
                properties, dir.resolve("job.log"), plan.savepoint(), plan.allowNonRestoredState(), parallelism));
    }

    /**
     * The cloud's endpoint. A job started again right after a restart may ask before the cloud has
     * bound its port, so this waits for it a little.
     */
    private URI endpoint() {
        long deadline = System.nanoTime() + ENDPOINT_WAIT.toNanos();
        URI uri = endpoint.get();
        while (uri == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            uri = endpoint.get();
        }
        if (uri == null) {
            throw new FlinkLaunchException("The local cloud has no endpoint yet, after " + ENDPOINT_WAIT.toSeconds()
                    + " s; the job cannot be given aws.endpoint.");
        }
        return uri;
    }

    private byte[] code(JsonNode configuration) {
        JsonNode content = configuration.path("ApplicationCodeConfiguration").path("CodeContent");
        if (content.has("ZipFileContent")) {
            return Base64.getDecoder().decode(content.path("ZipFileContent").asText());
        }
        JsonNode s3 = content.path("S3ContentLocation");
        String bucketArn = s3.path("BucketARN").asText();
        String bucket = bucketArn.substring(bucketArn.lastIndexOf(':') + 1);
        String key = s3.path("FileKey").asText();
        try {
            return objects.read(bucket, key);
        } catch (AwsServiceException e) {
            throw new FlinkLaunchException("Cannot read the application code s3://" + bucket + "/" + key + " ("
                    + e.errorCode() + ": " + e.getMessage() + ")");
        }
    }
}
