package io.github.kinesisfanout.local.cloudformation;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The resource handlers of one local cloud, by resource type. */
public final class ResourceHandlers {

    private final Map<String, ResourceHandler> byType = new ConcurrentHashMap<>();

    /** Registers a handler, replacing any earlier one for its type. */
    public ResourceHandlers register(ResourceHandler handler) {
        byType.put(handler.type(), handler);
        return this;
    }

    /** The handler of a type, or empty when the local cloud does not support the type. */
    public Optional<ResourceHandler> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The GetAtt attributes of a type, or null when the type is unsupported. */
    public Set<String> attributesOf(String type) {
        ResourceHandler handler = byType.get(type);
        return handler == null ? null : handler.attributes();
    }
}
