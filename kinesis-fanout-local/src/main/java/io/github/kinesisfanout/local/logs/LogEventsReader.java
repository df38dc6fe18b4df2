package io.github.kinesisfanout.local.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** GetLogEvents and FilterLogEvents over the stored events, with CloudWatch Logs' paging tokens. */
final class LogEventsReader {

    private static final int MAX_EVENTS = 10_000;
    private final LogStore store;
    private final Clock clock;
    private final MessageSpill messages;

    LogEventsReader(LogStore store, Clock clock, MessageSpill messages) {
        this.store = store;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * GetLogEvents: a window of one stream's events. Tokens are {@code f/INDEX} and {@code b/INDEX};
     * as on AWS, reading forward past the end returns the same forward token again, which is how
     * clients recognise the end of the stream.
     */
    JsonNode getLogEvents(ObjectNode input, RequestContext context) {
        String groupName = Members.required(input, "logGroupName", LogsService.INVALID);
        LogStream stream = store.stream(context, groupName, Members.required(input, "logStreamName", LogsService.INVALID));
        List<StoredEvent> events = inTimeRange(LogRetention.unexpired(store.group(context, groupName), stream.events(),
                clock.millis()), input);
        int limit = Math.min(Members.integer(input, "limit", MAX_EVENTS, LogsService.INVALID), MAX_EVENTS);
        String token = Members.text(input, "nextToken");
        int from;
        int to;
        if (token != null) {
            int index = parseToken(token);
            if (token.startsWith("f/")) {
                from = Math.min(index, events.size());
                to = Math.min(from + limit, events.size());
            } else {
                to = Math.max(0, Math.min(index, events.size()));
                from = Math.max(0, to - limit);
            }
        } else if (Members.bool(input, "startFromHead", false)) {
            from = 0;
            to = Math.min(limit, events.size());
        } else {
            to = events.size();
            from = Math.max(0, to - limit);
        }
        ObjectNode output = LogsService.empty();
        ArrayNode items = output.putArray("events");
        MessageSpill.Reader reader = messages.reader();
        for (StoredEvent event : events.subList(from, to)) {
            ObjectNode item = items.addObject();
            item.put("timestamp", event.timestamp);
            item.put("message", reader.message(event));
            item.put("ingestionTime", event.ingestionTime);
        }
        output.put("nextForwardToken", String.format("f/%056d", to));
        output.put("nextBackwardToken", String.format("b/%056d", from));
        return output;
    }

    /** FilterLogEvents: events of a group's streams that match a term pattern, in time order. */
    JsonNode filterLogEvents(ObjectNode input, RequestContext context) {
        LogGroup group = store.group(context, Members.required(input, "logGroupName", LogsService.INVALID));
        FilterPattern pattern = FilterPattern.parse(Members.text(input, "filterPattern"));
        List<String> names = new ArrayList<>();
        input.path("logStreamNames").forEach(n -> names.add(n.asText()));
        String prefix = Members.text(input, "logStreamNamePrefix", "");
        List<Object[]> matches = new ArrayList<>();
        long now = clock.millis();
        MessageSpill.Reader reader = messages.reader();
        ObjectNode output = LogsService.empty();
        ArrayNode searched = output.putArray("searchedLogStreams");
        for (LogStream stream : group.streams.values()) {
            if ((!names.isEmpty() && !names.contains(stream.name)) || !stream.name.startsWith(prefix)) {
                continue;
            }
            searched.addObject().put("logStreamName", stream.name).put("searchedCompletely", true);
            List<StoredEvent> events = inTimeRange(LogRetention.unexpired(group, stream.events(), now), input);
            for (int i = 0; i < events.size(); i++) {
                if (pattern.matches(reader.message(events.get(i)))) {
                    matches.add(new Object[] {stream.name, events.get(i), i});
                }
            }
        }
        matches.sort(Comparator.comparingLong(m -> ((StoredEvent) m[1]).timestamp));
        int limit = Math.min(Members.integer(input, "limit", MAX_EVENTS, LogsService.INVALID), MAX_EVENTS);
        int start = Members.has(input, "nextToken") ? parseToken(Members.text(input, "nextToken")) : 0;
        ArrayNode items = output.putArray("events");
        for (int i = start; i < matches.size(); i++) {
            if (items.size() == limit) {
                output.put("nextToken", String.format("n/%056d", i));
                break;
            }
            StoredEvent event = (StoredEvent) matches.get(i)[1];
            ObjectNode item = items.addObject();
            item.put("logStreamName", (String) matches.get(i)[0]);
            item.put("timestamp", event.timestamp);
            item.put("message", reader.message(event));
            item.put("ingestionTime", event.ingestionTime);
            item.put("eventId", String.format("%s-%d-%d", matches.get(i)[0], event.timestamp, (int) matches.get(i)[2]));
        }
        return output;
    }

    private static List<StoredEvent> inTimeRange(List<StoredEvent> events, ObjectNode input) {
        long startTime = Members.longValue(input, "startTime", Long.MIN_VALUE);
        long endTime = Members.longValue(input, "endTime", Long.MAX_VALUE);
        if (startTime == Long.MIN_VALUE && endTime == Long.MAX_VALUE) {
            return events;
        }
        // startTime is inclusive and endTime exclusive, as the API reference states.
        return events.stream().filter(e -> e.timestamp >= startTime && e.timestamp < endTime).toList();
    }

    private static int parseToken(String token) {
        try {
            return Integer.parseInt(token.substring(2));
        } catch (RuntimeException e) {
            throw new AwsServiceException(LogsService.INVALID, "The specified nextToken is invalid.");
        }
    }
}
