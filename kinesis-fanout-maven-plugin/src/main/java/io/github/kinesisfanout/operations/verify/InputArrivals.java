package io.github.kinesisfanout.operations.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Replaces each manifest record's put time with its ApproximateArrivalTimestamp on the input
 * stream, found by sequence number. That is the ROWTIME the application gives the record, and it
 * comes from the same clock as the output records' arrival times, so put-to-output latencies
 * neither go negative (put-records notes the time its PutRecords call returned, after the
 * application may already have routed the first records) nor include the build machine's clock skew.
 */
final class InputArrivals {

    private InputArrivals() {
    }

    /**
     * @param reader a reader of the input stream
     * @param records the manifest records
     * @param deadline when to stop reading (epoch milliseconds)
     * @param pause waits between two empty reads
     * @return the records, with the arrival time of every one found on the stream
     */
    static List<ManifestRecord> apply(StreamReader reader, List<ManifestRecord> records, long deadline,
            Runnable pause) {
        Map<String, Long> wanted = new HashMap<>();
        records.forEach(r -> {
            if (r.sequenceNumber() != null) {
                wanted.put(r.sequenceNumber(), null);
            }
        });
        int found = 0;
        while (found < wanted.size() && System.currentTimeMillis() < deadline) {
            List<Record> read = reader.pollRecords();
            for (Record record : read) {
                if (wanted.containsKey(record.sequenceNumber()) && wanted.get(record.sequenceNumber()) == null) {
                    wanted.put(record.sequenceNumber(), record.approximateArrivalTimestamp().toEpochMilli());
                    found++;
                }
            }
            if (reader.caughtUp()) {
                break; // the whole stream is read: a record not found is not there
            }
            if (read.isEmpty()) {
                pause.run();
            }
        }
        List<ManifestRecord> result = new ArrayList<>(records.size());
        for (ManifestRecord r : records) {
            Long arrival = r.sequenceNumber() == null ? null : wanted.get(r.sequenceNumber());
            result.add(arrival == null ? r : new ManifestRecord(r.data(), r.partitionKey(), r.shardId(),
                    r.sequenceNumber(), arrival));
        }
        return result;
    }
}
