#!/usr/bin/env python3
"""Writes one benchmark fleet in the three forms the benchmark needs, all describing the same zone.

usage: dataset.py [--pairs N] [--zone NAME] [--queries Q] OUTDIR

  OUTDIR/zone.db       a master zone file, which Knot DNS and NSD serve as it is
  OUTDIR/dataset.json  the same fleet as a vedns state document, for PUT /api/v1/state
  OUTDIR/queries.txt   a dnsperf query file

Replication set j is the primary srv-<2j> with its replica srv-<2j+1> and the pair ve-<j>, whose writer
points at the primary and whose reader at the replica. Every address is on 127.0.0.0/8, so nothing that
follows a CNAME ever leaves the machine. The query mix is fixed by a seed, so two runs ask the same:
80% A on writer and reader names (CNAME plus the server's A in one answer), 10% A on server names,
5% names that do not exist (NXDOMAIN), 5% AAAA on server names (NODATA).
"""
import argparse
import json
import os
import random

MIX = ((0.80, "endpoint"), (0.90, "server"), (0.95, "missing"), (1.00, "nodata"))


def address(index):
    """A distinct loopback address for each server: 127.A.B.C with C never 0."""
    return f"127.{1 + index // 62500}.{(index // 250) % 250}.{1 + index % 250}"


def fleet(pairs):
    """The servers and pairs, as the state document lists them."""
    servers, endpoints = [], []
    for j in range(pairs):
        primary, replica = f"srv-{2 * j:05d}", f"srv-{2 * j + 1:05d}"
        servers.append({"name": primary, "replicationRole": "Primary", "addresses": [address(2 * j)]})
        servers.append({"name": replica, "replicationRole": "AsyncReplica", "sourceServerName": primary,
                        "addresses": [address(2 * j + 1)]})
        endpoints.append({"serverName": primary, "name": f"ve-{j:05d}", "endpointType": "ReadWrite",
                          "members": [replica]})
    return servers, endpoints


def zone_file(zone, servers, endpoints, endpoint_ttl, server_ttl):
    """The lines a peer server loads: SOA and NS at the apex, then every server and both names of every pair."""
    yield f"$ORIGIN {zone}"
    yield f"@ 3600 IN SOA ns1.{zone} hostmaster.{zone} 1 3600 600 86400 {endpoint_ttl}"
    yield "@ 3600 IN NS ns1"
    yield "ns1 3600 IN A 127.0.0.1"
    for server in servers:
        yield f"{server['name']} {server_ttl} IN A {server['addresses'][0]}"
    for pair in endpoints:
        yield f"{pair['name']}.writer {endpoint_ttl} IN CNAME {pair['serverName']}"
        yield f"{pair['name']}.reader {endpoint_ttl} IN CNAME {pair['members'][0]}"


def queries(zone, pairs, count, seed=7):
    rnd = random.Random(seed)
    servers = 2 * pairs
    for _ in range(count):
        draw = rnd.random()
        kind = next(name for bound, name in MIX if draw < bound)
        if kind == "endpoint":
            yield f"ve-{rnd.randrange(pairs):05d}.{rnd.choice(('writer', 'reader'))}.{zone} A"
        elif kind == "server":
            yield f"srv-{rnd.randrange(servers):05d}.{zone} A"
        elif kind == "missing":
            yield f"nope-{rnd.randrange(servers):05d}.{zone} A"
        else:
            yield f"srv-{rnd.randrange(servers):05d}.{zone} AAAA"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--zone", default="pg.example.test.")
    parser.add_argument("--queries", type=int, default=100000)
    parser.add_argument("--endpoint-ttl", type=int, default=5)
    parser.add_argument("--server-ttl", type=int, default=30)
    parser.add_argument("outdir")
    args = parser.parse_args()
    zone = args.zone.rstrip(".") + "."
    os.makedirs(args.outdir, exist_ok=True)
    servers, endpoints = fleet(args.pairs)
    with open(os.path.join(args.outdir, "zone.db"), "w") as out:
        out.writelines(line + "\n" for line in zone_file(zone, servers, endpoints, args.endpoint_ttl, args.server_ttl))
    with open(os.path.join(args.outdir, "dataset.json"), "w") as out:
        json.dump({"zone": zone, "servers": servers, "virtualEndpoints": endpoints}, out, indent=1)
    with open(os.path.join(args.outdir, "queries.txt"), "w") as out:
        out.writelines(line + "\n" for line in queries(zone, args.pairs, args.queries))
    print(f"{args.outdir}: zone {zone}, {len(servers)} servers, {len(endpoints)} pairs, {args.queries} queries")


if __name__ == "__main__":
    main()
