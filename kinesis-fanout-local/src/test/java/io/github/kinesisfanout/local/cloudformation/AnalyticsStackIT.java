package io.github.kinesisfanout.local.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalytics.model.OutputDescription;
import software.amazon.awssdk.services.kinesisanalytics.model.ResourceNotFoundException;

/** The SQL application and its outputs as CloudFormation resources, checked with the real analytics SDK. */
class AnalyticsStackIT {

    private static LocalCloud cloud;
    private static CloudFormationClient cfn;
    private static KinesisAnalyticsClient analytics;
    private static String template;

    @BeforeAll
    static void start() throws IOException {
        cloud = LocalCloud.builder().build().start();
        cfn = CloudFormationClients.cloudFormation(cloud.endpoint());
        analytics = KinesisAnalyticsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        try (InputStream in = AnalyticsStackIT.class.getResourceAsStream("/cloudformation/analytics-stack.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        analytics.close();
        cfn.close();
        cloud.close();
    }

    @Test
    void applicationWithOutputsIsCreatedUpdatedAndDeleted() {
        String stackId = cfn.createStack(b -> b.stackName("analytics").templateBody(template)
                .capabilities(Capability.CAPABILITY_IAM)).stackId();
        Stack stack = CloudFormationClients.settle(cfn, "analytics");
        assertEquals("CREATE_COMPLETE", stack.stackStatusAsString(), () -> CloudFormationClients.failures(cfn, "analytics"));
        ApplicationDetail detail = analytics.describeApplication(b -> b.applicationName("fanout")).applicationDetail();
        assertEquals("READY", detail.applicationStatusAsString());
        assertEquals("SOURCE_SQL_STREAM", detail.inputDescriptions().get(0).namePrefix());
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/Transactions",
                detail.inputDescriptions().get(0).kinesisStreamsInputDescription().resourceARN());
        assertEquals(List.of("POSITIVE_TRANSACTIONS", "NEGATIVE_TRANSACTIONS"),
                detail.outputDescriptions().stream().map(OutputDescription::name).toList());
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/NegativeTransactions",
                detail.outputDescriptions().get(1).kinesisStreamsOutputDescription().resourceARN());
        assertEquals(3L, detail.applicationVersionId(), "created, then one version per added output");

        String recoded = template.replace("WHERE AMOUNT >= 0", "WHERE AMOUNT > 0");
        cfn.updateStack(b -> b.stackName("analytics").templateBody(recoded).capabilities(Capability.CAPABILITY_IAM));
        stack = CloudFormationClients.settle(cfn, "analytics");
        assertEquals("UPDATE_COMPLETE", stack.stackStatusAsString(), () -> CloudFormationClients.failures(cfn, "analytics"));
        detail = analytics.describeApplication(b -> b.applicationName("fanout")).applicationDetail();
        assertTrue(detail.applicationCode().contains("WHERE AMOUNT > 0"), detail.applicationCode());
        assertEquals(2, detail.outputDescriptions().size());

        cfn.deleteStack(b -> b.stackName("analytics"));
        assertEquals("DELETE_COMPLETE", CloudFormationClients.settle(cfn, stackId).stackStatusAsString());
        assertThrows(ResourceNotFoundException.class, () -> analytics.describeApplication(b -> b.applicationName("fanout")));
    }
}
