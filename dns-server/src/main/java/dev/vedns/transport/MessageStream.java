package dev.vedns.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.util.Iterator;

/** DNS messages taken one at a time as the connection drains, each a frame of its own (a transfer's tail). */
final class MessageStream implements ChunkedInput<ByteBuf> {

    private final Iterator<byte[]> messages;
    private long sent;

    MessageStream(Iterator<byte[]> messages) {
        this.messages = messages;
    }

    @Override
    public boolean isEndOfInput() {
        return !messages.hasNext();
    }

    @Override
    public void close() {
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) {
        if (!messages.hasNext()) {
            return null;
        }
        sent++;
        return Unpooled.wrappedBuffer(messages.next());
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return sent;
    }
}
