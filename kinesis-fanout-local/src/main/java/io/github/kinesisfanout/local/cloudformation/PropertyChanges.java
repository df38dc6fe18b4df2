package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which top-level properties changed between two resolved property sets, and whether that replaces. */
final class PropertyChanges {

    private PropertyChanges() {
    }

    /** The names of properties added, removed or changed, in order. */
    static List<String> changed(ObjectNode before, ObjectNode after) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            JsonNode a = before.get(name);
            JsonNode b = after.get(name);
            if (a == null || b == null || !a.equals(b)) {
                changed.add(name);
            }
        }
        return changed;
    }

    /** True when a changed property is one the type's handler can only change by replacement. */
    static boolean requiresReplacement(ResourceHandlers handlers, String type, ObjectNode before, ObjectNode after) {
        Set<String> replacing = handlers.find(type).map(ResourceHandler::replacementProperties).orElse(Set.of());
        return changed(before, after).stream().anyMatch(replacing::contains);
    }
}
