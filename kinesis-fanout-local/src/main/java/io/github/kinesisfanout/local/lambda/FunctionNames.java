package io.github.kinesisfanout.local.lambda;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code FunctionName} forms Lambda accepts (name, {@code name:qualifier}, full ARN,
 * partial ARN {@code 123456789012:function:name}) and builds function ARNs. Only {@code $LATEST}
 * exists locally: versions and aliases are not supported.
 */
final class FunctionNames {

    private static final Pattern FORMS = Pattern.compile(
            "^(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:|\\d{12}:function:)?([a-zA-Z0-9_-]{1,64})(?::([a-zA-Z0-9$_-]+))?$");

    private FunctionNames() {
    }

    /** The bare function name; an unknown qualifier is Lambda's ResourceNotFoundException. */
    static String name(String functionName, String qualifier, RequestContext context) {
        Matcher matcher = FORMS.matcher(functionName == null ? "" : functionName);
        if (!matcher.matches()) {
            throw ValidationErrors.of(LambdaErrors.INVALID_PARAMETER_VALUE,
                    functionName, "functionName", "Member must satisfy"
                    + " regular expression pattern: " + FORMS.pattern());
        }
        String name = matcher.group(1);
        String version = matcher.group(2) != null ? matcher.group(2) : qualifier;
        if (version != null && !version.equals("$LATEST")) {
            throw notFound(arn(context, name) + ":" + version);
        }
        return name;
    }

    static String arn(RequestContext context, String name) {
        return "arn:aws:lambda:" + context.region() + ":" + context.accountId() + ":function:" + name;
    }

    static AwsServiceException notFound(String arn) {
        return LambdaErrors.RESOURCE_NOT_FOUND.error("Function not found: " + arn);
    }
}
