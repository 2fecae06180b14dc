package dev.vedns.api.config;

import dev.vedns.routing.RoutingRules;
import dev.vedns.transfer.TransferSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The {@code vedns.*} settings; defaults live in config/application.yml, which the jar embeds. */
@ConfigurationProperties("vedns")
public class VednsConfiguration {

    private String zone = "postgres.internal.";
    private String hostmaster;
    private Dns dns = new Dns();
    private Ttl ttl = new Ttl();
    private Events events = new Events();
    private Path dataDir = Path.of("data");
    private Path bootstrapFile;
    private Journal journal = new Journal();
    private String store = "file";
    private Etcd etcd = new Etcd();
    private Auth auth = new Auth();
    private Api api = new Api();
    private Tls tls = new Tls();
    private Health health = new Health();
    private CustomEndpoints customEndpoints = new CustomEndpoints();
    private Transfer transfer = new Transfer();
    private Notify notify = new Notify();
    private List<Map<String, Object>> ns = List.of();
    private Soa soa = new Soa();

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }

    /** The SOA RNAME; {@code hostmaster.<zone>} when not set. */
    public String getHostmaster() {
        return hostmaster;
    }

    public void setHostmaster(String hostmaster) {
        this.hostmaster = hostmaster;
    }

    public Dns getDns() {
        return dns;
    }

    public void setDns(Dns dns) {
        this.dns = dns;
    }

    public Ttl getTtl() {
        return ttl;
    }

    public void setTtl(Ttl ttl) {
        this.ttl = ttl;
    }

    /** Where the journal, the checkpoint and the lock live; created on first start. */
    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** A state document (JSON or YAML) applied at start when the data directory holds nothing yet; optional. */
    public Path getBootstrapFile() {
        return bootstrapFile;
    }

    public void setBootstrapFile(Path bootstrapFile) {
        this.bootstrapFile = bootstrapFile;
    }

    public Auth getAuth() {
        return auth;
    }

    public void setAuth(Auth auth) {
        this.auth = auth;
    }

    public Api getApi() {
        return api;
    }

    public void setApi(Api api) {
        this.api = api;
    }

    public Tls getTls() {
        return tls;
    }

    public void setTls(Tls tls) {
        this.tls = tls;
    }

    public Health getHealth() {
        return health;
    }

    public void setHealth(Health health) {
        this.health = health;
    }

    public Transfer getTransfer() {
        return transfer;
    }

    public void setTransfer(Transfer transfer) {
        this.transfer = transfer;
    }

    /** {@code vedns.ns}: the apex NS RRset, each {@code name} (relative: under the zone) with its {@code addresses}. */
    public List<Map<String, Object>> getNs() {
        return ns;
    }

    public void setNs(List<Map<String, Object>> ns) {
        this.ns = ns;
    }

    public Notify getNotify() {
        return notify;
    }

    public void setNotify(Notify notify) {
        this.notify = notify;
    }

    /** {@code vedns.notify.*}: the secondaries told of every change. */
    @ConfigurationProperties("notify")
    public static class Notify {
        private List<String> targets = List.of();
        private Duration retry = Duration.ofSeconds(5);
        private int attempts = 5;

        /** host:port of each secondary. */
        public List<String> getTargets() {
            return targets;
        }

        public void setTargets(List<String> targets) {
            this.targets = targets;
        }

        public Duration getRetry() {
            return retry;
        }

        public void setRetry(Duration retry) {
            this.retry = retry;
        }

        public int getAttempts() {
            return attempts;
        }

        public void setAttempts(int attempts) {
            this.attempts = attempts;
        }
    }

    public Soa getSoa() {
        return soa;
    }

    public void setSoa(Soa soa) {
        this.soa = soa;
    }

    /** {@code vedns.transfer.*}: who may transfer the zone (secondaries), and the TSIG keys. */
    @ConfigurationProperties("transfer")
    public static class Transfer {
        private List<String> allow = List.of();
        private List<Map<String, String>> tsigKeys = List.of();
        private boolean requireTsig = true;
        private int ixfrHistory = TransferSettings.IXFR_HISTORY;

        /** CIDRs that may transfer; empty: nobody. */
        public List<String> getAllow() {
            return allow;
        }

        public void setAllow(List<String> allow) {
            this.allow = allow;
        }

        /** Each {@code name}, {@code algorithm} (hmac-sha256, hmac-sha512), and {@code secret} or {@code secret-file}. */
        public List<Map<String, String>> getTsigKeys() {
            return tsigKeys;
        }

        public void setTsigKeys(List<Map<String, String>> tsigKeys) {
            this.tsigKeys = tsigKeys;
        }

        /** With keys configured, a transfer without a valid signature is refused. */
        public boolean isRequireTsig() {
            return requireTsig;
        }

        public void setRequireTsig(boolean requireTsig) {
            this.requireTsig = requireTsig;
        }

        /** How many serials' differences are kept for IXFR. */
        public int getIxfrHistory() {
            return ixfrHistory;
        }

        public void setIxfrHistory(int ixfrHistory) {
            this.ixfrHistory = ixfrHistory;
        }
    }

    /** {@code vedns.soa.*}: the timers secondaries follow. */
    @ConfigurationProperties("soa")
    public static class Soa {
        private Duration refresh = Duration.ofHours(1);
        private Duration retry = Duration.ofMinutes(10);
        private Duration expire = Duration.ofDays(7);

        public Duration getRefresh() {
            return refresh;
        }

        public void setRefresh(Duration refresh) {
            this.refresh = refresh;
        }

        public Duration getRetry() {
            return retry;
        }

        public void setRetry(Duration retry) {
            this.retry = retry;
        }

        public Duration getExpire() {
            return expire;
        }

        public void setExpire(Duration expire) {
            this.expire = expire;
        }
    }

    public CustomEndpoints getCustomEndpoints() {
        return customEndpoints;
    }

    public void setCustomEndpoints(CustomEndpoints customEndpoints) {
        this.customEndpoints = customEndpoints;
    }

    /** {@code vedns.custom-endpoints.*}: the custom endpoints of each replication set. */
    @ConfigurationProperties("custom-endpoints")
    public static class CustomEndpoints {
        private int perSet = RoutingRules.CUSTOM_ENDPOINTS_PER_SET;

        /** The most custom endpoints one replication set may have. */
        public int getPerSet() {
            return perSet;
        }

        public void setPerSet(int perSet) {
            this.perSet = perSet;
        }
    }

    /** {@code vedns.health.*}: probes of the PostgreSQL servers. */
    @ConfigurationProperties("health")
    public static class Health {
        private boolean enabled;
        private Duration interval = Duration.ofSeconds(2);
        private Duration timeout = Duration.ofSeconds(1);
        private int rise = 2;
        private int fall = 2;
        private long maxReaderLag = 16L << 20;
        private long maxSwitchoverLag = 1L << 20;
        private Postgres postgres = new Postgres();

        /** Off by default: with it on, every server is probed each interval. */
        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** Good probes in a row before a server counts as Healthy again. */
        public int getRise() {
            return rise;
        }

        public void setRise(int rise) {
            this.rise = rise;
        }

        /** Failed probes in a row before a server counts as Unhealthy. */
        public int getFall() {
            return fall;
        }

        public void setFall(int fall) {
            this.fall = fall;
        }

        /** Replay lag in bytes (16MB, 512KB) beyond which a replica leaves the reader. */
        public long getMaxReaderLag() {
            return maxReaderLag;
        }

        public void setMaxReaderLag(@ReadableBytes long maxReaderLag) {
            this.maxReaderLag = maxReaderLag;
        }

        /** Replay lag in bytes beyond which a Planned switchover to a replica is refused. */
        public long getMaxSwitchoverLag() {
            return maxSwitchoverLag;
        }

        public void setMaxSwitchoverLag(@ReadableBytes long maxSwitchoverLag) {
            this.maxSwitchoverLag = maxSwitchoverLag;
        }

        public Postgres getPostgres() {
            return postgres;
        }

        public void setPostgres(Postgres postgres) {
            this.postgres = postgres;
        }

        /** {@code vedns.health.postgres.*}: how the probes log in; the role needs only pg_monitor. */
        @ConfigurationProperties("postgres")
        public static class Postgres extends Login {
            private int port = 5432;
            private String database = "postgres";
            private String sslmode = "prefer";

            public Postgres() {
                super("vedns_monitor");
            }

            public int getPort() {
                return port;
            }

            public void setPort(int port) {
                this.port = port;
            }

            public String getDatabase() {
                return database;
            }

            public void setDatabase(String database) {
                this.database = database;
            }

            public String getSslmode() {
                return sslmode;
            }

            public void setSslmode(String sslmode) {
                this.sslmode = sslmode;
            }
        }
    }

    /** {@code vedns.tls.*}: PEM files that put the admin API and the console on HTTPS only. */
    @ConfigurationProperties("tls")
    public static class Tls {
        private Path certFile;
        private Path keyFile;

        public Path getCertFile() {
            return certFile;
        }

        public void setCertFile(Path certFile) {
            this.certFile = certFile;
        }

        public Path getKeyFile() {
            return keyFile;
        }

        public void setKeyFile(Path keyFile) {
            this.keyFile = keyFile;
        }
    }

    /** {@code vedns.api.*}: limits of the admin API. */
    @ConfigurationProperties("api")
    public static class Api {
        private long maxBodySize = 1024 * 1024;
        private long maxStateSize = 128L * 1024 * 1024;

        /** The largest request body of any route but the whole-state import. */
        public long getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(@ReadableBytes long maxBodySize) {
            this.maxBodySize = maxBodySize;
        }

        /** The largest body of {@code PUT /api/v1/state}; 100,000 pairs are about 40 MB. */
        public long getMaxStateSize() {
            return maxStateSize;
        }

        public void setMaxStateSize(@ReadableBytes long maxStateSize) {
            this.maxStateSize = maxStateSize;
        }
    }

    /** {@code vedns.auth.*}: bearer tokens on the admin API. */
    @ConfigurationProperties("auth")
    public static class Auth {
        private boolean enabled = true;
        private Path adminTokenFile;

        /** Off only for local development: the API is then open to anyone who reaches its port. */
        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Where the first admin token's secret is written; {@code <data-dir>/admin.token} when not set. */
        public Path getAdminTokenFile() {
            return adminTokenFile;
        }

        public void setAdminTokenFile(Path adminTokenFile) {
            this.adminTokenFile = adminTokenFile;
        }
    }

    /** Where the routing state lives: {@code file} (the data directory) or {@code etcd}. */
    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public Etcd getEtcd() {
        return etcd;
    }

    public void setEtcd(Etcd etcd) {
        this.etcd = etcd;
    }

    /** {@code vedns.etcd.*}: the cluster that holds the state with {@code vedns.store: etcd}. */
    @ConfigurationProperties("etcd")
    public static class Etcd extends Login {
        private List<String> endpoints = List.of("http://127.0.0.1:2379");
        private String prefix = "/vedns/";
        private Duration operationTimeout = Duration.ofSeconds(2);
        private Duration leaseTtl = Duration.ofSeconds(5);
        private Path caFile;

        public Etcd() {
            super(null);
        }

        public List<String> getEndpoints() {
            return endpoints;
        }

        public void setEndpoints(List<String> endpoints) {
            this.endpoints = endpoints;
        }

        public String getPrefix() {
            return prefix;
        }

        public void setPrefix(String prefix) {
            this.prefix = prefix;
        }

        public Duration getOperationTimeout() {
            return operationTimeout;
        }

        public void setOperationTimeout(Duration operationTimeout) {
            this.operationTimeout = operationTimeout;
        }

        /** How soon another instance leads (runs the probes, sends NOTIFY) once the leader dies. */
        public Duration getLeaseTtl() {
            return leaseTtl;
        }

        public void setLeaseTtl(Duration leaseTtl) {
            this.leaseTtl = leaseTtl;
        }

        public Path getCaFile() {
            return caFile;
        }

        public void setCaFile(Path caFile) {
            this.caFile = caFile;
        }
    }

    public Journal getJournal() {
        return journal;
    }

    public void setJournal(Journal journal) {
        this.journal = journal;
    }

    /** {@code vedns.journal.*}: the write-ahead journal. */
    @ConfigurationProperties("journal")
    public static class Journal {
        private int checkpointEvery = 1000;
        private boolean recoverDamaged;

        /**
         * After this many changes, once the journal has grown as large as the last checkpoint, the whole state is
         * written to the checkpoint and the journal compacted.
         */
        public int getCheckpointEvery() {
            return checkpointEvery;
        }

        public void setCheckpointEvery(int checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
        }

        /** The operator's explicit choice to start from a journal damaged before its last record. */
        public boolean isRecoverDamaged() {
            return recoverDamaged;
        }

        public void setRecoverDamaged(boolean recoverDamaged) {
            this.recoverDamaged = recoverDamaged;
        }
    }

    public Events getEvents() {
        return events;
    }

    public void setEvents(Events events) {
        this.events = events;
    }

    /** {@code vedns.events.*}: the in-memory event log. */
    @ConfigurationProperties("events")
    public static class Events {
        private int retain = 10_000;

        /** How many of the most recent events are kept; older ones are dropped. */
        public int getRetain() {
            return retain;
        }

        public void setRetain(int retain) {
            this.retain = retain;
        }
    }

    /** {@code vedns.dns.*}: the DNS listener. */
    @ConfigurationProperties("dns")
    public static class Dns {
        private String host = "127.0.0.1";
        private int port = 8053;
        private Duration tcpIdleTimeout = Duration.ofSeconds(10);
        private int tcpMaxConnections = 1000;
        private int tcpMaxConnectionsPerClient = 50;
        private Rrl rrl = new Rrl();
        private List<String> nsAddresses = List.of("127.0.0.1");
        private int threads;

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Duration getTcpIdleTimeout() {
            return tcpIdleTimeout;
        }

        public void setTcpIdleTimeout(Duration tcpIdleTimeout) {
            this.tcpIdleTimeout = tcpIdleTimeout;
        }

        public int getTcpMaxConnections() {
            return tcpMaxConnections;
        }

        public void setTcpMaxConnections(int tcpMaxConnections) {
            this.tcpMaxConnections = tcpMaxConnections;
        }

        /** Event loops answering DNS (with epoll, each with its own UDP socket on the port); 0: one per two cores. */
        public int getTcpMaxConnectionsPerClient() {
            return tcpMaxConnectionsPerClient;
        }

        public void setTcpMaxConnectionsPerClient(int tcpMaxConnectionsPerClient) {
            this.tcpMaxConnectionsPerClient = tcpMaxConnectionsPerClient;
        }

        public Rrl getRrl() {
            return rrl;
        }

        public void setRrl(Rrl rrl) {
            this.rrl = rrl;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        /** The addresses published for {@code ns1.<zone>}. */
        public List<String> getNsAddresses() {
            return nsAddresses;
        }

        public void setNsAddresses(List<String> nsAddresses) {
            this.nsAddresses = nsAddresses;
        }

        /** {@code vedns.dns.rrl.*}: response rate limiting over UDP, off unless a rate is set. */
        @ConfigurationProperties("rrl")
        public static class Rrl {
            private int responsesPerSecond;
            private int slip = 2;

            /** Answers a second to one client network (a /24, a /56); 0 for no limit. */
            public int getResponsesPerSecond() {
                return responsesPerSecond;
            }

            public void setResponsesPerSecond(int responsesPerSecond) {
                this.responsesPerSecond = responsesPerSecond;
            }

            /** Of the answers withheld, every this many goes out truncated, so real clients retry over TCP; 0: none. */
            public int getSlip() {
                return slip;
            }

            public void setSlip(int slip) {
                this.slip = slip;
            }
        }
    }

    /** {@code vedns.ttl.*}: how long resolvers may cache each kind of answer. */
    @ConfigurationProperties("ttl")
    public static class Ttl {
        private Duration endpoint = Duration.ofSeconds(5);
        private Duration pool = Duration.ofSeconds(1);
        private Duration server = Duration.ofSeconds(30);
        private Duration negative = Duration.ofSeconds(30);
        private Duration apex = Duration.ofHours(1);

        public Duration getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(Duration endpoint) {
            this.endpoint = endpoint;
        }

        /** A pooled reader's CNAMEs: shorter, so that caching resolvers do not pin one member. */
        public Duration getPool() {
            return pool;
        }

        public void setPool(Duration pool) {
            this.pool = pool;
        }

        public Duration getServer() {
            return server;
        }

        public void setServer(Duration server) {
            this.server = server;
        }

        public Duration getNegative() {
            return negative;
        }

        public void setNegative(Duration negative) {
            this.negative = negative;
        }

        public Duration getApex() {
            return apex;
        }

        public void setApex(Duration apex) {
            this.apex = apex;
        }
    }
}
