package io.github.kinesisfanout.sql.run;

/** Turns the bytes of one input record into rows of the input stream (JSON or CSV). */
interface RecordDecoder {

    /**
     * Decodes a record.
     *
     * @param data the record bytes (UTF-8)
     * @param out receives each row made, or the error of a record (or CSV row) that failed
     */
    void decode(byte[] data, Output out);

    /** Where decoded rows and failures go. */
    interface Output {
        void row(Object[] values);

        void error(String errorName, String message, byte[] data);
    }
}
