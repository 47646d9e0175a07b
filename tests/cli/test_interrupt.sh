#!/usr/bin/env bash
# SIGINT and SIGTERM while ecadm waits on e.Consult: the transfer is abandoned at once,
# the command exits 130 with a message, and the store is exactly as it was.
source "$ECADM_TEST_LIB"
set -m # background jobs keep the default SIGINT disposition (without job control a shell ignores it for them)

PW=postfach-secret-4711
sandbox_start --account K-104233:chef:$PW --latency-ms 20000

run 0 --store "$S" init --firm "Kanzlei Berger" --admin chef --plan professional
run 0 --store "$S" --as chef license assign chef
run 0 --store "$S" --as chef settings set-endpoint "$URL"
run_in 0 "$PW" --store "$S" --as chef postfach set-credentials --kanzlei-id K-104233 --username chef --password-stdin

# interrupted SIGNAL [--json] : starts insurer sync, signals it while the sandbox stalls,
# expects exit 130 well before the sandbox would have answered and an unchanged store
interrupted() {
  local signal=$1; shift
  local before after started elapsed
  before=$(dump)
  started=$(date +%s)
  "$ECADM" --store "$S" --as chef "$@" insurer sync >"$T/out" 2>"$T/err" </dev/null &
  local pid=$!
  sleep 1
  kill "-$signal" "$pid"
  wait "$pid"
  CODE=$?
  elapsed=$(($(date +%s) - started))
  OUT=$(cat "$T/out"); ERR=$(cat "$T/err")
  after=$(dump)
  checks=$((checks + 3))
  [ "$CODE" = 130 ] || fail "insurer sync after SIG$signal -> exit $CODE, expected 130 (stderr: $ERR)"
  [ "$elapsed" -lt 10 ] || fail "insurer sync took ${elapsed}s to stop after SIG$signal"
  [ "$before" = "$after" ] || fail "interrupted insurer sync changed the store"
}

interrupted INT
contains "$ERR" "interrupted"
interrupted TERM --json
[ "$(json "$ERR" '.error.code')" = interrupted ] || fail "JSON error code after SIGTERM: $ERR"

# the interrupted command left nothing half-done: the directory is still empty
run 0 --store "$S" --json insurer list
[ "$(json "$OUT" '.items | length')" = 0 ] || fail "directory changed by an interrupted sync: $OUT"
finish
