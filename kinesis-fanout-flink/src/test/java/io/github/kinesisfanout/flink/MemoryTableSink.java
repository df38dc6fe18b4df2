package io.github.kinesisfanout.flink;

import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.EncodingFormat;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkFunctionProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

/** The sink side of {@link MemoryTableFactory}: an {@link EncodingSink} with the table's format. */
final class MemoryTableSink implements DynamicTableSink {

    private final EncodingFormat<SerializationSchema<RowData>> format;
    private final DataType rowType;
    private final String table;

    MemoryTableSink(EncodingFormat<SerializationSchema<RowData>> format, DataType rowType, String table) {
        this.format = format;
        this.rowType = rowType;
        this.table = table;
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requested) {
        return format.getChangelogMode();
    }

    @Override
    @SuppressWarnings("deprecation")
    public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
        return SinkFunctionProvider.of(new EncodingSink(format.createRuntimeEncoder(context, rowType), table));
    }

    @Override
    public DynamicTableSink copy() {
        return new MemoryTableSink(format, rowType, table);
    }

    @Override
    public String asSummaryString() {
        return MemoryTableFactory.IDENTIFIER + " " + table;
    }
}
