package dev.vedns.transport;

import dev.vedns.answer.Transport;
import dev.vedns.zone.ZoneSnapshot;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers each datagram from the snapshot current at its arrival. */
@Sharable
final class UdpQueryHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(UdpQueryHandler.class);

    private final Supplier<ZoneSnapshot> zone;
    private final DnsCounters counters;
    private final ResponseRateLimit rateLimit;
    private final Transfers transfers;

    /** @param rateLimit null when responses are not rate limited */
    UdpQueryHandler(Supplier<ZoneSnapshot> zone, DnsCounters counters, ResponseRateLimit rateLimit,
                    Transfers transfers) {
        this.zone = zone;
        this.counters = counters;
        this.rateLimit = rateLimit;
        this.transfers = transfers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        Scratch scratch = Scratch.ofThisThread();
        int length = scratch.read(packet.content());
        byte[] query = scratch.query;
        ZoneSnapshot snapshot = zone.get();
        if (transfers.concerns(query, length)) {
            byte[] whole = Arrays.copyOf(query, length);
            Iterator<byte[]> special = transfers.respond(whole, packet.sender(), snapshot, false);
            if (special != null) {
                byte[] response = special.next();
                counters.count(Transport.UDP, whole, length, response);
                send(ctx, packet, whole, response, response.length);
                return;
            }
        }
        int answered = scratch.answer(length, snapshot, Transport.UDP);
        counters.count(Transport.UDP, query, length, answered < 0 ? null : scratch.answer);
        if (answered >= 0) {
            send(ctx, packet, query, scratch.answer, answered);
        }
    }

    private void send(ChannelHandlerContext ctx, DatagramPacket packet, byte[] query, byte[] response, int length) {
        if (rateLimit != null) {
            switch (rateLimit.judge(packet.sender().getAddress(), System.nanoTime())) {
                case SEND:
                    break;
                case SLIP:
                    counters.slipped();
                    response = ResponseRateLimit.truncated(query, packet.content().readableBytes());
                    if (response == null) {
                        return;
                    }
                    length = response.length;
                    break;
                default:
                    counters.withheld();
                    return;
            }
        }
        // Straight into the transport's own memory: a heap array would be copied there once more.
        ByteBuf buffer = ctx.alloc().ioBuffer(length).writeBytes(response, 0, length);
        // No promise per answer: nothing waits on a datagram's send, and a failure still reaches exceptionCaught.
        ctx.write(new DatagramPacket(buffer, packet.sender()), ctx.voidPromise());
    }

    /** One flush per batch of reads: with epoll the answers leave together (sendmmsg). */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // One UDP channel serves every client: it must outlive any single bad packet or send failure.
        LOG.debug("UDP query failed", cause);
    }
}
