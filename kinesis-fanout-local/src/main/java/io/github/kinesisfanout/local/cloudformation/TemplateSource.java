package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.template.Template;

/** The template of a request: TemplateBody, or the stack's current one with UsePreviousTemplate. */
record TemplateSource(String body, Template template) {

    static TemplateSource of(ObjectNode input, Stack current, Deployments deployments) {
        String body = QueryInput.text(input, "TemplateBody");
        if (body == null && QueryInput.bool(input, "UsePreviousTemplate")) {
            if (current == null) {
                throw CloudFormationErrors.VALIDATION_ERROR.error(
                        "UsePreviousTemplate can only be used with an existing stack");
            }
            body = current.definition().templateBody();
        }
        if (body == null && QueryInput.text(input, "TemplateURL") != null) {
            throw CloudFormationErrors.VALIDATION_ERROR.error("TemplateURL is not supported by the local cloud:"
                    + " pass the template as TemplateBody");
        }
        if (body == null) {
            throw CloudFormationErrors.VALIDATION_ERROR.error(
                    "Either Template URL or Template Body must be specified.");
        }
        Template template = Template.parse(body);
        deployments.validate(template);
        return new TemplateSource(body, template);
    }
}
