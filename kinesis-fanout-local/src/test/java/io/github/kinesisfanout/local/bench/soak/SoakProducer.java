package io.github.kinesisfanout.local.bench.soak;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts transactions with unique IDs (0, 1, 2, ...) at a steady rate: a pacer makes a batch every
 * 50 ms, senders put them with PutRecords and send again whatever was not acknowledged: rejected
 * entries (the injected 5% and the per-shard limits) after a short backoff, and a whole call that
 * got no answer (the cloud was killed or is restarting) until the cloud answers again. A record of
 * a call without an answer may have been written: it is noted, since sending it again is the
 * producer's at-least-once point.
 */
final class SoakProducer {

    private static final int BATCHES_PER_SECOND = 20;

    private final String stream;
    private final URI endpoint;
    private final int rate;
    private final BlockingQueue<List<Integer>> queue = new LinkedBlockingQueue<>();
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<Integer> resentWithoutAnswer = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextId = new AtomicInteger();
    private final AtomicLong rejectedEntries = new AtomicLong();
    private final AtomicLong unansweredCalls = new AtomicLong();
    private final Random keys;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean producing = true;

    /** @param endpoint the cloud's endpoint, the same across its restart (same port) */
    SoakProducer(String stream, URI endpoint, int rate, long seed) {
        this.stream = stream;
        this.endpoint = endpoint;
        this.rate = rate;
        this.keys = new Random(seed);
    }

    /** The record of an ID: the amount's sign alternates in a scattered way over -999.99..999.99. */
    static String json(int id) {
        long cents = Math.floorMod(id * 7919L, 199_999L) - 99_999L;
        return "{\"ID\":" + id + ",\"USERNAME\":\"user" + (id % 97) + "\",\"AMOUNT\":"
                + java.math.BigDecimal.valueOf(cents, 2).toPlainString() + "}";
    }

    void start(int senders) {
        Thread pacer = new Thread(this::pace, "soak-pacer");
        threads.add(pacer);
        for (int i = 0; i < senders; i++) {
            threads.add(new Thread(this::send, "soak-sender-" + i));
        }
        threads.forEach(Thread::start);
    }

    private void pace() {
        long start = System.nanoTime();
        for (long tick = 0; producing; tick++) {
            long due = start + tick * (1_000_000_000L / BATCHES_PER_SECOND);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            // The ids due by this tick, so the average rate holds whatever the batch rounding.
            long target = (tick + 1) * rate / BATCHES_PER_SECOND;
            List<Integer> batch = new ArrayList<>();
            while (nextId.get() < target) {
                batch.add(nextId.getAndIncrement());
            }
            if (!batch.isEmpty()) {
                queue.add(batch);
            }
        }
    }

    private void send() {
        try (KinesisClient kinesis = client(endpoint)) {
            while (producing || !queue.isEmpty()) {
                List<Integer> batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    continue;
                }
                List<Integer> pending = batch;
                while (!pending.isEmpty()) {
                    pending = putOnce(kinesis, pending);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One PutRecords call; returns the ids still to send. */
    private List<Integer> putOnce(KinesisClient kinesis, List<Integer> ids) throws InterruptedException {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(ids.size());
        for (int id : ids) {
            String key;
            synchronized (keys) {
                key = Long.toHexString(keys.nextLong());
            }
            entries.add(PutRecordsRequestEntry.builder().partitionKey(key).data(SdkBytes.fromUtf8String(json(id)))
                    .build());
        }
        List<PutRecordsResultEntry> results;
        try {
            results = kinesis.putRecords(p -> p.streamName(stream).records(entries)).records();
        } catch (SdkException e) {
            // No answer, or a whole-call error: the entries may or may not have been written.
            unansweredCalls.incrementAndGet();
            resentWithoutAnswer.addAll(ids);
            Thread.sleep(250);
            return ids;
        }
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (results.get(i).errorCode() == null) {
                acknowledged.add(ids.get(i));
            } else {
                failed.add(ids.get(i));
            }
        }
        if (!failed.isEmpty()) {
            rejectedEntries.addAndGet(failed.size());
            Thread.sleep(50);
        }
        return failed;
    }

    private static KinesisClient client(URI endpoint) {
        // The SDK's own retries are off: this producer retries itself and must know which calls got no answer.
        return KinesisClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("soak", "soak")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(20)))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    }

    /** Stops making batches, sends what is queued until acknowledged, and returns. */
    void finish() throws InterruptedException {
        producing = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    int made() {
        return nextId.get();
    }

    int queuedBatches() {
        return queue.size();
    }

    Set<Integer> acknowledged() {
        return acknowledged;
    }

    Set<Integer> resentWithoutAnswer() {
        return resentWithoutAnswer;
    }

    long rejectedEntries() {
        return rejectedEntries.get();
    }

    long unansweredCalls() {
        return unansweredCalls.get();
    }
}
