package io.github.kinesisfanout.flink;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The job's entry point: loads the translated script, resolves its placeholders from the runtime
 * properties, runs its DDL and submits its INSERTs as one statement set.
 */
public final class FanoutJob {

    private static final Duration RUNNING_DEADLINE = Duration.ofMinutes(5);

    private FanoutJob() {
    }

    /**
     * Runs the job. On its own JVM (a local MiniCluster) it waits for the job, prints the status
     * lines and exits with 0 or 1; under a cluster's client (Managed Flink, {@code flink run}) it
     * returns once the job is submitted and throws when it cannot be.
     */
    public static void main(String[] args) throws Exception {
        StatusLines status = new StatusLines(System.out);
        boolean local = StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment;
        if (!local) {
            TableResult result = prepare(JobArguments.parse(args), false).submit();
            result.getJobClient().ifPresent(job -> status.submitted(job.getJobID().toString()));
            return;
        }
        int code;
        try {
            code = runLocally(JobArguments.parse(args), status);
        } catch (JobFailure e) {
            status.failed(e.getMessage());
            code = 1;
        } catch (RuntimeException | Error e) {
            status.failed(Causes.describe(e));
            code = 1;
        }
        System.exit(code);
    }

    private static int runLocally(JobArguments arguments, StatusLines status)
            throws InterruptedException {
        TableResult result = prepare(arguments, true).submit();
        JobClient job = result.getJobClient()
                .orElseThrow(() -> new JobFailure("Flink returned no job for the statement set"));
        ControlChannel control = arguments.controlFile() == null
                ? null
                : new ControlChannel(Path.of(arguments.controlFile()), job, status);
        try {
            awaitRunning(job);
            status.running(job.getJobID().toString());
            if (control != null) {
                control.start();
            }
            try {
                job.getJobExecutionResult().get();
                if (control != null && control.stopRequested()) {
                    status.stopped();
                } else {
                    status.finished();
                }
                return 0;
            } catch (ExecutionException e) {
                if (control != null && control.stopRequested()) {
                    status.stopped();
                    return 0;
                }
                status.failed(Causes.rootDescription(Causes.root(e)));
                return 1;
            }
        } finally {
            if (control != null) {
                control.close();
            }
        }
    }

    /** Polls the job's status until it runs (or already ended), with a deadline. */
    private static void awaitRunning(JobClient job) throws InterruptedException {
        long deadline = System.nanoTime() + RUNNING_DEADLINE.toNanos();
        while (true) {
            JobStatus current;
            try {
                current = job.getJobStatus().get();
            } catch (ExecutionException e) {
                throw new JobFailure("cannot read the job's status: " + Causes.describe(e), e);
            }
            if (current == JobStatus.RUNNING || current.isGloballyTerminalState()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new JobFailure("the job is still " + current + " after " + RUNNING_DEADLINE.toMinutes()
                        + " minutes");
            }
            Thread.sleep(50);
        }
    }

    /** Everything before submission: arguments, properties, script, placeholders, environment. */
    private static Prepared prepare(JobArguments arguments, boolean local) {
        Map<String, String> properties = ApplicationProperties.load(arguments);
        ScriptSource script = ScriptSource.load(arguments.sqlFile());
        String resolved = Placeholders.resolve(script.text(), properties, script.name());
        List<ScriptStatement> statements = StatementSplitter.split(resolved);
        StreamExecutionEnvironment environment = local
                ? StreamExecutionEnvironment.getExecutionEnvironment(localConfiguration(arguments))
                : StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tables = StreamTableEnvironment.create(environment,
                EnvironmentSettings.inStreamingMode());
        // Translated scripts turn ROWTIME (TIMESTAMP_LTZ) into TIMESTAMP with CAST, in the session zone: UTC.
        tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        return new Prepared(new ScriptRunner(tables, script.name()), statements);
    }

    /** The configuration of a local MiniCluster: loopback only, then the savepoint and {@code --flink-conf}. */
    static Configuration localConfiguration(JobArguments arguments) {
        Configuration configuration = new Configuration();
        configuration.setString("rest.bind-address", "127.0.0.1");
        configuration.setString("rest.address", "127.0.0.1");
        configuration.setString("taskmanager.host", "127.0.0.1");
        configuration.setString("jobmanager.bind-host", "127.0.0.1");
        configuration.setString("taskmanager.bind-host", "127.0.0.1");
        if (arguments.savepoint() != null) {
            configuration.setString("execution.savepoint.path", arguments.savepoint());
        }
        for (Map.Entry<String, String> entry : arguments.flinkConfiguration().entrySet()) {
            configuration.setString(entry.getKey(), entry.getValue());
        }
        return configuration;
    }

    /** A runner with the statements it will run. */
    private static final class Prepared {
        private final ScriptRunner runner;
        private final List<ScriptStatement> statements;

        Prepared(ScriptRunner runner, List<ScriptStatement> statements) {
            this.runner = runner;
            this.statements = statements;
        }

        TableResult submit() {
            return runner.submit(statements);
        }
    }
}
