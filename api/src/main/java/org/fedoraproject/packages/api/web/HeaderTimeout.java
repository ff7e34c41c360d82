package org.fedoraproject.packages.api.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.impl.HttpServerImpl;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.net.impl.TCPServerBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Closes HTTP/1 connections whose request head is not complete within {@code fp.http.header-timeout}
 * (with a 408 problem), which {@code quarkus.http.idle-timeout} cannot do: any byte resets it.
 *
 * <p>Why this way: neither Vert.x 4.5 nor Quarkus 3.33 has a header timeout, an {@code HttpServerOptionsCustomizer}
 * only sees options, and Quarkus keeps its {@code HttpServer}s (and their connection handlers) to itself. A
 * deadline must start before any request exists, so it has to sit in Netty: once the server listens, a
 * handler on its listening channel puts a {@link HeadDeadline} first in each accepted connection's pipeline.
 * The listening channel is reached through Vert.x's shared-server map and one private field
 * ({@code TCPServerBase.bindFuture}); if a Vert.x upgrade moves it, the start logs an error and the API runs
 * without the header timeout rather than failing. The end of a head and of a response come from a route
 * filter (Vert.x calls routes with complete heads only). HTTP/2 connections drop the deadline at their first
 * request: their streams are multiplexed and have no heads to trickle.
 */
@Singleton
public class HeaderTimeout {
    private static final Logger LOG = Logger.getLogger(HeaderTimeout.class);

    private final long timeoutMillis;

    public HeaderTimeout(@ConfigProperty(name = "fp.http.header-timeout", defaultValue = "10S") Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    void install(@ObservesAsync HttpServerStart start, Vertx vertx) {
        if (timeoutMillis <= 0) {
            return;
        }
        try {
            for (Channel listening : listeningChannels(vertx)) {
                if (listening.pipeline().get(OnAccept.class) == null) {
                    listening.pipeline().addFirst(new OnAccept(timeoutMillis));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.errorf(e, "fp.http.header-timeout is not enforced: Vert.x's listening channel was not found");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Channel> listeningChannels(Vertx vertx) throws ReflectiveOperationException {
        Field bind = TCPServerBase.class.getDeclaredField("bindFuture");
        bind.setAccessible(true);
        List<Channel> out = new ArrayList<>();
        var servers = ((VertxInternal) vertx).sharedHttpServers();
        synchronized (servers) { // Vert.x guards the map with itself
            for (HttpServerImpl server : servers.values()) {
                var bound = (io.vertx.core.Future<Channel>) bind.get(server);
                if (bound != null && bound.succeeded() && bound.result() != null) {
                    out.add(bound.result());
                }
            }
        }
        return out;
    }

    void filter(@Observes Filters filters) {
        if (timeoutMillis > 0) {
            filters.register(this::mark, 2000); // first of all: the head is complete once a route runs
        }
    }

    private void mark(RoutingContext rc) {
        if (rc.request().connection() instanceof ConnectionBase connection) {
            Channel channel = connection.channel();
            HeadDeadline deadline = channel.pipeline().get(HeadDeadline.class);
            if (deadline != null) {
                if (rc.request().version() == HttpVersion.HTTP_2) {
                    onLoop(channel, () -> channel.pipeline().remove(deadline));
                } else {
                    onLoop(channel, deadline::headComplete);
                    rc.addEndHandler(ended -> onLoop(channel, deadline::responseEnded));
                }
            }
        }
        rc.next();
    }

    private static void onLoop(Channel channel, Runnable action) {
        if (channel.eventLoop().inEventLoop()) {
            action.run();
        } else {
            channel.eventLoop().execute(action);
        }
    }

    /** On the listening channel: sees each accepted connection before Vert.x sets up its pipeline. */
    @ChannelHandler.Sharable
    static final class OnAccept extends ChannelInboundHandlerAdapter {
        private final long timeoutMillis;

        OnAccept(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel accepted) {
                accepted.pipeline().addFirst(HeadDeadline.NAME, new HeadDeadline(timeoutMillis));
            }
            ctx.fireChannelRead(msg);
        }
    }
}
