package io.github.kinesisfanout.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-fanout's inputParallelism, refused where the shards' assignment to the input streams is unknown. */
class VerifyFanoutMojoTest {

    @TempDir
    Path dir;

    @SuppressWarnings("deprecation")
    private VerifyFanoutMojo goal() {
        VerifyFanoutMojo goal = new VerifyFanoutMojo();
        goal.session = new MavenSession(null, new DefaultRepositorySystemSession(), new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult());
        goal.waitTimeout = 300;
        goal.timeout = 1;
        goal.pollInterval = 10;
        goal.region = "us-east-1";
        goal.accessKey = "test";
        goal.secretKey = "test";
        goal.namePrefix = "SOURCE_SQL_STREAM";
        goal.engine = "sql";
        goal.manifest = new File(dir.toFile(), "manifest.jsonl");
        goal.sqlFile = new File(dir.toFile(), "application.sql");
        goal.schemaFile = new File(dir.toFile(), "input-schema.json");
        goal.report = new File(dir.toFile(), "report.json");
        return goal;
    }

    @Test
    void aParallelismOutsideAwsRangeIsRefused() {
        VerifyFanoutMojo goal = goal();
        goal.inputParallelism = 65;
        MojoFailureException e = assertThrows(MojoFailureException.class, goal::execute);
        assertEquals("<inputParallelism> is '65' but it must be 1 to 64: fix it in the plugin configuration or pass"
                + " -Dfanout.inputParallelism=...", e.getMessage());
    }

    @Test
    void aParallelSqlApplicationOnAwsItselfCannotBeChecked() {
        // AWS itself: no endpoint here nor in the SDK's environment variables.
        assumeTrue(System.getenv("AWS_ENDPOINT_URL") == null && System.getenv("AWS_ENDPOINT_URL_KINESIS_ANALYTICS") == null);
        VerifyFanoutMojo goal = goal();
        goal.inputParallelism = 2;
        MojoFailureException e = assertThrows(MojoFailureException.class, goal::execute);
        assertTrue(e.getMessage().startsWith("inputParallelism is 2 (-Dfanout.inputParallelism) and the application"
                + " runs on Kinesis Data Analytics for SQL on AWS (engine=sql, no endpoint), which does not publish"
                + " which shards feed which of SOURCE_SQL_STREAM_001..SOURCE_SQL_STREAM_002"), e.getMessage());
    }

    @Test
    void theFlinkJobOrAnEndpointGetsPastTheCheck() {
        // Both then stop at the first thing they read: no output configured.
        VerifyFanoutMojo flink = goal();
        flink.inputParallelism = 2;
        flink.engine = "flink";
        MojoFailureException e = assertThrows(MojoFailureException.class, flink::execute);
        assertTrue(e.getMessage().startsWith("No output to check"), e.getMessage());

        VerifyFanoutMojo local = goal();
        local.inputParallelism = 2;
        local.endpoint = "http://127.0.0.1:1";
        e = assertThrows(MojoFailureException.class, local::execute);
        assertTrue(e.getMessage().startsWith("No output to check"), e.getMessage());
    }

    @Test
    void anUnknownEngineIsNamed() {
        VerifyFanoutMojo goal = goal();
        goal.inputParallelism = 1;
        goal.engine = "spark";
        MojoFailureException e = assertThrows(MojoFailureException.class, goal::execute);
        assertEquals("<engine> is 'spark' but it must be sql or flink: fix it in the plugin configuration or pass"
                + " -Dfanout.engine=...", e.getMessage());
    }
}
