package io.github.kinesisfanout.local.edge;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.UUID;

/**
 * Aggregates request bodies up to the configured cap; a bigger body (by Content-Length, before any
 * of it is buffered, or while it streams in) is answered with a 413 in the protocol of the service
 * the request is for instead.
 */
final class CappedBodyAggregator extends HttpObjectAggregator {

    private final int maxBytes;
    private final ServiceRouter router;

    CappedBodyAggregator(int maxBytes, ServiceRouter router) {
        super(maxBytes);
        this.maxBytes = maxBytes;
        this.router = router;
    }

    /**
     * A request expecting 100-continue with a body over the cap is answered with the AWS-shaped 413
     * (Netty's own answer would be an empty one); its body, if sent anyway, is discarded.
     */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        if (start instanceof HttpRequest head && HttpUtil.is100ContinueExpected(start)
                && HttpUtil.getContentLength(start, -1L) > maxContentLength) {
            start.headers().remove(HttpHeaderNames.EXPECT);
            EdgeRequest request = EdgeRequests.headOnly(head);
            String requestId = UUID.randomUUID().toString();
            return EdgeHandler.toNettyResponse(router.reject(request, tooLarge(request), requestId), requestId,
                    HttpVersion.HTTP_1_1, true);
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (!(oversized instanceof HttpRequest head)) {
            ctx.close();
            return;
        }
        EdgeRequest request = EdgeRequests.headOnly(head);
        String requestId = UUID.randomUUID().toString();
        FullHttpResponse response = EdgeHandler.toNettyResponse(router.reject(request, tooLarge(request), requestId),
                requestId, HttpVersion.HTTP_1_1, true);
        // Like Netty's default: once body bytes were read, or without keep-alive, the connection
        // cannot be reused; otherwise the rest of the body is discarded and the connection kept.
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    private AwsServiceException tooLarge(EdgeRequest request) {
        String limit = " (the local cloud's limit of " + maxBytes + " bytes, LocalCloud.Builder.maxRequestBodyBytes)";
        if ("s3".equals(router.serviceOf(request))) {
            return ProtocolErrors.S3_ENTITY_TOO_LARGE.error("Your proposed upload exceeds the maximum allowed size"
                    + limit);
        }
        return ProtocolErrors.REQUEST_ENTITY_TOO_LARGE.error("Request body exceeds" + limit);
    }
}
