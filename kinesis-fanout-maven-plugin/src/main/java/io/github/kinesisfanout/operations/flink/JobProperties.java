package io.github.kinesisfanout.operations.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.operations.FanoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job's runtime properties in the shape of Managed Flink's
 * {@code EnvironmentProperties.PropertyGroups}: a JSON array of {@code {PropertyGroupId, PropertyMap}}.
 */
public final class JobProperties {

    /** The group that holds every property of the job. */
    public static final String APPLICATION_GROUP = "FanoutApplication";

    /** The group the stream properties move to when one group would exceed Managed Flink's limit. */
    public static final String STREAMS_GROUP = "FanoutStreams";

    /** Managed Flink accepts at most 50 properties per group. */
    static final int MAX_PER_GROUP = 50;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, String> application;
    private final Map<String, String> streams;

    /**
     * @param application the job's settings (region, endpoint, credentials, starting position), in order
     * @param streams {@code input.stream} and the {@code output.<NAME>.stream} entries, in order
     */
    public JobProperties(Map<String, String> application, Map<String, String> streams) {
        this.application = new LinkedHashMap<>(application);
        this.streams = new LinkedHashMap<>(streams);
    }

    /** Every property, as the job sees them once it has flattened the groups. */
    public Map<String, String> flattened() {
        Map<String, String> all = new LinkedHashMap<>(application);
        all.putAll(streams);
        return all;
    }

    /** The property groups: one, or the streams in a second group when one would hold more than 50. */
    public Map<String, Map<String, String>> groups() {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        if (application.size() + streams.size() <= MAX_PER_GROUP) {
            groups.put(APPLICATION_GROUP, flattened());
        } else {
            groups.put(APPLICATION_GROUP, application);
            groups.put(STREAMS_GROUP, streams);
        }
        return groups;
    }

    /** A copy without {@code key} (e.g. a setting the runtime supplies itself, such as the credentials provider). */
    public JobProperties without(String key) {
        JobProperties copy = new JobProperties(application, streams);
        copy.application.remove(key);
        copy.streams.remove(key);
        return copy;
    }

    /** The PropertyGroups JSON array. */
    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        groups().forEach((id, properties) -> {
            ObjectNode group = array.addObject();
            group.put("PropertyGroupId", id);
            ObjectNode map = group.putObject("PropertyMap");
            properties.forEach(map::put);
        });
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the job properties", e);
        }
    }

    /** Writes {@link #toJson()} to {@code file}, creating its directory. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new FanoutException("Cannot write the job properties " + file + ": " + e.getMessage(), e);
        }
    }
}
