package io.github.kinesisfanout.local.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CloudWatch Logs (JSON 1.1, target prefix {@code Logs_20140328}): log groups, log streams and
 * their events, enough for Lambda's {@code /aws/lambda/NAME} groups and for reading them back.
 */
public final class LogsService implements AwsService {

    static final String INVALID = "InvalidParameterException";
    /** The retention values PutRetentionPolicy accepts, as listed in the CloudWatch Logs API reference. */
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final LogStore store = new LogStore();
    private final Clock clock;
    private final LogEventsReader reader = new LogEventsReader(store);

    public LogsService(Clock clock) {
        this.clock = clock;
    }

    public LogsService() {
        this(Clock.systemUTC());
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
                    store.group(context, Members.required(input, "logGroupName", INVALID)), context, input);
            case "PutLogEvents" -> putLogEvents(input, context);
            case "GetLogEvents" -> reader.getLogEvents(input, context);
            case "FilterLogEvents" -> reader.filterLogEvents(input, context);
            case "PutRetentionPolicy" -> putRetentionPolicy(input, context);
            case "DeleteRetentionPolicy" -> {
                store.group(context, Members.required(input, "logGroupName", INVALID)).retentionInDays = null;
                yield empty();
            }
            default -> throw AwsServiceException.notSupported("Logs", operation);
        };
    }

    /** Creates the group and the stream when missing, then appends the events: what Lambda does for its logs. */
    public void appendToStream(RequestContext context, String groupName, String streamName, List<InputLogEvent> events) {
        LogGroup group = store.groups(context).computeIfAbsent(groupName,
                name -> new LogGroup(name, LogStore.groupArn(context, name), clock.millis()));
        LogStream stream = group.streams.computeIfAbsent(streamName, name -> new LogStream(name, clock.millis()));
        long now = clock.millis();
        stream.append(events.stream().map(e -> new LogEvent(e.timestamp(), e.message(), now)).toList());
    }

    /** One event to append, as PutLogEvents takes it. */
    public record InputLogEvent(long timestamp, String message) {
    }

    private JsonNode createLogGroup(ObjectNode input, RequestContext context) {
        String name = Members.required(input, "logGroupName", INVALID);
        LogGroup created = new LogGroup(name, LogStore.groupArn(context, name), clock.millis());
        if (store.groups(context).putIfAbsent(name, created) != null) {
            throw new AwsServiceException("ResourceAlreadyExistsException", "The specified log group already exists");
        }
        return empty();
    }

    private JsonNode deleteLogGroup(ObjectNode input, RequestContext context) {
        String name = Members.required(input, "logGroupName", INVALID);
        if (store.groups(context).remove(name) == null) {
            throw new AwsServiceException("ResourceNotFoundException", "The specified log group does not exist.");
        }
        return empty();
    }

    private JsonNode createLogStream(ObjectNode input, RequestContext context) {
        LogGroup group = store.group(context, Members.required(input, "logGroupName", INVALID));
        String name = Members.required(input, "logStreamName", INVALID);
        if (group.streams.putIfAbsent(name, new LogStream(name, clock.millis())) != null) {
            throw new AwsServiceException("ResourceAlreadyExistsException", "The specified log stream already exists");
        }
        return empty();
    }

    private JsonNode deleteLogStream(ObjectNode input, RequestContext context) {
        LogGroup group = store.group(context, Members.required(input, "logGroupName", INVALID));
        if (group.streams.remove(Members.required(input, "logStreamName", INVALID)) == null) {
            throw new AwsServiceException("ResourceNotFoundException", "The specified log stream does not exist.");
        }
        return empty();
    }

    private JsonNode putLogEvents(ObjectNode input, RequestContext context) {
        LogStream stream = store.stream(context, Members.required(input, "logGroupName", INVALID),
                Members.required(input, "logStreamName", INVALID));
        JsonNode events = input.path("logEvents");
        if (!events.isArray() || events.isEmpty()) {
            throw new AwsServiceException(INVALID, "1 validation error detected: Value at 'logEvents' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
        long now = clock.millis();
        List<LogEvent> batch = new ArrayList<>();
        for (JsonNode event : events) {
            batch.add(new LogEvent(Members.longValue(event, "timestamp", now),
                    Members.text(event, "message", ""), now));
        }
        ObjectNode output = empty();
        output.put("nextSequenceToken", stream.append(batch));
        return output;
    }

    private JsonNode putRetentionPolicy(ObjectNode input, RequestContext context) {
        LogGroup group = store.group(context, Members.required(input, "logGroupName", INVALID));
        int days = Members.integer(input, "retentionInDays", -1, INVALID);
        if (!RETENTION_DAYS.contains(days)) {
            throw new AwsServiceException(INVALID, "1 validation error detected: Value '" + days
                    + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: "
                    + RETENTION_DAYS.stream().sorted().toList());
        }
        group.retentionInDays = days;
        return empty();
    }

    static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
