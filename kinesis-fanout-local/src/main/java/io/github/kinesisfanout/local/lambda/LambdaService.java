package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import io.github.kinesisfanout.local.kinesis.access.KinesisStreamAccess;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import io.github.kinesisfanout.local.lambda.esm.EventSourceMappings;
import io.github.kinesisfanout.local.lambda.esm.FileMappingStorage;
import io.github.kinesisfanout.local.lambda.esm.FunctionCaller;
import io.github.kinesisfanout.local.lambda.esm.MappingRuntime;
import io.github.kinesisfanout.local.lambda.runtime.JavaRuntime;
import io.github.kinesisfanout.local.logs.LogsService;
import io.github.kinesisfanout.local.s3.S3Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * AWS Lambda (REST-JSON): functions whose Java handlers run in isolated class loaders inside the
 * local cloud, their logs in CloudWatch Logs, and Kinesis event source mappings. Code comes from
 * the request or from S3 through the S3 service; streams are read through {@link StreamAccess}.
 */
public final class LambdaService implements AwsService, AutoCloseable {

    private final LambdaThreads threads = new LambdaThreads();
    private final LambdaSettings settings;
    private final FunctionCatalog catalog;
    private final FunctionInvoker invoker;
    private final EventSourceMappings mappings;

    /**
     * The service as a local cloud registers it: code from the cloud's S3, logs to its CloudWatch Logs
     * (both registered before it), streams read through its Kinesis, functions kept in the context's
     * data directory when it has one, and the cloud's endpoint given to functions as
     * {@code AWS_ENDPOINT_URL} so the AWS SDK inside a handler calls the local cloud.
     */
    public LambdaService(ServiceContext context, LambdaSettings settings) {
        this(context, settings, context.services().service(S3Service.class),
                context.services().service(LogsService.class),
                new KinesisStreamAccess(context.services()::kinesis));
    }

    /** With the services it calls given (a unit test's own S3, Logs and stream fake). */
    public LambdaService(ServiceContext context, LambdaSettings settings, S3Service s3, LogsService logs,
            StreamAccess streams) {
        java.util.Optional<io.github.kinesisfanout.local.storage.DataDirectory> data = context.dataDirectory();
        this.settings = settings;
        this.catalog = new FunctionCatalog(new FunctionPackages(s3), context.statusTransitionDelay(),
                threads.invocations, threads.timers, context.clock(),
                data.map(d -> new FunctionStorage(d.serviceDirectory("lambda"))).orElse(FunctionStorage.NONE));
        this.invoker = new FunctionInvoker(logs, context.endpoint(), settings.logsToConsole(), context.clock());
        this.mappings = new EventSourceMappings(new MappingRuntime(streams, new MappingCaller(), threads.pollers,
                threads.timers, settings, JavaRuntime.console(), context.clock(), context.statusTransitionDelay()),
                (name, call) -> catalog.function(call, name, null).arn,
                data.<io.github.kinesisfanout.local.lambda.esm.MappingStorage>map(d -> new FileMappingStorage(
                        d.serviceDirectory("lambda-event-source-mappings")))
                        .orElse(io.github.kinesisfanout.local.lambda.esm.MappingStorage.NONE));
    }

    @Override
    public String signingName() {
        return "lambda";
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        return switch (operation) {
            case "CreateFunction" -> catalog.create(input, context);
            case "GetFunction" -> catalog.get(input, context);
            case "GetFunctionConfiguration" -> catalog.get(input, context).get("Configuration");
            case "ListFunctions" -> catalog.list(input, context);
            case "UpdateFunctionCode" -> catalog.updateCode(input, context);
            case "UpdateFunctionConfiguration" -> catalog.updateConfiguration(input, context);
            case "DeleteFunction" -> catalog.delete(input, context);
            case "Invoke" -> invokeFunction(input, context);
            case "AddPermission" -> kept(context, function(input, context), f -> FunctionPolicies.add(f, input));
            case "RemovePermission" -> kept(context, function(input, context), f -> FunctionPolicies.remove(f, input));
            case "GetPolicy" -> FunctionPolicies.get(function(input, context));
            case "ListTags" -> {
                ObjectNode output = JsonNodeFactory.instance.objectNode();
                ObjectNode tags = output.putObject("Tags");
                tagged(input, context).tags.forEach(tags::put);
                yield output;
            }
            case "TagResource" -> {
                LambdaFunction function = tagged(input, context);
                input.path("Tags").fields().forEachRemaining(t -> function.tags.put(t.getKey(), t.getValue().asText()));
                catalog.persist(context, function);
                yield JsonNodeFactory.instance.objectNode();
            }
            case "CreateEventSourceMapping" -> mappings.create(input, context);
            case "GetEventSourceMapping" -> mappings.get(input, context);
            case "ListEventSourceMappings" -> mappings.list(input, context);
            case "UpdateEventSourceMapping" -> mappings.update(input, context);
            case "DeleteEventSourceMapping" -> mappings.delete(input, context);
            default -> throw AwsServiceException.notSupported("Lambda", operation);
        };
    }

