package io.github.kinesisfanout.local.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.lambda.LambdaErrors;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The event source mapping operations of Lambda for Kinesis streams: Create, Get, List, Update
 * and Delete, with the states Lambda reports (Creating, Enabled, Disabling, Disabled, Enabling,
 * Updating, Deleting).
 */
public final class EventSourceMappings implements AutoCloseable {

    private final Map<String, ConcurrentSkipListMap<String, EventSourceMapping>> regions = new ConcurrentHashMap<>();
    private final MappingRuntime runtime;
    /** Resolves a FunctionName member to the function's ARN, throwing ResourceNotFoundException. */
    private final BiFunction<String, RequestContext, String> functionArns;
    private final MappingStorage storage;

    public EventSourceMappings(MappingRuntime runtime, BiFunction<String, RequestContext, String> functionArns) {
        this(runtime, functionArns, MappingStorage.NONE);
    }

    /**
     * Reads back the mappings kept in {@code storage}; those that were enabled (or on their way to it)
     * start polling again from their checkpoints.
     */
    public EventSourceMappings(MappingRuntime runtime, BiFunction<String, RequestContext, String> functionArns,
            MappingStorage storage) {
        this.runtime = runtime;
        this.functionArns = functionArns;
        this.storage = storage;
        for (MappingStorage.Kept kept : storage.loadAll()) {
            EventSourceMapping mapping = MappingSnapshots.restore(kept.snapshot(), runtime, storage);
            regions.computeIfAbsent(kept.scope(), k -> new ConcurrentSkipListMap<>()).put(mapping.uuid, mapping);
            resume(mapping);
        }
    }

    /** A restored mapping: Enabled again if it was enabled, being enabled or updated; Disabled otherwise. */
    private static void resume(EventSourceMapping mapping) {
        synchronized (mapping) {
            boolean enabled = switch (mapping.state) {
                case "Enabled", "Enabling", "Creating", "Updating" -> true;
                default -> false;
            };
            mapping.state = enabled ? "Enabled" : "Disabled";
            if (enabled) {
                try {
                    mapping.enable();
                } catch (RuntimeException e) {
                    mapping.result("PROBLEM: " + e.getMessage());
                }
            }
        }
    }

    private ConcurrentSkipListMap<String, EventSourceMapping> mappings(RequestContext context) {
        return regions.computeIfAbsent(context.accountId() + "/" + context.region(), k -> new ConcurrentSkipListMap<>());
    }

