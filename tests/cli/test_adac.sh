#!/usr/bin/env bash
# ecadm adac: partner number and terms, with the plan and permission checks.
source "$ECADM_TEST_LIB"

run 0 --store "$S" init --firm "Kanzlei Roth" --admin chef --plan basic
run 0 --store "$S" adac show
contains "$OUT" "partner number: (not set)"
contains "$OUT" "not accepted (current: '2026-01')"

unchanged 4 --store "$S" --as chef adac set-partner-number 4711
contains "$ERR" "hint: ecadm firm set-plan professional"
run 0 --store "$S" --as chef firm set-plan professional

sqlite3 "$S" "INSERT INTO users(login,name,created_at) VALUES('anna','Anna Roth','2026-01-01T00:00:00Z')"
unchanged 4 --store "$S" --as anna adac accept-agb
unchanged 4 --store "$S" adac accept-agb
contains "$ERR" "no acting user"

unchanged 3 --store "$S" --as chef adac set-partner-number ' '
contains "$ERR" "invalid partner number: must not be empty"
unchanged 3 --store "$S" --as chef adac set-partner-number "$(printf '1%.0s' {1..51})"
unchanged 2 --store "$S" --as chef adac set-partner-number
unchanged 0 --store "$S" --as chef --dry-run adac set-partner-number 4711
contains "$OUT" "dry run: set the ADAC partner number to '4711'"

run 0 --store "$S" --as chef adac set-partner-number 4711
unchanged 0 --store "$S" --as chef adac set-partner-number 4711
contains "$OUT" "already '4711'"

run 0 --store "$S" --as chef adac accept-agb
contains "$OUT" "'chef' accepted the ADAC terms '2026-01'"
unchanged 0 --store "$S" --as chef adac accept-agb --version 2026-01
contains "$OUT" "already accepted"

run 0 --store "$S" --json adac show
[ "$(json "$OUT" '.partner_number')" = 4711 ] || fail "partner number: $OUT"
[ "$(json "$OUT" '.agb.version')" = 2026-01 ] || fail "version: $OUT"
[ "$(json "$OUT" '.agb.accepted_by')" = chef ] || fail "accepted_by: $OUT"
[ "$(json "$OUT" '.agb.current')" = true ] || fail "current: $OUT"
[[ "$(json "$OUT" '.agb.accepted_at')" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$ ]] || fail "accepted_at: $OUT"

# only the terms in force can be accepted
unchanged 3 --store "$S" --as chef adac accept-agb --version 2025-07
contains "$ERR" "invalid version: '2025-07' is not the current version of the ADAC terms ('2026-01')"
unchanged 3 --store "$S" --as chef --json adac accept-agb --version foo
[ "$(json "$ERR" '.error.code')" = invalid_data ] || fail "made-up version: $ERR"

# terms accepted under an older version (by an older ecadm) are shown as not current
sqlite3 "$S" "UPDATE econsult_settings SET adac_agb_version = '2025-07'"
run 0 --store "$S" adac show
contains "$OUT" "'2025-07' accepted by 'chef'"
contains "$OUT" "(current: '2026-01')"

[ "$(sqlite3 "$S" "SELECT count(*) FROM audit_log WHERE action LIKE 'adac.%' AND actor = 'chef'")" = 2 ] ||
  fail "audit: $(sqlite3 "$S" "SELECT action FROM audit_log")"
finish
