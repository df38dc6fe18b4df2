package io.github.kinesisfanout.local.iam;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;

/** The IAM entities of one account: roles with their inline and attached policies, and managed policies. */
final class IamEntities {

    final ConcurrentSkipListMap<String, Role> roles = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);
    final ConcurrentSkipListMap<String, Policy> policies = new ConcurrentSkipListMap<>();

    /** A role; names are unique regardless of case, as in IAM. */
    static final class Role {
        final String name;
        final String id;
        final String arn;
        final String path;
        final Instant created;
        volatile String description;
        volatile int maxSessionDuration;
        final Map<String, String> tags;
        volatile String assumeRolePolicy;
        final Map<String, String> inlinePolicies = new ConcurrentSkipListMap<>();
        final Set<String> attachedPolicyArns = new CopyOnWriteArraySet<>();

        Role(String name, String id, String arn, String path, Instant created, String description,
                int maxSessionDuration, Map<String, String> tags, String assumeRolePolicy) {
            this.name = name;
            this.id = id;
            this.arn = arn;
            this.path = path;
            this.created = created;
            this.description = description;
            this.maxSessionDuration = maxSessionDuration;
            this.tags = tags;
            this.assumeRolePolicy = assumeRolePolicy;
        }
    }

    /** A customer managed policy at its default version ({@code v1}, {@code v2}...; older versions are not kept). */
    record Policy(String name, String id, String arn, String path, Instant created, String description,
            String document, int version) {
    }
}
