package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Echoes its input with what it sees of its Context, environment and class loader. */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static int invocations;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        invocations++;
        context.getLogger().log("echo " + input);
        System.out.println("stdout says hello");
        if (input.containsKey("fail")) {
            throw new IllegalStateException("asked to fail: " + input.get("fail"));
        }
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("input", input);
        output.put("functionName", context.getFunctionName());
        output.put("functionArn", context.getInvokedFunctionArn());
        output.put("memory", context.getMemoryLimitInMB());
        output.put("requestId", context.getAwsRequestId());
        output.put("remainingPositive", context.getRemainingTimeInMillis() > 0);
        output.put("logGroup", context.getLogGroupName());
        output.put("greetingFromContext", context.getClientContext().getEnvironment().get("GREETING"));
        output.put("greetingFromProperty", System.getProperty("GREETING"));
        output.put("region", System.getProperty("AWS_REGION"));
        output.put("sdkRegion", System.getProperty("aws.region"));
        output.put("sdkEndpoint", System.getProperty("aws.endpointUrl"));
        output.put("invocations", invocations);
        output.put("jacksonVisible", visible("com.fasterxml.jackson.databind.ObjectMapper"));
        output.put("localCloudVisible", visible("io.github.kinesisfanout.local.LocalCloud"));
        return output;
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, EchoHandler.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
