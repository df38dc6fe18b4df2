package io.github.kinesisfanout.local.cloudformation.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order resources are created in: each after the resources it names in DependsOn, Ref,
 * Fn::GetAtt or Fn::Sub; deleted in the reverse order. A cycle is a ValidationError naming the
 * resources in it, as AWS reports it.
 */
public final class DependencyGraph {

    private final Map<String, Set<String>> dependencies;

    private DependencyGraph(Map<String, Set<String>> dependencies) {
        this.dependencies = dependencies;
    }

    /** Builds the graph of a template's resources. */
    public static DependencyGraph of(Template template) {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        template.resources().forEach((id, resource) -> {
            Set<String> set = new LinkedHashSet<>(resource.dependsOn());
            for (String name : References.names(resource.properties())) {
                if (template.resources().containsKey(name)) {
                    set.add(name);
                }
            }
            set.retainAll(template.resources().keySet());
            deps.put(id, set);
        });
        return new DependencyGraph(deps);
    }

    /** The resources one resource waits for. */
    public Set<String> dependenciesOf(String logicalId) {
        return Collections.unmodifiableSet(dependencies.getOrDefault(logicalId, Set.of()));
    }

    /** Creation order; template order among independent resources. */
    public List<String> creationOrder() {
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (order.size() < dependencies.size() && progress) {
            progress = false;
            for (Map.Entry<String, Set<String>> entry : dependencies.entrySet()) {
                if (!done.contains(entry.getKey()) && done.containsAll(entry.getValue())) {
                    done.add(entry.getKey());
                    order.add(entry.getKey());
                    progress = true;
                }
            }
        }
        if (order.size() < dependencies.size()) {
            List<String> cycle = new ArrayList<>(dependencies.keySet());
            cycle.removeAll(done);
            // Resources that only wait on the cycle are not part of it: drop those nobody left waits on.
            boolean pruned = true;
            while (pruned) {
                pruned = cycle.removeIf(id -> cycle.stream().noneMatch(other -> dependencies.get(other).contains(id)));
            }
            throw new TemplateException("Circular dependency between resources: " + cycle);
        }
        return order;
    }

    /** Deletion order: the reverse of creation order. */
    public List<String> deletionOrder() {
        List<String> order = new ArrayList<>(creationOrder());
        Collections.reverse(order);
        return order;
    }
}
