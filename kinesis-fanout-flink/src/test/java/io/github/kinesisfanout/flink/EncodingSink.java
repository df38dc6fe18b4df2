package io.github.kinesisfanout.flink;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.serialization.RuntimeContextInitializationContextAdapters;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.table.data.RowData;

/** Encodes each row with the table's format and drops the bytes, counting rows in the accumulator {@code rows.<table>}. */
@SuppressWarnings("deprecation")
final class EncodingSink extends RichSinkFunction<RowData> {

    private static final long serialVersionUID = 1L;

    private final SerializationSchema<RowData> encoder;
    private final String table;
    private transient LongCounter rows;
    private transient LongCounter bytes;

    EncodingSink(SerializationSchema<RowData> encoder, String table) {
        this.encoder = encoder;
        this.table = table;
    }

    @Override
    public void open(Configuration parameters) throws Exception {
        encoder.open(RuntimeContextInitializationContextAdapters.serializationAdapter(getRuntimeContext()));
        rows = getRuntimeContext().getLongCounter("rows." + table);
        bytes = getRuntimeContext().getLongCounter("bytes." + table);
    }

    @Override
    public void invoke(RowData row, Context context) {
        bytes.add(encoder.serialize(row).length);
        rows.add(1);
    }
}
