package dev.vedns.transport;

import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.zone.ZoneSnapshot;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
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
        byte[] query = ByteBufUtil.getBytes(packet.content());
        Iterator<byte[]> special = transfers.concerns(query)
                ? transfers.respond(query, packet.sender(), zone.get(), false) : null;
        byte[] response = special != null ? special.next() : Responder.answer(query, zone.get(), Transport.UDP);
        counters.count(Transport.UDP, query, response);
        if (response != null && rateLimit != null) {
            response = limited(query, response, packet.sender().getAddress());
        }
        if (response != null) {
            // No promise per answer: nothing waits on a datagram's send, and a failure still reaches exceptionCaught.
            ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(response), packet.sender()), ctx.voidPromise());
        }
    }

    private byte[] limited(byte[] query, byte[] response, InetAddress client) {
        switch (rateLimit.judge(client, System.nanoTime())) {
            case SEND:
                return response;
            case SLIP:
                counters.slipped();
                return ResponseRateLimit.truncated(query);
            default:
                counters.withheld();
                return null;
        }
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
