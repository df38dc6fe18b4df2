package io.github.kinesisfanout.operations.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobJarTest {

    @TempDir
    Path dir;

    @Test
    void addsTheScriptBesideTheJobsEntries() throws IOException {
        Path target = dir.resolve("application.jar");
        JobJar.write(new ByteArrayInputStream(jobJar()), "INSERT INTO `A` SELECT 1;\n", target);

        try (JarFile jar = new JarFile(target.toFile())) {
            List<String> names = new ArrayList<>();
            jar.stream().forEach(e -> names.add(e.getName()));
            assertEquals(List.of("META-INF/MANIFEST.MF", "io/github/kinesisfanout/flink/FanoutJob.class",
                    "kinesis-fanout/", "kinesis-fanout/application.sql"), names);
            assertEquals("INSERT INTO `A` SELECT 1;\n", new String(
                    jar.getInputStream(jar.getEntry(JobJar.SCRIPT_ENTRY)).readAllBytes(), StandardCharsets.UTF_8));
            // A fixed time rather than the time of the build, so the bytes depend on the script only.
            assertEquals(Instant.parse("2020-01-01T00:00:00Z"), jar.getEntry(JobJar.SCRIPT_ENTRY).getLastModifiedTime().toInstant());
            assertEquals("io.github.kinesisfanout.flink.FanoutJob", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void theSameScriptGivesTheSameBytesAndAnotherScriptOthers() throws IOException {
        Path first = dir.resolve("one/application.jar");
        Path second = dir.resolve("two/application.jar");
        Path other = dir.resolve("three/application.jar");
        JobJar.write(new ByteArrayInputStream(jobJar()), "SELECT 1;\n", first);
        JobJar.write(new ByteArrayInputStream(jobJar()), "SELECT 1;\n", second);
        JobJar.write(new ByteArrayInputStream(jobJar()), "SELECT 2;\n", other);

        assertEquals(ContentHash.sha256(first), ContentHash.sha256(second));
        assertNotEquals(ContentHash.sha256(first), ContentHash.sha256(other));
    }

    private static byte[] jobJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(fixed("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\nMain-Class: io.github.kinesisfanout.flink.FanoutJob\n\n"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(fixed("io/github/kinesisfanout/flink/FanoutJob.class"));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        }
        return bytes.toByteArray();
    }

    private static ZipEntry fixed(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(1_600_000_000_000L);
        return entry;
    }
}
