package dev.vedns.transport;

import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.zone.ZoneSnapshot;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers each length-framed query on a connection in order, each with its own ID (RFC 7766 pipelining). */
@Sharable
final class TcpQueryHandler extends SimpleChannelInboundHandler<ByteBuf> {

    private static final Logger LOG = LoggerFactory.getLogger(TcpQueryHandler.class);

    private final Supplier<ZoneSnapshot> zone;
    private final DnsCounters counters;
    private final Transfers transfers;

    TcpQueryHandler(Supplier<ZoneSnapshot> zone, DnsCounters counters, Transfers transfers) {
        this.zone = zone;
        this.counters = counters;
        this.transfers = transfers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        byte[] query = ByteBufUtil.getBytes(frame);
        if (transfers.concerns(query)) {
            // The snapshot of this moment: a change during a transfer does not mix into it.
            List<byte[]> messages = transfers.respond(query, (InetSocketAddress) ctx.channel().remoteAddress(),
                    zone.get(), true);
            if (messages != null) {
                counters.count(Transport.TCP, query, messages.get(0));
                messages.forEach(message -> ctx.write(Unpooled.wrappedBuffer(message), ctx.voidPromise()));
                return;
            }
        }
        byte[] response = Responder.answer(query, zone.get(), Transport.TCP);
        counters.count(Transport.TCP, query, response);
        if (response != null) {
            // No promise per answer: a failed write reaches exceptionCaught, which closes the connection.
            ctx.write(Unpooled.wrappedBuffer(response), ctx.voidPromise());
        }
    }

    /** Pipelined queries read together are answered with one flush. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A broken stream cannot be resynchronised: drop this connection, never the server.
        LOG.debug("TCP connection {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}
