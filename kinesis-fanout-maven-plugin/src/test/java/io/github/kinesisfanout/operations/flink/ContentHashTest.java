package io.github.kinesisfanout.operations.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSha256InTheFormatOfSha256sum() throws Exception {
        Path file = dir.resolve("application.jar");
        Files.writeString(file, "abc");

        // The SHA-256 of "abc" is the test vector of FIPS 180-2, appendix B.1.
        String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(expected, ContentHash.writeBeside(file));
        assertEquals(expected + "  application.jar\n", Files.readString(dir.resolve("application.jar.sha256")));
    }
}
