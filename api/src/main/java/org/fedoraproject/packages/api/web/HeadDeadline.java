package org.fedoraproject.packages.api.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1 connection's deadline for a request head (request line and headers): the first from the moment
 * the connection opens, each later one from its first byte (the wait between requests is the idle
 * timeout's). A head still incomplete then is answered 408 and the connection closed, however slowly its
 * bytes trickle in: the idle timeout alone never fires while a byte arrives now and then (slowloris).
 *
 * <p>First in the connection's pipeline, so it sees raw bytes before any decoding; {@link HeaderTimeout}
 * tells it when Vert.x has a complete head and when the response ended. Everything runs on the
 * connection's event loop.
 */
final class HeadDeadline extends ChannelInboundHandlerAdapter {
    static final String NAME = "fp-head-deadline";

    private final long timeoutMillis;
    private boolean awaitingHead = true;
    private ScheduledFuture<?> timer;
    private ChannelHandlerContext ctx;

    HeadDeadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        start();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaitingHead) {
            start();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    /** Vert.x parsed a whole head: the request is being answered. */
    void headComplete() {
        awaitingHead = false;
        cancel();
    }

    /** The response ended: the next head's deadline starts with its first byte. */
    void responseEnded() {
        awaitingHead = true;
    }

    private void start() {
        if (timer == null) {
            timer = ctx.executor().schedule(this::expire, timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Written below every encoder (this handler is first): no response is under way while a head is awaited. */
    private void expire() {
        timer = null;
        if (!awaitingHead || !ctx.channel().isActive()) {
            return;
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"Request Timeout\",\"status\":408,\"detail\":\"The request line and headers did not arrive within "
                + timeoutMillis + " ms\"}";
        String answer = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
        ctx.writeAndFlush(Unpooled.copiedBuffer(answer, StandardCharsets.UTF_8)).addListener(ChannelFutureListener.CLOSE);
    }
}
