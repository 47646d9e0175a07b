# Helpers for the black-box CLI scenarios (sourced by tests/cli/test_*.sh).
# $ECADM is the binary under test. Each scenario gets its own temporary directory.
set -uo pipefail
: "${ECADM:?ECADM must point at the ecadm binary}"
T=$(mktemp -d)
SANDBOX_PIDS=()
cleanup() {
  for pid in "${SANDBOX_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
S="$T/ecadm.db"
export NO_COLOR=1
unset ECADM_STORE ECADM_USER ECADM_KEY_FILE
failures=0
checks=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run EXPECTED_CODE ecadm-args... : runs ecadm, keeps stdout in $OUT, stderr in $ERR
run() {
  local want=$1; shift
  checks=$((checks + 1))
  "$ECADM" "$@" >"$T/out" 2>"$T/err" </dev/null
  CODE=$?
  OUT=$(cat "$T/out"); ERR=$(cat "$T/err")
  if [ "$CODE" != "$want" ]; then
    fail "ecadm $* -> exit $CODE, expected $want"; echo "  stdout: $OUT" >&2; echo "  stderr: $ERR" >&2
  fi
}

# run_in EXPECTED_CODE STDIN_TEXT ecadm-args...
run_in() {
  local want=$1 input=$2; shift 2
  checks=$((checks + 1))
  printf '%s\n' "$input" | "$ECADM" "$@" >"$T/out" 2>"$T/err"
  CODE=$?
  OUT=$(cat "$T/out"); ERR=$(cat "$T/err")
  if [ "$CODE" != "$want" ]; then
    fail "ecadm $* -> exit $CODE, expected $want"; echo "  stdout: $OUT" >&2; echo "  stderr: $ERR" >&2
  fi
}

contains() { # contains HAYSTACK NEEDLE [what]
  checks=$((checks + 1))
  case "$1" in *"$2"*) ;; *) fail "${3:-output} does not contain '$2': $1" ;; esac
}
lacks() {
  checks=$((checks + 1))
  case "$1" in *"$2"*) fail "${3:-output} contains '$2'" ;; *) ;; esac
}

dump() { sqlite3 "$S" .dump; }

# unchanged EXPECTED_CODE args... : runs a command that must fail and must leave the store byte-for-byte as it was
unchanged() {
  local before after
  before=$(dump)
  run "$@"
  after=$(dump)
  checks=$((checks + 1))
  [ "$before" = "$after" ] || fail "ecadm ${*:2} changed the store"
}

# json JSON FILTER : runs a jq filter on a JSON document (fails the check if it does not parse)
json() { jq -r "$2" <<<"$1" || fail "not JSON or filter failed: $2 on: $1"; }

# sandbox_start ARGS... : starts ecadm-sandbox on a free loopback port with ARGS; sets
# $PID and $URL (from its first stdout line). Killed when the scenario ends.
sandbox_start() {
  : "${ECADM_SANDBOX:?ECADM_SANDBOX must point at the ecadm-sandbox binary}"
  "$ECADM_SANDBOX" --port 0 "$@" >"$T/sandbox.out" 2>"$T/sandbox.err" &
  PID=$!
  SANDBOX_PIDS+=("$PID")
  URL=""
  for _ in $(seq 100); do
    URL=$(head -n 1 "$T/sandbox.out" 2>/dev/null)
    [ -n "$URL" ] && break
    sleep 0.1
  done
  case "$URL" in
    "listening on http://127.0.0.1:"*/ec/v1 | "listening on https://127.0.0.1:"*/ec/v1) URL=${URL#listening on } ;;
    *) echo "sandbox did not start: '$URL'" >&2; cat "$T/sandbox.err" >&2; exit 1 ;;
  esac
}

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures of $checks checks failed" >&2; exit 1; fi
  echo "$checks checks passed"
}
