package io.github.kinesisfanout.local.edge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** Checks that an answer is AWS-shaped: a success, or an error code in the protocol's own error shape. */
final class AwsShape {

    /** The only 5xx codes a hostile request may get (S3 and Lambda name InternalFailure their own way). */
    private static final Set<String> SERVER_CODES = Set.of("ServiceUnavailable", "InternalFailure", "InternalError",
            "ServiceException");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsShape() {
    }

    /** Asserts the answer's shape; returns the error code, or null for a success. */
    static String check(WireKind kind, String method, RawResponse response, String what) {
        assertNotNull(response, what + ": the connection was closed without an answer");
        int status = response.status();
        if (status >= 200 && status < 300) {
            return null;
        }
        assertTrue(status >= 400 && status < 600, what + ": status " + status);
        String code = code(kind, method, response, what);
        assertNotNull(code, what + ": " + status + " without an error code: " + text(response));
        assertFalse(code.isBlank(), what + ": blank error code");
        if (status >= 500) {
            assertTrue(SERVER_CODES.contains(code), what + ": " + status + " " + code + ": " + text(response));
            assertTrue(text(response).length() > 40, what + ": " + code + " without a reason");
        }
        String body = text(response);
        assertFalse(body.contains("\tat ") || body.contains("Exception:") && body.contains("java.lang."),
                what + ": a stack trace in the answer: " + body);
        return code;
    }

    /** Like {@link #check} when the request's routing headers may be lost: any protocol's shape will do. */
    static String checkAnyKind(String method, RawResponse response, String what) {
        AssertionError last = null;
        for (WireKind kind : WireKind.values()) {
            try {
                return check(kind, method, response, what);
            } catch (AssertionError e) {
                last = e;
            }
        }
        throw last;
    }

    private static String code(WireKind kind, String method, RawResponse response, String what) {
        Map<String, String> headers = response.headers();
        switch (kind) {
            case JSON, CBOR -> {
                String header = headers.get("x-amzn-errortype");
                if (kind == WireKind.JSON && headers.getOrDefault("content-type", "").contains("json")) {
                    String type = json(response, what).path("__type").asText(null);
                    assertEquals(header, type, what + ": __type and X-Amzn-ErrorType differ");
                }
                return header;
            }
            case REST_JSON -> {
                JsonNode body = json(response, what);
                assertTrue(body.has("message") || body.has("Message"), what + ": no message: " + text(response));
                return headers.get("x-amzn-errortype");
            }
            case QUERY -> {
                return element(text(response), "Code", "<ErrorResponse");
            }
            default -> {
                if (method.equals("HEAD")) {
                    return headers.get("x-amz-error-code");
                }
                return element(text(response), "Code", "<Error>");
            }
        }
    }

    private static String element(String xml, String name, String root) {
        if (!xml.contains(root)) {
            return null;
        }
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        return start < 0 || end < start ? null : xml.substring(start + name.length() + 2, end);
    }

    private static JsonNode json(RawResponse response, String what) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            fail(what + ": the error body is not JSON: " + text(response));
            return null;
        }
    }

    static String text(RawResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
