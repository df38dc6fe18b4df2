package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceFailure;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.cloudformation.Stabilizer;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::Lambda::Function: Ref is the function name, Fn::GetAtt Arn. FunctionName replaces it; code
 * and configuration change in place. Like CloudFormation, waits until the function is Active.
 */
public final class LambdaFunctionResource implements ResourceHandler {

    private static final String[] CONFIGURATION = {"Handler", "Runtime", "Role", "Timeout", "MemorySize",
        "Environment", "Description", "Layers", "DeadLetterConfig", "TracingConfig", "EphemeralStorage",
        "LoggingConfig"};

    @Override
    public String type() {
        return "AWS::Lambda::Function";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("FunctionName", "PackageType");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String name = context.text("FunctionName") != null ? context.text("FunctionName")
                : context.generatedName(64, false);
        ObjectNode input = ResourceContext.input().put("FunctionName", name);
        LambdaResources.copy(context.properties(), input, CONFIGURATION);
        LambdaResources.copy(context.properties(), input, "Architectures", "PackageType");
        input.set("Code", code(context));
        if (context.properties().has("Tags")) {
            input.set("Tags", LambdaResources.tagMap(context.properties().get("Tags")));
        }
        String arn = context.call(LambdaResources.LAMBDA, "CreateFunction", input).path("FunctionArn").asText();
        awaitActive(context, name);
        return ProvisionedResource.of(name, "Arn", arn);
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        String name = current.physicalId();
        if (!Objects.equals(previous.get("Code"), context.properties().get("Code"))
                || LambdaResources.changed(previous, context.properties(), "Architectures")) {
            ObjectNode input = code(context).put("FunctionName", name);
            LambdaResources.copy(context.properties(), input, "Architectures");
            context.call(LambdaResources.LAMBDA, "UpdateFunctionCode", input);
            awaitActive(context, name);
        }
        if (LambdaResources.changed(previous, context.properties(), CONFIGURATION)) {
            ObjectNode input = ResourceContext.input().put("FunctionName", name);
            LambdaResources.copy(context.properties(), input, CONFIGURATION);
            context.call(LambdaResources.LAMBDA, "UpdateFunctionConfiguration", input);
            awaitActive(context, name);
        }
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        LambdaResources.ignoringMissing(() -> context.call(LambdaResources.LAMBDA, "DeleteFunction",
                ResourceContext.input().put("FunctionName", current.physicalId())));
    }

    /** The Code member: an S3 location (the local Java runtime runs jars, not inline source). */
    private static ObjectNode code(ResourceContext context) {
        JsonNode code = context.properties().get("Code");
        if (code == null || !code.isObject()) {
            throw new ResourceFailure("Properties validation failed for resource " + context.logicalId()
                    + " with message: #: required key [Code] not found");
        }
        if (code.has("ZipFile")) {
            throw new ResourceFailure("Code.ZipFile of " + context.logicalId() + " is not supported by the local"
                    + " cloud: its Java runtime runs a jar; give Code.S3Bucket and Code.S3Key");
        }
        ObjectNode out = ResourceContext.input();
        LambdaResources.copy((ObjectNode) code, out, "S3Bucket", "S3Key", "S3ObjectVersion", "ImageUri");
        return out;
    }

    private static void awaitActive(ResourceContext context, String name) {
        Stabilizer.await("function " + name + " to become Active", () -> {
            JsonNode configuration = context.call(LambdaResources.LAMBDA, "GetFunction",
                    ResourceContext.input().put("FunctionName", name)).path("Configuration");
            String state = configuration.path("State").asText("Active");
            if (state.equals("Failed")) {
                throw new ResourceFailure("Function " + name + " failed: "
                        + configuration.path("StateReason").asText("no reason given"));
            }
            return state.equals("Active") && !configuration.path("LastUpdateStatus").asText().equals("InProgress");
        });
    }
}
