#!/usr/bin/env bash
# ecadm doctor: every problem on one line with its fix; exit 6 until the firm is ready.
source "$ECADM_TEST_LIB"

run 0 --store "$S" init --firm "Kanzlei Test" --admin chef --plan basic

# a fresh basic store: not ready, every failure with the command that fixes it, nothing written
unchanged 6 --store "$S" doctor
contains "$OUT" "fail  plan: basic"
contains "$OUT" "      fix: ecadm --as chef firm set-plan professional"
contains "$OUT" "fail  seats:"
contains "$OUT" "      fix: ecadm --as chef license assign chef"
contains "$OUT" "fail  postfach: no credentials"
contains "$OUT" "      fix: ecadm --as chef postfach set-credentials --kanzlei-id ID --username USER --password-stdin"
contains "$OUT" "fail  stammdaten:"
contains "$OUT" "fail  endpoint:"
contains "$OUT" "      fix: ecadm --as chef settings set-endpoint URL"
contains "$OUT" "warn  directory:"
contains "$OUT" "      fix: ecadm --as LOGIN insurer sync"
contains "$OUT" "fail  insurer.5836.bankverbindung:"
contains "$OUT" "      fix: ecadm --as chef settings set-bank --iban IBAN --holder NAME"
contains "$OUT" "fail  insurer.5826.adac-partnernummer:"
contains "$OUT" "      fix: ecadm --as chef adac set-partner-number NR"
contains "$OUT" "fail  insurer.5826.adac-agb:"
contains "$OUT" "      fix: ecadm --as chef adac accept-agb"
contains "$OUT" "ok    store:"
contains "$OUT" "ok    admin:"
contains "$OUT" "info  passivmandatierung:"
contains "$OUT" "insurer 5826 ADAC Rechtsschutzversicherungs-AG: not ready (missing adac-partnernummer, adac-agb)"
contains "$OUT" "not ready:"
[ -z "$ERR" ] || fail "doctor wrote to stderr: $ERR"
run 6 --store "$S" -q doctor
lacks "$OUT" "ok    store:" "doctor -q"
contains "$OUT" "fail  plan: basic"

# JSON: one document on stdout, no error document, same exit code
unchanged 6 --store "$S" doctor --json
[ "$(json "$OUT" '.ready')" = "false" ] || fail "ready should be false"
[ "$(json "$OUT" '.checks[] | select(.id == "plan") | .status')" = "fail" ] || fail "plan should fail"
[ "$(json "$OUT" '.checks[] | select(.id == "plan") | .fix')" = "ecadm --as chef firm set-plan professional" ] ||
  fail "plan fix"
[ "$(json "$OUT" '[.checks[] | select(.status == "ok") | .fix] | unique | join(",")')" = "" ] ||
  fail "ok checks must have an empty fix"
[ "$(json "$OUT" '.checks | map(has("id") and has("status") and has("message") and has("fix")) | all')" = "true" ] ||
  fail "every check has id, status, message and fix"
[ "$(json "$OUT" '.insurers[] | select(.bafin == "5836") | .missing | join(",")')" = "bankverbindung" ] ||
  fail "R+V misses the bank account"
[ "$(json "$OUT" '.insurers[] | select(.bafin == "5826") | .ready')" = "false" ] || fail "ADAC not ready"
[ -z "$ERR" ] || fail "doctor --json wrote to stderr: $ERR"

# --insurer narrows; an unknown one is not found
run 6 --store "$S" doctor --insurer 5836 --json
[ "$(json "$OUT" '.insurers | length')" = "1" ] || fail "--insurer narrows to one insurer"
[ "$(json "$OUT" '[.checks[] | select(.id | startswith("insurer.5826"))] | length')" = "0" ] ||
  fail "--insurer 5836 must not check the ADAC"
run 5 --store "$S" doctor --insurer 9999
contains "$ERR" "insurer '9999'"
run 5 --store "$S" doctor --insurer 9999 --json
[ -z "$OUT" ] || fail "an error prints no report"
[ "$(json "$ERR" '.error.code')" = "not_found" ] || fail "JSON error for an unknown insurer"

# fix everything (with SQL where the commands belong to other groups)
run 0 --store "$S" --as chef firm set-plan professional
sqlite3 "$S" "
  INSERT INTO seat_assignments (user_id, assigned_at) SELECT id, '2026-12-01T00:00:00Z' FROM users WHERE login = 'chef';
  INSERT INTO postfach_credentials (id, kanzlei_id, username, password_box, updated_at)
    VALUES (1, 'K-1', 'chef', X'00', '2026-12-01T00:00:00Z');
  UPDATE econsult_settings SET stamm_name = 'Kanzlei Test', stamm_street = 'Markt', stamm_house_number = '1',
    stamm_zip = '04109', stamm_city = 'Leipzig', stamm_country = 'DE', stamm_email = 'k@test.example',
    endpoint = 'http://127.0.0.1:9/ec/v1', bank_holder = 'Kanzlei Test', bank_iban = 'DE89370400440532013000',
    adac_partner_number = 'ADAC-1', adac_agb_version = '2024-01' WHERE id = 1;"
# terms accepted in an outdated version do not count
unchanged 6 --store "$S" doctor
contains "$OUT" "fail  insurer.5826.adac-agb: ADAC Rechtsschutzversicherungs-AG (5826) requires the accepted ADAC terms: version '2024-01' accepted, but '2026-01' is current"
contains "$OUT" "      fix: ecadm --as chef adac accept-agb"
sqlite3 "$S" "UPDATE econsult_settings SET adac_agb_version = '2026-01'"
run 0 --store "$S" doctor
contains "$OUT" "ok    plan: professional"
contains "$OUT" "ok    postfach:"
contains "$OUT" "ready: 0 failures"
lacks "$OUT" "fail  "
lacks "$OUT" "insurer 5836" "text without -v (ready insurers are not listed)"
run 0 --store "$S" -v doctor
contains "$OUT" "insurer 5836 R+V Rechtsschutzversicherung AG: ready"
run 0 --store "$S" doctor --json
[ "$(json "$OUT" '.ready')" = "true" ] || fail "ready should be true"

# warnings (no Zentralruf credentials, directory never synced) fail only with --strict
run 6 --store "$S" doctor --strict
contains "$OUT" "warn  zentralruf:"
# --online asks e.Consult; this store's credentials are fakes written with SQL, so it fails and says so
run 6 --store "$S" doctor --online
contains "$OUT" "fail  online: cannot ask e.Consult"

# a store readable by others fails with the chmod that fixes it
chmod 644 "$S"
run 6 --store "$S" doctor
contains "$OUT" "fail  store-mode:"
contains "$OUT" "fix: chmod 600 $S"
chmod 600 "$S"
run 0 --store "$S" doctor

# doctor needs no acting user, and an unknown one does not matter either
run 0 --store "$S" --as nobody doctor
# no store at all: not ready
run 6 --store "$T/none.db" doctor
contains "$ERR" "hint:"
run 0 --store "$S" doctor --help
contains "$OUT" "--strict"

finish
