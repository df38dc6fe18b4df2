package io.github.kinesisfanout.local.lambda.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Java deployment package unpacked to a temporary folder: its root holds classes and resources
 * and {@code lib/*.jar} its dependencies, which is the classpath AWS's Java runtime builds from a
 * zip (a plain jar is the same thing without lib/).
 */
public final class FunctionCode implements AutoCloseable {

    private final Path root;
    private final URL[] classpath;

    private FunctionCode(Path root, URL[] classpath) {
        this.root = root;
        this.classpath = classpath;
    }

    /** Unpacks the zip; fails with an IllegalArgumentException when it is not a readable zip. */
    public static FunctionCode unpack(String functionName, byte[] zip) {
        Path root;
        try {
            root = Files.createTempDirectory("kinesis-fanout-lambda-" + functionName.replaceAll("[^A-Za-z0-9_-]", "_"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the code of " + functionName, e);
        }
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries++;
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalArgumentException("zip entry " + entry.getName() + " points outside the package");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        } catch (IOException e) {
            delete(root);
            throw new IllegalArgumentException("Could not unzip uploaded file. Please check your file, then try to upload again.", e);
        }
        if (entries == 0) {
            delete(root);
            throw new IllegalArgumentException("Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
        return new FunctionCode(root, classpath(root));
    }

    URL[] classpath() {
        return classpath.clone();
    }

    private static URL[] classpath(Path root) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(root.toUri().toURL());
            Path lib = root.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls.toArray(URL[]::new);
    }

    @Override
    public void close() {
        delete(root);
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the OS cleans its temp space.
        }
    }
}
