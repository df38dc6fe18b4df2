package io.github.kinesisfanout.flink;

/** A failure of the job whose message is the one line reported after {@code KINESIS-FANOUT JOB FAILED}. */
public final class JobFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by a message that names the setting, property or script line at fault. */
    public JobFailure(String message) {
        super(message);
    }

    /** A failure with the exception that caused it. */
    public JobFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
