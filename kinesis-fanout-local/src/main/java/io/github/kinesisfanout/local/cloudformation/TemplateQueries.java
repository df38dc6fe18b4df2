package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.template.ParameterDeclaration;
import io.github.kinesisfanout.local.cloudformation.template.ResourceDeclaration;
import io.github.kinesisfanout.local.cloudformation.template.Template;
import java.util.LinkedHashSet;
import java.util.Set;

/** ValidateTemplate and GetTemplateSummary: what a template declares and which capabilities it needs. */
final class TemplateQueries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Deployments deployments;

    TemplateQueries(Deployments deployments) {
        this.deployments = deployments;
    }

    JsonNode validateTemplate(ObjectNode input) {
        Template template = TemplateSource.of(input, null, deployments).template();
        ObjectNode out = NODES.objectNode();
        ArrayNode parameters = out.putArray("Parameters");
        for (ParameterDeclaration p : template.parameters().values()) {
            ObjectNode item = parameters.addObject().put("ParameterKey", p.name()).put("NoEcho", p.noEcho());
            if (p.defaultValue() != null) {
                item.put("DefaultValue", p.defaultValue());
            }
            if (p.description() != null) {
                item.put("Description", p.description());
            }
        }
        if (template.description() != null) {
            out.put("Description", template.description());
        }
        capabilities(template, out);
        out.putArray("DeclaredTransforms");
        return out;
    }

    JsonNode getTemplateSummary(ObjectNode input, StackStore store) {
        String stackName = QueryInput.text(input, "StackName");
        Template template = stackName != null ? store.get(stackName).definition().template()
                : TemplateSource.of(input, null, deployments).template();
        ObjectNode out = NODES.objectNode();
        ArrayNode parameters = out.putArray("Parameters");
        for (ParameterDeclaration p : template.parameters().values()) {
            ObjectNode item = parameters.addObject().put("ParameterKey", p.name()).put("ParameterType", p.type())
                    .put("NoEcho", p.noEcho());
            if (p.defaultValue() != null) {
                item.put("DefaultValue", p.defaultValue());
            }
            if (p.description() != null) {
                item.put("Description", p.description());
            }
            ArrayNode allowed = item.putObject("ParameterConstraints").putArray("AllowedValues");
            p.allowedValues().forEach(allowed::add);
        }
        if (template.description() != null) {
            out.put("Description", template.description());
        }
        capabilities(template, out);
        Set<String> types = new LinkedHashSet<>();
        template.resources().values().forEach(r -> types.add(r.type()));
        ArrayNode typeList = out.putArray("ResourceTypes");
        types.forEach(typeList::add);
        out.put("Version", "2010-09-09");
        out.putArray("DeclaredTransforms");
        return out;
    }

    private static void capabilities(Template template, ObjectNode out) {
        String needed = Capabilities.required(template);
        ArrayNode list = out.putArray("Capabilities");
        if (needed != null) {
            list.add(needed);
            Set<String> iamTypes = new LinkedHashSet<>();
            for (ResourceDeclaration r : template.resources().values()) {
                if (r.type().startsWith("AWS::IAM::")) {
                    iamTypes.add(r.type());
                }
            }
            out.put("CapabilitiesReason", "The following resource(s) require capabilities: " + iamTypes);
        }
    }
}
