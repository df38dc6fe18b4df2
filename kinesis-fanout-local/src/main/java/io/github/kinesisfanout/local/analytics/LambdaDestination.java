package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A LambdaOutput: invokes the function with {@code {invocationId, applicationArn, records[]}} and
 * retries every record the response does not mark {@code Ok} (AWS treats anything else, a missing
 * id included, as a delivery failure).
 */
final class LambdaDestination implements Destination {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaInvoker lambda;
    private final String functionArn;
    private final String applicationArn;
    private int retryHint;

    LambdaDestination(LambdaInvoker lambda, String functionArn, String applicationArn) {
        this.lambda = lambda;
        this.functionArn = functionArn;
        this.applicationArn = applicationArn;
    }

    @Override
    public int maxBatch() {
        return 500;
    }

    @Override
    public List<Integer> deliver(List<byte[]> records) {
        ObjectNode event = JSON.createObjectNode();
        event.put("invocationId", UUID.randomUUID().toString());
        event.put("applicationArn", applicationArn);
        ArrayNode entries = event.putArray("records");
        for (int i = 0; i < records.size(); i++) {
            ObjectNode entry = entries.addObject();
            entry.put("recordId", String.valueOf(i));
            entry.putObject("lambdaDeliveryRecordMetadata").put("retryHint", retryHint);
            entry.put("data", records.get(i));
        }
        Set<String> ok = new HashSet<>();
        try {
            JsonNode response = JSON.readTree(lambda.invoke(functionArn, JSON.writeValueAsBytes(event)));
            for (JsonNode result : response.path("records")) {
                if ("Ok".equals(result.path("result").asText())) {
                    ok.add(result.path("recordId").asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            ok.clear();
        }
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (!ok.contains(String.valueOf(i))) {
                failed.add(i);
            }
        }
        retryHint = failed.isEmpty() ? 0 : retryHint + 1;
        return failed;
    }
}
