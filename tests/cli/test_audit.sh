#!/usr/bin/env bash
# ecadm audit: who changed what, when; read-only, filters by date and count.
source "$ECADM_TEST_LIB"

run 0 --store "$S" init --firm "Kanzlei Test" --admin chef --plan basic
run 0 --store "$S" --as chef firm set-plan professional
run 0 --store "$S" --as chef firm set-plan enterprise
run 0 --store "$S" --as chef -n firm set-plan basic   # a dry run leaves no trace

unchanged 0 --store "$S" audit
[ "$(wc -l <<<"$OUT")" = "3" ] || fail "three entries expected: $OUT"
contains "$OUT" "  -  firm.init  firm  - -> name=Kanzlei Test; plan=basic; admin=chef"
contains "$OUT" "  chef  firm.set-plan  firm  basic -> professional"
contains "$OUT" "  chef  firm.set-plan  firm  professional -> enterprise"
lacks "$OUT" "-> basic"
today=$(date -u +%Y-%m-%d)
contains "$(head -n 1 <<<"$OUT")" "${today}T"

# JSON: {"items": [...]}, oldest first, null for missing values
unchanged 0 --store "$S" audit --json
[ "$(json "$OUT" '.items | length')" = "3" ] || fail "three items"
[ "$(json "$OUT" '.items[0].action')" = "firm.init" ] || fail "oldest first"
[ "$(json "$OUT" '.items[0].actor')" = "null" ] || fail "init has no actor"
[ "$(json "$OUT" '.items[0].old')" = "null" ] || fail "init has no old value"
[ "$(json "$OUT" '.items[2] | "\(.actor) \(.old) \(.new) \(.object)"')" = "chef professional enterprise firm" ] ||
  fail "last entry"
[ "$(json "$OUT" '.items | map(has("id") and has("at")) | all')" = "true" ] || fail "id and at on every item"

# --limit keeps the newest
run 0 --store "$S" audit --limit 1 --json
[ "$(json "$OUT" '.items | length')" = "1" ] || fail "--limit 1"
[ "$(json "$OUT" '.items[0].new')" = "enterprise" ] || fail "--limit keeps the newest"

# --since: today holds everything, tomorrow nothing
run 0 --store "$S" audit --since "$today" --json
[ "$(json "$OUT" '.items | length')" = "3" ] || fail "--since today"
tomorrow=$(date -u -d tomorrow +%Y-%m-%d)
run 0 --store "$S" audit --since "$tomorrow" --json
[ "$(json "$OUT" '.items | length')" = "0" ] || fail "--since tomorrow"
run 0 --store "$S" audit --since "$tomorrow"
[ -z "$OUT" ] || fail "no entries prints nothing on stdout"
run 0 --store "$S" audit --since "${tomorrow}T00:00:00Z" --json

# bad input: field and rule named, exit 3, nothing changed
unchanged 3 --store "$S" audit --since yesterday
contains "$ERR" "invalid since:"
unchanged 3 --store "$S" audit --since 2026-02-30
unchanged 3 --store "$S" audit --limit 0
contains "$ERR" "invalid limit: must be at least 1"
unchanged 2 --store "$S" audit --limit many
unchanged 3 --store "$S" audit --since nope --json
[ "$(json "$ERR" '.error.code')" = "invalid_data" ] || fail "JSON error code"

# read-only: no acting user needed, a missing store is not ready
run 0 --store "$S" --as nobody audit
run 6 --store "$T/none.db" audit

finish
