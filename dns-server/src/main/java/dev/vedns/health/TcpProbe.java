package dev.vedns.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;

/** Whether a server accepts a TCP connection on its port within the timeout: alive, role unknown. */
public final class TcpProbe implements Probe {

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private final Clock clock;

    public TcpProbe(String host, int port, Duration timeout, Clock clock) {
        this.address = new InetSocketAddress(host, port);
        this.timeoutMillis = (int) timeout.toMillis();
        this.clock = clock;
    }

    @Override
    public Observation probe() {
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            return new Observation(clock.instant(), true, ObservedRole.Unknown, 0, -1, null, "accepts connections");
        } catch (IOException refused) {
            return Observation.unreachable(clock.instant(), address + ": " + refused.getMessage());
        }
    }

    /** Each probe opens and closes its own connection: nothing is kept. */
    @Override
    public void close() {
    }
}
