package io.github.kinesisfanout.local.firehose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The in-JVM subscribers of each delivery stream, by account, region and name (so a subscription
 * outlives a delete and re-create of the delivery stream under the same name). Every record a
 * DirectPut delivery stream takes is handed to each subscriber before the put answers.
 */
final class RecordSubscriptions {

    private final Map<String, List<Consumer<List<AcceptedRecord>>>> subscribers = new ConcurrentHashMap<>();

    RecordSubscription subscribe(String scope, String name, Consumer<List<AcceptedRecord>> subscriber) {
        List<Consumer<List<AcceptedRecord>>> list = subscribers.computeIfAbsent(scope + "/" + name,
                k -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        return () -> list.remove(subscriber);
    }

    /** Hands the records to every subscriber of the delivery stream, in the caller's thread. */
    void publish(String scope, String name, List<byte[]> records, Instant arrival) {
        List<Consumer<List<AcceptedRecord>>> list = subscribers.get(scope + "/" + name);
        if (list == null || list.isEmpty()) {
            return;
        }
        List<AcceptedRecord> accepted = new ArrayList<>(records.size());
        records.forEach(data -> accepted.add(new AcceptedRecord(data, arrival)));
        List<AcceptedRecord> view = List.copyOf(accepted);
        list.forEach(subscriber -> subscriber.accept(view));
    }
}
