package io.github.kinesisfanout.local.lambda;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a Lambda deployment package for tests: compiles the handler sources under
 * {@code src/test/resources/lambda-handlers} against the aws-lambda-java-core and -events jars of
 * the test classpath and zips the classes with those jars under {@code lib/}, as a real Java
 * function is packaged.
 */
public final class HandlerJars {

    private static byte[] cached;

    private HandlerJars() {
    }

    /** The zip bytes (built once per test JVM). */
    public static synchronized byte[] handlerZip() {
        if (cached == null) {
            cached = build();
        }
        return cached.clone();
    }

    private static byte[] build() {
        try {
            Path sources = Path.of(resource("lambda-handlers").toURI());
            // Under target/, which the build cleans, not the system temporary directory.
            Path classes = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "handler-classes");
            List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(p -> p.contains("aws-lambda-java-core") || p.contains("aws-lambda-java-events"))
                    .toList();
            if (jars.size() != 2) {
                throw new IllegalStateException("aws-lambda-java-core and -events must be on the test classpath: " + jars);
            }
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    String.join(File.pathSeparator, jars), "--release", "17"));
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            if (compiler.run(null, null, errors, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("handler sources do not compile: " + errors);
            }
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip); Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
                for (String jar : jars) {
                    out.putNextEntry(new ZipEntry("lib/" + Path.of(jar).getFileName()));
                    out.write(Files.readAllBytes(Path.of(jar)));
                    out.closeEntry();
                }
            }
            return zip.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL resource(String name) {
        URL url = HandlerJars.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test classpath");
        }
        return url;
    }
}