    /** Runs a change of a function, then keeps the function. */
    private JsonNode kept(RequestContext context, LambdaFunction function,
            java.util.function.Function<LambdaFunction, JsonNode> change) {
        JsonNode answer = change.apply(function);
        catalog.persist(context, function);
        return answer;
    }

    /** The function named by a tagging call's {@code Resource} ARN. */
    private LambdaFunction tagged(ObjectNode input, RequestContext context) {
        return catalog.function(context, Members.required(input, "Resource", LambdaErrors.INVALID_PARAMETER_VALUE), null);
    }

    private LambdaFunction function(ObjectNode input, RequestContext context) {
        return catalog.function(context, Members.required(input, "FunctionName", LambdaErrors.INVALID_PARAMETER_VALUE),
                Members.text(input, "Qualifier"));
    }

    /** Invokes a function synchronously: what other services and tests call without HTTP. */
    public InvokeResult invokeFunction(RequestContext context, String functionName, byte[] payload) {
        return invoker.invoke(catalog.function(context, functionName, null), payload, context);
    }

    private JsonNode invokeFunction(ObjectNode input, RequestContext context) {
        LambdaFunction function = catalog.function(context, Members.required(input, "FunctionName",
                LambdaErrors.INVALID_PARAMETER_VALUE), Members.text(input, "Qualifier"));
        byte[] payload = payload(input.get("Payload"));
        String type = Members.text(input, "InvocationType", "RequestResponse");
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("ExecutedVersion", "$LATEST");
        switch (type) {
            case "DryRun" -> output.put("StatusCode", 204);
            case "Event" -> {
                // Asynchronous invocation: accepted at once, run in the background; on a function error
                // Lambda retries twice more (here after 10 and 20 retry delays: 1 and 2 s by default), then
                // drops the event.
                threads.invocations.execute(() -> invokeAsync(function, payload, context, 0));
                output.put("StatusCode", 202);
                output.put("Payload", new byte[0]);
            }
            case "RequestResponse" -> {
                InvokeResult result = invoker.invoke(function, payload, context);
                output.put("StatusCode", 200);
                if (result.functionError() != null) {
                    output.put("FunctionError", result.functionError());
                }
                if ("Tail".equals(Members.text(input, "LogType"))) {
                    output.put("LogResult", result.logTail());
                }
                output.put("Payload", result.payload());
            }
            default -> throw ValidationErrors.of(LambdaErrors.INVALID_PARAMETER_VALUE, type, "invocationType",
                    "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        return output;
    }

    private void invokeAsync(LambdaFunction function, byte[] payload, RequestContext context, int attempt) {
        try {
            if (invoker.invoke(function, payload, context).functionError() == null || attempt == 2) {
                return;
            }
        } catch (RuntimeException e) {
            JavaRuntime.console().println("[" + function.name + "] asynchronous invocation failed: " + e.getMessage());
            return;
        }
        threads.timers.schedule(() -> threads.invocations.execute(() -> invokeAsync(function, payload, context,
                attempt + 1)), settings.retryDelay().toMillis() * 10 * (attempt + 1), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Payload as bytes: binary from the REST codec; text or a JSON value from in-process callers is its JSON text. */
    private static byte[] payload(JsonNode payload) {
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        if (payload.isBinary()) {
            try {
                return payload.binaryValue();
            } catch (IOException e) {
                throw new IllegalStateException("a binary node has its bytes", e);
            }
        }
        return (payload.isTextual() ? payload.asText() : payload.toString()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        mappings.close();
        threads.close();
        catalog.close();
    }

    /** How event source mappings invoke functions: synchronously, in the account and region of the function ARN. */
    private final class MappingCaller implements FunctionCaller {
        @Override
        public Reply call(String functionArn, byte[] event) {
            RequestContext context = contextOf(functionArn);
            boolean inject = settings.faults().hits(settings.mappingInvocationFailureRate());
            InvokeResult result = invoker.invoke(catalog.function(context, functionArn, null), event, context, inject);
            return new Reply(result.payload(), result.functionError() != null);
        }

        @Override
        public String roleArn(String functionArn) {
            return catalog.function(contextOf(functionArn), functionArn, null).role();
        }

        private RequestContext contextOf(String functionArn) {
            String[] parts = functionArn.split(":");
            return new RequestContext(UUID.randomUUID().toString(), parts[4], parts[3]);
        }
    }
}
