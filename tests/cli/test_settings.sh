#!/usr/bin/env bash
# ecadm settings: show, set-stammdaten, set-bank, clear-bank, set-zentralruf, set-endpoint
source "$ECADM_TEST_LIB"

E=(--store "$S" --as chef)
run 0 --store "$S" init --firm "Kanzlei Berger" --admin chef --plan professional

# --- show on a fresh firm: everything unset, JSON nested objects
run 0 --store "$S" settings show --json
[ "$(json "$OUT" '.stammdaten.complete')" = false ] || fail "fresh stammdaten should be incomplete"
[ "$(json "$OUT" '.bank.iban')" = null ] || fail "fresh bank should be unset"
[ "$(json "$OUT" '.zentralruf.password_set')" = false ] || fail "fresh zentralruf should be unset"
[ "$(json "$OUT" '.zentralruf.password')" = null ] || fail "fresh zentralruf password should be null: $OUT"
[ "$(json "$OUT" '.endpoint.url')" = null ] || fail "fresh endpoint should be unset"
[ "$(json "$OUT" '.adac | has("partner_number")')" = true ] || fail "adac object lacks partner_number"
run 0 --store "$S" settings show
contains "$OUT" "stammdaten: (incomplete)"
contains "$OUT" "(not set)"

# --- set-bank: the IBAN checksum, BIC country, normalisation, idempotence
unchanged 3 "${E[@]}" settings set-bank --iban "DE89 3704 0044 0532 0130 01" --holder X
contains "$ERR" "invalid iban: checksum is wrong (mod 97 must be 1)" stderr
unchanged 3 "${E[@]}" settings set-bank --iban "DE89 3704 0044 0532 0130 0" --holder X
contains "$ERR" "a DE IBAN has 22 characters, not 21" stderr
unchanged 3 "${E[@]}" settings set-bank --iban "XX89 3704 0044 0532 0130 00" --holder X
contains "$ERR" "unknown country code 'XX'" stderr
unchanged 3 "${E[@]}" --json settings set-bank --iban "DE89 3704 0044 0532 0130 01" --holder X
[ "$(json "$ERR" '.error.code')" = invalid_data ] || fail "JSON error code should be invalid: $ERR"
[ -z "$OUT" ] || fail "stdout should be empty on a JSON error: $OUT"

run 0 "${E[@]}" settings set-bank --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFFXXX --holder "Kanzlei Berger"
contains "$OUT" "DE89370400440532013000"
[ "$(sqlite3 "$S" 'SELECT bank_iban FROM econsult_settings')" = DE89370400440532013000 ] || fail "IBAN not stored normalised"
[ "$(sqlite3 "$S" 'SELECT bank_bic FROM econsult_settings')" = COBADEFFXXX ] || fail "BIC not stored"
run 0 "${E[@]}" --json settings set-bank --iban de89370400440532013000 --bic cobadeffxxx --holder "Kanzlei Berger"
[ "$(json "$OUT" '.changed')" = false ] || fail "the same bank account again should be unchanged: $OUT"
[ "$(json "$OUT" '.iban')" = DE89370400440532013000 ] || fail "JSON lacks the normalised IBAN: $OUT"

unchanged 3 "${E[@]}" settings set-bank --iban "AT61 1904 3002 3457 3201" --bic COBADEFFXXX --holder X
contains "$ERR" "invalid bic:" stderr
contains "$ERR" "does not match the IBAN's country 'AT'" stderr
unchanged 3 "${E[@]}" settings set-bank --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFFX --holder X
contains "$ERR" "a BIC has 8 or 11" stderr
unchanged 2 "${E[@]}" settings set-bank --iban "DE89 3704 0044 0532 0130 00"
unchanged 4 --store "$S" settings set-bank --iban "AT61 1904 3002 3457 3201" --holder X
contains "$ERR" "no acting user" stderr

