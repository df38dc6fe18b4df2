package io.github.kinesisfanout.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.edge.AwsService;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Checks every operation the local cloud implements against AWS's published model of its service:
 * the raw answers to valid requests (SDK v2 clients, recorded before parsing), the errors, requests
 * missing required members, and the answer to operations it does not implement. Managed Flink jobs
 * run on a fake launcher, so no Flink JVM starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelConformanceIT {

    private final Map<String, WireRecorder> recorders = new LinkedHashMap<>();
    private final Map<String, Throwable> flowFailures = new LinkedHashMap<>();
    private LocalCloud cloud;

    @BeforeAll
    void runFlows() {
        ServiceModels.load("kinesis");
        cloud = LocalCloud.builder().functionLogsToConsole(false).flinkJobLauncher(new FakeFlinkJobs()).build().start();
        URI endpoint = cloud.endpoint();
        String[] arns = new String[2];
        flow("kinesis", r -> arns[0] = KinesisFlow.run(Clients.json(KinesisClient.builder(), endpoint, r)));
        flow("logs", r -> LogsFlow.run(Clients.recorded(CloudWatchLogsClient.builder(), endpoint, r)));
        flow("sts", r -> { });
        flow("iam", r -> IamFlow.run(Clients.recorded(IamClient.builder(), endpoint, r),
                Clients.recorded(StsClient.builder(), endpoint, recorders.get("sts"))));
        flow("s3", r -> S3Flow.run(Clients.recorded(S3Client.builder(), endpoint, r)));
        flow("lambda", r -> arns[1] = LambdaFlow.run(Clients.recorded(LambdaClient.builder(), endpoint, r), arns[0]));
        flow("kinesisanalytics", r -> AnalyticsFlow.run(Clients.recorded(KinesisAnalyticsClient.builder(), endpoint, r),
                arns[0], arns[1]));
        flow("kinesisanalyticsv2", r -> AnalyticsV2Flow.run(Clients.recorded(KinesisAnalyticsV2Client.builder(),
                endpoint, r)));
        flow("cloudformation", r -> CloudFormationFlow.run(Clients.recorded(CloudFormationClient.builder(), endpoint, r)));
        flow("firehose", r -> FirehoseFlow.run(Clients.recorded(FirehoseClient.builder(), endpoint, r), arns[0]));
    }

    private void flow(String service, java.util.function.Consumer<WireRecorder> flow) {
        WireRecorder recorder = new WireRecorder();
        recorders.put(service, recorder);
        try {
            flow.accept(recorder);
        } catch (RuntimeException | AssertionError e) {
            flowFailures.put(service, e);
        }
    }

    @AfterAll
    void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kinesis", "logs", "iam", "sts", "s3", "lambda", "kinesisanalytics", "kinesisanalyticsv2",
            "cloudformation", "firehose"})
    void everyImplementedOperationAnswersAsItsModelSays(String service) {
        ServiceModel model = ServiceModels.load(service);
        List<String> problems = new ArrayList<>();
        if (flowFailures.containsKey(service)) {
            problems.add(service + " flow failed: " + flowFailures.get(service));
        }
        AwsService local = cloud.services().service(service);
        Map<String, Probe> probes = Probe.all(model, local);
        probes.values().forEach(p -> problems.addAll(p.problems()));
        for (WireRecorder.Exchange exchange : recorders.get(service).exchanges) {
            problems.addAll(WireCheck.check(model, exchange));
        }
        for (Probe probe : probes.values()) {
            boolean answered = recorders.get(service).exchanges.stream()
                    .anyMatch(e -> e.operation().equals(probe.operation()) && e.status() < 300);
            if (probe.implemented() && !answered) {
                problems.add(service + " " + probe.operation() + ": implemented but no valid request of the flow"
                        + " reached it: add one to the service's flow");
            }
        }
        assertEquals("", String.join("\n", problems), service + " " + model.apiVersion()
                + " against the local cloud: " + problems.size() + " problems");
    }
}
