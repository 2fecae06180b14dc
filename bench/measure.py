#!/usr/bin/env python3
"""Measures a running vedns at the size of a data set: start time, import time, change-to-DNS latency, memory.

Loads the data set with PUT /api/v1/state, then retargets one reader back and forth: WARMUP times unmeasured
(the JIT compilers settle, as in a server that has been up a while), then APPLIES times measured; each time it
sends the PATCH and then queries DNS until the answer shows the new target, and reports the median and p99 of
that interval (the API answers only after the change is live, so one query normally suffices).
Only loopback is used; every loop is bounded.
"""
import argparse, http.client, json, random, re, socket, statistics, struct, subprocess, time, urllib.parse

class Api:
    """One kept-alive HTTP connection, as an operator's tool or a controller would hold, with its token."""
    def __init__(self, base, token):
        url = urllib.parse.urlparse(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
        self.headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}

    def send(self, method, path, body=None, prefer=None):
        headers = self.headers if prefer is None else {**self.headers, "Prefer": prefer}
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        if response.status >= 300:
            raise SystemExit(f"{method} {path}: {response.status} {payload[:500]!r}")
        return payload

def query(port, name, qtype=5, timeout=2.0):
    ident = random.randint(0, 65535)
    wire = struct.pack(">HHHHHH", ident, 0, 1, 0, 0, 0)
    for label in name.rstrip(".").split("."):
        wire += bytes([len(label)]) + label.encode()
    wire += b"\0" + struct.pack(">HH", qtype, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        s.sendto(wire, ("127.0.0.1", port))
        return s.recv(4096)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--api"); ap.add_argument("--dns-port", type=int); ap.add_argument("--pid", type=int)
    ap.add_argument("--started-ns", type=int); ap.add_argument("--dataset"); ap.add_argument("--applies", type=int)
    ap.add_argument("--warmup", type=int, default=2000)
    ap.add_argument("--token-file", help="the admin token's secret, as vedns wrote it into its data directory")
    ap.add_argument("--restarted", action="store_true",
                    help="only wait until the restarted server answers --name with --expect in it, and report when")
    ap.add_argument("--name"); ap.add_argument("--expect"); ap.add_argument("--pairs", type=int)
    a = ap.parse_args()
    if a.restarted:
        report_restart(a)
        return
    ready_ms = (time.time_ns() - a.started_ns) / 1e6
    data = open(a.dataset, "rb").read()
    doc = json.loads(data)
    with open(a.token_file) as secret:
        api = Api(a.api, secret.read().strip())
    t0 = time.time()
    api.send("PUT", "/api/v1/state", data, prefer="return=minimal")
    import_s = time.time() - t0
    pair = doc["virtualEndpoints"][0]
    primary = pair["serverName"]
    replica = pair["members"][0]
    name = f"{pair['name']}.reader.{doc['zone']}"
    path = f"/api/v1/servers/{primary}/virtual-endpoints/{pair['name']}"
    latencies = []
    for i in range(a.warmup + a.applies):
        target = primary if i % 2 == 0 else replica
        t0 = time.perf_counter()
        api.send("PATCH", path, json.dumps({"members": [target]}).encode())
        for _ in range(1000):
            if target.encode() in query(a.dns_port, name):
                break
        if i >= a.warmup:
            latencies.append((time.perf_counter() - t0) * 1e3)
    latencies.sort()
    rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{a.pid}/status").read()).group(1)) / 1024
    heap = "n/a"
    try:
        subprocess.run(["jcmd", str(a.pid), "GC.run"], capture_output=True, timeout=60)
        info = subprocess.run(["jcmd", str(a.pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
        used = re.search(r"used (\d+)K", info)
        heap = f"{int(used.group(1)) / 1024:.0f} MiB" if used else "n/a"
    except (OSError, subprocess.TimeoutExpired):
        pass
    print(f"servers {len(doc['servers'])}, pairs {len(doc['virtualEndpoints'])}")
    print(f"ready to answer after start: {ready_ms:.0f} ms (empty data directory)")
    print(f"import of the data set (PUT /api/v1/state, Prefer: return=minimal): {import_s * 1e3:.0f} ms")
    print(f"change applied and visible in DNS ({a.applies} retargets): median {statistics.median(latencies):.2f} ms,"
          f" p99 {latencies[max(0, int(len(latencies) * 0.99) - 1)]:.2f} ms")
    print(f"memory after load: heap {heap}, RSS {rss:.0f} MiB")

def report_restart(a):
    """Ready means answering from the recovered state: the name given must resolve to the expected target.
    The name comes from the command line, so that nothing here competes with the starting server for CPU."""
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if a.expect.encode() in query(a.dns_port, a.name, timeout=0.01):
                break
        except OSError:
            time.sleep(0.01)
    else:
        raise SystemExit(f"the restarted server did not answer {a.name} within 120 s")
    ready_ms = (time.time_ns() - a.started_ns) / 1e6
    print(f"ready to answer after a restart with {a.pairs} pairs: {ready_ms:.0f} ms")


if __name__ == "__main__":
    main()
