package dev.vedns.health;

/** One server's probe, kept between rounds so that it can keep a connection open. */
public interface Probe extends AutoCloseable {

    /** One look at the server; never throws: a server that cannot be asked is observed unreachable. */
    Observation probe();

    @Override
    void close();
}
