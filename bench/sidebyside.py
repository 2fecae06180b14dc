#!/usr/bin/env python3
"""vedns beside Knot DNS and NSD: the same zone, the same queries, in one run, as ratios to the best peer.

usage: sidebyside.py DATADIR --target NAME=PORT:PID [--rounds 3] [--seconds 8] [--rate 50000]

DATADIR is what dataset.py wrote. The target must already serve DATADIR/dataset.json on 127.0.0.1:PORT;
the peers are started here from DATADIR/zone.db (each with one worker, on a free loopback port) and
stopped at the end. Peers that are not installed are left out (apt-get install -y dnsperf knot nsd).

Every server is warmed up, then measured in turns within each round (A B C, A B C, ...), so a machine that
slows down during the run slows everyone alike:
  udp saturation  dnsperf -c 4 -q 200 with no rate limit: queries per second, queries lost
  udp cost        dnsperf at RATE queries per second: CPU time of the server's process tree per answered
                  query, and the average latency
  tcp pipelining  dnsperf -m tcp -c 4 -q 200: each client keeps one connection with up to 200 queries in flight
  axfr            kdig AXFR (dig AXFR without kdig) of the whole zone from each (vedns started with transfers allowed to loopback),
                  the best of ROUNDS tries, and its ratio to the best peer's
  knot secondary  a fresh Knot secondary of each server: the seconds from its start until it answers the
                  primary's serial (the zone transferred into it and loaded), the best of ROUNDS tries
The tables show the median over the rounds (with min-max) and each figure's ratio to the best peer.
Only 127.0.0.1 is used; every load is bounded by --seconds.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    """A port free on both UDP and TCP of 127.0.0.1 at the time of asking."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                    return port
                except OSError:
                    continue


