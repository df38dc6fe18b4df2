package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Streams named by name or by ARN. */
class StreamRefTest {

    @Test
    void nameOrArn() {
        StreamRef byName = StreamRef.parse(" Transactions ");
        assertEquals("Transactions", byName.name());
        assertNull(byName.arn());
        assertNull(byName.putRecords().build().streamARN());
        String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/Transactions";
        StreamRef byArn = StreamRef.parse(arn);
        assertEquals("Transactions", byArn.name());
        assertEquals(arn, byArn.display());
        assertEquals(arn, byArn.describeRequest().streamARN());
        assertNull(byArn.describeRequest().streamName());
    }
}
