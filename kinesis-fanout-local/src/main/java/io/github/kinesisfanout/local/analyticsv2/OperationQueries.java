package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.List;
import java.util.function.Function;

/** ListApplicationOperations and DescribeApplicationOperation: how a start or update went, and why it failed. */
final class OperationQueries {

    private final Function<RequestContext, ApplicationStore> stores;

    OperationQueries(Function<RequestContext, ApplicationStore> stores) {
        this.stores = stores;
    }

    JsonNode list(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        String operation = MEMBERS.optional(input, "Operation", "operation", 1, 64, null);
        String status = MEMBERS.optionalEnum(input, "OperationStatus", "operationStatus",
                List.of(OperationHistory.IN_PROGRESS, OperationHistory.SUCCESSFUL, OperationHistory.FAILED));
        List<ObjectNode> infos;
        synchronized (app) {
            infos = app.operations.newestFirst().stream()
                    .filter(o -> operation == null || o.name.equals(operation))
                    .filter(o -> status == null || o.status.equals(status))
                    .map(OperationHistory.Operation::info).toList();
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        Pages.page(input, output, "ApplicationOperationInfoList", infos, 10, o -> o);
        return output;
    }

    JsonNode describe(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        String id = MEMBERS.required(input, "OperationId", "operationId", 1, 64, null);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        synchronized (app) {
            OperationHistory.Operation operation = app.operations.get(id);
            if (operation == null) {
                throw FlinkErrors.notFound("Operation", id, app.name);
            }
            output.set("ApplicationOperationInfoDetails", operation.details());
        }
        return output;
    }

    private FlinkApplication application(ObjectNode input, RequestContext context) {
        return stores.apply(context).get(MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME));
    }
}