class Server:
    def __init__(self, name, port, pid, process=None):
        self.name, self.port, self.pid, self.process = name, port, pid, process

    def cpu_seconds(self):
        """User plus system time of the process and all its descendants."""
        children, ticks = {}, {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
            ticks[int(entry)] = int(fields[11]) + int(fields[12])
        total, pending = 0, [self.pid]
        while pending:
            pid = pending.pop()
            total += ticks.get(pid, 0)
            pending.extend(children.get(pid, []))
        return total / CLOCK_TICKS

    def rss_mib(self):
        try:
            status = open(f"/proc/{self.pid}/status").read()
            return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
        except (OSError, AttributeError):
            return float("nan")

    def stop(self):
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def knot_server(directory, port):
    """The part of a Knot configuration every Knot of the bench shares: one worker of each kind, quiet logs."""
    return (f"server:\n  listen: 127.0.0.1@{port}\n  rundir: {directory}\n  udp-workers: 1\n"
            f"  tcp-workers: 1\n  background-workers: 1\ndatabase:\n  storage: {directory}\n"
            f"log:\n  - target: stderr\n    any: warning\n")


def knot_config(directory, port, zone_file, origin):
    return (knot_server(directory, port)
            + f"acl:\n  - id: bench\n    address: 127.0.0.0/8\n    action: transfer\n"
            f"zone:\n  - domain: {origin}\n    file: {zone_file}\n    acl: bench\n")


def nsd_config(directory, port, zone_file, origin):
    return (f"server:\n  ip-address: 127.0.0.1@{port}\n  server-count: 1\n  username: \"\"\n"
            f"  zonesdir: \"{directory}\"\n  database: \"\"\n  pidfile: \"{directory}/nsd.pid\"\n"
            f"  xfrdfile: \"{directory}/xfrd.state\"\n  zonelistfile: \"{directory}/zone.list\"\n"
            f"  logfile: \"{directory}/nsd.log\"\n  verbosity: 0\n  rrl-ratelimit: 0\n"
            f"  rrl-whitelist-ratelimit: 0\nremote-control:\n  control-enable: no\n"
            f"zone:\n  name: {origin}\n  zonefile: {zone_file}\n  provide-xfr: 127.0.0.0/8 NOKEY\n")


# name, program, its configuration, how it runs in the foreground with that configuration
PEERS = (("knot", "knotd", knot_config, lambda config: ["knotd", "-c", config]),
         ("nsd", "nsd", nsd_config, lambda config: ["nsd", "-d", "-c", config]))


def start_peers(datadir, work):
    zone_file = os.path.join(datadir, "zone.db")
    with open(zone_file) as source:
        origin = source.readline().split()[1]
    peers = []
    for name, program, configuration, command in PEERS:
        if not shutil.which(program):
            print(f"{program} is not installed: {name} left out", file=sys.stderr)
            continue
        directory = os.path.join(work, name)
        os.makedirs(directory)
        port = free_port()
        config = os.path.join(directory, f"{name}.conf")
        with open(config, "w") as out:
            out.write(configuration(directory, port, zone_file, origin))
        process = subprocess.Popen(command(config), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        peers.append(Server(name, port, process.pid, process))
    for peer in peers:
        wait_answering(peer, origin)
    return peers


def wait_answering(server, origin, seconds=30):
    """Until the server answers a query for its apex over UDP, so no peer is measured while it loads."""
    query = b"\x12\x34\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00"
    query += b"".join(bytes([len(label)]) + label.encode() for label in origin.rstrip(".").split("."))
    query += b"\x00\x00\x06\x00\x01"
    deadline = time.time() + seconds
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(0.2)
        while time.time() < deadline:
            if server.process is not None and server.process.poll() is not None:
                raise SystemExit(f"{server.name} exited at start ({server.process.returncode})")
            try:
                s.sendto(query, ("127.0.0.1", server.port))
                if s.recv(4096)[:2] == query[:2]:
                    return
            except OSError:
                time.sleep(0.1)
    raise SystemExit(f"{server.name} did not answer within {seconds} s")


def dnsperf(server, queries, seconds, *extra):
    command = ["dnsperf", "-s", "127.0.0.1", "-p", str(server.port), "-d", queries, "-l", str(seconds),
               "-c", "4", "-T", "1", *extra]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout

    def number(pattern):
        found = re.search(pattern, out)
        return float(found.group(1)) if found else float("nan")

    return {"qps": number(r"Queries per second:\s+([\d.]+)"),
            "latency_us": number(r"Average Latency \(s\):\s+([\d.]+)") * 1e6,
            "completed": number(r"Queries completed:\s+(\d+)"),
            "lost": number(r"Queries lost:\s+(\d+)")}


def measure_round(server, queries, seconds, rate):
    saturated = dnsperf(server, queries, seconds, "-q", "200")
    cpu_before = server.cpu_seconds()
    paced = dnsperf(server, queries, seconds, "-q", "500", "-Q", str(rate))
    cpu = server.cpu_seconds() - cpu_before
    tcp = dnsperf(server, queries, seconds, "-m", "tcp", "-q", "200")
    return {"qps": saturated["qps"], "lost": saturated["lost"],
            "cpu_us": cpu * 1e6 / max(paced["completed"], 1), "latency_us": paced["latency_us"],
            "rss_mib": server.rss_mib(), "tcp_qps": tcp["qps"], "tcp_lost": tcp["lost"]}


def ratio(value, best):
    return f"{value / best:.2f}" if best else "-"


def axfr(server, origin):
    """Seconds for kdig (dig where there is none) to transfer the whole zone over TCP, and the records counted."""
    tool = "kdig" if shutil.which("kdig") else "dig"
    command = [tool, "@127.0.0.1", "-p", str(server.port), origin, "AXFR"]
    started = time.monotonic()
    output = subprocess.run(command + (["+noall", "+stats"] if tool == "dig" else []),
                            capture_output=True, text=True, timeout=300).stdout
    elapsed = time.monotonic() - started
    found = re.search(r"XFR size: (\d+) records|messages, (\d+) records", output)
    return elapsed, int(found.group(1) or found.group(2)) if found else 0


def report_axfr(servers, origin, rounds):
    """AXFR of the same zone from each server, the best of a few tries, beside the best peer's."""
    results = {}
    for server in servers:
        tries = [axfr(server, origin) for _ in range(max(rounds, 1))]
        results[server.name] = (min(seconds for seconds, _ in tries), tries[0][1])
    peers = [seconds for name, (seconds, _) in results.items() if name in ("knot", "nsd")]
    best = min(peers, default=None)
    print(f"\n{'axfr target':11} {'seconds':>8} {'records':>9} {'time/best':>9}"
          f"   ({'kdig' if shutil.which('kdig') else 'dig'} AXFR)")
    for name, (seconds, records) in results.items():
        print(f"{name:11} {seconds:8.3f} {records:9d} {ratio(seconds, best):>9}")


def secondary_config(directory, port, primary, origin):
    return (knot_server(directory, port)
            + f"remote:\n  - id: primary\n    address: 127.0.0.1@{primary.port}\n"
            f"template:\n  - id: default\n    zonefile-load: none\n    zonefile-sync: -1\n"
            f"    journal-content: none\n"
            f"zone:\n  - domain: {origin}\n    master: primary\n")


def serial(port, origin):
    output = subprocess.run(["dig", "@127.0.0.1", "-p", str(port), origin, "SOA", "+short", "+time=1", "+tries=1"],
                            capture_output=True, text=True, timeout=10).stdout.split()
    return output[2] if len(output) > 2 else None


def knot_secondary(primary, origin, work, attempt, seconds=300):
    """Seconds from starting a Knot secondary of the primary until it answers the primary's serial."""
    directory = os.path.join(work, f"secondary-of-{primary.name}-{attempt}")
    os.makedirs(directory)
    port = free_port()
    config = os.path.join(directory, "knot.conf")
    with open(config, "w") as out:
        out.write(secondary_config(directory, port, primary, origin))
    wanted = serial(primary.port, origin)
    started = time.monotonic()
    process = subprocess.Popen(["knotd", "-c", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while serial(port, origin) != wanted:
            if time.monotonic() - started > seconds or process.poll() is not None:
                return float("nan")
            time.sleep(0.02)
        return time.monotonic() - started
    finally:
        Server("secondary", port, process.pid, process).stop()


def report_secondaries(servers, origin, rounds, work):
    """A Knot secondary's first transfer from each server, beside the best peer's."""
    results = {server.name: min(knot_secondary(server, origin, work, attempt) for attempt in range(max(rounds, 1)))
               for server in servers}
    best = min((seconds for name, seconds in results.items() if name in ("knot", "nsd")), default=None)
    print(f"\n{'knot secondary of':17} {'seconds':>8} {'time/best':>9}")
    for name, seconds in results.items():
        print(f"{name:17} {seconds:8.3f} {ratio(seconds, best):>9}")


def report(servers, peers, rounds):
    median = {s.name: {key: statistics.median(r[key] for r in rounds[s.name]) for key in rounds[s.name][0]}
              for s in servers}
    spread = {s.name: {key: (min(r[key] for r in rounds[s.name]), max(r[key] for r in rounds[s.name]))
                       for key in ("qps", "tcp_qps")} for s in servers}
    best_qps = max((median[p.name]["qps"] for p in peers), default=None)
    best_cpu = min((median[p.name]["cpu_us"] for p in peers), default=None)
    best_latency = min((median[p.name]["latency_us"] for p in peers), default=None)
    best_tcp = max((median[p.name]["tcp_qps"] for p in peers), default=None)
    print(f"\n{'target':10} {'sat qps':>10} {'(min-max)':>17} {'cpu-us/q':>9} {'avg lat us':>10} {'lost':>6}"
          f" {'rss MB':>7} {'qps/best':>8} {'cpu/best':>8} {'lat/best':>8}")
    for s in servers:
        m, (low, high) = median[s.name], spread[s.name]["qps"]
        print(f"{s.name:10} {m['qps']:10.0f} {low:8.0f}-{high:<8.0f} {m['cpu_us']:9.2f} {m['latency_us']:10.0f}"
              f" {m['lost']:6.0f} {m['rss_mib']:7.1f} {ratio(m['qps'], best_qps):>8}"
              f" {ratio(m['cpu_us'], best_cpu):>8} {ratio(m['latency_us'], best_latency):>8}")
    print(f"\n{'tcp target':10} {'qps':>10} {'(min-max)':>17} {'lost':>6} {'qps/best':>8}")
    for s in servers:
        m, (low, high) = median[s.name], spread[s.name]["tcp_qps"]
        print(f"{s.name:10} {m['tcp_qps']:10.0f} {low:8.0f}-{high:<8.0f} {m['tcp_lost']:6.0f}"
              f" {ratio(m['tcp_qps'], best_tcp):>8}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datadir")
    parser.add_argument("--target", action="append", default=[], help="NAME=PORT:PID of a running server")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rate", type=int, default=50000)
    args = parser.parse_args()
    if not shutil.which("dnsperf"):
        raise SystemExit("dnsperf is not installed: apt-get install -y dnsperf")
    queries = os.path.join(args.datadir, "queries.txt")
    work = tempfile.mkdtemp(prefix="vedns-sidebyside-")
    peers = []
    try:
        peers = start_peers(args.datadir, work)
        targets = []
        for target in args.target:
            name, rest = target.split("=", 1)
            port, pid = rest.split(":")
            targets.append(Server(name, int(port), int(pid)))
        servers = peers + targets
        for server in servers:  # warm-up, not counted: JIT compilers and caches settle
            dnsperf(server, queries, min(3, args.seconds), "-q", "200")
        rounds = {server.name: [] for server in servers}
        for number in range(1, args.rounds + 1):
            for server in servers:
                result = measure_round(server, queries, args.seconds, args.rate)
                rounds[server.name].append(result)
                print(f"round {number} {server.name}: {result['qps']:.0f} qps saturated, {result['cpu_us']:.2f}"
                      f" cpu-us/q and {result['latency_us']:.0f} us avg at {args.rate} qps,"
                      f" {result['tcp_qps']:.0f} qps over tcp", flush=True)
        report(servers, peers, rounds)
        with open(os.path.join(args.datadir, "zone.db")) as source:
            origin = source.readline().split()[1]
        if shutil.which("dig"):
            report_axfr(servers, origin, args.rounds)
            if shutil.which("knotd"):
                report_secondaries(servers, origin, args.rounds, work)
    finally:
        for peer in peers:
            peer.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
