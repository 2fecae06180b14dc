package dev.vedns.transfer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Where NOTIFY goes after every change that moves a name (RFC 1996): each secondary's address, asked again every
 * {@code retry} until it answers or {@code attempts} run out.
 */
public record NotifySettings(List<InetSocketAddress> targets, Duration retry, int attempts) {

    public static final NotifySettings NONE = new NotifySettings(List.of(), Duration.ofSeconds(5), 5);

    public NotifySettings {
        targets = List.copyOf(targets);
        if (attempts < 1) {
            throw new IllegalArgumentException("notify attempts must be at least 1");
        }
    }
}
