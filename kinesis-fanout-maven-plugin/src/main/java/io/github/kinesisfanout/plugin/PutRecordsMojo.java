package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.putrecords.PutRecordsOperation;
import io.github.kinesisfanout.operations.putrecords.PutRecordsResult;
import io.github.kinesisfanout.operations.putrecords.PutRecordsSettings;
import java.io.File;
import java.time.Duration;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts records into a Kinesis stream: generated transactions {@code {"ID","USERNAME","AMOUNT"}} or the
 * lines of a JSON-lines file, and writes a manifest of what was sent.
 */
@Mojo(name = PutRecordsMojo.GOAL_NAME, defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class PutRecordsMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "put-records";

    /** The target stream, by name or ARN. */
    @Parameter(property = "fanout.streamName")
    protected String streamName;

    /** How many generated transactions to send (ignored with recordsFile). */
    @Parameter(property = "fanout.recordCount", defaultValue = "100")
    protected long recordCount;

    /** A JSON-lines file to send instead of generated transactions, one record per line. */
    @Parameter(property = "fanout.recordsFile")
    protected File recordsFile;

    /** Partition key of each record: random, field:NAME (a top-level field of the record) or a fixed key. */
    @Parameter(property = "fanout.partitionKey", defaultValue = "random")
    protected String partitionKey;

    /** Seed of the generator and the random keys; the same seed sends the same records. Unset: a new seed, logged. */
    @Parameter(property = "fanout.seed")
    protected Long seed;

    /** How often records a partial PutRecords failure rejected are sent again before the build fails. */
    @Parameter(property = "fanout.maxRetries", defaultValue = "10")
    protected int maxRetries;

    /** At most this many records per second; 0 for no limit. */
    @Parameter(property = "fanout.rate", defaultValue = "0")
    protected double rate;

    /** Creates the stream when it does not exist (handy with the local cloud). */
    @Parameter(property = "fanout.createStream", defaultValue = "false")
    protected boolean createStream;

    /** Shards of a stream createStream creates. */
    @Parameter(property = "fanout.shardCount", defaultValue = "1")
    protected int shardCount;

    /**
     * Where the manifest of sent records goes (JSON lines: data, partitionKey, shardId, sequenceNumber,
     * putTimestamp). Unset: target/kinesis-fanout/put-records-manifest.jsonl of the project (of the
     * current directory when run without a POM).
     */
    @Parameter(property = "fanout.manifest")
    protected File manifest;

    /** Seconds between progress lines on long runs. */
    @Parameter(property = "fanout.progressInterval", defaultValue = "5")
    protected int progressInterval;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        String stream = streamName != null && !streamName.isBlank() ? streamName : defaultStreamName();
        PutRecordsSettings settings = new PutRecordsSettings()
                .stream(require(stream, "streamName", "NAME"))
                .recordCount(recordCount)
                .recordsFile(recordsFile != null ? recordsFile.toPath() : null)
                .partitionKey(partitionKey)
                .seed(seed)
                .maxRetries(maxRetries)
                .rate(rate)
                .createStream(createStream, shardCount)
                .manifest(manifestFile().toPath())
                .progressInterval(Duration.ofSeconds(Math.max(1, progressInterval)))
                .waitTimeout(waitTimeoutDuration());
        PutRecordsResult result = new PutRecordsOperation(clients(), listener()).run(settings);
        getLog().info(result.summary());
        getLog().info("Manifest: " + result.manifest());
    }

    private File manifestFile() {
        if (manifest != null) {
            return manifest;
        }
        // Without a POM, Maven's stub project has no usable build directory.
        File target = project.getFile() != null ? new File(project.getBuild().getDirectory()) : new File("target");
        return new File(target, "kinesis-fanout/put-records-manifest.jsonl");
    }

    /**
     * The stream to use when streamName is unset: none yet. A goal that deploys the stack can make
     * its input stream the default here (e.g. from a {@code fanout.output.*} project property).
     */
    protected String defaultStreamName() {
        return null;
    }
}