    public JsonNode create(ObjectNode input, RequestContext context) {
        String functionArn = functionArns.apply(Members.required(input, "FunctionName", LambdaErrors.INVALID_PARAMETER_VALUE), context);
        MappingConfig config = MappingValidation.create(input, functionArn, runtime.clock());
        for (EventSourceMapping existing : mappings(context).values()) {
            if (existing.config().eventSourceArn().equals(config.eventSourceArn())
                    && existing.config().functionArn().equals(functionArn)) {
                throw LambdaErrors.RESOURCE_CONFLICT.error("The event source arn ("
                        + config.eventSourceArn() + " ) and function (" + functionArn.substring(functionArn.lastIndexOf(':') + 1)
                        + " ) provided mapping already exists. Please update or delete the existing mapping with UUID "
                        + existing.uuid);
            }
        }
        try {
            runtime.source().listShards(config.eventSourceArn());
        } catch (AwsServiceException e) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error("Stream not found: " + config.eventSourceArn());
        }
        String uuid = UUID.randomUUID().toString();
        String arn = "arn:aws:lambda:" + context.region() + ":" + context.accountId() + ":event-source-mapping:" + uuid;
        EventSourceMapping mapping = new EventSourceMapping(uuid, arn, config, runtime, storage);
        boolean enabled = Members.bool(input, "Enabled", true);
        mapping.state = enabled ? "Creating" : "Disabled";
        mappings(context).put(uuid, mapping);
        mapping.save();
        JsonNode output = render(mapping);
        if (enabled) {
            transition(mapping, "Enabled", mapping::enable);
        }
        return runtime.statusTransitionDelay().isZero() ? render(mapping) : output;
    }

    public JsonNode get(ObjectNode input, RequestContext context) {
        return render(mapping(input, context));
    }

    public JsonNode list(ObjectNode input, RequestContext context) {
        String source = Members.text(input, "EventSourceArn");
        String function = Members.text(input, "FunctionName");
        String functionName = function == null ? null : function.substring(function.lastIndexOf(':') + 1);
        int maxItems = Members.integer(input, "MaxItems", 100, LambdaErrors.INVALID_PARAMETER_VALUE);
        String marker = Members.text(input, "Marker");
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode items = output.putArray("EventSourceMappings");
        var view = marker == null ? mappings(context) : mappings(context).tailMap(marker, true);
        for (EventSourceMapping mapping : view.values()) {
            MappingConfig config = mapping.config();
            if ((source != null && !source.equals(config.eventSourceArn()))
                    || (functionName != null && !config.functionArn().endsWith(":function:" + functionName))) {
                continue;
            }
            if (items.size() == maxItems) {
                output.put("NextMarker", mapping.uuid);
                break;
            }
            items.add(render(mapping));
        }
        return output;
    }

    public JsonNode update(ObjectNode input, RequestContext context) {
        EventSourceMapping mapping = mapping(input, context);
        synchronized (mapping) {
            MappingConfig config = MappingValidation.update(input, mapping.config(), runtime.clock());
            if (Members.has(input, "FunctionName")) {
                String functionArn = functionArns.apply(input.get("FunctionName").asText(), context);
                config = new MappingConfig(config.eventSourceArn(), functionArn, config.batchSize(),
                        config.batchingWindowSeconds(), config.startingPosition(), config.startingPositionTimestamp(),
                        config.parallelizationFactor(), config.bisectOnError(), config.maximumRetryAttempts(),
                        config.maximumRecordAgeSeconds(), config.reportBatchItemFailures(), config.destinationConfig(),
                        config.functionResponseTypes());
            }
            mapping.config(config);
            if (Members.has(input, "Enabled")) {
                boolean enable = Members.bool(input, "Enabled", true);
                if (enable && !mapping.state.equals("Enabled") && !mapping.state.equals("Enabling")) {
                    mapping.state = "Enabling";
                    transition(mapping, "Enabled", mapping::enable);
                } else if (!enable && (mapping.state.equals("Enabled") || mapping.state.equals("Enabling"))) {
                    mapping.state = "Disabling";
                    mapping.disable();
                    transition(mapping, "Disabled", () -> { });
                }
            }
            mapping.save();
            return render(mapping);
        }
    }

    public JsonNode delete(ObjectNode input, RequestContext context) {
        EventSourceMapping mapping = mapping(input, context);
        mappings(context).remove(mapping.uuid, mapping);
        mapping.retire(true);
        mapping.disable();
        mapping.state = "Deleting";
        return render(mapping);
    }

    /** Stops every mapping's pollers. */
    @Override
    public void close() {
        regions.values().forEach(m -> m.values().forEach(mapping -> {
            mapping.retire(false);
            mapping.disable();
        }));
    }

    private EventSourceMapping mapping(ObjectNode input, RequestContext context) {
        EventSourceMapping mapping = mappings(context).get(Members.required(input, "UUID", LambdaErrors.INVALID_PARAMETER_VALUE));
        if (mapping == null) {
            throw LambdaErrors.RESOURCE_NOT_FOUND.error("The resource you requested does not exist.");
        }
        return mapping;
    }

    /** Moves to {@code target} after the configured delay (at once when it is 0), running {@code action} first. */
    private void transition(EventSourceMapping mapping, String target, Runnable action) {
        Runnable step = () -> {
            synchronized (mapping) {
                try {
                    action.run();
                    mapping.state = target;
                } catch (RuntimeException e) {
                    mapping.result("PROBLEM: " + e.getMessage());
                    mapping.state = target;
                }
                mapping.save();
            }
        };
        long delay = runtime.statusTransitionDelay().toMillis();
        if (delay == 0) {
            step.run();
        } else {
            runtime.timers().schedule(step, delay, TimeUnit.MILLISECONDS);
        }
    }

    private static JsonNode render(EventSourceMapping mapping) {
        MappingConfig config = mapping.config();
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("UUID", mapping.uuid);
        output.put("StartingPosition", config.startingPosition());
        if (config.startingPositionTimestamp() != null) {
            output.set("StartingPositionTimestamp", Timestamps.node(config.startingPositionTimestamp()));
        }
        output.put("BatchSize", config.batchSize());
        output.put("MaximumBatchingWindowInSeconds", config.batchingWindowSeconds());
        output.put("ParallelizationFactor", config.parallelizationFactor());
        output.put("EventSourceArn", config.eventSourceArn());
        output.put("FunctionArn", config.functionArn());
        output.set("LastModified", Timestamps.node(java.time.Instant.ofEpochMilli(mapping.lastModified)));
        output.put("LastProcessingResult", mapping.lastProcessingResult);
        output.put("State", mapping.state);
        output.put("StateTransitionReason", "User action");
        output.set("DestinationConfig", config.destinationConfig() != null ? config.destinationConfig()
                : JsonNodeFactory.instance.objectNode().set("OnFailure", JsonNodeFactory.instance.objectNode()));
        output.put("MaximumRecordAgeInSeconds", config.maximumRecordAgeSeconds());
        output.put("BisectBatchOnFunctionError", config.bisectOnError());
        output.put("MaximumRetryAttempts", config.maximumRetryAttempts());
        output.put("TumblingWindowInSeconds", 0);
        ArrayNode types = output.putArray("FunctionResponseTypes");
        config.functionResponseTypes().forEach(types::add);
        output.put("EventSourceMappingArn", mapping.arn);
        return output;
    }
}
