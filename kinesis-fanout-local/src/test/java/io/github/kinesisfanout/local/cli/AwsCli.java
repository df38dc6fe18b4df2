package io.github.kinesisfanout.local.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the AWS CLI against a local endpoint with dummy credentials and no user configuration:
 * Debian's {@code /usr/bin/aws} (AWS CLI v2) unless {@code AWS_CLI} names another.
 */
final class AwsCli {

    /** One finished command. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path executable;
    private final String endpoint;
    private final Path workDir;

    AwsCli(Path executable, String endpoint, Path workDir) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.workDir = workDir;
    }

    /** The CLI to use, or null when there is none. */
    static Path find() {
        String configured = System.getenv("AWS_CLI");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/bin/aws");
        return Files.isExecutable(debian) ? debian : null;
    }

    /** True when {@code aws --version} says 2.13 or later (or 1.29.x and later v1). */
    static boolean honoursEndpointEnvironment(String version) {
        String[] parts = version.replaceFirst("^aws-cli/", "").split("[ .]");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major == 2 ? minor >= 13 : major == 1 && minor >= 29;
    }

    /** Runs {@code aws ARGS --endpoint-url ENDPOINT}, at most {@code timeout}; fails on a non-zero exit. */
    String run(Duration timeout, String... args) throws IOException, InterruptedException {
        Result result = call(timeout, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("aws " + String.join(" ", args) + " exited with " + result.exitCode()
                    + "\nstdout: " + result.stdout() + "\nstderr: " + result.stderr());
        }
        return result.stdout();
    }

    Result call(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint, "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.put("AWS_CONFIG_FILE", workDir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", workDir.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Path out = Files.createTempFile(workDir, "aws", ".out");
        Path err = Files.createTempFile(workDir, "aws", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
