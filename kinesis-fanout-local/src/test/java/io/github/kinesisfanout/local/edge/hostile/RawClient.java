package io.github.kinesisfanout.local.edge.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Sends samples to the edge over a raw socket or java.net.http, every wait bounded by a timeout. */
final class RawClient {

    static final int TIMEOUT_MILLIS = 15_000;
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS)).build();

    RawClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    String host() {
        return endpoint.getHost() + ":" + endpoint.getPort();
    }

    /** A new socket to the edge with a read timeout. */
    Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** Sends the whole request on its own connection and reads the answer (null: closed unanswered). */
    RawResponse socket(WireSample sample) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(sample.head(host(), sample.body().length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(sample.body());
            out.flush();
            return RawResponse.read(socket.getInputStream(), sample.method().equals("HEAD"));
        }
    }

    /** Sends the request with java.net.http. */
    RawResponse http(WireSample sample) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(sample.path()))
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS))
                .method(sample.method(), HttpRequest.BodyPublishers.ofByteArray(sample.body()));
        sample.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        return new RawResponse(response.statusCode(), headers, response.body());
    }

    /** The names of the sample's headers, for messages. */
    static List<String> names(WireSample sample) {
        return List.copyOf(sample.headers().keySet());
    }
}
