#!/bin/sh
# Makes the class archive bin/vedns starts the server with: the classes one start of the server loads, parsed and
# verified once here instead of at every start (from Java 25 an AOT cache, which also keeps them loaded and linked;
# before, a class-data sharing archive). `mvn package` runs it on the shaded jar, through the launcher itself in
# its training mode, so that the archive is made by the JVM and with the options that will use it. Without an
# archive vedns runs the same, only slower to start, so a failure here is reported, not fatal.
#   class-archive.sh LAUNCHER
launcher=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/vedns-archive.XXXXXX")
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
: >"$work/log"
# Loopback, free ports, a throw-away data directory: the training start touches nothing of the machine's.
VEDNS_ARCHIVE=make VEDNS_JAVA_OPTS="" "$launcher" --vedns.zone=cds.invalid. \
  --vedns.dns.host=127.0.0.1 --vedns.dns.port=0 --micronaut.server.host=127.0.0.1 --micronaut.server.port=0 \
  --vedns.data-dir="$work/data" >"$work/log" 2>&1 &
pid=$!
tries=0
until grep -q "vedns serving" "$work/log"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 1200 ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "class-archive: the training start did not come up; vedns will start without an archive:" >&2
    tail -20 "$work/log" >&2
    exit 0
  fi
  sleep 0.1
done
# The archive is written as the JVM exits, after the shutdown a SIGTERM starts.
kill -TERM "$pid"
wait "$pid" || true
pid=""
archive=$(sed -n 's/^vedns: training start, making //p' "$work/log")
if [ -n "$archive" ] && [ -f "$archive" ]; then
  echo "class-archive: $archive ($(du -h "$archive" | cut -f1))"
else
  echo "class-archive: no archive was written; vedns will start without one:" >&2
  tail -20 "$work/log" >&2
fi
