#!/usr/bin/env bash
# The onboarding of Kanzlei Berger, end to end: plan, users, permissions, seats, bank
# account, then `doctor` names what is still missing with its fix, and after each fix
# the firm is ready. Every refused command leaves the store unchanged; the Postfach
# password appears in no output and not in the store.
source "$ECADM_TEST_LIB"

PASSWORD='Berger-Geheim-7Qx!rT'
ALL="$T/all-output"
: >"$ALL"
# keep every stdout and stderr for the secret check at the end
log() { printf '%s\n%s\n' "$OUT" "$ERR" >>"$ALL"; }
store_holds_password() { cat "$S" "$S-wal" "$S-journal" 2>/dev/null | grep -aqF "$PASSWORD"; }

# a basic firm cannot use e.Consult
run 0 --store "$S" init --firm "Kanzlei Berger" --admin chef --plan basic; log
unchanged 4 --store "$S" --as chef license assign chef; log
contains "$ERR" "professional" "plan refusal"
contains "$ERR" "hint: ecadm firm set-plan professional"

run 0 --store "$S" --as chef firm set-plan professional; log
run 0 --store "$S" --as chef user add anna --name "Anna Roth"; log

# anna has no permission yet
unchanged 4 --store "$S" --as anna license assign anna; log
contains "$ERR" "'anna'" "permission refusal"
contains "$ERR" "hint: ecadm --as chef user grant anna"

run 0 --store "$S" --as chef user grant anna kanzleiverwaltung benutzerverwaltung; log

# with both permissions anna may manage seats: the free seat goes to chef
run 0 --store "$S" --as anna license assign chef; log
unchanged 4 --store "$S" --as anna license assign anna; log
contains "$ERR" "no free seat" "seat refusal"
contains "$ERR" "add-seats" "seat refusal hint"

run 0 --store "$S" --as chef license add-seats 1; log
run 0 --store "$S" --as chef license assign anna; log

run 0 --store "$S" --json license show; log
[ "$(json "$OUT" '.seats.total')" = "2" ] || fail "2 seats in total"
[ "$(json "$OUT" '.seats.assigned')" = "2" ] || fail "2 seats assigned"
[ "$(json "$OUT" '.seats.free')" = "0" ] || fail "no seat free"
[ "$(json "$OUT" '.holders | sort | join(",")')" = "anna,chef" ] || fail "chef and anna hold the seats"
[ "$(json "$OUT" '.plan')" = "professional" ] || fail "plan professional"

# the bank account for R+V: a wrong checksum is refused, the right one kept
unchanged 3 --store "$S" --as chef settings set-bank --iban "DE89 3704 0044 0532 0130 01" --holder X; log
contains "$ERR" "iban" "IBAN refusal"
contains "$ERR" "hint: copy the IBAN from a bank statement, e.g. DE89 3704 0044 0532 0130 00"
run 0 --store "$S" --as chef settings set-bank --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFFXXX \
  --holder "Kanzlei Berger"; log

# doctor: not ready, and says what is missing and how to fix it
unchanged 6 --store "$S" doctor; log
contains "$OUT" "fail  postfach: no credentials"
contains "$OUT" "fix: ecadm --as chef postfach set-credentials --kanzlei-id ID --username USER --password-stdin"
contains "$OUT" "fail  stammdaten:"
contains "$OUT" "fix: ecadm --as chef settings set-stammdaten"
contains "$OUT" "fail  endpoint:"
contains "$OUT" "fix: ecadm --as chef settings set-endpoint URL"
contains "$OUT" "fail  insurer.5826.adac-partnernummer:"
contains "$OUT" "fix: ecadm --as chef adac set-partner-number NR"
contains "$OUT" "fail  insurer.5826.adac-agb:"
contains "$OUT" "fix: ecadm --as chef adac accept-agb"
contains "$OUT" "ok    plan: professional"
contains "$OUT" "ok    seats: 2 of 2 assigned"
lacks "$OUT" "bankverbindung" "doctor after set-bank"
unchanged 6 --store "$S" doctor --json; log
[ "$(json "$OUT" '.ready')" = "false" ] || fail "not ready yet"
[ "$(json "$OUT" '.insurers[] | select(.bafin == "5836") | .ready')" = "true" ] || fail "R+V is ready"
[ "$(json "$OUT" '.insurers[] | select(.bafin == "5826") | .missing | join(",")')" = "adac-partnernummer,adac-agb" ] ||
  fail "ADAC misses partner number and terms"
[ "$(json "$OUT" '[.checks[] | select(.status == "fail") | .fix | length > 0] | all')" = "true" ] ||
  fail "every failure names its fix"

# fix each item
run 0 --store "$S" --as chef location add Hauptsitz --street "Karl-Liebknecht-Straße" --house-number 12 \
  --zip 04107 --city Leipzig --email kanzlei@berger.example; log
run 6 --store "$S" doctor --json; log
[ "$(json "$OUT" '.checks[] | select(.id == "stammdaten") | .status')" = "ok" ] ||
  fail "the first location fills the empty Stammdaten"
run 0 --store "$S" --as chef settings set-stammdaten --from-location; log
run 0 --store "$S" --as chef adac set-partner-number ADAC-778812; log
run 0 --store "$S" --as chef adac accept-agb; log
run_in 0 "$PASSWORD" --store "$S" --as chef postfach set-credentials --kanzlei-id K-104233 --username chef \
  --password-stdin; log
run 0 --store "$S" --as chef settings set-endpoint http://127.0.0.1:9/ec/v1; log

# ready: warnings (Zentralruf, directory not synced) do not fail
run 0 --store "$S" doctor; log
lacks "$OUT" "fail  "
contains "$OUT" "ok    postfach: Kanzlei-ID K-104233, user 'chef'"
contains "$OUT" "ok    stammdaten: Kanzlei Berger, 04107 Leipzig"
contains "$OUT" "ok    endpoint: http://127.0.0.1:9/ec/v1"
run 0 --store "$S" doctor --json; log
[ "$(json "$OUT" '.ready')" = "true" ] || fail "ready after the fixes"
[ "$(json "$OUT" '[.insurers[] | .ready] | all')" = "true" ] || fail "every insurer ready"
run 6 --store "$S" doctor --strict; log

# the secret: never printed, never in the audit log, never in the store in clear text
run 0 --store "$S" postfach show; log
contains "$OUT" "********"
run 0 --store "$S" --json postfach show; log
run 0 --store "$S" audit; log
contains "$OUT" "postfach"
run 0 --store "$S" --json audit; log
checks=$((checks + 1))
if grep -qF "$PASSWORD" "$ALL"; then fail "the password appeared in the output"; fi
checks=$((checks + 1))
if store_holds_password; then fail "the password is in the store in clear text"; fi
sqlite3 "$S" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
checks=$((checks + 1))
if store_holds_password; then fail "the password is in the store in clear text (after checkpoint)"; fi

finish
