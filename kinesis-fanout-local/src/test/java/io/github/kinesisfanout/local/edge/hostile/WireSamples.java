package io.github.kinesisfanout.local.edge.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Valid requests of each protocol the edge speaks, the seeds the fuzzer mutates. */
final class WireSamples {

    static final String CONTROL_STREAM = "control";
    static final String FUZZ_STREAM = "fuzz";
    static final String BUCKET = "fuzz-bucket";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private WireSamples() {
    }

    /** The Authorization header of a SigV4 request for a service (signatures are not checked by default). */
    static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=AKIDFUZZ/20260101/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
    }

    static List<WireSample> all() {
        return List.of(kinesisJson(), kinesisCbor(), createStack(), createFunction(), putObject(), putLogEvents(),
                createApplication());
    }

    static WireSample kinesisJson() {
        return json("Kinesis_20131202.PutRecords", "{\"StreamName\":\"" + FUZZ_STREAM + "\",\"Records\":["
                + "{\"Data\":\"aGVsbG8=\",\"PartitionKey\":\"alice\"},{\"Data\":\"d29ybGQ=\",\"PartitionKey\":\"bob\","
                + "\"ExplicitHashKey\":\"12345\"}]}");
    }

    static WireSample kinesisCbor() {
        try {
            JsonNode tree = JSON.readTree(kinesisJson().body());
            for (JsonNode record : tree.get("Records")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) record).put("Data", record.get("Data").binaryValue());
            }
            return new WireSample(WireKind.CBOR, "POST", "/", Map.of("X-Amz-Target", "Kinesis_20131202.PutRecords",
                    "Content-Type", "application/x-amz-cbor-1.1", "Authorization", authorization("kinesis")),
                    CBOR.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WireSample createStack() {
        String template = "{\"Parameters\":{\"Shards\":{\"Type\":\"Number\",\"Default\":\"1\"}},\"Resources\":{\"S\":"
                + "{\"Type\":\"AWS::Kinesis::Stream\",\"Properties\":{\"ShardCount\":{\"Ref\":\"Shards\"}}}},"
                + "\"Outputs\":{\"Name\":{\"Value\":{\"Ref\":\"S\"}}}}";
        String form = "Action=CreateStack&Version=2010-05-15&StackName=fuzz-stack&TemplateBody="
                + URLEncoder.encode(template, StandardCharsets.UTF_8)
                + "&Parameters.member.1.ParameterKey=Shards&Parameters.member.1.ParameterValue=1"
                + "&Tags.member.1.Key=k&Tags.member.1.Value=v";
        return new WireSample(WireKind.QUERY, "POST", "/", Map.of("Content-Type",
                "application/x-www-form-urlencoded; charset=utf-8", "Authorization", authorization("cloudformation")),
                form.getBytes(StandardCharsets.UTF_8));
    }

    static WireSample createFunction() {
        // A zip archive of one file: the function is created, never invoked.
        String body = "{\"FunctionName\":\"fuzz-fn\",\"Runtime\":\"java17\",\"Role\":"
                + "\"arn:aws:iam::000000000000:role/r\",\"Handler\":\"a.B::handle\",\"Timeout\":3,\"MemorySize\":512,"
                + "\"Environment\":{\"Variables\":{\"A\":\"1\"}},\"Tags\":{\"t\":\"v\"},"
                + "\"Code\":{\"ZipFile\":\"" + oneFileZip() + "\"}}";
        return new WireSample(WireKind.REST_JSON, "POST", "/2015-03-31/functions", Map.of("Content-Type",
                "application/json", "Authorization", authorization("lambda")), body.getBytes(StandardCharsets.UTF_8));
    }

    private static String oneFileZip() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("a function package".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static WireSample putObject() {
        return new WireSample(WireKind.REST_XML, "PUT", "/" + BUCKET + "/dir/key.txt", Map.of(
                "Content-Type", "text/plain", "Authorization", authorization("s3"),
                "x-amz-content-sha256", "UNSIGNED-PAYLOAD", "x-amz-meta-owner", "fuzz"),
                "hello, object".getBytes(StandardCharsets.UTF_8));
    }

    static WireSample listStreams() {
        return json("Kinesis_20131202.ListStreams", "{}");
    }

    static WireSample putLogEvents() {
        return json("Logs_20140328.PutLogEvents", "{\"logGroupName\":\"g\",\"logStreamName\":\"s\","
                + "\"logEvents\":[{\"timestamp\":1767225600000,\"message\":\"hello\"}]}");
    }

    static WireSample createApplication() {
        String sql = "CREATE OR REPLACE STREAM \\\"OUT\\\" (\\\"ID\\\" INTEGER);\\n"
                + "CREATE OR REPLACE PUMP \\\"P\\\" AS INSERT INTO \\\"OUT\\\" SELECT STREAM \\\"ID\\\""
                + " FROM \\\"SOURCE_SQL_STREAM_001\\\";";
        return json("KinesisAnalytics_20150814.CreateApplication", "{\"ApplicationName\":\"fuzz-app\","
                + "\"ApplicationCode\":\"" + sql + "\",\"Inputs\":[{\"NamePrefix\":\"SOURCE_SQL_STREAM\","
                + "\"KinesisStreamsInput\":{\"ResourceARN\":\"arn:aws:kinesis:us-east-1:000000000000:stream/fuzz\","
                + "\"RoleARN\":\"arn:aws:iam::000000000000:role/r\"},\"InputSchema\":{\"RecordFormat\":{"
                + "\"RecordFormatType\":\"JSON\",\"MappingParameters\":{\"JSONMappingParameters\":"
                + "{\"RecordRowPath\":\"$\"}}},\"RecordColumns\":[{\"Name\":\"ID\",\"SqlType\":\"INTEGER\","
                + "\"Mapping\":\"$.ID\"}]}}]}");
    }

    private static WireSample json(String target, String body) {
        return new WireSample(WireKind.JSON, "POST", "/", Map.of("X-Amz-Target", target,
                "Content-Type", "application/x-amz-json-1.1"), body.getBytes(StandardCharsets.UTF_8));
    }
}
