package io.github.kinesisfanout.local.kinesis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Keeps streams and records in memory; everything is gone when the cloud closes. */
final class InMemoryStreamStore implements StreamStore {

    private final ConcurrentMap<String, ConcurrentSkipListMap<String, Stream>> scopes = new ConcurrentHashMap<>();

    private ConcurrentSkipListMap<String, Stream> scope(String accountId, String region) {
        return scopes.computeIfAbsent(accountId + "/" + region, k -> new ConcurrentSkipListMap<>());
    }

    @Override
    public Stream find(String accountId, String region, String name) {
        return scope(accountId, region).get(name);
    }

    @Override
    public boolean add(Stream stream) {
        return scope(stream.accountId(), stream.region()).putIfAbsent(stream.name(), stream) == null;
    }

    @Override
    public void remove(Stream stream) {
        scope(stream.accountId(), stream.region()).remove(stream.name(), stream);
    }

    @Override
    public List<Stream> list(String accountId, String region) {
        return new ArrayList<>(scope(accountId, region).values());
    }

    @Override
    public List<Stream> all() {
        List<Stream> all = new ArrayList<>();
        scopes.values().forEach(scope -> all.addAll(scope.values()));
        return all;
    }

    @Override
    public ShardLog newShardLog(Stream stream, String shardId) {
        return new ShardLog();
    }
}
