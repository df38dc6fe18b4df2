package io.github.kinesisfanout.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionLogHandlerTest {

    @Test
    void logsEveryRecordOfTheBatchInOrder() {
        RecordingContext context = new RecordingContext();
        KinesisEvent event = event(
                "{\"ID\":1,\"USERNAME\":\"alice\",\"AMOUNT\":12.34}",
                "{\"ID\":2,\"USERNAME\":\"bob\",\"AMOUNT\":0}");

        assertNull(new PositiveTransactionsHandler().handleRequest(event, context));

        assertEquals(List.of(
                "POSITIVE_TRANSACTIONS ID=1 USERNAME=alice AMOUNT=12.34",
                "POSITIVE_TRANSACTIONS ID=2 USERNAME=bob AMOUNT=0.00"), context.lines);
    }

    @Test
    void skipsAMalformedRecordAndKeepsGoing() {
        RecordingContext context = new RecordingContext();
        KinesisEvent event = event("not json", "{\"ID\":3,\"USERNAME\":\"carol\",\"AMOUNT\":-5.5}");

        new NegativeTransactionsHandler().handleRequest(event, context);

        assertEquals(List.of(
                "Skipped record shardId-000000000000:1 of NEGATIVE_TRANSACTIONS: record is not valid JSON: not json",
                "NEGATIVE_TRANSACTIONS ID=3 USERNAME=carol AMOUNT=-5.50"), context.lines);
    }

    @Test
    void anEmptyEventLogsNothing() {
        RecordingContext context = new RecordingContext();
        new PositiveTransactionsHandler().handleRequest(new KinesisEvent(), context);
        assertEquals(List.of(), context.lines);
    }

    private static KinesisEvent event(String... payloads) {
        List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            kinesis.setData(ByteBuffer.wrap(payloads[i].getBytes(StandardCharsets.UTF_8)));
            kinesis.setSequenceNumber(String.valueOf(i + 1));
            KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
            record.setKinesis(kinesis);
            record.setEventID("shardId-000000000000:" + (i + 1));
            records.add(record);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }

    /** A Lambda context whose logger keeps each line. */
    private static final class RecordingContext implements Context {
        final List<String> lines = new ArrayList<>();

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    lines.add(message);
                }

                @Override
                public void log(byte[] message) {
                    lines.add(new String(message, StandardCharsets.UTF_8));
                }
            };
        }

        @Override public String getAwsRequestId() { return "request-1"; }
        @Override public String getLogGroupName() { return "/aws/lambda/test"; }
        @Override public String getLogStreamName() { return "stream"; }
        @Override public String getFunctionName() { return "test"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:test"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 60_000; }
        @Override public int getMemoryLimitInMB() { return 512; }
    }
}
