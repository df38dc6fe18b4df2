package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Provisions one CloudFormation resource type by calling the owning service's operations. Lives in
 * the package of that service (e.g. {@code kinesis/KinesisStreamResource}); registered per type in
 * {@link ResourceHandlers}. Throw {@link ResourceFailure} or let an
 * {@link io.github.kinesisfanout.local.edge.AwsServiceException} through to fail the resource.
 */
public interface ResourceHandler {

    /** The resource type, e.g. {@code AWS::Kinesis::Stream}. */
    String type();

    /** The attribute names Fn::GetAtt accepts for this type. */
    Set<String> attributes();

    /**
     * The properties whose change replaces the resource (a new physical resource is created, the old
     * one deleted once the update succeeds), per the AWS resource reference's "Update requires:
     * Replacement". Every other property is updated in place.
     */
    Set<String> replacementProperties();

    /** Creates the resource from its resolved properties. */
    ProvisionedResource create(ResourceContext context);

    /**
     * Applies changed properties in place; only called when no replacement property changed.
     *
     * @param current what was provisioned before
     * @param previousProperties the resolved properties it was provisioned with
     */
    ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previousProperties);

    /** Deletes the resource; a resource that is already gone is not an error. */
    void delete(ResourceContext context, ProvisionedResource current);
}
