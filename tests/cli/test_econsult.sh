#!/usr/bin/env bash
# The commands that talk to e.Consult, against the sandbox on loopback: insurer sync,
# list and show, zentralruf lookup, doctor --online; their exit codes for refusals (7),
# unreachable service (75), missing setup (6), missing seat (4).
source "$ECADM_TEST_LIB"

PW=postfach-secret-4711
ZR=zentralruf-secret-0815
sandbox_start --account K-104233:chef:$PW --zentralruf-account zr-user:$ZR

# a firm ready to talk, except for what each step below takes away
run 0 --store "$S" init --firm "Kanzlei Berger" --admin chef --plan professional
run 0 --store "$S" --as chef user add anna --name "Anna Roth"
run 0 --store "$S" --as chef license assign chef

# offline: the directory is empty, list says so, show names sync
run 0 --store "$S" insurer list
contains "$ERR" "ecadm insurer sync" "empty directory hint"
run 5 --store "$S" insurer show 5826
contains "$ERR" "hint: ecadm insurer sync"

# no endpoint / no credentials: not ready, store unchanged
unchanged 6 --store "$S" --as chef insurer sync
contains "$ERR" "ecadm settings set-endpoint"
run 0 --store "$S" --as chef settings set-endpoint "$URL"
unchanged 6 --store "$S" --as chef insurer sync
contains "$ERR" "ecadm postfach set-credentials"

# wrong password: rejected by e.Consult (7), hint names the credentials command
run_in 0 "wrong-password" --store "$S" --as chef postfach set-credentials --kanzlei-id K-104233 --username chef --password-stdin
unchanged 7 --store "$S" --as chef insurer sync
contains "$ERR" "ZUGANG"
contains "$ERR" "ecadm postfach set-credentials"
run 6 --store "$S" doctor --online
contains "$OUT" "fail  online"
contains "$OUT" "fix: ecadm --as chef postfach set-credentials"

run_in 0 "$PW" --store "$S" --as chef postfach set-credentials --kanzlei-id K-104233 --username chef --password-stdin

# without a seat: not permitted (4), nothing fetched
unchanged 4 --store "$S" --as anna insurer sync
contains "$ERR" "license assign anna"

# dry run fetches but stores nothing
unchanged 0 --store "$S" --as chef --dry-run insurer sync
contains "$OUT" "dry run: synced the insurer directory: 24 insurers"

run 0 --store "$S" --as chef insurer sync
contains "$OUT" "24 insurers"
run 0 --store "$S" --json insurer list
[ "$(json "$OUT" '.items | length')" = 24 ] || fail "insurer list: 24 items expected"
[ "$(json "$OUT" '.stand')" = 2026-12-01 ] || fail "insurer list: stand"
run 0 --store "$S" --json insurer list --sparte schaden --search allianz
[ "$(json "$OUT" '.items | map(.bafin) | join(",")')" = 5312 ] || fail "insurer list filter: $OUT"
# search ignores the case of umlauts; ÖRAG sorts among the O, not after Z
run 0 --store "$S" --json insurer list --search örag
[ "$(json "$OUT" '.items | map(.bafin) | join(",")')" = 5813 ] || fail "insurer list --search örag: $OUT"
run 0 --store "$S" --json insurer list --sparte rechtsschutz
[ "$(json "$OUT" '[.items[].name | .[0:4]] | .[index("Neue") + 1]')" = "ÖRAG" ] ||
  fail "ÖRAG should follow Neue: $(json "$OUT" '[.items[].name] | join(", ")')"
run 0 --store "$S" --json insurer show 5826
[ "$(json "$OUT" '.anforderungen | join(",")')" = "adac-partnernummer,adac-agb" ] || fail "ADAC requirements: $OUT"
[ "$(json "$OUT" '.vsnr_muster')" = '^RS-[0-9]{4}-[0-9]{4}$' ] || fail "ADAC pattern: $OUT"
unchanged 3 --store "$S" insurer list --sparte leben
contains "$ERR" "sparte"
run 0 --store "$S" audit
contains "$OUT" "insurer.sync"

# doctor --online: endpoint, credentials and clock are fine
run 6 --store "$S" --json doctor --online
[ "$(json "$OUT" '.checks[] | select(.id=="online") | .status')" = ok ] || fail "online check: $OUT"
[ "$(json "$OUT" '.checks[] | select(.id=="clock") | .status')" = ok ] || fail "clock check: $OUT"

# Zentralruf
unchanged 6 --store "$S" --as chef zentralruf lookup --kennzeichen "L-XY 4711" --datum 2026-11-30
contains "$ERR" "ecadm settings set-zentralruf"
run_in 0 "$ZR" --store "$S" --as chef settings set-zentralruf --username zr-user --password-stdin
run 0 --store "$S" --as chef --json zentralruf lookup --kennzeichen "l-xy 4711" --datum 2026-11-30
[ "$(json "$OUT" '.versicherer.bafin')" = 5312 ] || fail "zentralruf bafin: $OUT"
[ "$(json "$OUT" '.versicherungsscheinnummer')" = KH-99812003 ] || fail "zentralruf policy: $OUT"
[ "$(json "$OUT" '.kennzeichen')" = "L-XY 4711" ] || fail "plate normalised: $OUT"
[ "$(json "$OUT" '.takes_schadenmeldung')" = true ] || fail "takes_schadenmeldung: $OUT"
run 0 --store "$S" --as chef zentralruf lookup --kennzeichen "HH-A 1" --datum 2026-07-01
contains "$OUT" "cover ended:       2026-06-30"
run 5 --store "$S" --as chef zentralruf lookup --kennzeichen "B-ZZ 9999" --datum 2026-11-30
contains "$ERR" "knows no insurer for 'B-ZZ 9999'"
run 7 --store "$S" --as chef zentralruf lookup --kennzeichen "M-AB 123" --datum 2026-11-30
contains "$ERR" "NICHT_FREIGESCHALTET"
unchanged 3 --store "$S" --as chef zentralruf lookup --kennzeichen "XYZ" --datum 2026-11-30
contains "$ERR" "kennzeichen"
unchanged 3 --store "$S" --as chef zentralruf lookup --kennzeichen "L-XY 4711" --datum 2999-01-01
contains "$ERR" "datum"
unchanged 4 --store "$S" --as anna zentralruf lookup --kennzeichen "L-XY 4711" --datum 2026-11-30
run_in 0 "not-the-password" --store "$S" --as chef settings set-zentralruf --username zr-user --password-stdin
run 7 --store "$S" --as chef --json zentralruf lookup --kennzeichen "L-XY 4711" --datum 2026-11-30
[ "$(json "$ERR" '.error.code')" = rejected ] || fail "zentralruf 401 as JSON error: $ERR"
contains "$(json "$ERR" '.error.hint')" "ecadm settings set-zentralruf"

# e.Consult unreachable: temporary (75), the cached directory stays
kill "$PID"; wait "$PID" 2>/dev/null
unchanged 75 --store "$S" --as chef insurer sync
run 0 --store "$S" --json insurer list
[ "$(json "$OUT" '.items | length')" = 24 ] || fail "directory kept offline"
run 6 --store "$S" doctor --online
contains "$OUT" "not reachable"

# no secret in any output or in the store file
for f in "$S" "$S-wal"; do
  [ -f "$f" ] || continue
  ! grep -aq "$PW" "$f" || fail "postfach password in $f"
  ! grep -aq "$ZR" "$f" || fail "zentralruf password in $f"
done
finish
