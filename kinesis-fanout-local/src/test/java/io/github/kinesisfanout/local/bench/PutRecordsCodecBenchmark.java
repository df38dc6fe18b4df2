package io.github.kinesisfanout.local.bench;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.EdgeRequest;
import io.github.kinesisfanout.local.edge.EdgeResponse;
import io.github.kinesisfanout.local.edge.JsonWireProtocol;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * The CPU time of one thread per PutRecords record in the CBOR codec and the Kinesis service, without
 * HTTP: 500 records of 100 bytes a call through {@link JsonWireProtocol#handle}, read by the streaming
 * reader ({@code streamed}) or as a tree ({@code tree}: the same body led by a member the reader does not
 * know, which the tree path ignores). The two alternate; each run is a fresh service writing
 * {@code --calls} calls (default 200) into a 4-shard stream; medians after warm-up runs.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.github.kinesisfanout.local.bench.PutRecordsCodecBenchmark [--calls 200] [--warmup-runs 10] [--repeat 15]
 * </pre>
 */
public final class PutRecordsCodecBenchmark {

    private static final RequestContext CTX = new RequestContext("bench", "000000000000", "us-east-1");
    private static final int RECORDS = 500;

    private PutRecordsCodecBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int calls = 200;
        int warmups = 10;
        int repeat = 15;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--warmup-runs" -> warmups = Integer.parseInt(args[i + 1]);
                case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --calls, --warmup-runs, --repeat)");
            }
        }
        byte[] streamed = body(false);
        byte[] tree = body(true);
        double[] streamedUs = new double[repeat];
        double[] treeUs = new double[repeat];
        for (int run = -warmups; run < repeat; run++) {
            double s = run(streamed, calls);
            double t = run(tree, calls);
            if (run >= 0) {
                streamedUs[run] = s;
                treeUs[run] = t;
            }
        }
        System.out.printf("PutRecords, %d records of 100 bytes a call, %d calls a run, CPU us per record, median of %d:%n",
                RECORDS, calls, repeat);
        System.out.printf("streamed %.3f (min %.3f), tree %.3f (min %.3f)%n", median(streamedUs),
                Arrays.stream(streamedUs).min().orElse(0), median(treeUs), Arrays.stream(treeUs).min().orElse(0));
    }

    private static double run(byte[] body, int calls) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JsonWireProtocol codec = new JsonWireProtocol();
        EdgeRequest request = new EdgeRequest("POST", "/", Map.of(), Map.of("content-type",
                JsonWireProtocol.CBOR_CONTENT_TYPE, "x-amz-target", "Kinesis_20131202.PutRecords"), body);
        try (KinesisService kinesis = new KinesisService(ServiceContext.inMemory(Clock.systemUTC()))) {
            kinesis.invoke("CreateStream", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("StreamName", "bench").put("ShardCount", 4), CTX);
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                EdgeResponse answer = codec.handle(request, kinesis, CTX);
                if (answer.status() != 200) {
                    throw new IllegalStateException("PutRecords answered " + answer.status());
                }
            }
            return (threads.getCurrentThreadCpuTime() - start) / 1000.0 / calls / RECORDS;
        }
    }

    private static byte[] body(boolean unknownMember) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = new CBORFactory().createGenerator(bytes)) {
            out.writeStartObject();
            if (unknownMember) {
                out.writeNullField("Unknown");
            }
            out.writeStringField("StreamName", "bench");
            out.writeFieldName("Records");
            out.writeStartArray();
            byte[] data = new byte[100];
            for (int i = 0; i < RECORDS; i++) {
                Arrays.fill(data, (byte) i);
                out.writeStartObject();
                out.writeFieldName("Data");
                out.writeBinary(data);
                out.writeStringField("PartitionKey", "key-" + i);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
