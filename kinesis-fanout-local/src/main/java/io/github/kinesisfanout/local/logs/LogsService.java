package io.github.kinesisfanout.local.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CloudWatch Logs (JSON 1.1, target prefix {@code Logs_20140328}): log groups, log streams and
 * their events, enough for Lambda's {@code /aws/lambda/NAME} groups and for reading them back.
 */
public final class LogsService implements AwsService, AutoCloseable {

    /** The X-Amz-Target prefix of its JSON 1.1 operations. */
    public static final String TARGET_PREFIX = "Logs_20140328";

    /** The retention values PutRetentionPolicy accepts, as listed in the CloudWatch Logs API reference. */
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final LogStore store = new LogStore();
    private final Clock clock;
    private final LogEventsReader reader;
    private final LogJournal journal;
    private final MessageSpill messages;
    private final LogMaintenance maintenance;

    /**
     * With a data directory in the context, groups, streams, retention and events are kept under its
     * {@code logs} directory, and events in memory up to the data directory's CloudWatch Logs share of its
     * memory budget (older ones are read back from {@code logs/spill/}). Either way events past their
     * group's retention are no longer read, and leave memory (and the journal) through {@link LogMaintenance}.
     */
    public LogsService(ServiceContext context) {
        this(context, context.dataDirectory().map(d -> d.memoryBudget().logsBytes()).orElse(Long.MAX_VALUE));
    }

    /** With a data directory, at most about {@code memoryBudgetBytes} of events stay in memory; older ones are read from disk. */
    LogsService(ServiceContext context, long memoryBudgetBytes) {
        java.util.Optional<io.github.kinesisfanout.local.storage.DataDirectory> data = context.dataDirectory();
        this.clock = context.clock();
        this.messages = data.map(d -> MessageSpill.open(d.serviceDirectory("logs").resolve("spill"), memoryBudgetBytes))
                .orElseGet(MessageSpill::none);
        this.reader = new LogEventsReader(store, clock, messages);
        this.journal = data.map(d -> LogJournal.open(d.serviceDirectory("logs"), store, messages))
                .orElseGet(LogJournal::none);
        this.maintenance = new LogMaintenance(store, journal, messages, clock).start();
    }

    /** The message bytes in memory now (tests check the budget holds). */
    long cachedMessageBytes() {
        return messages.cachedBytes();
    }

    /** The bytes of the spill log on disk (tests check it shrinks). */
    long spilledBytesOnDisk() {
        return messages.diskBytes();
    }

