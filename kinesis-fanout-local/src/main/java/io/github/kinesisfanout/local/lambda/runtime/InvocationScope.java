package io.github.kinesisfanout.local.lambda.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Routes what a handler prints and reads per invocation thread, since a function shares the JVM
 * with the local cloud: {@code System.out}/{@code System.err} lines written on an invocation
 * thread (or a thread it started) go to the function's log like in Lambda, where stdout is the
 * log; and {@code System.getProperty(NAME)} answers the function's environment variables first,
 * the local cloud's fallback for {@code System.getenv(NAME)}, which a running JVM cannot change;
 * the AWS SDK's own system properties ({@code aws.region}, {@code aws.accessKeyId},
 * {@code aws.endpointUrl}...) answer the matching variables, so an SDK client built inside a
 * handler with its defaults calls the local cloud.
 *
 * <p>The routing streams and properties are installed once per JVM and pass everything through
 * unchanged outside an invocation; the per-invocation state lives in a thread-local only, so two
 * local clouds in one JVM stay independent.
 */
final class InvocationScope {

    /** The AWS SDK's system properties for settings it also reads from environment variables. */
    private static final Map<String, String> SDK_PROPERTIES = Map.of("aws.accessKeyId", "AWS_ACCESS_KEY_ID",
            "aws.secretAccessKey", "AWS_SECRET_ACCESS_KEY", "aws.sessionToken", "AWS_SESSION_TOKEN",
            "aws.region", "AWS_REGION", "aws.endpointUrl", "AWS_ENDPOINT_URL");

    /** The invocation of the current thread; inherited by the threads a handler starts. */
    private static final InheritableThreadLocal<Scope> CURRENT = new InheritableThreadLocal<>();

    private InvocationScope() {
    }

    /** One invocation's log sink and environment. */
    static final class Scope {
        final Consumer<String> log;
        final Map<String, String> environment;
        private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();

        Scope(Consumer<String> log, Map<String, String> environment) {
            this.log = log;
            this.environment = environment;
        }

        synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    flushLine();
                } else {
                    partialLine.write(bytes[i]);
                }
            }
        }

        synchronized void flushLine() {
            String line = partialLine.toString(StandardCharsets.UTF_8);
            partialLine.reset();
            log.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }

        synchronized void close() {
            if (partialLine.size() > 0) {
                flushLine();
            }
        }
    }

    /** Installs the routing streams and properties, once per JVM. */
    static synchronized void install() {
        if (!(System.out instanceof RoutingPrintStream)) {
            System.setOut(new RoutingPrintStream(System.out));
        }
        if (!(System.err instanceof RoutingPrintStream)) {
            System.setErr(new RoutingPrintStream(System.err));
        }
        if (!(System.getProperties() instanceof ScopedProperties)) {
            System.setProperties(new ScopedProperties(System.getProperties()));
        }
    }

    /** The console as it was before routing: where the local cloud prints function log lines. */
    static PrintStream console() {
        PrintStream out = System.out;
        return out instanceof RoutingPrintStream routing ? routing.original : out;
    }

    static void enter(Scope scope) {
        CURRENT.set(scope);
    }

    static void exit(Scope scope) {
        scope.close();
        CURRENT.remove();
    }

    /** A print stream that sends an invocation thread's lines to its function log. */
    private static final class RoutingPrintStream extends PrintStream {
        final PrintStream original;

        RoutingPrintStream(PrintStream original) {
            super(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    Scope scope = CURRENT.get();
                    if (scope != null) {
                        scope.write(bytes, offset, length);
                    } else {
                        original.write(bytes, offset, length);
                    }
                }

                @Override
                public void flush() {
                    original.flush();
                }
            }, true, StandardCharsets.UTF_8);
            this.original = original;
        }
    }

    /** System properties that show the current invocation's environment variables first. */
    private static final class ScopedProperties extends Properties {
        ScopedProperties(Properties original) {
            putAll(original);
        }

        @Override
        public String getProperty(String key) {
            Scope scope = CURRENT.get();
            String value = scope == null ? null : scope.environment.get(SDK_PROPERTIES.getOrDefault(key, key));
            return value != null ? value : super.getProperty(key);
        }

        @Override
        public String getProperty(String key, String defaultValue) {
            String value = getProperty(key);
            return value != null ? value : defaultValue;
        }
    }
}
