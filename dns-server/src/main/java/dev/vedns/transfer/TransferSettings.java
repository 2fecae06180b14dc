package dev.vedns.transfer;

import java.util.List;

/**
 * Who may transfer the zone: clients from one of the {@code allow} networks (CIDRs; none: nobody), presenting a
 * valid signature with one of the {@code keys} when {@code requireTsig} (the default once keys exist); and which
 * secondaries hear of each change ({@code notifications}, signed with the first key).
 */
public record TransferSettings(List<String> allow, List<TsigKey> keys, boolean requireTsig,
                               NotifySettings notifications) {

    public static final TransferSettings NONE = new TransferSettings(List.of(), List.of(), true, NotifySettings.NONE);

    public TransferSettings {
        allow = List.copyOf(allow);
        keys = List.copyOf(keys);
    }

    public TransferSettings(List<String> allow, List<TsigKey> keys, boolean requireTsig) {
        this(allow, keys, requireTsig, NotifySettings.NONE);
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
