package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Aggregates request bodies up to the configured cap; a bigger body (by Content-Length, before any
 * of it is buffered, or while it streams in) is answered with an AWS-style 413 error instead.
 */
final class CappedBodyAggregator extends HttpObjectAggregator {

    private final int maxBytes;

    CappedBodyAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", "RequestEntityTooLargeException");
        body.put("message", "Request body exceeds the local cloud's limit of " + maxBytes
                + " bytes (LocalCloud.Builder.maxRequestBodyBytes)");
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.wrappedBuffer(body.toString().getBytes(StandardCharsets.UTF_8)));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .set("X-Amzn-ErrorType", "RequestEntityTooLargeException")
                .set("x-amzn-RequestId", UUID.randomUUID().toString())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
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
}
