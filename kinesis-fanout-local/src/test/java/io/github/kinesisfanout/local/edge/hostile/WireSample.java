package io.github.kinesisfanout.local.edge.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request of a wire protocol, as bytes on the wire will carry it.
 *
 * @param protocol which protocol it speaks (decides how its errors are read)
 * @param method the HTTP method
 * @param path the request target, with its query string
 * @param headers the headers (Host and Content-Length are added when sent)
 * @param body the body
 */
record WireSample(WireKind protocol, String method, String path, Map<String, String> headers, byte[] body) {

    WireSample withBody(byte[] newBody) {
        return new WireSample(protocol, method, path, headers, newBody);
    }

    WireSample withPath(String newPath) {
        return new WireSample(protocol, method, newPath, headers, body);
    }

    WireSample withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new WireSample(protocol, method, path, copy, body);
    }

    /** The request head (request line and headers) for a raw socket, with the given Content-Length. */
    String head(String host, long contentLength) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
        return head.toString();
    }
}
