package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks what a template refers to before any resource is touched: Ref, Fn::GetAtt, Fn::Sub and
 * DependsOn targets, condition names and dependency cycles, with AWS's messages.
 */
public final class TemplateValidator {

    /** The pseudo parameters every template may Ref. */
    public static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::Region", "AWS::AccountId",
            "AWS::StackName", "AWS::StackId", "AWS::Partition", "AWS::URLSuffix", "AWS::NoValue",
            "AWS::NotificationARNs");

    private final Function<String, Set<String>> attributesOfType;

    /**
     * @param attributesOfType the Fn::GetAtt attributes of a resource type, or null when the type is
     *     unknown (then any attribute passes here and the resource fails when it is created)
     */
    public TemplateValidator(Function<String, Set<String>> attributesOfType) {
        this.attributesOfType = attributesOfType;
    }

    /** Throws a {@link TemplateException} for the first problem found. */
    public void validate(Template template) {
        Set<String> unresolved = new LinkedHashSet<>();
        template.resources().forEach((id, resource) -> {
            checkReferences(template, resource.properties(), unresolved);
            resource.dependsOn().stream().filter(d -> !template.resources().containsKey(d)).forEach(unresolved::add);
            checkCondition(template, resource.condition());
            checkIfConditions(template, resource.properties());
        });
        if (!unresolved.isEmpty()) {
            throw new TemplateException("Template format error: Unresolved resource dependencies "
                    + unresolved + " in the Resources block of the template");
        }
        template.outputs().values().forEach(output -> {
            checkReferences(template, output.value(), unresolved);
            checkReferences(template, output.exportName(), unresolved);
            checkCondition(template, output.condition());
            checkIfConditions(template, output.value());
        });
        if (!unresolved.isEmpty()) {
            throw new TemplateException("Template format error: Unresolved resource dependencies "
                    + unresolved + " in the Outputs block of the template");
        }
        template.conditions().values().forEach(c -> References.of(c).forEach(r -> {
            if (!template.parameters().containsKey(r.name()) && !PSEUDO_PARAMETERS.contains(r.name())) {
                throw new TemplateException("Template format error: Unresolved dependencies [" + r.name()
                        + "]. Cannot reference resources in the Conditions block of the template");
            }
        }));
        DependencyGraph.of(template).creationOrder();
    }

    private void checkReferences(Template template, JsonNode node, Set<String> unresolved) {
        for (References.Reference ref : References.of(node)) {
            if (ref.attribute() == null) {
                if (!template.parameters().containsKey(ref.name()) && !PSEUDO_PARAMETERS.contains(ref.name())
                        && !template.resources().containsKey(ref.name())) {
                    unresolved.add(ref.name());
                }
                continue;
            }
            ResourceDeclaration target = template.resources().get(ref.name());
            if (target == null) {
                throw new TemplateException("Template error: instance of Fn::GetAtt references undefined resource "
                        + ref.name());
            }
            Set<String> attributes = attributesOfType.apply(target.type());
            if (attributes != null && !ref.attribute().equals("*") && !attributes.contains(ref.attribute())) {
                throw new TemplateException("Template error: resource " + ref.name()
                        + " does not support attribute type " + ref.attribute() + " in Fn::GetAtt");
            }
        }
    }

    private static void checkCondition(Template template, String name) {
        if (name != null && !template.conditions().containsKey(name)) {
            throw new TemplateException("Template format error: Unresolved condition dependency " + name);
        }
    }

    private static void checkIfConditions(Template template, JsonNode node) {
        if (node == null || !node.isContainerNode()) {
            return;
        }
        if (node.isObject() && node.size() == 1 && node.has("Fn::If") && node.get("Fn::If").isArray()) {
            String name = node.get("Fn::If").path(0).asText();
            if (!template.conditions().containsKey(name)) {
                throw new TemplateException("Template error: unresolved condition dependency " + name + " in Fn::If");
            }
        }
        for (JsonNode child : (Iterable<JsonNode>) node::elements) {
            checkIfConditions(template, child);
        }
    }
}
