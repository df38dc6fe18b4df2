package io.github.kinesisfanout.local.edge;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
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

    /** A request waiting for its turn on this connection; {@code refused} when it is answered with that error unread. */
    private record Pending(EdgeRequest request, HttpVersion version, boolean keepAlive, AwsServiceException refused) {
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
        Pending pending = pending(request);
        if (busy) {
            // Stop reading more while requests queue up; resumed when the queue drains.
            ctx.channel().config().setAutoRead(false);
            waiting.add(pending);
        } else {
            busy = true;
            dispatch(ctx, pending);
        }
    }

    private Pending pending(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            EdgeRequest head = EdgeRequests.headOnly(request);
            return new Pending(head, HttpVersion.HTTP_1_1, false,
                    EdgeRequests.malformedHttp(router.serviceOf(head), request.decoderResult().cause()));
        }
        try {
            return new Pending(EdgeRequests.of(request, ByteBufUtil.getBytes(request.content())),
                    request.protocolVersion(), HttpUtil.isKeepAlive(request), null);
        } catch (IllegalArgumentException malformedUri) {
            EdgeRequest head = EdgeRequests.headOnly(request);
            return new Pending(head, request.protocolVersion(), HttpUtil.isKeepAlive(request),
                    EdgeRequests.malformedUri(router.serviceOf(head), malformedUri.getMessage()));
        }
    }

    private void dispatch(ChannelHandlerContext ctx, Pending pending) {
        try {
            workers.execute(() -> {
                String requestId = UUID.randomUUID().toString();
                EdgeResponse answer;
                try {
                    answer = pending.refused() != null ? router.reject(pending.request(), pending.refused(), requestId)
                            : router.route(pending.request(), requestId);
                } catch (RuntimeException | Error e) {
                    // The router renders every failure; should one escape, the client still gets an answer.
                    answer = router.reject(pending.request(), ProtocolErrors.INTERNAL_FAILURE.error(
                            "Internal failure while routing the request: " + e.getClass().getSimpleName()), requestId);
                }
                if (ctx.executor().isShuttingDown()) {
                    return;
                }
                ctx.writeAndFlush(toNettyResponse(answer, requestId, pending.version(), pending.keepAlive()))
                        .addListener(written -> next(ctx));
            });
        } catch (RejectedExecutionException busyOrClosing) {
            if (ctx.executor().isShuttingDown()) {
                ctx.close();
                return;
            }
            // Every worker is taken: answer at once, as AWS does when it sheds load.
            String requestId = UUID.randomUUID().toString();
            EdgeResponse answer = router.reject(pending.request(), ProtocolErrors.SERVICE_UNAVAILABLE.error(
                    "Every worker of the local cloud is busy serving other requests; retry later"), requestId);
            ctx.writeAndFlush(toNettyResponse(answer, requestId, pending.version(), pending.keepAlive()))
                    .addListener(written -> next(ctx));
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

    static FullHttpResponse toNettyResponse(EdgeResponse answer, String requestId, HttpVersion version,
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

    /** Closes a connection idle past the timeout unless one of its requests is being served. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && !busy) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
