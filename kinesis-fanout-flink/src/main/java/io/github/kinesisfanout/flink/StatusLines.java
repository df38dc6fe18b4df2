package io.github.kinesisfanout.flink;

import java.io.PrintStream;

/** Prints the job's status lines, one line each with a fixed prefix, that a launcher reads from its output. */
public final class StatusLines {

    /** Printed with the job id once the job is RUNNING. */
    public static final String RUNNING = "KINESIS-FANOUT JOB RUNNING ";
    /** Printed with a one-line root cause when the job cannot start or dies; the JVM then exits with 1. */
    public static final String FAILED = "KINESIS-FANOUT JOB FAILED ";
    /** Printed when a bounded job has read all its input and ended. */
    public static final String FINISHED = "KINESIS-FANOUT JOB FINISHED";
    /** Printed with the savepoint's path once a stop with savepoint has written it. */
    public static final String SAVEPOINT = "KINESIS-FANOUT JOB SAVEPOINT ";
    /** Printed with the reason when a requested savepoint could not be taken (the job keeps running). */
    public static final String SAVEPOINT_FAILED = "KINESIS-FANOUT JOB SAVEPOINT-FAILED ";
    /** Printed when the job ended because it was asked to (cancel or stop with savepoint). */
    public static final String STOPPED = "KINESIS-FANOUT JOB STOPPED";
    /** Printed with the job id when the job was handed to a cluster that runs it on its own. */
    public static final String SUBMITTED = "KINESIS-FANOUT JOB SUBMITTED ";

    private final PrintStream out;

    /** Status lines written to {@code out}. */
    public StatusLines(PrintStream out) {
        this.out = out;
    }

    /** The job is RUNNING. */
    public void running(String jobId) {
        print(RUNNING + jobId);
    }

    /** The job failed, for the given one-line reason. */
    public void failed(String reason) {
        print(FAILED + Causes.oneLine(reason));
    }

    /** The bounded job ended. */
    public void finished() {
        print(FINISHED);
    }

    /** A savepoint was written at {@code path}. */
    public void savepoint(String path) {
        print(SAVEPOINT + path);
    }

    /** A savepoint could not be taken. */
    public void savepointFailed(String reason) {
        print(SAVEPOINT_FAILED + Causes.oneLine(reason));
    }

    /** The job was stopped on request. */
    public void stopped() {
        print(STOPPED);
    }

    /** The job was submitted to a cluster that keeps it running after this program returns. */
    public void submitted(String jobId) {
        print(SUBMITTED + jobId);
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }
}
