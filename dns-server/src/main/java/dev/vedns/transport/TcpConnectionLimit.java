package dev.vedns.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Admits a new connection under the limits of {@link TcpConnections} (closing it at once when its client holds
 * its share), and marks it active whenever a query arrives, so the idlest connection is the one shed.
 */
final class TcpConnectionLimit extends ChannelInboundHandlerAdapter {

    private final TcpConnections connections;
    private TcpConnections.Connection admitted;

    TcpConnectionLimit(TcpConnections connections) {
        this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        admitted = connections.admit(ctx.channel(), System.nanoTime());
        if (admitted == null) {
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        admitted.active(System.nanoTime());
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (admitted != null) {
            connections.release(ctx.channel());
        }
        ctx.fireChannelInactive();
    }
}
