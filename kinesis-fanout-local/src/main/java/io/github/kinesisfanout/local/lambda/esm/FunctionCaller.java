package io.github.kinesisfanout.local.lambda.esm;

/** Invokes a function synchronously for an event source mapping. */
public interface FunctionCaller {

    /**
     * Invokes the function with the event.
     *
     * @return the reply; an invocation that could not run at all throws
     */
    Reply call(String functionArn, byte[] event);

    /** The function's execution role, reported as the event's {@code invokeIdentityArn}. */
    String roleArn(String functionArn);

    /**
     * @param payload the response payload
     * @param functionError whether the function failed (threw, timed out)
     */
    record Reply(byte[] payload, boolean functionError) {
    }
}
