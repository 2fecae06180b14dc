package dev.vedns;

import dev.vedns.answer.Responder;
import dev.vedns.answer.Transport;
import dev.vedns.answer.Wire;
import dev.vedns.zone.ZoneSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Builds queries with dnsjava and runs them through the pure responder. */
public final class Queries {

    private Queries() {
    }

    public static Message query(String name, int type) {
        return Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN));
    }

    public static Message withEdns(Message query, int payload, int version, int flags) {
        query.addRecord(new OPTRecord(payload, 0, version, flags), Section.ADDITIONAL);
        return query;
    }

    /** The response to send, or null to send nothing, in an array of its own. */
    public static byte[] answer(byte[] query, ZoneSnapshot zone, Transport transport) {
        byte[] out = new byte[Wire.MAX_MESSAGE];
        int length = Responder.answer(query, query.length, zone, transport, out);
        return length < 0 ? null : Arrays.copyOf(out, length);
    }

    public static Message ask(ZoneSnapshot zone, Message query) {
        return ask(zone, query, Transport.UDP);
    }

    public static Message ask(ZoneSnapshot zone, Message query, Transport transport) {
        byte[] response = Queries.answer(query.toWire(), zone, transport);
        if (response == null) {
            return null;
        }
        return parse(response);
    }

    public static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            throw new UncheckedIOException("the response does not parse", e);
        }
    }
}
