package dev.vedns.transfer;

import dev.vedns.engine.ChangeObserver;
import dev.vedns.engine.Leadership;
import dev.vedns.events.RoutingEvent;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * Tells each secondary that the zone changed (RFC 1996), off the writer's thread: at most one NOTIFY outstanding
 * per secondary, so a burst of changes costs one more NOTIFY, not one per change; retried every {@code retry} until
 * the secondary answers or the attempts run out. Signed with the first TSIG key when there is one. In a fleet,
 * only the leader notifies.
 */
public final class NotifySender implements ChangeObserver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);

    /** One secondary's state: whether a NOTIFY is out, and whether the zone changed again since it left. */
    private static final class Target {
        boolean outstanding;
        boolean again;
    }

    private final Name zone;
    private final NotifySettings settings;
    private final TSIG key;
    private final Leadership leadership;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vedns-notify");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<InetSocketAddress, Target> targets = new HashMap<>();
    private final Tally counts = new Tally();
    private volatile long lastSerial = -1;

    /**
     * @param key        signs each NOTIFY; null for none
     * @param leadership only the fleet's leader notifies, of its own changes and of the ones it follows
     */
    public NotifySender(Name zone, NotifySettings settings, TsigKey key, Leadership leadership) {
        this.zone = zone;
        this.leadership = leadership;
        this.settings = settings;
        this.key = key == null ? null : key.tsig();
        settings.targets().forEach(target -> targets.put(target, new Target()));
    }

    /** A change that gave the zone a new serial is worth a NOTIFY; a token's change keeps it and is not. */
    @Override
    public void applied(RoutingEvent event, long decideNanos, long journalNanos, long publishNanos) {
        notifyOf(event.serial());
    }

    /** Another instance's change, or a whole state loaded afresh: the leader tells the secondaries of it too. */
    @Override
    public void followed(RoutingEvent event) {
        notifyOf(event == null ? -1 : event.serial());
    }

    private void notifyOf(long serial) {
        if ((serial == -1 || serial != lastSerial) && leadership.leading()) {
            lastSerial = serial;
            sender.execute(this::changed);
        }
    }

    @Override
    public void synced(long nanos) {
    }

    /** NOTIFYs sent so far by target and result (answered, failed). */
    public Tally counts() {
        return counts;
    }

    private void changed() {
        targets.forEach((address, target) -> {
            if (target.outstanding) {
                target.again = true;
            } else {
                target.outstanding = true;
                send(address, target, 1);
            }
        });
    }

    /** Asks without waiting: a secondary that does not answer never holds up the others. */
    private void send(InetSocketAddress address, Target target, int attempt) {
        ask(address).whenComplete((answer, failure) -> sender.execute(() -> answered(address, target, attempt,
                failure == null && answer.getRcode() == Rcode.NOERROR)));
    }

    private void answered(InetSocketAddress address, Target target, int attempt, boolean answered) {
        String name = address.getHostString() + ":" + address.getPort();
        if (answered || attempt >= settings.attempts()) {
            counts.count(name, answered ? "answered" : "failed");
            if (!answered) {
                LOG.warn("NOTIFY to {} not answered after {} attempts; it will check the serial at its REFRESH", name,
                        attempt);
            }
            if (target.again) {
                target.again = false;
                send(address, target, 1);
            } else {
                target.outstanding = false;
            }
            return;
        }
        sender.schedule(() -> send(address, target, attempt + 1), settings.retry().toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletionStage<Message> ask(InetSocketAddress address) {
        Message notify = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().unsetFlag(Flags.RD);
        notify.getHeader().setFlag(Flags.AA);
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(settings.retry());
        if (key != null) {
            resolver.setTSIGKey(key);
        }
        return resolver.sendAsync(notify);
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
