package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TagResource, UntagResource and ListTagsForResource on application ARNs, as Kinesis Analytics v1
 * and Managed Service for Apache Flink (v2) both answer them. Tags are not a configuration change,
 * so they do not move the application version.
 */
public final class ApplicationTags {

    /** An application that carries tags; callers hold its monitor while they change them. */
    public interface Tagged {

        /** The application name. */
        String name();

        /** The tags, key to value, in the order they were added. */
        Map<String, String> tags();
    }

    /** AWS allows 50 user tags per application (200 counting system tags). */
    public static final int MAX_TAGS = 50;
    private static final Pattern APPLICATION_ARN =
            Pattern.compile("arn:aws[a-z-]*:kinesisanalytics:([^:]+):(\\d{12}):application/([a-zA-Z0-9_.-]+)");

    private final String serviceName;
    private final BiFunction<String, RequestContext, ? extends Tagged> applications;

    /**
     * @param serviceName how the service names itself in messages, e.g. "Kinesis Analytics"
     * @param applications the application of a name in a request's account and region (it throws
     *     ResourceNotFoundException for an unknown one)
     */
    public ApplicationTags(String serviceName, BiFunction<String, RequestContext, ? extends Tagged> applications) {
        this.serviceName = serviceName;
        this.applications = applications;
    }

    /** TagResource. */
    public JsonNode tag(ObjectNode input, RequestContext context) {
        Tagged app = application(input, context);
        ArrayNode tags = MEMBERS.list(input, "Tags", "tags", 1, 200);
        if (!input.has("Tags")) {
            throw MEMBERS.violation("null", "tags", "Member must not be null");
        }
        addTags(app, tags);
        return JsonNodeFactory.instance.objectNode();
    }

    /** UntagResource. */
    public JsonNode untag(ObjectNode input, RequestContext context) {
        Tagged app = application(input, context);
        ArrayNode keys = MEMBERS.list(input, "TagKeys", "tagKeys", 1, 200);
        if (!input.has("TagKeys")) {
            throw MEMBERS.violation("null", "tagKeys", "Member must not be null");
        }
        synchronized (app) {
            keys.forEach(key -> app.tags().remove(key.asText()));
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /** ListTagsForResource. */
    public JsonNode list(ObjectNode input, RequestContext context) {
        Tagged app = application(input, context);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode tags = output.putArray("Tags");
        synchronized (app) {
            app.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        }
        return output;
    }

    /** Validates tags and merges them in; TooManyTagsException past {@value #MAX_TAGS}. */
    public static void addTags(Tagged app, ArrayNode tags) {
        Map<String, String> added = new LinkedHashMap<>();
        int i = 1;
        for (JsonNode tag : tags) {
            String key = MEMBERS.required(tag, "Key", "tags." + i + ".member.key", 1, 128, null);
            String value = MEMBERS.optional(tag, "Value", "tags." + i + ".member.value", 0, 256, null);
            added.put(key, value == null ? "" : value);
            i++;
        }
        synchronized (app) {
            Map<String, String> merged = new LinkedHashMap<>(app.tags());
            merged.putAll(added);
            if (merged.size() > MAX_TAGS) {
                throw AnalyticsErrors.TOO_MANY_TAGS.error("Application " + app.name() + " would have " + merged.size()
                        + " tags; at most " + MAX_TAGS + " are allowed.");
            }
            app.tags().clear();
            app.tags().putAll(merged);
        }
    }

    private Tagged application(ObjectNode input, RequestContext context) {
        String arn = MEMBERS.required(input, "ResourceARN", "resourceARN", 1, 2048, Members.ARN);
        Matcher matcher = APPLICATION_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw AnalyticsErrors.INVALID_ARGUMENT.error(
                    "ResourceARN " + arn + " is not a " + serviceName + " application"
                    + " ARN (arn:aws:kinesisanalytics:REGION:ACCOUNT:application/NAME).");
        }
        if (!matcher.group(1).equals(context.region()) || !matcher.group(2).equals(context.accountId())) {
            throw AnalyticsErrors.notFound(matcher.group(3));
        }
        return applications.apply(matcher.group(3), context);
    }
}
