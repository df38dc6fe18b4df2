package io.github.kinesisfanout.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The SigV4 verifier against the SDK's own signer, and against AWS's documented example. */
class SigV4Test {

    private static EdgeRequest received(SignedRequest signed, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        // The HTTP client sends Host; the signer signs it without adding it to the request.
        headers.put("host", signed.request().host() + ":" + signed.request().port());
        signed.request().headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        String rawUri = signed.request().encodedPath() + signed.request().encodedQueryParameters().map(q -> "?" + q).orElse("");
        EdgeRequest decoded = EdgeRequests.of(new io.netty.handler.codec.http.DefaultHttpRequest(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                io.netty.handler.codec.http.HttpMethod.valueOf(signed.request().method().name()), rawUri), body);
        return new EdgeRequest(decoded.method(), decoded.path(), decoded.query(), headers, body, rawUri);
    }

    private static SignedRequest sign(String service, String secret, SdkHttpMethod method, String uri, byte[] body) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(method).uri(URI.create(uri))
                .putHeader("Content-Type", "application/x-amz-json-1.1").build();
        return AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create("AKID", secret))
                .request(request).payload(() -> new java.io.ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    }

    @Test
    void acceptsWhatTheSdkSignerSignsAndRefusesAnotherSecret() {
        byte[] body = "{\"StreamName\":\"s\"}".getBytes(StandardCharsets.UTF_8);
        SignatureVerifier verifier = new SignatureVerifier(Map.of("AKID", "secret"));
        for (String uri : List.of("http://127.0.0.1:4566/", "http://127.0.0.1:4566/2015-03-31/functions/a%3Ab/invocations",
                "http://127.0.0.1:4566/2015-03-31/functions?Marker=x%2Fy&MaxItems=5")) {
            SignedRequest signed = sign("kinesis", "secret", SdkHttpMethod.POST, uri, body);
            assertNull(verifier.verify(received(signed, body), new JsonWireProtocol()), uri);
            SignedRequest forged = sign("kinesis", "other", SdkHttpMethod.POST, uri, body);
            assertEquals("InvalidSignatureException",
                    verifier.verify(received(forged, body), new JsonWireProtocol()).errorCode());
        }
    }

    @Test
    void derivesTheSignatureOfAwsDocumentedExample() {
        // The IAM ListUsers example of the SigV4 documentation (secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY).
        String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
                + "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
        assertEquals("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
                SigV4.signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830", "us-east-1", "iam", stringToSign));
    }
}
