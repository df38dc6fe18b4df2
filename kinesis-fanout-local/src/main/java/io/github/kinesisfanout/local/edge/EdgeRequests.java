package io.github.kinesisfanout.local.edge;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Turns Netty request heads into {@link EdgeRequest}s, and names what is wrong with one that is not HTTP the edge can read. */
final class EdgeRequests {

    private EdgeRequests() {
    }

    /** The edge's view of a request head and its body; IllegalArgumentException for a malformed URI. */
    static EdgeRequest of(HttpRequest request, byte[] body) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        return new EdgeRequest(request.method().name(), uri.path(), uri.parameters(), headers(request), body,
                request.uri());
    }

    /** The head alone, its URI undecoded and its query left out: enough to tell which service it was for. */
    static EdgeRequest headOnly(HttpRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        return new EdgeRequest(request.method().name(), query < 0 ? uri : uri.substring(0, query), Map.of(),
                headers(request), new byte[0]);
    }

    private static Map<String, String> headers(HttpRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + "," + b);
        }
        return headers;
    }

    /** The error for a request whose URI cannot be decoded, as the service it is for names it. */
    static AwsServiceException malformedUri(String signingName, String why) {
        if ("s3".equals(signingName)) {
            return ProtocolErrors.S3_INVALID_URI.error("Couldn't parse the specified URI.");
        }
        return ProtocolErrors.INVALID_QUERY_PARAMETER.error(
                "The AWS query string is malformed or does not adhere to AWS standards: " + why);
    }

    /** The error for a request Netty could not decode as HTTP/1.1 (request line, header section, framing). */
    static AwsServiceException malformedHttp(String signingName, Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? "malformed HTTP request" : cause.getMessage();
        if ("s3".equals(signingName) && why.contains("larger than")) {
            return ProtocolErrors.S3_HEADER_SECTION_TOO_LARGE.error(
                    "Your request header section exceeds the maximum allowed size.");
        }
        return ("s3".equals(signingName) ? ProtocolErrors.S3_INVALID_REQUEST : ProtocolErrors.INVALID_QUERY_PARAMETER)
                .error("The request is not valid HTTP/1.1: " + why);
    }
}
