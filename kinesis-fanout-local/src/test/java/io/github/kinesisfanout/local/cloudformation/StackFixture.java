package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A CloudFormation service with the Test::Widget type, called without HTTP, and polling helpers. */
final class StackFixture implements AutoCloseable {

    final WidgetResource widgets = new WidgetResource();
    final CloudFormationService service = new CloudFormationService(
            ServiceContext.inMemory(Clock.systemUTC()), new ResourceHandlers().register(widgets), name -> Optional.empty());
    private final AtomicInteger requests = new AtomicInteger();

    JsonNode call(String operation, ObjectNode input) {
        return service.invoke(operation, input,
                new RequestContext("req-" + requests.incrementAndGet(), "123456789012", "eu-west-1"));
    }

    static ObjectNode input() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ObjectNode stackInput(String name, String template) {
        return input().put("StackName", name).put("TemplateBody", template);
    }

    /** The stack's description once its status no longer ends in _IN_PROGRESS (10 s at most). */
    JsonNode settle(String stackName) {
        return Await.until(Duration.ofSeconds(10),
                () -> call("DescribeStacks", input().put("StackName", stackName)).path("Stacks").get(0),
                stack -> !stack.path("StackStatus").asText().endsWith("_IN_PROGRESS"),
                stack -> "stack " + stackName + " still " + stack.path("StackStatus").asText());
    }

    /** The events oldest first, each as "LogicalId STATUS[ reason]". */
    java.util.List<String> events(String stackName) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        call("DescribeStackEvents", input().put("StackName", stackName)).path("StackEvents").forEach(e ->
                lines.add(0, e.path("LogicalResourceId").asText() + " " + e.path("ResourceStatus").asText()
                        + (e.has("ResourceStatusReason") ? " " + e.path("ResourceStatusReason").asText() : "")));
        return lines;
    }

    @Override
    public void close() {
        service.close();
    }
}
