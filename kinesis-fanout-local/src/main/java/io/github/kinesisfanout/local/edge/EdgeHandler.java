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
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns each aggregated Netty request into an {@link EdgeRequest}, routes it on a worker, writes the
 * answer. One handler per connection; its requests run one at a time, in order, so answers to
 * pipelined requests keep the order of the requests (HTTP/1.1 requires it).
 */
final class EdgeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** A request waiting for its turn on this connection. */
    private record Pending(EdgeRequest request, HttpVersion version, boolean keepAlive) {
    }

    private final ServiceRouter router;
    private final ExecutorService workers;
    /** Touched on this channel's event loop only. */
    private final Queue<Pending> waiting = new ArrayDeque<>();
    private boolean busy;

    EdgeHandler(ServiceRouter router, ExecutorService workers) {
        this.router = router;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Pending pending = new Pending(toEdgeRequest(request), request.protocolVersion(), HttpUtil.isKeepAlive(request));
        if (busy) {
            // Stop reading more while requests queue up; resumed when the queue drains.
            ctx.channel().config().setAutoRead(false);
            waiting.add(pending);
        } else {
            busy = true;
            dispatch(ctx, pending);
        }
    }

    private void dispatch(ChannelHandlerContext ctx, Pending pending) {
        try {
            workers.execute(() -> {
                String requestId = UUID.randomUUID().toString();
                EdgeResponse answer = router.route(pending.request(), requestId);
                if (ctx.executor().isShuttingDown()) {
                    return;
                }
                ctx.writeAndFlush(toNettyResponse(answer, requestId, pending.version(), pending.keepAlive()))
                        .addListener(written -> next(ctx));
            });
        } catch (RejectedExecutionException closing) {
            ctx.close();
        }
    }

    /** Runs on the event loop once an answer is written: the next queued request, if any. */
    private void next(ChannelHandlerContext ctx) {
        Pending following = waiting.poll();
        if (following != null) {
            dispatch(ctx, following);
        } else {
            busy = false;
            if (!ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
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
