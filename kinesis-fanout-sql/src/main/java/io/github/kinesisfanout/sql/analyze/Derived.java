package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The streams and pumps the analyzer makes for one pump's sub-queries in FROM and CURSOR arguments: each
 * becomes a hidden stream fed by a hidden pump of the same name, read by the query around it.
 */
final class Derived {

    private final String pumpName;
    private final Map<String, StreamDef> streams;
    final List<StreamDef> createdStreams = new ArrayList<>();
    final List<PumpDef> createdPumps = new ArrayList<>();

    Derived(String pumpName, Map<String, StreamDef> streams) {
        this.pumpName = pumpName;
        this.streams = streams;
    }

    /** A new hidden stream with these columns (pos: the sub-query or call it holds), registered so the outer query can read it. */
    StreamDef stream(List<StreamDef.ColumnDef> columns, SourcePos pos) {
        String base = "$" + pumpName + "$";
        int n = createdStreams.size() + 1;
        while (streams.containsKey(base + n)) {
            n++;
        }
        StreamDef stream = new StreamDef(base + n, List.copyOf(columns), StreamDef.Role.CREATED, -1, true, pos);
        streams.put(stream.name(), stream);
        createdStreams.add(stream);
        return stream;
    }

    /** Adds the pump that feeds a hidden stream (after the pumps it reads from). */
    void pump(PumpDef pump) {
        createdPumps.add(pump);
    }

    String pumpName() {
        return pumpName;
    }

    /** Forgets the hidden streams of a pump that failed analysis. */
    void discard() {
        for (StreamDef s : createdStreams) {
            streams.remove(s.name());
        }
        createdStreams.clear();
        createdPumps.clear();
    }
}
