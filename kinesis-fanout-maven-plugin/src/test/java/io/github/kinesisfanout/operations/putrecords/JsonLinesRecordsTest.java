package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records read from a JSON-lines file. */
class JsonLinesRecordsTest {

    @TempDir
    Path dir;

    @Test
    void oneRecordPerNonBlankLine() throws Exception {
        Path file = Files.writeString(dir.resolve("records.jsonl"), "{\"ID\":1}\n\n  {\"ID\":2}  \r\n{\"ID\":3}");
        List<String> records = new ArrayList<>();
        try (JsonLinesRecords source = new JsonLinesRecords(file)) {
            source.forEachRemaining(records::add);
        }
        assertEquals(List.of("{\"ID\":1}", "{\"ID\":2}", "{\"ID\":3}"), records);
    }

    @Test
    void missingFileNamesTheParameter() {
        FanoutException e = assertThrows(FanoutException.class, () -> new JsonLinesRecords(dir.resolve("nope.jsonl")));
        assertTrue(e.getMessage().startsWith("<recordsFile> " + dir.resolve("nope.jsonl")), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfanout.recordsFile=PATH"), e.getMessage());
    }
}
