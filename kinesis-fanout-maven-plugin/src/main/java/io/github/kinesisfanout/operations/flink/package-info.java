/**
 * The operations behind the Flink goals: translating the application to a Flink SQL script,
 * packaging the job jar with its runtime properties, and running it in a forked JVM against any
 * Kinesis endpoint. Nothing here imports {@code org.apache.maven}.
 */
package io.github.kinesisfanout.operations.flink;