    /** Sweeps expired events and compacts the journal if it is worth it, now (it runs once a minute anyway). */
    void maintain() {
        maintenance.run();
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public String signingName() {
        return "logs";
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        return switch (operation) {
            case "CreateLogGroup" -> createLogGroup(input, context);
            case "DeleteLogGroup" -> deleteLogGroup(input, context);
            case "CreateLogStream" -> createLogStream(input, context);
            case "DeleteLogStream" -> deleteLogStream(input, context);
            case "DescribeLogGroups" -> LogDescriptions.logGroups(store.groups(context), input);
            case "DescribeLogStreams" -> LogDescriptions.logStreams(
                    store.group(context, Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER)), context, input);
            case "PutLogEvents" -> putLogEvents(input, context);
            case "GetLogEvents" -> reader.getLogEvents(input, context);
            case "FilterLogEvents" -> reader.filterLogEvents(input, context);
            case "PutRetentionPolicy" -> putRetentionPolicy(input, context);
            case "DeleteRetentionPolicy" -> {
                synchronized (store) {
                    LogGroup group = store.group(context, Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER));
                    journal.record(LogJournal.entry("retention", LogStore.scope(context), group.name).putNull("days"),
                            true);
                    group.retentionInDays = null;
                }
                yield empty();
            }
            default -> throw AwsServiceException.notSupported("Logs", operation);
        };
    }

    /** Creates the group and the stream when missing, then appends the events: what Lambda does for its logs. */
    public void appendToStream(RequestContext context, String groupName, String streamName, List<InputLogEvent> events) {
        LogStream stream;
        synchronized (store) {
            LogGroup group = store.groups(context).get(groupName);
            if (group == null) {
                group = addGroup(context, groupName);
            }
            stream = group.streams.get(streamName);
            if (stream == null) {
                stream = addStream(context, group, streamName);
            }
        }
        long now = clock.millis();
        // A function's own log lines are written to the operating system, not fsync'd each (kill -9 keeps them).
        append(context, groupName, stream, events.stream().map(e -> new LogEvent(e.timestamp(), e.message(), now))
                .toList(), false);
    }

    private String append(RequestContext context, String groupName, LogStream stream, List<LogEvent> batch,
            boolean durable) {
        synchronized (stream) {
            journal.record(LogJournal.events(LogStore.scope(context), groupName, stream.name, stream.sequence(), batch),
                    durable);
            return stream.append(batch);
        }
    }

    private LogGroup addGroup(RequestContext context, String name) {
        LogGroup group = new LogGroup(name, LogStore.groupArn(context, name), clock.millis());
        journal.record(LogJournal.entry("group", LogStore.scope(context), name).put("arn", group.arn)
                .put("time", group.creationTime), true);
        store.groups(context).put(name, group);
        return group;
    }

    private LogStream addStream(RequestContext context, LogGroup group, String name) {
        LogStream stream = new LogStream(name, clock.millis(), messages);
        journal.record(LogJournal.entry("stream", LogStore.scope(context), group.name).put("stream", name)
                .put("time", stream.creationTime), true);
        group.streams.put(name, stream);
        return stream;
    }

    /** One event to append, as PutLogEvents takes it. */
    public record InputLogEvent(long timestamp, String message) {
    }

    private JsonNode createLogGroup(ObjectNode input, RequestContext context) {
        String name = Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER);
        synchronized (store) {
            if (store.groups(context).containsKey(name)) {
                throw LogsErrors.groupExists();
            }
            addGroup(context, name);
        }
        return empty();
    }

    private JsonNode deleteLogGroup(ObjectNode input, RequestContext context) {
        String name = Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER);
        synchronized (store) {
            if (!store.groups(context).containsKey(name)) {
                throw LogsErrors.groupNotFound();
            }
            journal.record(LogJournal.entry("deleteGroup", LogStore.scope(context), name), true);
            store.groups(context).remove(name).discard();
        }
        return empty();
    }

    private JsonNode createLogStream(ObjectNode input, RequestContext context) {
        LogGroup group = store.group(context, Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER));
        String name = Members.required(input, "logStreamName", LogsErrors.INVALID_PARAMETER);
        synchronized (store) {
            if (group.streams.containsKey(name)) {
                throw LogsErrors.streamExists();
            }
            addStream(context, group, name);
        }
        return empty();
    }

    private JsonNode deleteLogStream(ObjectNode input, RequestContext context) {
        LogGroup group = store.group(context, Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER));
        String name = Members.required(input, "logStreamName", LogsErrors.INVALID_PARAMETER);
        synchronized (store) {
            if (!group.streams.containsKey(name)) {
                throw LogsErrors.streamNotFound();
            }
            journal.record(LogJournal.entry("deleteStream", LogStore.scope(context), group.name).put("stream", name),
                    true);
            group.streams.remove(name).discard();
        }
        return empty();
    }

    private JsonNode putLogEvents(ObjectNode input, RequestContext context) {
        String groupName = Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER);
        LogStream stream = store.stream(context, groupName, Members.required(input, "logStreamName", LogsErrors.INVALID_PARAMETER));
        JsonNode events = input.path("logEvents");
        if (!events.isArray() || events.isEmpty()) {
            throw ValidationErrors.unshown(LogsErrors.INVALID_PARAMETER, "logEvents",
                    "Member must have length greater than or equal to 1");
        }
        long now = clock.millis();
        List<LogEvent> batch = new ArrayList<>();
        for (JsonNode event : events) {
            batch.add(new LogEvent(Members.longValue(event, "timestamp", now),
                    Members.text(event, "message", ""), now));
        }
        ObjectNode output = empty();
        output.put("nextSequenceToken", append(context, groupName, stream, batch, true));
        return output;
    }

    private JsonNode putRetentionPolicy(ObjectNode input, RequestContext context) {
        LogGroup group = store.group(context, Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER));
        int days = Members.integer(input, "retentionInDays", -1, LogsErrors.INVALID_PARAMETER);
        if (!RETENTION_DAYS.contains(days)) {
            throw ValidationErrors.of(LogsErrors.INVALID_PARAMETER, days, "retentionInDays",
                    "Member must satisfy enum value set: " + RETENTION_DAYS.stream().sorted().toList());
        }
        synchronized (store) {
            journal.record(LogJournal.entry("retention", LogStore.scope(context), group.name).put("days", days), true);
            group.retentionInDays = days;
        }
        return empty();
    }

    /** Stops the maintenance, fsyncs and closes the journal. */
    @Override
    public void close() {
        maintenance.close();
        journal.close();
        messages.close();
    }

    static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
