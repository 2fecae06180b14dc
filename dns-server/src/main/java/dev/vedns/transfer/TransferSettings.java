package dev.vedns.transfer;

import java.util.List;

/**
 * Who may transfer the zone: clients from one of the {@code allow} networks (CIDRs; none: nobody), presenting a
 * valid signature with one of the {@code keys} when {@code requireTsig} (the default once keys exist); and which
 * secondaries hear of each change ({@code notifications}, signed with the first key); {@code ixfrHistory} serials'
 * differences are kept for IXFR.
 */
public record TransferSettings(List<String> allow, List<TsigKey> keys, boolean requireTsig,
                               NotifySettings notifications, int ixfrHistory) {

    /** How many serials' differences are kept for IXFR unless configured otherwise. */
    public static final int IXFR_HISTORY = 1000;

    public static final TransferSettings NONE = new TransferSettings(List.of(), List.of(), true, NotifySettings.NONE,
            IXFR_HISTORY);

    public TransferSettings {
        allow = List.copyOf(allow);
        keys = List.copyOf(keys);
    }

    public TransferSettings(List<String> allow, List<TsigKey> keys, boolean requireTsig) {
        this(allow, keys, requireTsig, NotifySettings.NONE, IXFR_HISTORY);
    }

    /** The key NOTIFY is signed with: the first, or null without keys. */
    public TsigKey notifyKey() {
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** Whether anything is to be answered beyond the ordinary path: a transfer allowed, or a key to sign with. */
    public boolean enabled() {
        return !allow.isEmpty() || !keys.isEmpty();
    }
}
