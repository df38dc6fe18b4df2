package io.github.kinesisfanout.operations.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.sql.InputSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which in-application input stream reads a record: shard number modulo the input parallelism. */
class InputStreamAssignmentTest {

    private static final InputSchema SCHEMA = new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"),
            List.of(new InputSchema.Column("ID", "INTEGER", "$.ID")), "UTF-8");

    private static ManifestRecord on(String shardId) {
        return new ManifestRecord("{\"ID\":1}", "k", shardId, "1", 1);
    }

    @Test
    void withOneStreamEveryRecordGoesToTheFirstEvenWithoutAShard() {
        InputStreamAssignment one = new InputStreamAssignment(SCHEMA);
        assertEquals("SOURCE_SQL_STREAM_001", one.streamOf(on("shardId-000000000007")));
        assertEquals("SOURCE_SQL_STREAM_001", one.streamOf(on(null)));
    }

    @Test
    void shardNumberModuloTheParallelismPicksTheStream() {
        InputStreamAssignment two = new InputStreamAssignment(SCHEMA.withParallelism(2));
        assertEquals("SOURCE_SQL_STREAM_001", two.streamOf(on("shardId-000000000000")));
        assertEquals("SOURCE_SQL_STREAM_002", two.streamOf(on("shardId-000000000001")));
        assertEquals("SOURCE_SQL_STREAM_001", two.streamOf(on("shardId-000000000002")));
        assertEquals("SOURCE_SQL_STREAM_002", two.streamOf(on("shardId-000000000011")));
        InputStreamAssignment twelve = new InputStreamAssignment(SCHEMA.withParallelism(12));
        // Shard 23: 23 mod 12 = 11, the twelfth stream, three digits.
        assertEquals("SOURCE_SQL_STREAM_012", twelve.streamOf(on("shardId-000000000023")));
        assertEquals("SOURCE_SQL_STREAM_001", twelve.streamOf(on("shardId-000000000024")));
    }

    @Test
    void theShardNumberIsTheLastTwelveDigitsOfItsId() {
        assertEquals(0, InputStreamAssignment.shardNumber("shardId-000000000000"));
        assertEquals(41, InputStreamAssignment.shardNumber("shardId-000000000041"));
        assertEquals(5, InputStreamAssignment.shardNumber("shardId-9000000000005"));
    }

    @Test
    void countsListEveryStreamOnceEvenAnEmptyOne() {
        InputStreamAssignment three = new InputStreamAssignment(SCHEMA.withParallelism(3));
        assertEquals(Map.of("SOURCE_SQL_STREAM_001", 2, "SOURCE_SQL_STREAM_002", 1, "SOURCE_SQL_STREAM_003", 0),
                three.counts(List.of(on("shardId-000000000000"), on("shardId-000000000001"), on("shardId-000000000003"))));
        assertEquals(List.of("SOURCE_SQL_STREAM_001", "SOURCE_SQL_STREAM_002", "SOURCE_SQL_STREAM_003"),
                List.copyOf(three.counts(List.of()).keySet()));
    }

    @Test
    void aRecordWithoutItsShardCannotBeAssigned() {
        InputStreamAssignment two = new InputStreamAssignment(SCHEMA.withParallelism(2));
        FanoutException e = assertThrows(FanoutException.class, () -> two.streamOf(on(null)));
        assertEquals("inputParallelism is 2 (-Dfanout.inputParallelism), but the manifest lists no shardId for the"
                + " record {\"ID\":1}: which of SOURCE_SQL_STREAM_001..SOURCE_SQL_STREAM_002 reads it follows from its"
                + " shard; use the manifest put-records writes, which lists each record's shard", e.getMessage());
    }

    @Test
    void onKinesisAnalyticsItselfTheAssignmentIsNotPublished() {
        assertEquals("inputParallelism is 4 (-Dfanout.inputParallelism) and the application runs on Kinesis Data"
                + " Analytics for SQL on AWS (engine=sql, no endpoint), which does not publish which shards feed which"
                + " of IN_001..IN_004, so verify-fanout cannot work out what each output should receive: check the"
                + " application on the local cloud (start-local), with -Dfanout.engine=flink (its job gives shard k to"
                + " stream k mod 4 + 1, as the local cloud does), or with inputParallelism 1",
                InputStreamAssignment.unpublished("IN", 4).getMessage());
    }
}
