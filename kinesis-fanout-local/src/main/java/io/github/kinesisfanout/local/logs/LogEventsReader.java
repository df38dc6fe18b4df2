package io.github.kinesisfanout.local.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        String groupName = Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER);
        LogStream stream = store.stream(context, groupName, Members.required(input, "logStreamName", LogsErrors.INVALID_PARAMETER));
        LogGroup group = store.group(context, groupName);
        int limit = Math.min(Members.integer(input, "limit", MAX_EVENTS, LogsErrors.INVALID_PARAMETER), MAX_EVENTS);
        String token = Members.text(input, "nextToken");
        boolean fromHead = Members.bool(input, "startFromHead", false);
        long now = clock.millis();
        MessageSpill.Reader reader = messages.reader();
        ObjectNode output = LogsService.empty();
        ArrayNode items = output.putArray("events");
        int from;
        int to;
        synchronized (stream) {
            // The events read are those unexpired and in the time range: one run of the stream's order.
            int first = inRange(stream, group, input, now, reader);
            int size = Math.max(0, end(stream, input, reader) - first);
            if (token != null) {
                int index = parseToken(token);
                if (token.startsWith("f/")) {
                    from = Math.min(index, size);
                    to = Math.min(from + limit, size);
                } else {
                    to = Math.max(0, Math.min(index, size));
                    from = Math.max(0, to - limit);
                }
            } else if (fromHead) {
                from = 0;
                to = Math.min(limit, size);
            } else {
                to = size;
                from = Math.max(0, to - limit);
            }
            stream.forEach(first + from, first + to, reader, (index, event) -> {
                ObjectNode item = items.addObject();
                item.put("timestamp", event.timestamp());
                item.put("message", event.message());
                item.put("ingestionTime", event.ingestionTime());
            });
        }
        output.put("nextForwardToken", String.format("f/%056d", to));
        output.put("nextBackwardToken", String.format("b/%056d", from));
        return output;
    }

    /** A match of FilterLogEvents: where it is, to read its message again if it is returned. */
    private record Match(LogStream stream, long timestamp, int index, int position) {
    }

    /** FilterLogEvents: events of a group's streams that match a term pattern, in time order. */
    JsonNode filterLogEvents(ObjectNode input, RequestContext context) {
        LogGroup group = store.group(context, Members.required(input, "logGroupName", LogsErrors.INVALID_PARAMETER));
        FilterPattern pattern = FilterPattern.parse(Members.text(input, "filterPattern"));
        List<String> names = new ArrayList<>();
        input.path("logStreamNames").forEach(n -> names.add(n.asText()));
        String prefix = Members.text(input, "logStreamNamePrefix", "");
        List<Match> matches = new ArrayList<>();
        long now = clock.millis();
        MessageSpill.Reader reader = messages.reader();
        ObjectNode output = LogsService.empty();
        ArrayNode searched = output.putArray("searchedLogStreams");
        for (LogStream stream : group.streams.values()) {
            if ((!names.isEmpty() && !names.contains(stream.name)) || !stream.name.startsWith(prefix)) {
                continue;
            }
            searched.addObject().put("logStreamName", stream.name).put("searchedCompletely", true);
            synchronized (stream) {
                int first = inRange(stream, group, input, now, reader);
                stream.forEach(first, end(stream, input, reader), reader, (position, event) -> {
                    if (pattern.matches(event.message())) {
                        matches.add(new Match(stream, event.timestamp(), position - first, position));
                    }
                });
            }
        }
        matches.sort(Comparator.comparingLong(Match::timestamp));
        int limit = Math.min(Members.integer(input, "limit", MAX_EVENTS, LogsErrors.INVALID_PARAMETER), MAX_EVENTS);
        int start = Members.has(input, "nextToken") ? parseToken(Members.text(input, "nextToken")) : 0;
        ArrayNode items = output.putArray("events");
        for (int i = start; i < matches.size(); i++) {
            if (items.size() == limit) {
                output.put("nextToken", String.format("n/%056d", i));
                break;
            }
            Match match = matches.get(i);
            LogEvent[] event = new LogEvent[1];
            match.stream().forEach(match.position(), match.position() + 1, reader, (index, found) -> event[0] = found);
            ObjectNode item = items.addObject();
            item.put("logStreamName", match.stream().name);
            item.put("timestamp", event[0].timestamp());
            item.put("message", event[0].message());
            item.put("ingestionTime", event[0].ingestionTime());
            item.put("eventId", String.format("%s-%d-%d", match.stream().name, event[0].timestamp(), match.index()));
        }
        return output;
    }

    /**
     * The index of a stream's first event to read: unexpired (the group's retention) and at or after
     * {@code startTime} (inclusive, as the API reference states).
     */
    private static int inRange(LogStream stream, LogGroup group, ObjectNode input, long now,
            MessageSpill.Reader reader) {
        long from = Math.max(group.expiredBefore(now), Members.longValue(input, "startTime", Long.MIN_VALUE));
        return from == Long.MIN_VALUE ? 0 : stream.indexAtOrAfter(from, reader);
    }

    /** The index past a stream's last event to read: before {@code endTime} (exclusive). */
    private static int end(LogStream stream, ObjectNode input, MessageSpill.Reader reader) {
        long endTime = Members.longValue(input, "endTime", Long.MAX_VALUE);
        return endTime == Long.MAX_VALUE ? stream.size() : stream.indexAtOrAfter(endTime, reader);
    }

    private static int parseToken(String token) {
        try {
            return Integer.parseInt(token.substring(2));
        } catch (RuntimeException e) {
            throw LogsErrors.INVALID_PARAMETER.error("The specified nextToken is invalid.");
        }
    }
}
