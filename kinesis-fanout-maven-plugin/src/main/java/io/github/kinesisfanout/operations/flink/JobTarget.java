package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.sql.FlinkConnector;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how the job reads and writes Kinesis: the settings its runtime properties carry besides
 * the streams (contract of the translated script's placeholders).
 *
 * @param connector the connector generation the script was translated for
 * @param region the AWS region
 * @param endpoint the Kinesis endpoint, or null for AWS in the region
 * @param localEndpoint whether the endpoint is a local cloud (plain HTTP/1.1, static credentials)
 * @param accessKey static access key id, or null for the connector's default chain
 * @param secretKey static secret key, or null
 * @param startingPosition TRIM_HORIZON or LATEST, or null for the connector's default (LATEST)
 */
public record JobTarget(FlinkConnector connector, String region, URI endpoint, boolean localEndpoint,
        String accessKey, String secretKey, String startingPosition) {

    /** The credentials a local cloud accepts when none are set. */
    static final String LOCAL_CREDENTIAL = "test";

    /** The job's properties for these settings, the input stream and each output's stream. */
    public JobProperties properties(String inputStream, Map<String, String> outputStreams) {
        Map<String, String> application = new LinkedHashMap<>();
        application.put("aws.region", region);
        if (endpoint != null) {
            application.put("aws.endpoint", endpoint.toString());
        }
        if (accessKey != null || localEndpoint) {
            application.put("aws.credentials.provider", "BASIC");
            application.put("aws.credentials.basic.accesskeyid", accessKey != null ? accessKey : LOCAL_CREDENTIAL);
            application.put("aws.credentials.basic.secretkey", secretKey != null ? secretKey : LOCAL_CREDENTIAL);
        } else {
            application.put("aws.credentials.provider", "AUTO");
        }
        if (startingPosition != null) {
            application.put(connector == FlinkConnector.KINESIS_4 ? "scan.stream.initpos" : "source.init.position",
                    startingPosition);
        }
        if (localEndpoint) {
            // The connector's async sink speaks HTTP/2 by default, which a plain-HTTP endpoint does not.
            application.put("sink.http-client.protocol.version", "HTTP1_1");
        }
        Map<String, String> streams = new LinkedHashMap<>();
        streams.put("input.stream", inputStream);
        outputStreams.forEach((name, stream) -> streams.put("output." + name + ".stream", stream));
        return new JobProperties(application, streams);
    }

    /**
     * How the connector names a stream: the legacy connector by name, the 5.x connector by ARN.
     *
     * @param nameOrArn the stream as configured
     * @param arnLookup finds the ARN of a stream given by name
     */
    public String streamId(String nameOrArn, java.util.function.UnaryOperator<String> arnLookup) {
        boolean arn = nameOrArn.startsWith("arn:");
        if (connector == FlinkConnector.KINESIS_4 && arn) {
            int stream = nameOrArn.indexOf(":stream/");
            if (stream < 0) {
                throw new io.github.kinesisfanout.operations.FanoutException("'" + nameOrArn + "' is not a Kinesis"
                        + " stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME): fix the stream in <outputs> or"
                        + " the input stream (-Dfanout.inputStreamArn=ARN)");
            }
            return nameOrArn.substring(stream + ":stream/".length());
        }
        if (connector == FlinkConnector.KINESIS_4) {
            return nameOrArn;
        }
        return arn ? nameOrArn : arnLookup.apply(nameOrArn);
    }
}
