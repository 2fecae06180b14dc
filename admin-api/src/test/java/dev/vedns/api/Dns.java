package dev.vedns.api;

import dev.vedns.transport.DnsListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Asks the running application's DNS server with dnsjava's resolver, over UDP or TCP. */
public final class Dns {

    private final DnsListener listener;

    public Dns(DnsListener listener) {
        this.listener = listener;
    }

    public int port() {
        return listener.udpAddress().getPort();
    }

    public Message udp(String name, int type) throws IOException {
        return send(name, type, false);
    }

    public Message tcp(String name, int type) throws IOException {
        return send(name, type, true);
    }

    private Message send(String name, int type, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(listener.udpAddress());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(3));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN)));
    }

    /** The answer section as zone-file lines, over UDP and TCP alike (asserted equal). */
    public List<String> answer(String name, int type) throws IOException {
        List<String> udp = lines(udp(name, type), Section.ANSWER);
        List<String> tcp = lines(tcp(name, type), Section.ANSWER);
        if (!udp.equals(tcp)) {
            throw new AssertionError("UDP and TCP differ for " + name + ": " + udp + " vs " + tcp);
        }
        return udp;
    }

    public long serial() throws IOException {
        return ((SOARecord) udp("postgres.internal.", Type.SOA).getSection(Section.ANSWER).get(0)).getSerial();
    }

    public static List<String> lines(Message message, int section) {
        return message.getSection(section).stream().map(Record::toString).toList();
    }
}
