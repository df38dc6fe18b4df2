package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The streaming input of an application, as configured (immutable; updates make a new one).
 *
 * @param id the InputId, e.g. {@code 1.1}
 * @param namePrefix the in-application stream name prefix
 * @param streamArn the KinesisStreamsInput ResourceARN
 * @param roleArn the KinesisStreamsInput RoleARN
 * @param parallelism the InputParallelism Count, 1 to 64
 * @param schema the InputSchema (SourceSchema) as given
 * @param processing the InputProcessingConfiguration as given, or null
 * @param startingPosition the position of the last start, or null when never started
 */
record ApplicationInput(String id, String namePrefix, String streamArn, String roleArn, int parallelism,
        ObjectNode schema, ObjectNode processing, String startingPosition) {

    /** {@code P_001} ... {@code P_00N}: the three-digit zero-padded names AWS creates (quoted). */
    List<String> inAppStreamNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= parallelism; i++) {
            names.add(String.format("%s_%03d", namePrefix, i));
        }
        return names;
    }

    ApplicationInput withStartingPosition(String position) {
        return new ApplicationInput(id, namePrefix, streamArn, roleArn, parallelism, schema, processing, position);
    }
}
