package dev.vedns;

import dev.vedns.etcd.EtcdSettings;
import dev.vedns.routing.RoutingCommand;
import dev.vedns.transfer.TransferSettings;
import dev.vedns.transport.DnsListenerSettings;
import dev.vedns.zone.ZoneSettings;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Everything {@link Vedns#open} needs.
 *
 * @param dataDirectory   where the journal, the checkpoint and the lock live; created on first start
 * @param freshSerial     the SOA serial of a data directory that never held anything
 * @param retainEvents    how many routing events are kept (at least 1)
 * @param checkpointEvery after this many changes the whole state is checkpointed and the journal compacted
 * @param recoverDamaged  the operator's explicit choice to start from a journal damaged before its end, cutting
 *                        it at the damage
 * @param bootstrap       the document to apply when the data directory never held anything, read only then;
 *                        null for none
 * @param customEndpointsPerSet the most custom endpoints one replication set may have
 * @param transfers       who may transfer the zone, and the TSIG keys
 * @param etcd            where in etcd the state shared with other instances lives; null to keep it in the
 *                        data directory
 */
public record VednsSettings(ZoneSettings zone, DnsListenerSettings dns, Path dataDirectory, long freshSerial,
                            int retainEvents, int checkpointEvery, boolean recoverDamaged,
                            Supplier<RoutingCommand.ReplaceState> bootstrap, int customEndpointsPerSet,
                            TransferSettings transfers, EtcdSettings etcd) {
}
