package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;

/** What intrinsic functions look up while a template is resolved for one stack operation. */
public interface EvaluationContext {

    /** The value of {@code Ref name}: a parameter, a pseudo parameter or a resource's physical id. */
    JsonNode ref(String name);

    /** The value of {@code Fn::GetAtt [resource, attribute]}. */
    JsonNode getAtt(String resource, String attribute);

    /** The value of the named condition. */
    boolean condition(String name);

    /** The value exported under this name by some stack of the same account and region. */
    JsonNode importValue(String exportName);

    /** The template's Mappings section. */
    JsonNode mappings();

    /** The stack's region, for Fn::GetAZs. */
    String region();
}
