package dev.vedns.transport;

import dev.vedns.answer.Transport;
import dev.vedns.zone.ZoneSnapshot;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Iterator;
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
        Scratch scratch = Scratch.ofThisThread();
        int length = scratch.read(frame);
        byte[] query = scratch.query;
        if (transfers.concerns(query, length)) {
            byte[] whole = Arrays.copyOf(query, length);
            // The snapshot of this moment: a change during a transfer does not mix into it.
            Iterator<byte[]> messages = transfers.respond(whole, (InetSocketAddress) ctx.channel().remoteAddress(),
                    zone.get(), true);
            if (messages != null) {
                byte[] first = messages.next();
                counters.count(Transport.TCP, whole, length, first);
                ctx.write(Unpooled.wrappedBuffer(first), ctx.voidPromise());
                if (messages.hasNext()) {
                    stream(ctx, messages);
                }
                return;
            }
        }
        int answered = scratch.answer(length, zone.get(), Transport.TCP);
        counters.count(Transport.TCP, query, length, answered < 0 ? null : scratch.answer);
        if (answered >= 0) {
            // No promise per answer: a failed write reaches exceptionCaught, which closes the connection.
            ctx.write(ctx.alloc().ioBuffer(answered).writeBytes(scratch.answer, 0, answered), ctx.voidPromise());
        }
    }

    /**
     * The rest of a transfer, each message made when the connection can take it: the secondary reads the first
     * while the next is encoded. What the connection answers after it queues behind it, in order.
     */
    private static void stream(ChannelHandlerContext ctx, Iterator<byte[]> messages) {
        if (ctx.pipeline().get(ChunkedWriteHandler.class) == null) {
            // Only a connection that transfers pays for the queue, and from its first transfer on.
            ctx.pipeline().addBefore(ctx.name(), null, new ChunkedWriteHandler());
        }
        ctx.write(new MessageStream(messages));
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
