package io.github.kinesisfanout.local.edge;

import java.util.Map;

/**
 * One HTTP response to send.
 *
 * @param status the HTTP status
 * @param headers the headers to add (the edge adds x-amzn-RequestId, and Content-Length unless set here)
 * @param body the body bytes (empty, never null)
 */
public record EdgeResponse(int status, Map<String, String> headers, byte[] body) {
}
