package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kinesisfanout.local.cloudformation.template.EvaluationContext;
import io.github.kinesisfanout.local.cloudformation.template.Intrinsics;
import io.github.kinesisfanout.local.cloudformation.template.ResourceDeclaration;
import io.github.kinesisfanout.local.cloudformation.template.TemplateException;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation context of one stack operation: parameters, pseudo parameters, the stack's
 * provisioned resources (physical ids and attributes), conditions and exports.
 */
final class StackEvaluation implements EvaluationContext {

    private final Stack stack;
    private final StackDefinition definition;
    private final Map<String, JsonNode> parameters;
    private final RequestContext request;
    private final Exports exports;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Set<String> imported = new HashSet<>();
    private final Intrinsics intrinsics = new Intrinsics(this);

    StackEvaluation(Stack stack, StackDefinition definition, RequestContext request, Exports exports) {
        this.stack = stack;
        this.definition = definition;
        this.request = request;
        this.exports = exports;
        this.parameters = new HashMap<>();
        definition.template().parameters().forEach((name, declaration) ->
                parameters.put(name, declaration.resolve(definition.parameters().get(name))));
    }

    Intrinsics intrinsics() {
        return intrinsics;
    }

    /** True when the resource has no Condition or its condition holds. */
    boolean included(ResourceDeclaration declaration) {
        return declaration.condition() == null || condition(declaration.condition());
    }

    @Override
    public JsonNode ref(String name) {
        JsonNode parameter = parameters.get(name);
        if (parameter != null) {
            return parameter;
        }
        switch (name) {
            case "AWS::Region": return TextNode.valueOf(request.region());
            case "AWS::AccountId": return TextNode.valueOf(request.accountId());
            case "AWS::StackName": return TextNode.valueOf(stack.stackName());
            case "AWS::StackId": return TextNode.valueOf(stack.stackId());
            case "AWS::Partition": return TextNode.valueOf("aws");
            case "AWS::URLSuffix": return TextNode.valueOf("amazonaws.com");
            case "AWS::NotificationARNs": {
                var list = JsonNodeFactory.instance.arrayNode();
                definition.notificationArns().forEach(list::add);
                return list;
            }
            default: break;
        }
        StackResource resource = stack.resource(name);
        if (resource == null || resource.provisioned() == null) {
            throw new TemplateException("Template format error: Unresolved resource dependencies [" + name
                    + "] in the Resources block of the template");
        }
        return TextNode.valueOf(resource.physicalId());
    }

    @Override
    public JsonNode getAtt(String resourceName, String attribute) {
        StackResource resource = stack.resource(resourceName);
        if (resource == null || resource.provisioned() == null) {
            throw new TemplateException("Template error: instance of Fn::GetAtt references undefined resource "
                    + resourceName);
        }
        JsonNode value = resource.provisioned().attributes().get(attribute);
        if (value == null) {
            throw new TemplateException("Template error: resource " + resourceName
                    + " does not support attribute type " + attribute + " in Fn::GetAtt");
        }
        return value;
    }

    @Override
    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        JsonNode expression = definition.template().conditions().get(name);
        if (expression == null) {
            throw new TemplateException("Template format error: Unresolved condition dependency " + name);
        }
        if (!evaluating.add(name)) {
            throw new TemplateException("Template format error: Circular condition dependency " + name);
        }
        boolean value = intrinsics.condition(expression);
        evaluating.remove(name);
        conditions.put(name, value);
        return value;
    }

    @Override
    public JsonNode importValue(String exportName) {
        imported.add(exportName);
        return exports.export(exportName).map(o -> (JsonNode) TextNode.valueOf(o.value())).orElseThrow(
                () -> new TemplateException("No export named " + exportName + " found. Rollback requested by user."));
    }

    /** The export names Fn::ImportValue read so far. */
    Set<String> imported() {
        return imported;
    }

    @Override
    public JsonNode mappings() {
        return definition.template().mappings();
    }

    @Override
    public String region() {
        return request.region();
    }
}
