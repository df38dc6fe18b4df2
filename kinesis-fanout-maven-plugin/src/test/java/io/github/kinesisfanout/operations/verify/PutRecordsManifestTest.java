package io.github.kinesisfanout.operations.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PutRecordsManifestTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryLineInOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("m.jsonl"),
                "{\"data\":\"{\\\"ID\\\":1}\",\"partitionKey\":\"k1\",\"shardId\":\"shardId-000000000000\","
                        + "\"sequenceNumber\":\"495\",\"putTimestamp\":1700000000123}\n"
                        + "\n"
                        + "{\"data\":\"x\",\"putTimestamp\":5}\n");

        List<ManifestRecord> records = PutRecordsManifest.read(file);

        assertEquals(List.of(
                new ManifestRecord("{\"ID\":1}", "k1", "shardId-000000000000", "495", 1700000000123L),
                new ManifestRecord("x", null, null, null, 5)), records);
    }

    @Test
    void aMissingManifestSaysToRunPutRecords() {
        FanoutException e = assertThrows(FanoutException.class, () -> PutRecordsManifest.read(dir.resolve("none.jsonl")));
        assertTrue(e.getMessage().contains("does not exist: run put-records first"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dfanout.manifest=FILE"), e.getMessage());
    }

    @Test
    void aMalformedLineIsNamedByNumber() throws IOException {
        Path file = Files.writeString(dir.resolve("m.jsonl"), "{\"data\":\"a\",\"putTimestamp\":1}\n{\"data\":\"b\"}\n");
        FanoutException e = assertThrows(FanoutException.class, () -> PutRecordsManifest.read(file));
        assertEquals(file + ", line 2: no number member \"putTimestamp\"; is this a put-records manifest?", e.getMessage());

        Path notJson = Files.writeString(dir.resolve("n.jsonl"), "hello\n");
        assertTrue(assertThrows(FanoutException.class, () -> PutRecordsManifest.read(notJson)).getMessage()
                .endsWith("line 1: not a JSON object; is this a put-records manifest?"));
    }
}
