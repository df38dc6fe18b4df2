package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One AWS service of the local cloud, seen without HTTP: an operation name and its input members
 * (named exactly as in the AWS API model) in, its output members out.
 *
 * <p>Protocol codecs in this package turn each wire format (JSON 1.1, CBOR, Query, REST) into this
 * call and back; other services and CloudFormation resource handlers call it directly.
 */
public interface AwsService {

    /** The SigV4 signing name of the service, e.g. {@code kinesis}. */
    String signingName();

    /**
     * The X-Amz-Target prefix of a JSON 1.1 service, e.g. {@code Kinesis_20131202}, by which an unsigned request
     * finds it; null for a service without one (Query and REST services).
     */
    default String targetPrefix() {
        return null;
    }

    /**
     * Runs one operation.
     *
     * @param operation the AWS operation name, e.g. {@code PutRecords}
     * @param input the input members; never null ({@code {}} for an empty input)
     * @param context who calls, in which account and region
     * @return the output members ({@code {}} when the operation has none)
     * @throws AwsServiceException with the AWS error code and message
     */
    JsonNode invoke(String operation, ObjectNode input, RequestContext context);

    /**
     * The streamed form of an operation, whose input the JSON 1.1 and CBOR codec reads without a tree
     * (see {@link StreamedOperation}); null for an operation that has none (the default).
     */
    default StreamedOperation<?> streamed(String operation) {
        return null;
    }
}
