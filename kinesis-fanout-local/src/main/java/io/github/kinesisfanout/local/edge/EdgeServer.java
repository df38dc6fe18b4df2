package io.github.kinesisfanout.local.edge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 server of the local cloud (Netty): bodies capped and aggregated, keep-alive, each
 * request answered by the {@link ServiceRouter} on a worker thread so a slow service never stalls
 * the network threads. A connection that sends and receives nothing for the idle timeout while no
 * request of it is being served (a half-sent request, a slow-loris client) is closed.
 */
public final class EdgeServer implements AutoCloseable {

    /** Presigned URLs and SigV4 headers are long; Netty's 4 KiB / 8 KiB defaults are too tight. */
    private static final int MAX_INITIAL_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 64 * 1024;
    private static final int MAX_CHUNK = 64 * 1024;

    private final ServiceRouter router;
    private final int maxRequestBodyBytes;
    private final Duration idleTimeout;
    private EventLoopGroup bossGroup;
    private EventLoopGroup ioGroup;
    private ExecutorService workers;
    private Channel serverChannel;

    public EdgeServer(ServiceRouter router, int maxRequestBodyBytes) {
        this(router, maxRequestBodyBytes, Duration.ofSeconds(60));
    }

    /** An edge closing connections idle for {@code idleTimeout} (half-sent requests included). */
    public EdgeServer(ServiceRouter router, int maxRequestBodyBytes, Duration idleTimeout) {
        this.router = router;
        this.maxRequestBodyBytes = maxRequestBodyBytes;
        this.idleTimeout = idleTimeout;
    }

    /** Binds host:port (0 = ephemeral) and returns the bound address. */
    public InetSocketAddress start(String host, int port) {
        bossGroup = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("local-cloud-accept", true), NioIoHandler.newFactory());
        ioGroup = new MultiThreadIoEventLoopGroup(2,
                new DefaultThreadFactory("local-cloud-io", true), NioIoHandler.newFactory());
        workers = new ThreadPoolExecutor(0, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DefaultThreadFactory("local-cloud-worker", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 512)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                                .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, MAX_CHUNK))
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new CappedBodyAggregator(maxRequestBodyBytes, router))
                                .addLast(new EdgeHandler(router, workers));
                    }
                });
        try {
            serverChannel = bootstrap.bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot bind " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Closes the port, then the workers (letting running requests answer briefly), then the network threads. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                workers.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (ioGroup != null) {
            awaitShutdown(ioGroup, "network");
        }
        if (bossGroup != null) {
            awaitShutdown(bossGroup, "accept");
        }
    }

    /**
     * Shuts a thread group down, waiting a bounded time: its threads are daemons, so a group whose termination
     * never completes must not keep a stopping process alive (standalone servers were seen to outlive SIGTERM
     * for minutes, their shutdown hook waiting here after a benchmark's load).
     */
    private static void awaitShutdown(EventLoopGroup group, String what) {
        if (!group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS)) {
            java.util.logging.Logger.getLogger(EdgeServer.class.getName()).warning("the " + what
                    + " threads did not stop within 10 s; leaving them to end with the process");
        }
    }
}
