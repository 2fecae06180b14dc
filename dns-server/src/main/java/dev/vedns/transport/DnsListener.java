package dev.vedns.transport;

import dev.vedns.answer.Wire;
import dev.vedns.zone.ZoneSnapshot;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The authoritative DNS server: UDP and TCP on one port, answering from whatever snapshot is current. With
 * epoll, one UDP socket per event loop shares the port (SO_REUSEPORT), so the kernel spreads clients over
 * the cores without any lock between them.
 */
public final class DnsListener implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 10;
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;
    /** A UDP query is a few dozen bytes; one larger than this is no query a resolver sends, and is dropped. */
    private static final int MAX_QUERY = 2048;
    private static final int READ_BATCH = 32;

    private final EventLoopGroup group;
    private final List<Channel> udp;
    private final Channel tcp;
    private final SocketIo transport;
    private final DnsCounters counters;

    private DnsListener(EventLoopGroup group, List<Channel> udp, Channel tcp, SocketIo transport, DnsCounters counters) {
        this.group = group;
        this.udp = udp;
        this.tcp = tcp;
        this.transport = transport;
        this.counters = counters;
    }

    /**
     * Loads the transport's classes and native library, and sets up the buffer pool, ahead of {@link #start}, which
     * then finds them ready. Set up by the first read instead, the pool held that read back by 110-190 ms after the
     * bind (measured on a restart), against 25-35 ms.
     */
    public static void loadTransport() {
        SocketIo.best();
        PooledByteBufAllocator.DEFAULT.directBuffer(MAX_QUERY * READ_BATCH).release();
    }

    /** Binds UDP and TCP; with port 0 both get the same free port. */
    public static DnsListener start(DnsListenerSettings settings, Supplier<ZoneSnapshot> zone) throws InterruptedException {
        return start(settings, zone, Transfers.NONE);
    }

    /** @param transfers what answers zone transfers and signed queries */
    public static DnsListener start(DnsListenerSettings settings, Supplier<ZoneSnapshot> zone, Transfers transfers)
            throws InterruptedException {
        SocketIo transport = SocketIo.best();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(settings.eventLoops(), new DefaultThreadFactory("vedns-dns"),
                transport.ioHandlers());
        DnsCounters counters = new DnsCounters();
        try {
            for (int attempt = 1; ; attempt++) {
                List<Channel> udp = new ArrayList<>();
                try {
                    udp = bindUdp(group, transport, settings, zone, counters, transfers);
                    int port = ((InetSocketAddress) udp.get(0).localAddress()).getPort();
                    Channel tcp = bindTcp(group, transport, settings, port, zone, counters, transfers);
                    return new DnsListener(group, udp, tcp, transport, counters);
                } catch (Exception bindFailure) {
                    for (Channel channel : udp) {
                        channel.close().sync();
                    }
                    // With port 0 the free UDP port may be taken on TCP: try another; a fixed port fails at once.
                    if (settings.port() != 0 || attempt == BIND_ATTEMPTS || !(bindFailure instanceof IOException)) {
                        throw bindFailure;
                    }
                }
            }
        } catch (InterruptedException | RuntimeException failure) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw failure;
        } catch (Exception failure) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("cannot bind DNS on " + settings.host() + ":" + settings.port(), failure);
        }
    }

    private static List<Channel> bindUdp(EventLoopGroup group, SocketIo transport, DnsListenerSettings settings,
                                         Supplier<ZoneSnapshot> zone, DnsCounters counters, Transfers transfers)
            throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.datagram)
                // Not the adaptive default: it makes a new NIO view for every answer written into its buffers.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
                .handler(new UdpQueryHandler(zone, counters, settings.rrlResponsesPerSecond() > 0
                        ? new ResponseRateLimit(settings.rrlResponsesPerSecond(), settings.rrlSlip()) : null, transfers));
        int sockets = 1;
        if (transport.sharesPorts()) {
            // recvmmsg: one system call reads a batch of queries into one buffer, each at most MAX_QUERY bytes.
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true)
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_QUERY)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_QUERY * READ_BATCH));
            sockets = settings.eventLoops();
        }
        List<Channel> channels = new ArrayList<>(sockets);
        Channel first = bootstrap.bind(settings.host(), settings.port()).sync().channel();
        channels.add(first);
        int port = ((InetSocketAddress) first.localAddress()).getPort();
        try {
            for (int i = 1; i < sockets; i++) {
                channels.add(bootstrap.bind(settings.host(), port).sync().channel());
            }
        } catch (RuntimeException | InterruptedException failure) {
            channels.forEach(Channel::close);
            throw failure;
        }
        return channels;
    }

    private static Channel bindTcp(EventLoopGroup group, SocketIo transport, DnsListenerSettings settings, int port,
                                   Supplier<ZoneSnapshot> zone, DnsCounters counters, Transfers transfers)
            throws InterruptedException {
        TcpQueryHandler queries = new TcpQueryHandler(zone, counters, transfers);
        TcpConnections connections = new TcpConnections(settings.tcpMaxConnections(),
                settings.tcpMaxConnectionsPerClient(), counters.tcpConnections);
        long idleMillis = settings.tcpIdleTimeout().toMillis();
        return new ServerBootstrap()
                .group(group)
                .channel(transport.server)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // As for UDP: the adaptive default made a new NIO view for every read and every answer written.
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new TcpConnectionLimit(connections),
                                new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS),
                                new LengthFieldBasedFrameDecoder(Wire.MAX_MESSAGE, 0, 2, 0, 2),
                                new LengthFieldPrepender(2),
                                queries);
                    }
                })
                .bind(settings.host(), port).sync().channel();
    }

    /** What this listener has counted since it started. */
    public DnsCounters counters() {
        return counters;
    }

    /** Whether every socket is still open and bound. */
    public boolean listening() {
        return tcp.isActive() && udp.stream().allMatch(Channel::isActive);
    }

    public InetSocketAddress udpAddress() {
        return (InetSocketAddress) udp.get(0).localAddress();
    }

    public InetSocketAddress tcpAddress() {
        return (InetSocketAddress) tcp.localAddress();
    }

    /** "epoll" or "nio", and how many UDP sockets share the port: for the start-up line. */
    public String describe() {
        return transport.name().toLowerCase(java.util.Locale.ROOT) + ", " + udp.size() + " UDP socket"
                + (udp.size() == 1 ? "" : "s");
    }

    @Override
    public void close() {
        for (Channel channel : udp) {
            channel.close().syncUninterruptibly();
        }
        tcp.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
