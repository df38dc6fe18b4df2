package io.github.kinesisfanout.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory's lock file and format version. */
class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aNewDirectoryGetsTheFormatVersion() throws Exception {
        try (DataDirectory data = DataDirectory.open(dir.resolve("new"))) {
            assertEquals("1", Files.readString(data.root().resolve("FORMAT")).trim());
        }
    }

    @Test
    void aSecondCloudOnTheSameDirectoryRefusesToStart() {
        try (LocalCloud first = LocalCloud.builder().dataDirectory(dir).build().start()) {
            LocalCloud second = LocalCloud.builder().dataDirectory(dir).build();
            DataDirectoryException refused = assertThrows(DataDirectoryException.class, second::start);
            assertTrue(refused.getMessage().contains("is in use by another local cloud"), refused.getMessage());
            assertTrue(refused.getMessage().contains(dir.resolve("LOCK").toString()), refused.getMessage());
        }
        // Released on close: the directory opens again.
        LocalCloud.builder().dataDirectory(dir).build().start().close();
    }

    @Test
    void aDirectoryFromANewerVersionIsRefused() throws Exception {
        Files.writeString(dir.resolve("FORMAT"), "2\n");
        DataDirectoryException refused = assertThrows(DataDirectoryException.class,
                () -> LocalCloud.builder().dataDirectory(dir).build().start());
        assertEquals("data directory " + dir.toAbsolutePath() + " has format version 2, written by a newer local cloud;"
                + " this local cloud reads format version 1 only: use the matching version or another data directory",
                refused.getMessage());
        // Refused without taking the lock for good: the directory is untouched and free.
        assertEquals("2", Files.readString(dir.resolve("FORMAT")).trim());
    }

    @Test
    void aDirectoryWithOtherFilesIsNotTakenOver() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        DataDirectoryException refused = assertThrows(DataDirectoryException.class, () -> DataDirectory.open(dir));
        assertTrue(refused.getMessage().contains("has no FORMAT file"), refused.getMessage());
    }
}
