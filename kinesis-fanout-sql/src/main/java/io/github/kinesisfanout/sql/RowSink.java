package io.github.kinesisfanout.sql;

/** Receives the rows of one in-application stream, in order. */
@FunctionalInterface
public interface RowSink {

    void accept(Row row);
}
