#!/usr/bin/env python3
"""TCP with pipelining, side by side: dnsperf -m tcp against Knot DNS, NSD and a server under test.

usage: tcp.py DATADIR --target NAME=HOST:PORT [--rounds 3] [--seconds 8]
The peers are started from DATADIR/zone.db by ../shared/bench/peers.py (same settings as the UDP run).
Each client keeps one connection and up to 200 queries outstanding over it (dnsperf -m tcp -c 4 -q 200),
so a server that answers one query at a time per connection is measured as such. Prints the median
throughput of each target and its ratio to the best peer. Only loopback is used; every load is bounded.
"""
import argparse, os, re, shutil, signal, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.environ.get("VEDNS_SHARED_BENCH",
                                  os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench")))
from peers import start_peers  # noqa: E402  (the shared harness starts the peers exactly as for UDP)


def dnsperf_tcp(host, port, queries, seconds):
    out = subprocess.run(["dnsperf", "-m", "tcp", "-s", host, "-p", str(port), "-d", queries, "-l", str(seconds),
                          "-c", "4", "-T", "1", "-q", "200"], capture_output=True, text=True,
                         timeout=seconds + 30).stdout
    qps = re.search(r"Queries per second:\s+([\d.]+)", out)
    lost = re.search(r"Queries lost:\s+(\d+)", out)
    return float(qps.group(1)) if qps else float("nan"), int(lost.group(1)) if lost else -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("datadir")
    ap.add_argument("--target", action="append", default=[], help="NAME=HOST:PORT")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=8)
    a = ap.parse_args()
    queries = os.path.join(a.datadir, "queries.txt")
    work = tempfile.mkdtemp(prefix="tcp-")
    peers = start_peers(a.datadir, work)
    targets = [(name, "127.0.0.1", port) for name, port, _ in peers]
    for t in a.target:
        name, rest = t.split("=", 1)
        host, port = rest.rsplit(":", 1)
        targets.append((name, host, int(port)))
    qps = {name: [] for name, _, _ in targets}
    lost = {name: 0 for name, _, _ in targets}
    try:
        for name, host, port in targets:  # warm-up, not counted
            dnsperf_tcp(host, port, queries, min(3, a.seconds))
        for r in range(a.rounds):
            for name, host, port in targets:
                q, l = dnsperf_tcp(host, port, queries, a.seconds)
                qps[name].append(q)
                lost[name] += l
                print(f"tcp round {r + 1} {name}: {q:.0f} qps, {l} lost", flush=True)
    finally:
        for _, _, proc in peers:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    med = {name: statistics.median(values) for name, values in qps.items()}
    best = max((med[name] for name, _, _ in peers), default=None)
    print(f"\n{'tcp target':10} {'qps':>10} {'(min-max)':>17} {'lost':>6} {'qps/best':>8}")
    for name, values in qps.items():
        ratio = f"{med[name] / best:.2f}" if best else "-"
        print(f"{name:10} {med[name]:10.0f} {min(values):8.0f}-{max(values):<8.0f} {lost[name]:6d} {ratio:>8}")


if __name__ == "__main__":
    main()
