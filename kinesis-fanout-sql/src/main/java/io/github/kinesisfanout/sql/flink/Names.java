package io.github.kinesisfanout.sql.flink;

/** The names the translation gives to what KDA has no name for: Kinesis tables, system columns. */
final class Names {

    static final String ROWTIME = "ROWTIME";
    static final String ARRIVAL = "APPROXIMATE_ARRIVAL_TIME";
    static final String SHARD_ID = "shard_id";
    static final String RAW = "data";

    private Names() {
    }

    /** The Kinesis source table of the input with this name prefix, e.g. {@code SOURCE_SQL_STREAM_kinesis}. */
    static String sourceTable(String namePrefix) {
        return namePrefix + "_kinesis";
    }

    /** The sink table of a mapped stream that other pumps also read (the stream itself is then a view). */
    static String sinkOfReadStream(String stream) {
        return stream + "_kinesis";
    }

    /** The view holding a windowed branch's rows after its WHERE, before the TUMBLE table function. */
    static String filtered(String pump, int branch) {
        return pump + "_where" + (branch == 0 ? "" : "_" + (branch + 1));
    }
}
