package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.analytics.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TagResource, UntagResource and ListTagsForResource on application ARNs; tags do not move the version. */
final class TagOperations {

    static final int MAX_TAGS = 50;
    private static final Pattern APPLICATION_ARN =
            Pattern.compile("arn:aws[a-z-]*:kinesisanalytics:([^:]+):(\\d{12}):application/([a-zA-Z0-9_.-]+)");

    private final Function<RequestContext, ApplicationStore> stores;

    TagOperations(Function<RequestContext, ApplicationStore> stores) {
        this.stores = stores;
    }

    JsonNode tag(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        if (!input.has("Tags")) {
            throw Members.violation("null", "tags", "Member must not be null");
        }
        addTags(app, Members.list(input, "Tags", "tags", 1, 200));
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode untag(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        if (!input.has("TagKeys")) {
            throw Members.violation("null", "tagKeys", "Member must not be null");
        }
        ArrayNode keys = Members.list(input, "TagKeys", "tagKeys", 1, 200);
        synchronized (app) {
            keys.forEach(key -> app.tags.remove(key.asText()));
        }
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode list(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode tags = output.putArray("Tags");
        synchronized (app) {
            app.tags.forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        }
        return output;
    }

    /** Validates tags and merges them in; TooManyTagsException past {@value #MAX_TAGS}. */
    static void addTags(FlinkApplication app, ArrayNode tags) {
        Map<String, String> added = new LinkedHashMap<>();
        int i = 1;
        for (JsonNode tag : tags) {
            String key = Members.required(tag, "Key", "tags." + i + ".member.key", 1, 128, null);
            String value = Members.optional(tag, "Value", "tags." + i + ".member.value", 0, 256, null);
            added.put(key, value == null ? "" : value);
            i++;
        }
        synchronized (app) {
            Map<String, String> merged = new LinkedHashMap<>(app.tags);
            merged.putAll(added);
            if (merged.size() > MAX_TAGS) {
                throw FlinkErrors.tooManyTags("Application " + app.name + " would have " + merged.size()
                        + " tags; at most " + MAX_TAGS + " are allowed.");
            }
            app.tags.clear();
            app.tags.putAll(merged);
        }
    }

    private FlinkApplication application(ObjectNode input, RequestContext context) {
        String arn = Members.required(input, "ResourceARN", "resourceARN", 1, 2048, Members.ARN);
        Matcher matcher = APPLICATION_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw FlinkErrors.invalidArgument("ResourceARN " + arn + " is not a Managed Service for Apache Flink"
                    + " application ARN (arn:aws:kinesisanalytics:REGION:ACCOUNT:application/NAME).");
        }
        if (!matcher.group(1).equals(context.region()) || !matcher.group(2).equals(context.accountId())) {
            throw FlinkErrors.notFound(matcher.group(3));
        }
        return stores.apply(context).get(matcher.group(3));
    }
}
