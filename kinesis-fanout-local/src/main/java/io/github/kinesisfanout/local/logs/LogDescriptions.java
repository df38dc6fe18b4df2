package io.github.kinesisfanout.local.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;

/** DescribeLogGroups and DescribeLogStreams: prefix filters, ordering and name-based paging tokens. */
final class LogDescriptions {

    private LogDescriptions() {
    }

    static JsonNode logGroups(NavigableMap<String, LogGroup> groups, ObjectNode input) {
        String prefix = Members.text(input, "logGroupNamePrefix", "");
        String token = Members.text(input, "nextToken");
        int limit = Members.integer(input, "limit", 50, LogsErrors.INVALID_PARAMETER);
        ObjectNode output = LogsService.empty();
        ArrayNode items = output.putArray("logGroups");
        NavigableMap<String, LogGroup> view = token == null ? groups : groups.tailMap(token, true);
        for (LogGroup group : view.values()) {
            if (!group.name.startsWith(prefix)) {
                continue;
            }
            if (items.size() == limit) {
                output.put("nextToken", group.name);
                break;
            }
            ObjectNode item = items.addObject();
            item.put("logGroupName", group.name);
            item.put("creationTime", group.creationTime);
            if (group.retentionInDays != null) {
                item.put("retentionInDays", group.retentionInDays);
            }
            item.put("metricFilterCount", 0);
            item.put("arn", group.arn + ":*");
            item.put("logGroupArn", group.arn);
            item.put("storedBytes", group.streams.values().stream().mapToLong(LogStream::storedBytes).sum());
            item.put("logGroupClass", "STANDARD");
        }
        return output;
    }

    static JsonNode logStreams(LogGroup group, RequestContext context, ObjectNode input) {
        String prefix = Members.text(input, "logStreamNamePrefix", "");
        boolean byLastEvent = "LastEventTime".equals(Members.text(input, "orderBy"));
        boolean descending = Members.bool(input, "descending", false);
        int limit = Members.integer(input, "limit", 50, LogsErrors.INVALID_PARAMETER);
        int start = Integer.parseInt(Members.text(input, "nextToken", "0"));
        List<LogStream> streams = new ArrayList<>();
        for (LogStream stream : group.streams.values()) {
            if (stream.name.startsWith(prefix)) {
                streams.add(stream);
            }
        }
        Comparator<LogStream> order = byLastEvent
                ? Comparator.comparing(s -> s.lastEventTimestamp() == null ? 0L : s.lastEventTimestamp())
                : Comparator.comparing(s -> s.name);
        streams.sort(descending ? order.reversed() : order);
        ObjectNode output = LogsService.empty();
        ArrayNode items = output.putArray("logStreams");
        for (int i = start; i < streams.size(); i++) {
            if (items.size() == limit) {
                output.put("nextToken", Integer.toString(i));
                break;
            }
            LogStream stream = streams.get(i);
            ObjectNode item = items.addObject();
            item.put("logStreamName", stream.name);
            item.put("creationTime", stream.creationTime);
            if (stream.firstEventTimestamp() != null) {
                item.put("firstEventTimestamp", stream.firstEventTimestamp());
                item.put("lastEventTimestamp", stream.lastEventTimestamp());
                item.put("lastIngestionTime", stream.lastIngestionTime());
            }
            item.put("arn", group.arn + ":log-stream:" + stream.name);
            item.put("storedBytes", stream.storedBytes());
        }
        return output;
    }
}
