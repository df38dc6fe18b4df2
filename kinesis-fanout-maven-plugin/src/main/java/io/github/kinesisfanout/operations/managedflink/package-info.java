/**
 * The operations behind the application goals with {@code engine=flink}: the translated
 * application deployed, started, stopped and deleted on Managed Service for Apache Flink
 * (kinesisanalyticsv2). Nothing here imports {@code org.apache.maven}.
 */
package io.github.kinesisfanout.operations.managedflink;
