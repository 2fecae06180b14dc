package dev.vedns.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** Netty's native epoll transport where the platform has it (Linux), NIO everywhere else. */
enum SocketIo {
    EPOLL(EpollDatagramChannel.class, EpollServerSocketChannel.class),
    NIO(NioDatagramChannel.class, NioServerSocketChannel.class);

    final Class<? extends DatagramChannel> datagram;
    final Class<? extends ServerSocketChannel> server;

    SocketIo(Class<? extends DatagramChannel> datagram, Class<? extends ServerSocketChannel> server) {
        this.datagram = datagram;
        this.server = server;
    }

    static SocketIo best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    IoHandlerFactory ioHandlers() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** Several UDP sockets can share one port only with SO_REUSEPORT, which the epoll transport sets. */
    boolean sharesPorts() {
        return this == EPOLL;
    }
}
