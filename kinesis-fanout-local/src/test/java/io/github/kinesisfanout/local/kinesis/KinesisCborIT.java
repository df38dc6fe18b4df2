package io.github.kinesisfanout.local.kinesis;

import java.net.URI;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The Kinesis tests over CBOR, the SDK's default for Kinesis. */
class KinesisCborIT extends AbstractKinesisIT {

    @Override
    protected KinesisClient client(URI endpoint) {
        return KinesisClients.cbor(endpoint, contentTypes);
    }

    @Override
    protected String expectedContentType() {
        return "application/x-amz-cbor-1.1";
    }
}
