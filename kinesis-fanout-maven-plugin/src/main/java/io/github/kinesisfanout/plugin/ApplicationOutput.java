package io.github.kinesisfanout.plugin;

/**
 * One output of create-app in the plugin configuration:
 * {@code <output><name>POSITIVE_TRANSACTIONS</name><stream>PositiveTransactions</stream><format>JSON</format></output>}.
 */
public class ApplicationOutput {

    /** The in-application stream, exact case. */
    String name;

    /** The Kinesis stream it is written to, by name or ARN, e.g. {@code ${fanout.output.PositiveStreamArn}}. */
    String stream;

    /** JSON (default) or CSV. */
    String format = "JSON";
}
