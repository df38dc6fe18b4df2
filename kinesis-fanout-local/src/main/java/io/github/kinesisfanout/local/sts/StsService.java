package io.github.kinesisfanout.local.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;

/**
 * AWS STS (Query protocol): GetCallerIdentity, answering as the account's root user, since the
 * local cloud accepts any credentials.
 */
public final class StsService implements AwsService {

    /** The namespace of its Query protocol's XML responses. */
    public static final String XML_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    /** Built like every service; GetCallerIdentity needs nothing of the context but the caller's account. */
    public StsService(ServiceContext context) {
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        if (!operation.equals("GetCallerIdentity")) {
            throw AwsServiceException.notSupported("STS", operation);
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("UserId", context.accountId());
        output.put("Account", context.accountId());
        output.put("Arn", "arn:aws:iam::" + context.accountId() + ":root");
        return output;
    }
}
