package io.github.kinesisfanout.local.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs with the real SDK v2 client (JSON 1.1): groups, streams, events, filters, retention and errors. */
class LogsIT {

    private LocalCloud cloud;
    private CloudWatchLogsClient logs;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().build().start();
        logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint());
    }

    @AfterEach
    void stop() {
        logs.close();
        cloud.close();
    }

    @Test
    void writesReadsAndFiltersEvents() {
        logs.createLogGroup(c -> c.logGroupName("/app/orders"));
        logs.createLogStream(c -> c.logGroupName("/app/orders").logStreamName("s1"));
        logs.createLogStream(c -> c.logGroupName("/app/orders").logStreamName("s2"));
        long now = System.currentTimeMillis();
        logs.putLogEvents(p -> p.logGroupName("/app/orders").logStreamName("s1").logEvents(
                event(now, "INFO order 1 accepted"), event(now + 1, "ERROR order 2 rejected")));
        logs.putLogEvents(p -> p.logGroupName("/app/orders").logStreamName("s2").logEvents(
                event(now + 2, "ERROR order 3 timed out")));

        GetLogEventsResponse read = logs.getLogEvents(g -> g.logGroupName("/app/orders").logStreamName("s1")
                .startFromHead(true));
        assertEquals(List.of("INFO order 1 accepted", "ERROR order 2 rejected"),
                read.events().stream().map(OutputLogEvent::message).toList());
        GetLogEventsResponse end = logs.getLogEvents(g -> g.logGroupName("/app/orders").logStreamName("s1")
                .nextToken(read.nextForwardToken()));
        assertTrue(end.events().isEmpty());
        assertEquals(read.nextForwardToken(), end.nextForwardToken(), "the forward token repeats at the end");

        List<String> errors = logs.filterLogEvents(f -> f.logGroupName("/app/orders").filterPattern("ERROR order"))
                .events().stream().map(FilteredLogEvent::message).toList();
        assertEquals(List.of("ERROR order 2 rejected", "ERROR order 3 timed out"), errors);
        assertEquals(List.of("ERROR order 2 rejected"), logs.filterLogEvents(f -> f.logGroupName("/app/orders")
                .filterPattern("ERROR -\"timed out\"")).events().stream().map(FilteredLogEvent::message).toList());
        assertEquals("s2", logs.filterLogEvents(f -> f.logGroupName("/app/orders").filterPattern("timed"))
                .events().get(0).logStreamName());

        logs.putRetentionPolicy(p -> p.logGroupName("/app/orders").retentionInDays(7));
        LogGroup group = logs.describeLogGroups(d -> d.logGroupNamePrefix("/app/")).logGroups().get(0);
        assertEquals("/app/orders", group.logGroupName());
        assertEquals(7, group.retentionInDays());
        assertEquals(List.of("s1", "s2"), logs.describeLogStreams(d -> d.logGroupName("/app/orders")).logStreams()
                .stream().map(s -> s.logStreamName()).toList());
    }

    @Test
    void answersLogsErrors() {
        logs.createLogGroup(c -> c.logGroupName("g"));
        ResourceAlreadyExistsException exists = assertThrows(ResourceAlreadyExistsException.class,
                () -> logs.createLogGroup(c -> c.logGroupName("g")));
        assertEquals("The specified log group already exists", exists.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class,
                () -> logs.createLogStream(c -> c.logGroupName("missing").logStreamName("s")));
        assertThrows(ResourceNotFoundException.class, () -> logs.putLogEvents(p -> p.logGroupName("g")
                .logStreamName("missing").logEvents(event(1, "x"))));
        assertThrows(InvalidParameterException.class,
                () -> logs.putRetentionPolicy(p -> p.logGroupName("g").retentionInDays(2)));
        logs.deleteLogGroup(d -> d.logGroupName("g"));
        assertThrows(ResourceNotFoundException.class, () -> logs.deleteLogGroup(d -> d.logGroupName("g")));
    }

    /**
     * The messages as CloudWatch Logs words them: its model's constraint violations in AWS's common
     * "1 validation error detected" form under InvalidParameterException (HTTP 400), the list shown
     * without a value; the retention values are the API reference's list for PutRetentionPolicy.
     */
    @Test
    void answersValidationErrorsInAwsWording() {
        logs.createLogGroup(c -> c.logGroupName("g"));
        logs.createLogStream(c -> c.logGroupName("g").logStreamName("s"));
        InvalidParameterException retention = assertThrows(InvalidParameterException.class,
                () -> logs.putRetentionPolicy(p -> p.logGroupName("g").retentionInDays(2)));
        assertEquals(400, retention.statusCode());
        assertEquals("InvalidParameterException", retention.awsErrorDetails().errorCode());
        assertEquals("1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint:"
                + " Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,"
                + " 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]", retention.awsErrorDetails().errorMessage());
        InvalidParameterException empty = assertThrows(InvalidParameterException.class,
                () -> logs.putLogEvents(p -> p.logGroupName("g").logStreamName("s").logEvents(List.of())));
        assertEquals(400, empty.statusCode());
        assertEquals("1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must"
                + " have length greater than or equal to 1", empty.awsErrorDetails().errorMessage());
        ResourceNotFoundException stream = assertThrows(ResourceNotFoundException.class,
                () -> logs.putLogEvents(p -> p.logGroupName("g").logStreamName("other").logEvents(event(1, "x"))));
        assertEquals(400, stream.statusCode());
        assertEquals("The specified log stream does not exist.", stream.awsErrorDetails().errorMessage());
    }

    private static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }
}
