package io.github.kinesisfanout.local.kinesis;

import java.util.List;

/**
 * A PutRecords call's input: the stream by name or ARN (either may be null) and its 1 to 500 records,
 * each already valid on its own.
 */
record PutRecordsInput(String streamName, String streamArn, List<PutRecordsEntry> records) {
}
