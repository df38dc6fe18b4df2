package io.github.kinesisfanout.local.lambda.esm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Where Lambda keeps its event source mappings (configuration, state, per-shard positions): nowhere
 * beyond memory by default, one snapshot file per mapping with a data directory.
 */
public interface MappingStorage {

    /** Keeps nothing: mappings live in memory only. */
    MappingStorage NONE = new MappingStorage() {
        @Override
        public void save(String scope, String uuid, ObjectNode snapshot) {
        }

        @Override
        public void delete(String scope, String uuid) {
        }

        @Override
        public List<Kept> loadAll() {
            return List.of();
        }
    };

    /** A mapping read back: its scope ({@code ACCOUNT/REGION}) and its snapshot. */
    record Kept(String scope, ObjectNode snapshot) {
    }

    /** Replaces a mapping's snapshot; callers serialize the saves of one mapping. */
    void save(String scope, String uuid, ObjectNode snapshot);

    void delete(String scope, String uuid);

    /** Every mapping kept. */
    List<Kept> loadAll();
}
