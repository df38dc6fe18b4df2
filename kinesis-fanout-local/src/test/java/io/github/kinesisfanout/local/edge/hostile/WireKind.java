package io.github.kinesisfanout.local.edge.hostile;

/** The wire protocols of the edge, by the way each one renders its errors. */
enum WireKind {
    /** AWS JSON 1.1: {@code {"__type": code}} and {@code X-Amzn-ErrorType}. */
    JSON,
    /** The CBOR variant of JSON 1.1: a CBOR body and {@code X-Amzn-ErrorType}. */
    CBOR,
    /** Query: {@code <ErrorResponse><Error><Code>}. */
    QUERY,
    /** REST-JSON: {@code x-amzn-ErrorType} and a JSON message. */
    REST_JSON,
    /** REST-XML (S3): {@code <Error><Code>}, or {@code x-amz-error-code} for HEAD. */
    REST_XML
}
