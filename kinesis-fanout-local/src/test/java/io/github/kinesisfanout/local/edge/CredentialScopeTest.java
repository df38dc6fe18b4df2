package io.github.kinesisfanout.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SigV4 credential scope from the Authorization header or X-Amz-Credential. */
class CredentialScopeTest {

    private static EdgeRequest request(Map<String, String> headers, Map<String, List<String>> query) {
        return new EdgeRequest("POST", "/", query, headers, new byte[0]);
    }

    @Test
    void fromAuthorizationHeader() {
        CredentialScope scope = CredentialScope.of(request(Map.of("authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-central-1/kinesisanalytics/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=0123"), Map.of()));
        assertEquals(new CredentialScope("AKID", "eu-central-1", "kinesisanalytics"), scope);
    }

    @Test
    void fromPresignedQuery() {
        CredentialScope scope = CredentialScope.of(request(Map.of(), Map.of("X-Amz-Credential",
                List.of("AKID/20260101/us-west-2/s3/aws4_request"))));
        assertEquals("s3", scope.service());
        assertEquals("us-west-2", scope.region());
    }

    @Test
    void absentOrMalformed() {
        assertNull(CredentialScope.of(request(Map.of(), Map.of())));
        assertNull(CredentialScope.of(request(Map.of("authorization", "AWS4-HMAC-SHA256 Credential=AKID/x"),
                Map.of())));
    }
}
