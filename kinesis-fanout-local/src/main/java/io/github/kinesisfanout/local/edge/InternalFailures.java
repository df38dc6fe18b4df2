package io.github.kinesisfanout.local.edge;

/** The 500 a codec answers when a service fails unexpectedly: AWS's InternalFailure, naming the failure, never a Java trace. */
final class InternalFailures {

    private InternalFailures() {
    }

    /** InternalFailure with the failure's kind and the request id to find its stack in the local cloud's log. */
    static AwsServiceException of(Throwable failure, RequestContext context) {
        return of(ProtocolErrors.INTERNAL_FAILURE, failure, context);
    }

    /** The same with a protocol's own code for it (S3: InternalError, Lambda: ServiceException). */
    static AwsServiceException of(ErrorCode code, Throwable failure, RequestContext context) {
        return code.error("The local cloud failed to process the request ("
                + failure.getClass().getSimpleName() + "; request " + context.requestId()
                + " in the local cloud's log)");
    }
}
