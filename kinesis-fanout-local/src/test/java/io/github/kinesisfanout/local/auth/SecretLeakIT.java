package io.github.kinesisfanout.local.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;

/** No secret key or session token reaches a log line or an error body, signed right, wrong or unverified. */
class SecretLeakIT {

    private static final String SECRET = "Zq7SecretKeyThatMustNeverBeLogged9xW";
    private static final String TOKEN = "Tk4SessionTokenThatMustNeverBeLogged2vR";
    private final List<String> seen = new ArrayList<>();

    /** Collects every log record of the local cloud: message, parameters and stack trace. */
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter().append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            synchronized (seen) {
                seen.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private void failing(Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        seen.add(e.getMessage());
        seen.add(e.awsErrorDetails().rawResponse() == null ? "" : new String(e.awsErrorDetails().rawResponse().asByteArray(),
                java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private void calls(LocalCloud cloud, AwsCredentials credentials, Consumer<Runnable> expect) {
        var kinesis = SdkClients.kinesis(cloud.endpoint(), credentials);
        var s3 = SdkClients.s3(cloud.endpoint(), credentials);
        var cfn = SdkClients.cloudFormation(cloud.endpoint(), credentials);
        var lambda = SdkClients.lambda(cloud.endpoint(), credentials);
        try (kinesis; s3; cfn; lambda) {
            expect.accept(() -> kinesis.describeStream(r -> r.streamName("missing")));
            expect.accept(() -> s3.putObject(r -> r.bucket("missing").key("k"), RequestBody.fromString("v")));
            expect.accept(() -> cfn.describeStacks(r -> r.stackName("missing")));
            expect.accept(() -> lambda.getFunction(r -> r.functionName("missing")));
            expect.accept(() -> cfn.createStack(r -> r.stackName("bad").templateBody("{\"Resources\": 7}")));
        }
    }

    @Test
    void noSecretOrTokenInLogsOrErrors() {
        // The local cloud's loggers (the JDK's HTTP client, on the caller's side, logs its own headers).
        Logger root = Logger.getLogger("io.github.kinesisfanout");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try {
            try (LocalCloud verifying = LocalCloud.builder().verifySignatures(Map.of("AKIDLEAK", SECRET)).build().start()) {
                calls(verifying, AwsSessionCredentials.create("AKIDLEAK", SECRET, TOKEN), this::failing);
                calls(verifying, AwsSessionCredentials.create("AKIDLEAK", SECRET + "-but-wrong", TOKEN), this::failing);
                calls(verifying, AwsSessionCredentials.create("AKIDUNKNOWN", SECRET, TOKEN), this::failing);
                seen.add(verifying.settings().toString());
            }
            try (LocalCloud open = LocalCloud.builder().build().start()) {
                calls(open, AwsSessionCredentials.create("AKIDLEAK", SECRET, TOKEN), this::failing);
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertTrue(seen.size() > 40, "errors and log lines were captured: " + seen.size());
        for (String line : seen) {
            assertFalse(line.contains(SECRET) || line.contains(TOKEN), "a secret leaked: " + line);
            assertFalse(line.contains("Zq7SecretKey") || line.contains("Tk4SessionToken"), "part of a secret leaked: " + line);
        }
    }
}
