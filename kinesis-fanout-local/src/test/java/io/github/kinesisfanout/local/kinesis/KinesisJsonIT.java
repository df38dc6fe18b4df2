package io.github.kinesisfanout.local.kinesis;

import java.net.URI;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The Kinesis tests over AWS JSON 1.1 (CBOR disabled in the client). */
class KinesisJsonIT extends AbstractKinesisIT {

    @Override
    protected KinesisClient client(URI endpoint) {
        return KinesisClients.json(endpoint, contentTypes);
    }

    @Override
    protected String expectedContentType() {
        return "application/x-amz-json-1.1";
    }
}
