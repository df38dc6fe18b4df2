package io.github.kinesisfanout.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.cloudformation.template.TemplateException;
import io.github.kinesisfanout.local.cloudformation.template.TemplateReader;

/** Reads CloudFormation template bodies as the local cloud does, for tools outside it (the plugin). */
public final class CloudFormationTemplates {

    private CloudFormationTemplates() {
    }

    /**
     * Parses a JSON or YAML template body into its JSON tree, YAML short-form tags ({@code !Ref},
     * {@code !GetAtt A.B}, ...) rewritten to their long form.
     *
     * @throws IllegalArgumentException with CloudFormation's "Template format error: ..." message
     */
    public static JsonNode read(String body) {
        try {
            return new TemplateReader().read(body);
        } catch (TemplateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
