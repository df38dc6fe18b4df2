package io.github.kinesisfanout.flink;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceFunctionProvider;
import org.apache.flink.table.connector.source.abilities.SupportsReadingMetadata;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scan side of {@link MemoryTableFactory}: a bounded {@link LinesSource} decoding with the table's format, with
 * the Kinesis source's metadata {@code timestamp} (a fixed arrival time) and {@code shard-id}.
 */
final class MemoryTableSource implements ScanTableSource, SupportsReadingMetadata {

    private final DecodingFormat<DeserializationSchema<RowData>> format;
    private final DataType rowType;
    private final String path;
    private List<String> metadata = new ArrayList<>();

    MemoryTableSource(DecodingFormat<DeserializationSchema<RowData>> format, DataType rowType, String path) {
        this.format = format;
        this.rowType = rowType;
        this.path = path;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return format.getChangelogMode();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        return SourceFunctionProvider.of(new LinesSource(path, format.createRuntimeDecoder(context, rowType), metadata), true);
    }

    @Override
    public DynamicTableSource copy() {
        MemoryTableSource copy = new MemoryTableSource(format, rowType, path);
        copy.metadata = metadata;
        return copy;
    }

    @Override
    public Map<String, DataType> listReadableMetadata() {
        Map<String, DataType> readable = new LinkedHashMap<>();
        readable.put(LinesSource.TIMESTAMP, DataTypes.TIMESTAMP_LTZ(3).notNull());
        readable.put(LinesSource.SHARD_ID, DataTypes.VARCHAR(128).notNull());
        return readable;
    }

    @Override
    public void applyReadableMetadata(List<String> metadataKeys, DataType producedDataType) {
        metadata = new ArrayList<>(metadataKeys);
    }

    @Override
    public String asSummaryString() {
        return MemoryTableFactory.IDENTIFIER + " " + path;
    }
}
