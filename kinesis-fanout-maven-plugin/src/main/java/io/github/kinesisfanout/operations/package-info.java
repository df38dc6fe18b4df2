/**
 * Maven-free operations behind the goals: AWS SDK clients, waits, typed errors and progress events.
 *
 * <p>Nothing here imports {@code org.apache.maven}; a goal reads its parameters, calls one operation
 * and maps {@link io.github.kinesisfanout.operations.ProgressListener} onto Maven's log.
 */
package io.github.kinesisfanout.operations;
