package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/** Limit/NextToken paging of list operations: the token is the index of the next item. */
final class Pages {

    private Pages() {
    }

    /** Adds one page of {@code items} to {@code output} under {@code member}, and NextToken when more follow. */
    static <T> void page(JsonNode input, ObjectNode output, String member, List<T> items, int defaultLimit,
            Function<T, JsonNode> render) {
        long limit = MEMBERS.optionalNumber(input, "Limit", "limit", 1, 50) == null ? defaultLimit
                : MEMBERS.optionalNumber(input, "Limit", "limit", 1, 50);
        String token = MEMBERS.optional(input, "NextToken", "nextToken", 1, 512, null);
        int from = 0;
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0 || from > items.size()) {
                throw FlinkErrors.INVALID_ARGUMENT.error("Invalid NextToken " + token + ".");
            }
        }
        ArrayNode page = output.putArray(member);
        int to = (int) Math.min(items.size(), from + limit);
        for (int i = from; i < to; i++) {
            page.add(render.apply(items.get(i)));
        }
        if (to < items.size()) {
            output.put("NextToken", String.valueOf(to));
        }
    }
}
