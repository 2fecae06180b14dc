package dev.vedns.transport;

import dev.vedns.zone.ZoneSnapshot;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The authoritative DNS server: UDP and TCP on one port, answering from whatever snapshot is current. */
public final class DnsServer implements AutoCloseable {

    private static final int MAX_DNS_MESSAGE = 65535;
    private static final int BIND_ATTEMPTS = 10;

    private final EventLoopGroup group;
    private final Channel udp;
    private final Channel tcp;

    private DnsServer(EventLoopGroup group, Channel udp, Channel tcp) {
        this.group = group;
        this.udp = udp;
        this.tcp = tcp;
    }

    /** Binds UDP and TCP; with port 0 both get the same free port. */
    public static DnsServer start(DnsServerSettings settings, Supplier<ZoneSnapshot> zone) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("vedns-dns"),
                NioIoHandler.newFactory());
        try {
            for (int attempt = 1; ; attempt++) {
                Channel udp = bindUdp(group, settings, zone);
                int port = ((InetSocketAddress) udp.localAddress()).getPort();
                try {
                    Channel tcp = bindTcp(group, settings, port, zone);
                    return new DnsServer(group, udp, tcp);
                } catch (Exception bindFailure) {
                    udp.close().sync();
                    // With port 0 the free UDP port may be taken on TCP: try another; a fixed port fails at once.
                    if (settings.port() != 0 || attempt == BIND_ATTEMPTS || !(bindFailure instanceof BindException)) {
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

    private static Channel bindUdp(EventLoopGroup group, DnsServerSettings settings, Supplier<ZoneSnapshot> zone)
            throws InterruptedException {
        return new Bootstrap()
                .group(group)
                .channel(NioDatagramChannel.class)
                .handler(new UdpQueryHandler(zone))
                .bind(settings.host(), settings.port()).sync().channel();
    }

    private static Channel bindTcp(EventLoopGroup group, DnsServerSettings settings, int port,
                                   Supplier<ZoneSnapshot> zone) throws InterruptedException {
        TcpQueryHandler queries = new TcpQueryHandler(zone);
        AtomicInteger open = new AtomicInteger();
        long idleMillis = settings.tcpIdleTimeout().toMillis();
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new TcpConnectionLimit(open, settings.tcpMaxConnections()),
                                new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS),
                                new LengthFieldBasedFrameDecoder(MAX_DNS_MESSAGE, 0, 2, 0, 2),
                                new LengthFieldPrepender(2),
                                queries);
                    }
                })
                .bind(settings.host(), port).sync().channel();
    }

    public InetSocketAddress udpAddress() {
        return (InetSocketAddress) udp.localAddress();
    }

    public InetSocketAddress tcpAddress() {
        return (InetSocketAddress) tcp.localAddress();
    }

    @Override
    public void close() {
        udp.close().syncUninterruptibly();
        tcp.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
