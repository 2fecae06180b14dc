package dev.vedns.transfer;

import java.util.List;

/**
 * Who may transfer the zone: clients from one of the {@code allow} networks (CIDRs; none: nobody), presenting a
 * valid signature with one of the {@code keys} when {@code requireTsig} (the default once keys exist).
 */
public record TransferSettings(List<String> allow, List<TsigKey> keys, boolean requireTsig) {

    public static final TransferSettings NONE = new TransferSettings(List.of(), List.of(), true);

    public TransferSettings {
        allow = List.copyOf(allow);
        keys = List.copyOf(keys);
    }

    /** Whether anything is to be answered beyond the ordinary path: a transfer allowed, or a key to sign with. */
    public boolean enabled() {
        return !allow.isEmpty() || !keys.isEmpty();
    }
}
