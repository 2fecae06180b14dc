#!/bin/sh
# Makes the class-data sharing archive bin/vedns starts the server with (JDK AppCDS): the classes one start of
# the server loads, parsed and verified once here instead of at every start. `mvn package` runs it on the shaded
# jar. Without an archive vedns runs the same, only slower to start, so a failure here is reported, not fatal.
#   cds-archive.sh JAR ARCHIVE
jar=$1
archive=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/vedns-cds.XXXXXX")
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
rm -f "$archive"
: >"$work/log"
# Loopback, free ports, a throw-away data directory: the training start touches nothing of the machine's.
"${JAVA:-java}" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" --vedns.zone=cds.invalid. \
  --vedns.dns.host=127.0.0.1 --vedns.dns.port=0 --micronaut.server.host=127.0.0.1 --micronaut.server.port=0 \
  --vedns.data-dir="$work/data" >"$work/log" 2>&1 &
pid=$!
tries=0
until grep -q "vedns serving" "$work/log"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 1200 ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "cds-archive: the training start did not come up; vedns will start without an archive:" >&2
    tail -20 "$work/log" >&2
    exit 0
  fi
  sleep 0.1
done
# The archive is written as the JVM exits, after the shutdown a SIGTERM starts.
kill -TERM "$pid"
wait "$pid" || true
pid=""
if [ -f "$archive" ]; then
  echo "cds-archive: $archive ($(du -h "$archive" | cut -f1))"
else
  echo "cds-archive: no archive was written; vedns will start without one:" >&2
  tail -20 "$work/log" >&2
fi
