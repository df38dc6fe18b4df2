package io.github.kinesisfanout.operations.putrecords;

import java.util.Iterator;

/** The texts of the records to put, in order; closed when the operation ends. */
public interface RecordSource extends Iterator<String>, AutoCloseable {

    /** How many records it yields, or -1 when unknown before the end (a file read as it goes). */
    long expectedCount();

    /** Where the records come from, for the log. */
    String describe();

    @Override
    void close();
}
