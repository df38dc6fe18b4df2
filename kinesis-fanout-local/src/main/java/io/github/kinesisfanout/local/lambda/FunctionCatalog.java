package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.lambda.runtime.FunctionCode;
import io.github.kinesisfanout.local.lambda.runtime.JavaRuntime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The functions of every account and region: CreateFunction, the updates, GetFunction, ListFunctions, DeleteFunction. */
final class FunctionCatalog {

    /** Lambda's LastModified form, e.g. {@code 2024-01-01T12:00:00.000+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, LambdaFunction>> regions = new ConcurrentHashMap<>();
    private final FunctionPackages packages;
    private final Duration statusTransitionDelay;
    private final ExecutorService invocations;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final FunctionStorage storage;

    /** @param statusTransitionDelay how long a function stays {@code Pending} and an update {@code InProgress} */
    FunctionCatalog(FunctionPackages packages, Duration statusTransitionDelay, ExecutorService invocations,
            ScheduledExecutorService timers, Clock clock, FunctionStorage storage) {
        this.packages = packages;
        this.statusTransitionDelay = statusTransitionDelay;
        this.invocations = invocations;
        this.timers = timers;
        this.clock = clock;
        this.storage = storage;
        for (FunctionStorage.Kept kept : storage.loadAll()) {
            ObjectNode configuration = (ObjectNode) kept.metadata().get("configuration");
            LambdaFunction function = new LambdaFunction(configuration.get("FunctionName").asText(),
                    configuration.get("FunctionArn").asText());
            function.configuration = configuration;
            kept.metadata().get("tags").fields().forEachRemaining(t -> function.tags.put(t.getKey(), t.getValue().asText()));
            kept.metadata().get("statements").fields().forEachRemaining(s -> function.statements.put(s.getKey(),
                    (ObjectNode) s.getValue()));
            synchronized (function) {
                installCode(function, kept.code());
                function.state = "Active";
            }
            regions.computeIfAbsent(kept.scope(), k -> new ConcurrentSkipListMap<>()).put(function.name, function);
        }
    }

    /** Keeps a function after a change (with a data directory, on disk before the answer). */
    void persist(RequestContext context, LambdaFunction function) {
        synchronized (function) {
            if (functions(context).get(function.name) == function) {
                storage.save(context.accountId() + "/" + context.region(), function);
            }
        }
    }

    ConcurrentSkipListMap<String, LambdaFunction> functions(RequestContext context) {
        return regions.computeIfAbsent(context.accountId() + "/" + context.region(), k -> new ConcurrentSkipListMap<>());
    }

    LambdaFunction function(RequestContext context, String functionName, String qualifier) {
        String name = FunctionNames.name(functionName, qualifier, context);
        LambdaFunction function = functions(context).get(name);
        if (function == null) {
            throw FunctionNames.notFound(FunctionNames.arn(context, name));
        }
        return function;
    }