# dry run: says what it would do, changes nothing
unchanged 0 "${E[@]}" --dry-run settings set-bank --iban "AT61 1904 3002 3457 3201" --holder "Wien"
contains "$OUT" "dry run:"

run 0 --store "$S" settings show --json
[ "$(json "$OUT" '.bank.holder')" = "Kanzlei Berger" ] || fail "show lacks the holder: $OUT"

run 0 "${E[@]}" settings clear-bank
contains "$OUT" "removed the bank account"
[ -z "$(sqlite3 "$S" 'SELECT bank_iban FROM econsult_settings')" ] || fail "clear-bank left the IBAN"
run 0 "${E[@]}" --json settings clear-bank
[ "$(json "$OUT" '.changed')" = false ] || fail "clear-bank twice should be unchanged"

# --- set-endpoint: https, http only on loopback
unchanged 3 "${E[@]}" settings set-endpoint http://example.com
contains "$ERR" "invalid endpoint:" stderr
contains "$ERR" "loopback" stderr
unchanged 3 "${E[@]}" settings set-endpoint ftp://example.com/ec
run 0 "${E[@]}" settings set-endpoint http://127.0.0.1:8080/ec/v1/
[ "$(sqlite3 "$S" 'SELECT endpoint FROM econsult_settings')" = http://127.0.0.1:8080/ec/v1 ] || fail "endpoint not normalised"
run 0 "${E[@]}" --json settings set-endpoint http://127.0.0.1:8080/ec/v1
[ "$(json "$OUT" '.changed')" = false ] || fail "the same endpoint again should be unchanged"
printf -- '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' >"$T/ca.pem"
unchanged 3 "${E[@]}" settings set-endpoint https://ec.example.com/v1 --cacert "$T/missing.pem"
contains "$ERR" "invalid cacert:" stderr
(cd "$T" && "$ECADM" "${E[@]}" settings set-endpoint https://ec.example.com/v1 --cacert ca.pem >/dev/null) ||
  fail "set-endpoint with a relative --cacert failed"
[ "$(sqlite3 "$S" 'SELECT cacert FROM econsult_settings')" = "$T/ca.pem" ] || fail "cacert not stored absolute"
run 0 --store "$S" settings show --json
[ "$(json "$OUT" '.endpoint.url')" = https://ec.example.com/v1 ] || fail "show lacks the endpoint: $OUT"

# --- set-zentralruf: the password never shows up anywhere
PW='Zr-Geheimnis-4711'
unchanged 2 "${E[@]}" settings set-zentralruf --username zr-berger
run_in 0 "$PW" "${E[@]}" settings set-zentralruf --username zr-berger --password-stdin
lacks "$OUT$ERR" "$PW"
run_in 0 "$PW" "${E[@]}" --json settings set-zentralruf --username zr-berger --password-stdin
[ "$(json "$OUT" '.changed')" = false ] || fail "identical Zentralruf credentials should be unchanged"
printf '%s\n' "$PW-neu" >"$T/pw"
run 0 "${E[@]}" settings set-zentralruf --username zr-berger --password-file "$T/pw"
lacks "$OUT$ERR" "$PW"
unchanged 3 "${E[@]}" settings set-zentralruf --username zr-berger --password-file "$T/nope"
run 0 --store "$S" settings show
contains "$OUT" "zr-berger"
contains "$OUT" "********"
lacks "$OUT" "$PW"
run 0 --store "$S" settings show --json
[ "$(json "$OUT" '.zentralruf.password_set')" = true ] || fail "show should say the password is set"
# masked as postfach show masks it
[ "$(json "$OUT" '.zentralruf.password')" = '********' ] || fail "show should mask the password: $OUT"
lacks "$OUT" "$PW"
[ "$(sqlite3 "$S" "SELECT count(*) FROM audit_log WHERE action = 'settings.set-zentralruf' AND new_value LIKE '%********%'")" = 2 ] ||
  fail "set-zentralruf should be audited twice, masked"
lacks "$(sqlite3 "$S" .dump)" "$PW" "the store"
checks=$((checks + 1))
if cat "$S" "$S-wal" 2>/dev/null | grep -aq "$PW"; then fail "the password is in the db file in clear"; fi

# --- set-stammdaten: explicit fields
unchanged 2 "${E[@]}" settings set-stammdaten --name "Kanzlei Berger"
contains "$ERR" "missing: --street" stderr
unchanged 3 "${E[@]}" settings set-stammdaten --name "Kanzlei Berger" --street Hauptstrasse --house-number 1 \
  --zip 4109 --city Leipzig --email info@berger.de
contains "$ERR" "invalid zip:" stderr
unchanged 3 "${E[@]}" settings set-stammdaten --name "Kanzlei Berger" --street Hauptstrasse --house-number 1 \
  --zip 04109 --city Leipzig --email info-at-berger.de
contains "$ERR" "invalid email:" stderr
run 0 "${E[@]}" settings set-stammdaten --name "Kanzlei Berger" --street Hauptstrasse --house-number 1 \
  --zip 04109 --city Leipzig --email info@berger.de --phone "+49 341 123456"
run 0 "${E[@]}" --json settings set-stammdaten --name "Kanzlei Berger" --street Hauptstrasse --house-number 1 \
  --zip 04109 --city Leipzig --email info@berger.de --phone "+49 341 123456"
[ "$(json "$OUT" '.changed')" = false ] || fail "the same master data again should be unchanged"
run 0 --store "$S" settings show --json
[ "$(json "$OUT" '.stammdaten.country')" = DE ] || fail "country should default to DE"
[ "$(json "$OUT" '.stammdaten.complete')" = true ] || fail "stammdaten should be complete"

# --- set-stammdaten --from-location (locations inserted directly)
unchanged 2 "${E[@]}" settings set-stammdaten --from-location --name X
unchanged 5 "${E[@]}" settings set-stammdaten --from-location
contains "$ERR" "hint: ecadm location add" stderr
sqlite3 "$S" "INSERT INTO locations (name, street, house_number, zip, city, country, email, created_at) VALUES
  ('Zentrale', 'Marktplatz', '5', '04109', 'Leipzig', 'DE', 'zentrale@berger.de', '2026-01-01T00:00:00Z'),
  ('Filiale', 'Unter den Linden', '7', '10117', 'Berlin', 'DE', 'berlin@berger.de', '2026-01-01T00:00:00Z')"
unchanged 5 "${E[@]}" settings set-stammdaten --from-location Hamburg
contains "$ERR" "'Hamburg'" stderr
run 0 "${E[@]}" settings set-stammdaten --from-location
contains "$OUT" "'Zentrale'"
[ "$(sqlite3 "$S" 'SELECT stamm_street FROM econsult_settings')" = Marktplatz ] || fail "first location not copied"
run 0 "${E[@]}" settings set-stammdaten --from-location Filiale
[ "$(sqlite3 "$S" 'SELECT stamm_city FROM econsult_settings')" = Berlin ] || fail "named location not copied"
run 0 "${E[@]}" --json settings set-stammdaten --from-location Filiale
[ "$(json "$OUT" '.changed')" = false ] || fail "the same location again should be unchanged"

# --- permissions and plan
sqlite3 "$S" "INSERT INTO users (login, name, created_at) VALUES ('anna', 'Anna', 'now');
  INSERT INTO user_permissions VALUES ((SELECT id FROM users WHERE login = 'anna'), 'kanzleiverwaltung')"
unchanged 4 --store "$S" --as anna settings set-endpoint https://ec.example.com
contains "$ERR" "'anna' may not" stderr
run 0 "${E[@]}" firm set-plan basic
unchanged 4 "${E[@]}" settings clear-bank
contains "$ERR" "professional" stderr

# --- help
run 0 settings --help
contains "$OUT" "set-zentralruf"
run 0 settings set-stammdaten --help
contains "$OUT" "--from-location"

finish
