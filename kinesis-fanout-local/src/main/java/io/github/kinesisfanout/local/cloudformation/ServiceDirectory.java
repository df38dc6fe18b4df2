package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.edge.AwsService;
import java.util.Optional;

/** Finds the local cloud's services by SigV4 signing name, so handlers need no compile-time link. */
@FunctionalInterface
public interface ServiceDirectory {

    /** The registered service, or empty when the local cloud does not run it. */
    Optional<AwsService> find(String signingName);
}
