package io.github.kinesisfanout.local.analyticsv2;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.CreateApplicationRequest;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.RuntimeEnvironment;
import software.amazon.awssdk.services.s3.S3Client;

/** A fresh local cloud per test with a fake Flink launcher, real SDK clients, and a jar uploaded to S3. */
abstract class FlinkFixture {

    static final String ROLE = "arn:aws:iam::000000000000:role/flink";
    static final String BUCKET_ARN = "arn:aws:s3:::code";
    static final String JAR_KEY = "app/application.jar";
    static final byte[] JAR = {'P', 'K', 3, 4, 'j', 'a', 'r'};

    protected final FakeFlinkLauncher launcher = new FakeFlinkLauncher();
    protected LocalCloud cloud;
    protected KinesisAnalyticsV2Client flink;
    protected CloudWatchLogsClient logs;

    @BeforeEach
    void startCloud() {
        cloud = LocalCloud.builder().flinkJobLauncher(launcher).build().start();
        flink = SdkClients.client(KinesisAnalyticsV2Client.builder(), cloud.endpoint());
        logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint());
        try (S3Client s3 = S3Client.builder().endpointOverride(cloud.endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket("code"));
            s3.putObject(b -> b.bucket("code").key(JAR_KEY), RequestBody.fromBytes(JAR));
        }
    }

    @AfterEach
    void stopCloud() {
        flink.close();
        logs.close();
        cloud.close();
    }

    /** A Flink 1.19 application of the uploaded jar with one property group. */
    static CreateApplicationRequest.Builder application(String name) {
        return CreateApplicationRequest.builder().applicationName(name)
                .runtimeEnvironment(RuntimeEnvironment.FLINK_1_19).serviceExecutionRole(ROLE)
                .applicationConfiguration(c -> c
                        .applicationCodeConfiguration(code -> code.codeContentType("ZIPFILE")
                                .codeContent(content -> content.s3ContentLocation(s3 -> s3.bucketARN(BUCKET_ARN).fileKey(JAR_KEY))))
                        .environmentProperties(e -> e.propertyGroups(g -> g.propertyGroupId("FanoutApplication")
                                .propertyMap(java.util.Map.of("input.stream", "in", "aws.region", "us-east-1"))))
                        .applicationSnapshotConfiguration(s -> s.snapshotsEnabled(true)));
    }

    ApplicationStatus status(String name) {
        return flink.describeApplication(b -> b.applicationName(name)).applicationDetail().applicationStatus();
    }

    long version(String name) {
        return flink.describeApplication(b -> b.applicationName(name)).applicationDetail().applicationVersionId();
    }

    void awaitStatus(String name, ApplicationStatus expected) {
        await(() -> status(name) == expected, () -> name + " is " + status(name) + ", expected " + expected);
    }

    static void await(BooleanSupplier condition, Supplier<String> failure) {
        Await.until(Duration.ofSeconds(10), condition, failure);
    }
}
