package io.github.kinesisfanout.local.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every raw HTTP answer an SDK v2 client receives, before the SDK parses it. */
final class WireRecorder implements ExecutionInterceptor {

    /** One answer: the operation the client called, the status, headers and body bytes. */
    record Exchange(String operation, int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        byte[] body = new byte[0];
        if (context.responseBody().isPresent()) {
            try (InputStream in = context.responseBody().get()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        exchanges.add(new Exchange(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                context.httpResponse().statusCode(), context.httpResponse().headers(), body));
        return Optional.of(new ByteArrayInputStream(body));
    }
}
