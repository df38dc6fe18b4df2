package io.github.kinesisfanout.local.analytics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The shard positions of a running application whose records have been through the engine and
 * whose rows every output has delivered: a position read at one call becomes safe at a later call
 * once the engine has pushed every batch handed over before it, and then each writer has finished
 * every row queued by that time. Calls come from one thread (the keeper's once-a-second tick).
 */
final class DeliveredPositions {

    /** Positions waiting for the pipeline; {@code accepted} stays null until the engine has caught up. */
    private static final class Candidate {
        final Map<String, ShardPosition> positions;
        final long offered;
        long[] accepted;

        Candidate(Map<String, ShardPosition> positions, long offered) {
            this.positions = positions;
            this.offered = offered;
        }
    }

    private final InputReaders readers;
    private final EngineLoop engine;
    private final List<OutputWriter> writers;
    private final Deque<Candidate> waiting = new ArrayDeque<>();
    private Map<String, ShardPosition> safe;

    DeliveredPositions(InputReaders readers, EngineLoop engine, List<OutputWriter> writers) {
        this.readers = readers;
        this.engine = engine;
        this.writers = writers;
    }

    /** Called once the readers have their starting positions: nothing is in flight yet. */
    void started() {
        safe = readers.current();
    }

    /** Takes a new candidate and answers the newest positions known safe. */
    synchronized Map<String, ShardPosition> advance() {
        // Positions first: every batch they include was counted as offered before.
        Map<String, ShardPosition> now = readers.current();
        waiting.addLast(new Candidate(now, engine.offered()));
        long processed = engine.processed();
        for (Candidate candidate : waiting) {
            if (candidate.accepted == null && processed >= candidate.offered) {
                candidate.accepted = writers.stream().mapToLong(OutputWriter::accepted).toArray();
            }
        }
        while (!waiting.isEmpty() && delivered(waiting.peekFirst())) {
            safe = waiting.pollFirst().positions;
        }
        return safe;
    }

    private boolean delivered(Candidate candidate) {
        if (candidate.accepted == null) {
            return false;
        }
        for (int i = 0; i < writers.size(); i++) {
            if (writers.get(i).done() < candidate.accepted[i]) {
                return false;
            }
        }
        return true;
    }
}
