package io.github.kinesisfanout.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.local.LocalCloud;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Opt-in SigV4 verification seen through the real SDK clients of four protocols. */
class SignatureVerificationIT {

    private static final AwsCredentials RIGHT = AwsBasicCredentials.create("AKIDLOCAL", "right-secret");
    private static final AwsCredentials WRONG_SECRET = AwsBasicCredentials.create("AKIDLOCAL", "wrong-secret");
    private static final AwsCredentials UNKNOWN_KEY = AwsBasicCredentials.create("AKIDNOBODY", "right-secret");
    private LocalCloud cloud;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().verifySignatures(Map.of("AKIDLOCAL", "right-secret", "AKIDOTHER", "s2"))
                .build().start();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private static void fails(int status, String code, String message, Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertEquals(status, e.statusCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
    }

    private static final String MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.";
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    @Test
    void kinesisOverCbor() {
        try (KinesisClient right = SdkClients.kinesis(cloud.endpoint(), RIGHT);
                KinesisClient wrong = SdkClients.kinesis(cloud.endpoint(), WRONG_SECRET);
                KinesisClient unknown = SdkClients.kinesis(cloud.endpoint(), UNKNOWN_KEY)) {
            right.createStream(r -> r.streamName("signed").shardCount(1));
            right.putRecord(r -> r.streamName("signed").partitionKey("k")
                    .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("v")));
            fails(400, "InvalidSignatureException", MISMATCH, () -> wrong.listStreams());
            fails(400, "UnrecognizedClientException", INVALID_TOKEN, () -> unknown.listStreams());
        }
    }

    @Test
    void s3WithChunkedUploadsUnsignedPayloadsAndPresignedUrls() throws Exception {
        try (S3Client right = SdkClients.s3(cloud.endpoint(), RIGHT);
                S3Client wrong = SdkClients.s3(cloud.endpoint(), WRONG_SECRET);
                S3Client unknown = SdkClients.s3(cloud.endpoint(), UNKNOWN_KEY);
                S3Presigner presigner = SdkClients.presigner(cloud.endpoint(), RIGHT);
                S3Presigner wrongPresigner = SdkClients.presigner(cloud.endpoint(), WRONG_SECRET)) {
            right.createBucket(r -> r.bucket("signed"));
            // The SDK's default PutObject: an aws-chunked body with a trailing checksum.
            right.putObject(r -> r.bucket("signed").key("a/b c.txt"), RequestBody.fromString("hello"));
            assertEquals("hello", right.getObjectAsBytes(r -> r.bucket("signed").key("a/b c.txt")).asUtf8String());
            fails(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you"
                    + " provided. Check your key and signing method.",
                    () -> wrong.putObject(r -> r.bucket("signed").key("x"), RequestBody.fromString("x")));
            fails(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.",
                    () -> unknown.listBuckets());
            HttpClient http = HttpClient.newHttpClient();
            var url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("signed").key("a/b c.txt"))).url();
            HttpResponse<String> got = http.send(HttpRequest.newBuilder(url.toURI()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, got.statusCode(), got.body());
            assertEquals("hello", got.body());
            var badUrl = wrongPresigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("signed").key("a/b c.txt"))).url();
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(badUrl.toURI()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode());
            assertEquals(true, refused.body().contains("<Code>SignatureDoesNotMatch</Code>"), refused.body());
        }
    }

    @Test
    void cloudFormationOverQuery() {
        try (CloudFormationClient right = SdkClients.cloudFormation(cloud.endpoint(), RIGHT);
                CloudFormationClient wrong = SdkClients.cloudFormation(cloud.endpoint(), WRONG_SECRET);
                CloudFormationClient unknown = SdkClients.cloudFormation(cloud.endpoint(), UNKNOWN_KEY)) {
            right.listStacks();
            fails(403, "SignatureDoesNotMatch", MISMATCH, () -> wrong.listStacks());
            fails(403, "InvalidClientTokenId", INVALID_TOKEN, () -> unknown.listStacks());
        }
    }

    @Test
    void lambdaOverRestJson() {
        try (LambdaClient right = SdkClients.lambda(cloud.endpoint(), RIGHT);
                LambdaClient wrong = SdkClients.lambda(cloud.endpoint(), WRONG_SECRET);
                LambdaClient unknown = SdkClients.lambda(cloud.endpoint(), UNKNOWN_KEY)) {
            right.listFunctions();
            fails(403, "InvalidSignatureException", MISMATCH, () -> wrong.listFunctions());
            fails(403, "UnrecognizedClientException", INVALID_TOKEN, () -> unknown.listFunctions());
        }
    }

    @Test
    void unsignedRequestsAreRefusedAndAnyCredentialsWorkWhenVerificationIsOff() throws Exception {
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(cloud.endpoint())
                .header("X-Amz-Target", "Kinesis_20131202.ListStreams").header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, unsigned.statusCode());
        assertEquals("{\"__type\":\"MissingAuthenticationTokenException\",\"message\":\"Missing Authentication Token\"}",
                unsigned.body());
        try (LocalCloud open = LocalCloud.builder().build().start();
                KinesisClient anyone = SdkClients.kinesis(open.endpoint(), WRONG_SECRET)) {
            assertEquals(0, anyone.listStreams().streamNames().size());
        }
    }
}
