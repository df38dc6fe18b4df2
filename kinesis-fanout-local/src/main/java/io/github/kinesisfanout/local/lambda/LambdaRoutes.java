package io.github.kinesisfanout.local.lambda;

import io.github.kinesisfanout.local.edge.RestJsonProtocol;
import io.github.kinesisfanout.local.edge.RestRoute;
import java.util.List;
import java.util.Map;

/** The REST-JSON routes of the Lambda operations the local cloud implements (API version 2015-03-31). */
public final class LambdaRoutes {

    private static final String FUNCTIONS = "/2015-03-31/functions";
    private static final String MAPPINGS = "/2015-03-31/event-source-mappings";

    private LambdaRoutes() {
    }

    /** Lambda's protocol: the routes below on {@link RestJsonProtocol}. */
    public static RestJsonProtocol protocol() {
        return new RestJsonProtocol("Lambda", routes());
    }

    public static List<RestRoute> routes() {
        return List.of(
                RestRoute.json("POST", FUNCTIONS, "CreateFunction", 201),
                RestRoute.json("GET", FUNCTIONS, "ListFunctions", 200),
                RestRoute.json("GET", FUNCTIONS + "/{FunctionName}", "GetFunction", 200),
                RestRoute.json("DELETE", FUNCTIONS + "/{FunctionName}", "DeleteFunction", 204),
                RestRoute.json("GET", FUNCTIONS + "/{FunctionName}/configuration", "GetFunctionConfiguration", 200),
                RestRoute.json("PUT", FUNCTIONS + "/{FunctionName}/configuration", "UpdateFunctionConfiguration", 200),
                RestRoute.json("PUT", FUNCTIONS + "/{FunctionName}/code", "UpdateFunctionCode", 200),
                // Invoke: the payload is the raw body both ways; the status (200, 202, 204) comes from StatusCode.
                new RestRoute("POST", FUNCTIONS + "/{FunctionName}/invocations", "Invoke", 200,
                        Map.of("x-amz-invocation-type", "InvocationType", "x-amz-log-type", "LogType",
                                "x-amz-client-context", "ClientContext"), "Payload",
                        Map.of("FunctionError", "X-Amz-Function-Error", "LogResult", "X-Amz-Log-Result",
                                "ExecutedVersion", "X-Amz-Executed-Version"), "Payload", "StatusCode"),
                RestRoute.json("POST", FUNCTIONS + "/{FunctionName}/policy", "AddPermission", 201),
                RestRoute.json("GET", FUNCTIONS + "/{FunctionName}/policy", "GetPolicy", 200),
                RestRoute.json("DELETE", FUNCTIONS + "/{FunctionName}/policy/{StatementId}", "RemovePermission", 204),
                RestRoute.json("GET", "/2017-03-31/tags/{Resource}", "ListTags", 200),
                RestRoute.json("POST", "/2017-03-31/tags/{Resource}", "TagResource", 204),
                RestRoute.json("POST", MAPPINGS, "CreateEventSourceMapping", 202),
                RestRoute.json("GET", MAPPINGS, "ListEventSourceMappings", 200),
                RestRoute.json("GET", MAPPINGS + "/{UUID}", "GetEventSourceMapping", 200),
                RestRoute.json("PUT", MAPPINGS + "/{UUID}", "UpdateEventSourceMapping", 202),
                RestRoute.json("DELETE", MAPPINGS + "/{UUID}", "DeleteEventSourceMapping", 202));
    }
}