    JsonNode create(ObjectNode input, RequestContext context) {
        String name = FunctionNames.name(Members.required(input, "FunctionName", LambdaErrors.INVALID_PARAMETER_VALUE), null, context);
        Members.required(input, "Role", LambdaErrors.INVALID_PARAMETER_VALUE);
        if ("Image".equals(Members.text(input, "PackageType"))) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error(
                    "PackageType Image is not supported by the local cloud: deploy a .zip or .jar package");
        }
        if (!Members.has(input, "Runtime") || !Members.has(input, "Handler")) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error(
                    "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
        }
        if (!input.path("Code").isObject()) {
            Members.required(input, "Code", LambdaErrors.INVALID_PARAMETER_VALUE);
        }
        LambdaFunction function = new LambdaFunction(name, FunctionNames.arn(context, name));
        ObjectNode configuration = JsonNodeFactory.instance.objectNode();
        configuration.put("FunctionName", name);
        configuration.put("FunctionArn", function.arn);
        FunctionSettings.apply(input, configuration);
        FunctionSettings.defaults(configuration, name);
        function.configuration = configuration;
        input.path("Tags").fields().forEachRemaining(tag -> function.tags.put(tag.getKey(), tag.getValue().asText()));
        byte[] code = packages.read(input.get("Code"), context);
        synchronized (function) {
            installCode(function, code);
            touch(function);
        }
        if (functions(context).putIfAbsent(name, function) != null) {
            closeRuntime(function);
            throw LambdaErrors.RESOURCE_CONFLICT.error("Function already exist: " + name);
        }
        persist(context, function);
        schedule(() -> {
            synchronized (function) {
                function.state = "Active";
            }
        });
        return function.configuration();
    }

    JsonNode updateCode(ObjectNode input, RequestContext context) {
        LambdaFunction function = function(context, Members.required(input, "FunctionName", LambdaErrors.INVALID_PARAMETER_VALUE), null);
        byte[] code = packages.read(input, context);
        synchronized (function) {
            closeRuntime(function);
            installCode(function, code);
            JsonNode answer = updated(function);
            persist(context, function);
            return answer;
        }
    }

    JsonNode updateConfiguration(ObjectNode input, RequestContext context) {
        LambdaFunction function = function(context, Members.required(input, "FunctionName", LambdaErrors.INVALID_PARAMETER_VALUE), null);
        synchronized (function) {
            ObjectNode configuration = function.configuration.deepCopy();
            FunctionSettings.apply(input, configuration);
            function.configuration = configuration;
            // A new configuration means new execution environments, as in Lambda.
            closeRuntime(function);
            installCode(function, function.code);
            JsonNode answer = updated(function);
            persist(context, function);
            return answer;
        }
    }

    JsonNode get(ObjectNode input, RequestContext context) {
        LambdaFunction function = function(context, Members.required(input, "FunctionName", LambdaErrors.INVALID_PARAMETER_VALUE),
                Members.text(input, "Qualifier"));
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.set("Configuration", function.configuration());
        output.putObject("Code").put("RepositoryType", "S3").put("Location",
                "https://awslambda-" + context.region() + "-tasks.s3." + context.region()
                        + ".amazonaws.com/snapshots/" + context.accountId() + "/" + function.name);
        if (!function.tags.isEmpty()) {
            ObjectNode tags = output.putObject("Tags");
            function.tags.forEach(tags::put);
        }
        return output;
    }

    JsonNode list(ObjectNode input, RequestContext context) {
        int maxItems = Members.integer(input, "MaxItems", 50, LambdaErrors.INVALID_PARAMETER_VALUE);
        String marker = Members.text(input, "Marker");
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode items = output.putArray("Functions");
        var view = marker == null ? functions(context) : functions(context).tailMap(marker, true);
        for (LambdaFunction function : view.values()) {
            if (items.size() == maxItems) {
                output.put("NextMarker", function.name);
                break;
            }
            items.add(function.configuration());
        }
        return output;
    }

    JsonNode delete(ObjectNode input, RequestContext context) {
        LambdaFunction function = function(context, Members.required(input, "FunctionName", LambdaErrors.INVALID_PARAMETER_VALUE),
                Members.text(input, "Qualifier"));
        functions(context).remove(function.name, function);
        synchronized (function) {
            closeRuntime(function);
            storage.delete(context.accountId() + "/" + context.region(), function.name);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    void close() {
        regions.values().forEach(functions -> functions.values().forEach(f -> {
            synchronized (f) {
                closeRuntime(f);
            }
        }));
    }

    private JsonNode updated(LambdaFunction function) {
        touch(function);
        if (!statusTransitionDelay.isZero()) {
            function.lastUpdateStatus = "InProgress";
            schedule(() -> {
                synchronized (function) {
                    function.lastUpdateStatus = "Successful";
                }
            });
        }
        return function.configuration();
    }

    private void installCode(LambdaFunction function, byte[] code) {
        function.configuration.put("CodeSize", code.length);
        function.configuration.put("CodeSha256", sha256(code));
        function.code = code;
        if (FunctionSettings.JAVA_RUNTIMES.contains(function.runtimeName())) {
            try {
                function.runtime = new JavaRuntime(function.name, function.configuration.path("Handler").asText(),
                        FunctionCode.unpack(function.name, code), invocations, clock);
            } catch (IllegalArgumentException e) {
                throw LambdaErrors.INVALID_PARAMETER_VALUE.error(e.getMessage());
            }
        }
    }

    private void touch(LambdaFunction function) {
        function.configuration.put("LastModified", LAST_MODIFIED.format(clock.instant()));
        function.configuration.put("RevisionId", UUID.randomUUID().toString());
    }

    private static void closeRuntime(LambdaFunction function) {
        if (function.runtime != null) {
            function.runtime.close();
            function.runtime = null;
        }
    }

    private void schedule(Runnable transition) {
        if (statusTransitionDelay.isZero()) {
            transition.run();
        } else {
            timers.schedule(transition, statusTransitionDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static String sha256(byte[] code) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(code));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
