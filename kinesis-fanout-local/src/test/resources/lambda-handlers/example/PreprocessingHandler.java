package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsInputPreprocessingResponse;
import com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsStreamsInputPreprocessingEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kinesis Analytics input preprocessor for {@code {"ID":..,"USERNAME":"..","AMOUNT":..}} records: upper-cases
 * USERNAME (Ok), answers Dropped for USERNAME {@code drop} and ProcessingFailed for {@code fail}, writes the
 * record twice for {@code twice}; leaves records with USERNAME {@code omit} out of its answer and throws when a
 * USERNAME is {@code poison}. It logs every invocation and every record's metadata.
 */
public class PreprocessingHandler implements RequestHandler<KinesisAnalyticsStreamsInputPreprocessingEvent,
        KinesisAnalyticsInputPreprocessingResponse> {

    private static final Pattern USERNAME = Pattern.compile("\"USERNAME\":\"([^\"]*)\"");

    @Override
    public KinesisAnalyticsInputPreprocessingResponse handleRequest(KinesisAnalyticsStreamsInputPreprocessingEvent event,
            Context context) {
        context.getLogger().log("invocation app=" + event.getApplicationArn() + " stream=" + event.getStreamArn()
                + " records=" + event.getRecords().size());
        List<KinesisAnalyticsInputPreprocessingResponse.Record> answers = new ArrayList<>();
        for (KinesisAnalyticsStreamsInputPreprocessingEvent.Record record : event.getRecords()) {
            String data = StandardCharsets.UTF_8.decode(record.getData()).toString();
            var metadata = record.getKinesisStreamRecordMetadata();
            context.getLogger().log("record id=" + record.getRecordId() + " seq=" + metadata.getSequenceNumber()
                    + " key=" + metadata.getPartitionKey() + " shard=" + metadata.getShardId()
                    + " arrival=" + metadata.getApproximateArrivalTimestamp() + " data=" + data);
            Matcher username = USERNAME.matcher(data);
            String name = username.find() ? username.group(1) : "";
            switch (name) {
                case "poison" -> throw new IllegalStateException("cannot preprocess " + data);
                case "omit" -> {
                }
                case "drop" -> answers.add(new KinesisAnalyticsInputPreprocessingResponse.Record(record.getRecordId(),
                        KinesisAnalyticsInputPreprocessingResponse.Result.Dropped, null));
                case "fail" -> answers.add(new KinesisAnalyticsInputPreprocessingResponse.Record(record.getRecordId(),
                        KinesisAnalyticsInputPreprocessingResponse.Result.ProcessingFailed, null));
                default -> {
                    String upper = username.replaceFirst("\"USERNAME\":\"" + name.toUpperCase() + "\"");
                    String out = "twice".equals(name) ? upper + "\n" + upper : upper;
                    answers.add(new KinesisAnalyticsInputPreprocessingResponse.Record(record.getRecordId(),
                            KinesisAnalyticsInputPreprocessingResponse.Result.Ok,
                            ByteBuffer.wrap(out.getBytes(StandardCharsets.UTF_8))));
                }
            }
        }
        return new KinesisAnalyticsInputPreprocessingResponse(answers);
    }
}
