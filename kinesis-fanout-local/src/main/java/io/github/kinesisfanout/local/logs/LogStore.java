package io.github.kinesisfanout.local.logs;

import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The log groups of every account and region, looked up with CloudWatch Logs' not-found errors. */
final class LogStore {

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, LogGroup>> regions =
            new ConcurrentHashMap<>();

    ConcurrentSkipListMap<String, LogGroup> groups(RequestContext context) {
        return groups(scope(context));
    }

    ConcurrentSkipListMap<String, LogGroup> groups(String scope) {
        return regions.computeIfAbsent(scope, key -> new ConcurrentSkipListMap<>());
    }

    /** Every scope ({@code ACCOUNT/REGION}) with its groups. */
    java.util.Map<String, ConcurrentSkipListMap<String, LogGroup>> scopes() {
        return regions;
    }

    /** Forgets every group and lets go of their events (a compacted journal starts over from its own entries). */
    void clear() {
        regions.values().forEach(groups -> groups.values().forEach(LogGroup::discard));
        regions.clear();
    }

    static String scope(RequestContext context) {
        return context.accountId() + "/" + context.region();
    }

    LogGroup group(RequestContext context, String name) {
        LogGroup group = groups(context).get(name);
        if (group == null) {
            throw LogsErrors.groupNotFound();
        }
        return group;
    }

    LogStream stream(RequestContext context, String groupName, String streamName) {
        LogStream stream = group(context, groupName).streams.get(streamName);
        if (stream == null) {
            throw LogsErrors.streamNotFound();
        }
        return stream;
    }

    static String groupArn(RequestContext context, String name) {
        return "arn:aws:logs:" + context.region() + ":" + context.accountId() + ":log-group:" + name;
    }
}
