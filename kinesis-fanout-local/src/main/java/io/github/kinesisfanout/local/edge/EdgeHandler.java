package io.github.kinesisfanout.local.edge;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/** Turns each aggregated Netty request into an {@link EdgeRequest}, routes it on a worker, writes the answer. */
final class EdgeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final ServiceRouter router;
    private final ExecutorService workers;

    EdgeHandler(ServiceRouter router, ExecutorService workers) {
        this.router = router;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        EdgeRequest edgeRequest = toEdgeRequest(request);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpVersion version = request.protocolVersion();
        // One request at a time per connection: reading pauses until the answer is written, so
        // answers of pipelined requests keep their order although workers run them.
        ctx.channel().config().setAutoRead(false);
        try {
            workers.execute(() -> {
                String requestId = UUID.randomUUID().toString();
                EdgeResponse answer = router.route(edgeRequest, requestId);
                if (ctx.executor().isShuttingDown()) {
                    return;
                }
                ctx.writeAndFlush(toNettyResponse(answer, requestId, version, keepAlive))
                        .addListener(written -> {
                            ctx.channel().config().setAutoRead(true);
                            ctx.read();
                        });
            });
        } catch (RejectedExecutionException closing) {
            ctx.close();
        }
    }

    private static EdgeRequest toEdgeRequest(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, String> header : request.headers()) {
            headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + "," + b);
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        return new EdgeRequest(request.method().name(), uri.path(), uri.parameters(), headers, body);
    }

    private static FullHttpResponse toNettyResponse(EdgeResponse answer, String requestId, HttpVersion version,
            boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(version,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().set("x-amzn-RequestId", requestId);
        // A codec may set Content-Length itself (S3 HeadObject: the object's size, with no body).
        if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
