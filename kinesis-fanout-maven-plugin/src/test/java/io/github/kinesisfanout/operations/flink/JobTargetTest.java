package io.github.kinesisfanout.operations.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.sql.FlinkConnector;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTargetTest {

    private static final String ARN = "arn:aws:kinesis:eu-west-1:123456789012:stream/Transactions";

    @Test
    void aLocalCloudGetsStaticCredentialsHttp11AndStreamNames() {
        JobTarget target = new JobTarget(FlinkConnector.KINESIS_4, "us-east-1", URI.create("http://127.0.0.1:4566"),
                true, null, null, "TRIM_HORIZON");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("aws.region", "us-east-1");
        expected.put("aws.endpoint", "http://127.0.0.1:4566");
        expected.put("aws.credentials.provider", "BASIC");
        expected.put("aws.credentials.basic.accesskeyid", "test");
        expected.put("aws.credentials.basic.secretkey", "test");
        expected.put("scan.stream.initpos", "TRIM_HORIZON");
        expected.put("sink.http-client.protocol.version", "HTTP1_1");
        expected.put("input.stream", "Transactions");
        expected.put("output.error_stream.stream", "Errors");
        assertEquals(expected, target.properties(target.streamId(ARN, name -> "unused"),
                Map.of("error_stream", target.streamId("Errors", name -> "unused"))).flattened());
    }

    @Test
    void awsWithTheNewConnectorGetsTheDefaultChainAndStreamArns() {
        JobTarget target = new JobTarget(FlinkConnector.AWS_KINESIS_STREAMS_5, "eu-west-1", null, false, null, null,
                "LATEST");

        String output = target.streamId("Positive", name -> "arn:aws:kinesis:eu-west-1:123456789012:stream/" + name);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("aws.region", "eu-west-1");
        expected.put("aws.credentials.provider", "AUTO");
        expected.put("source.init.position", "LATEST");
        expected.put("input.stream", ARN);
        expected.put("output.P.stream", "arn:aws:kinesis:eu-west-1:123456789012:stream/Positive");
        assertEquals(expected, target.properties(target.streamId(ARN, name -> "unused"), Map.of("P", output)).flattened());
    }

    @Test
    void explicitKeysWinAndNoStartingPositionLeavesTheConnectorsDefault() {
        JobTarget target = new JobTarget(FlinkConnector.KINESIS_4, "us-east-1", null, false, "AKID", "SECRET", null);

        Map<String, String> properties = target.properties("In", Map.of()).flattened();
        assertEquals("BASIC", properties.get("aws.credentials.provider"));
        assertEquals("AKID", properties.get("aws.credentials.basic.accesskeyid"));
        assertEquals("SECRET", properties.get("aws.credentials.basic.secretkey"));
        assertEquals(5, properties.size());
    }

    @Test
    void anArnOfSomethingElseIsRefused() {
        JobTarget target = new JobTarget(FlinkConnector.KINESIS_4, "us-east-1", null, false, null, null, null);
        assertThrows(FanoutException.class, () -> target.streamId("arn:aws:sqs:us-east-1:1:queue", name -> name));
    }
}
