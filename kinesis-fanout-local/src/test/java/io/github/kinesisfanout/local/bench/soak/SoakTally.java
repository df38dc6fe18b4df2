package io.github.kinesisfanout.local.bench.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts one stage of the pipeline against the one before it: copies per ID here versus copies
 * there, the IDs missing, the IDs that do not belong here, and each extra copy with the
 * at-least-once point that explains it (or none).
 */
final class SoakTally {

    long records;
    long missing;
    long wrongPlace;
    long duplicates;
    long carried;
    long undeliveredCopies;
    final Map<String, Long> causes = new java.util.LinkedHashMap<>();
    long unexplained;
    final List<Integer> missingSample = new ArrayList<>();
    final List<String> unexplainedSample = new ArrayList<>();

    /**
     * A fault that explains an extra copy when the first copy arrived before the fault and the extra
     * one in [from, until): e.g. after a kill -9 every later copy was written by the restarted cloud.
     */
    record Cause(String name, long fault, long from, long until) {
        boolean explains(long first, long extra) {
            return first < fault && extra >= from && extra < until;
        }
    }

    /**
     * @param here arrival times of each ID's copies at this stage
     * @param expectedIds the IDs that must reach this stage
     * @param upstream arrival times of each ID's copies at the stage before (null: every ID expected once)
     * @param idCause names the cause of an ID's extra copies by the ID alone, or null (the producer's re-sends)
     * @param timeCauses causes judged by arrival times
     */
    static SoakTally of(Map<Integer, List<Long>> here, Set<Integer> expectedIds, Map<Integer, List<Long>> upstream,
            java.util.function.IntFunction<String> idCause, List<Cause> timeCauses) {
        SoakTally tally = new SoakTally();
        timeCauses.forEach(c -> tally.causes.put(c.name(), 0L));
        for (int id : expectedIds) {
            if (!here.containsKey(id)) {
                tally.missing++;
                if (tally.missingSample.size() < 10) {
                    tally.missingSample.add(id);
                }
            }
        }
        for (Map.Entry<Integer, List<Long>> entry : here.entrySet()) {
            int id = entry.getKey();
            List<Long> copies = new ArrayList<>(entry.getValue());
            Collections.sort(copies);
            tally.records += copies.size();
            if (!expectedIds.contains(id)) {
                tally.wrongPlace++;
                continue;
            }
            int before = upstream == null ? 1 : upstream.getOrDefault(id, List.of()).size();
            if (copies.size() < before) {
                tally.undeliveredCopies += before - copies.size();
            }
            int extra = copies.size() - 1;
            if (extra <= 0) {
                continue;
            }
            tally.duplicates += extra;
            // Copies the stage before already had are carried, not made here.
            int carried = Math.min(extra, before - 1);
            tally.carried += carried;
            for (int k = 1 + carried; k < copies.size(); k++) {
                tally.explain(id, copies.get(0), copies.get(k), idCause, timeCauses);
            }
        }
        return tally;
    }

    private void explain(int id, long first, long extra, java.util.function.IntFunction<String> idCause,
            List<Cause> timeCauses) {
        String byId = idCause == null ? null : idCause.apply(id);
        if (byId != null) {
            causes.merge(byId, 1L, Long::sum);
            return;
        }
        for (Cause cause : timeCauses) {
            if (cause.explains(first, extra)) {
                causes.merge(cause.name(), 1L, Long::sum);
                return;
            }
        }
        unexplained++;
        if (unexplainedSample.size() < 10) {
            unexplainedSample.add("ID " + id + " first at " + first + ", again at " + extra);
        }
    }

    /** @param noun what a copy is at this stage: records, rows, lines */
    String describe(String noun) {
        StringBuilder text = new StringBuilder();
        text.append(records).append(' ').append(noun).append(", missing ").append(missing);
        if (wrongPlace > 0) {
            text.append(", NOT EXPECTED HERE ").append(wrongPlace);
        }
        if (undeliveredCopies > 0) {
            text.append(", copies of the stage before not delivered ").append(undeliveredCopies);
        }
        text.append(", duplicates ").append(duplicates).append(" (");
        List<String> parts = new ArrayList<>();
        if (carried > 0) {
            parts.add(carried + " carried from the stage before");
        }
        causes.forEach((name, count) -> parts.add(count + " " + name));
        parts.add(unexplained + " unexplained");
        text.append(String.join(", ", parts)).append(')');
        if (!missingSample.isEmpty()) {
            text.append("; missing IDs e.g. ").append(missingSample);
        }
        if (!unexplainedSample.isEmpty()) {
            text.append("; unexplained e.g. ").append(unexplainedSample);
        }
        return text.toString();
    }
}
