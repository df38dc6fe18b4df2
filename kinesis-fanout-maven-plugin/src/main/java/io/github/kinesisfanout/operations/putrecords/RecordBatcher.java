package io.github.kinesisfanout.operations.putrecords;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Groups records into PutRecords requests within the AWS limits: at most 500 records and 5 MiB per
 * request (data and partition keys counted together), at most 1 MiB per record.
 */
public final class RecordBatcher implements Iterator<List<OutgoingRecord>> {

    /** PutRecords: "Each PutRecords request can support up to 500 records". */
    public static final int MAX_RECORDS = 500;
    /** PutRecords: "up to a limit of 5 MiB for the entire request, including partition keys". */
    public static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;
    /** PutRecords: "Each record in the request can be as large as 1 MiB". */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    private final Iterator<OutgoingRecord> records;
    private final int maxRecords;
    private final int maxBytes;
    private OutgoingRecord pending;

    public RecordBatcher(Iterator<OutgoingRecord> records) {
        this(records, MAX_RECORDS, MAX_REQUEST_BYTES);
    }

    /** A batcher with smaller limits, e.g. fewer records per request to smooth a low rate limit. */
    public RecordBatcher(Iterator<OutgoingRecord> records, int maxRecords, int maxBytes) {
        this.records = records;
        this.maxRecords = Math.max(1, Math.min(maxRecords, MAX_RECORDS));
        this.maxBytes = Math.min(maxBytes, MAX_REQUEST_BYTES);
    }

    @Override
    public boolean hasNext() {
        return pending != null || records.hasNext();
    }

    @Override
    public List<OutgoingRecord> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<OutgoingRecord> batch = new ArrayList<>();
        long bytes = 0;
        while (batch.size() < maxRecords && (pending != null || records.hasNext())) {
            OutgoingRecord record = pending != null ? pending : checked(records.next());
            pending = null;
            if (!batch.isEmpty() && bytes + record.size() > maxBytes) {
                pending = record;
                break;
            }
            batch.add(record);
            bytes += record.size();
        }
        return batch;
    }

    private static OutgoingRecord checked(OutgoingRecord record) {
        if (record.size() > MAX_RECORD_BYTES) {
            throw HelpfulSuggestions.recordTooLarge(record.number(), record.size(), MAX_RECORD_BYTES);
        }
        return record;
    }
}
