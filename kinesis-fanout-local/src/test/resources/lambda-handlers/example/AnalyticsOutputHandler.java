package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A Kinesis Analytics LambdaOutput destination: logs each delivered row and answers Ok for every record. */
public class AnalyticsOutputHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> record : (List<Map<String, Object>>) event.get("records")) {
            String data = new String(Base64.getDecoder().decode((String) record.get("data")), StandardCharsets.UTF_8);
            context.getLogger().log("row " + data.trim());
            results.add(Map.of("recordId", record.get("recordId"), "result", "Ok"));
        }
        return Map.of("records", results);
    }
}
