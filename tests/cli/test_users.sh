#!/usr/bin/env bash
# ecadm user and ecadm location: black-box scenarios against the built binary.
source "$ECADM_TEST_LIB"

run 0 --store "$S" init --firm "Kanzlei Muster" --admin chef --plan professional
export ECADM_STORE="$S"

# --- user add
run 0 --as chef user add anna --name "Anna Muster" --email anna@kanzlei.de --grant kanzleiverwaltung,benutzerverwaltung
contains "$OUT" "added user 'anna'"
run 0 --as chef user add anna --name "Anna Muster" --email anna@kanzlei.de
contains "$OUT" "user 'anna' already exists"
run 0 --as chef --json user add anna --name "Anna Muster" --email anna@kanzlei.de
[ "$(json "$OUT" .changed)" = false ] || fail "repeated add must report changed=false"
unchanged 3 --as chef user add anna --name "Anna Other"
contains "$ERR" "hint: ecadm user show anna"
unchanged 3 --as chef user add Anna --name "Anna"
contains "$ERR" "ecadm: error: invalid login"
unchanged 3 --as chef user add bert --name "Bert" --email "bert at kanzlei"
contains "$ERR" "invalid email"
unchanged 3 --as chef user add bert --name "Bert" --grant root
contains "$ERR" "invalid permission: 'root'"
unchanged 3 --as chef --json user add bert --name "Bert" --grant root
[ "$(json "$ERR" .error.code)" = invalid_data ] || fail "JSON error code for an unknown permission"
unchanged 2 --as chef user add bert
unchanged 4 user add bert --name "Bert"
contains "$ERR" "no acting user"
contains "$ERR" "hint: pass --as LOGIN"

# --- dry run
unchanged 0 --as chef --dry-run user add bert --name "Bert"
contains "$OUT" "dry run: added user 'bert'"
run 0 --as chef --json -n user add bert --name "Bert"
[ "$(json "$OUT" '.dry_run, .changed' | tr '\n' ' ')" = "true false " ] || fail "dry-run JSON: $OUT"

# --- permissions: who may do what
run 0 --as chef user add kv --name "Karl Verwalter" --grant kanzleiverwaltung
unchanged 4 --as kv user add bert --name "Bert"
contains "$ERR" "'kv' may not"
contains "$ERR" "hint: ecadm --as chef user grant kv benutzerverwaltung"
run 0 --as anna user add bert --name "Bert"
unchanged 4 --as anna user grant bert admin
contains "$ERR" "only an admin may give or take permission 'admin'"
contains "$ERR" "hint: ecadm --as chef user grant bert admin"
unchanged 4 --as anna user grant anna admin
unchanged 5 --as ghost user grant bert admin
contains "$ERR" "acting user 'ghost' does not exist"

# --- grant / revoke
run 0 --as chef user grant bert kanzleiverwaltung
contains "$OUT" "granted permission 'kanzleiverwaltung' to 'bert'"
unchanged 0 --as chef user grant bert kanzleiverwaltung
contains "$OUT" "already holds"
unchanged 0 --as chef user revoke bert admin
contains "$OUT" "does not hold"
unchanged 5 --as chef user grant ghost admin
contains "$ERR" "user 'ghost' does not exist"
contains "$ERR" "hint: ecadm user list"
unchanged 3 --as chef user grant bert superuser
unchanged 2 --as chef user grant bert
unchanged 4 --as chef user revoke chef admin
contains "$ERR" "'chef' is the last active admin"
contains "$ERR" "hint: grant 'admin' to another user first"
unchanged 4 --as chef user disable chef
unchanged 4 --as chef --json user revoke chef admin
[ "$(json "$ERR" .error.code)" = not_permitted ] || fail "JSON error code for the last admin"
run 0 --as chef --json user grant bert admin benutzerverwaltung
[ "$(json "$OUT" .changed)" = true ] || fail "grant JSON: $OUT"
[ "$(json "$OUT" .login)" = bert ] || fail "grant JSON login: $OUT"
run 0 --as chef user revoke chef admin
contains "$OUT" "revoked permission 'admin' from 'chef'"

# --- disable releases the seat; disabled users cannot act
sqlite3 "$S" "INSERT INTO seat_assignments (user_id, assigned_at) SELECT id, 'now' FROM users WHERE login = 'anna'"
run 0 --as bert user disable anna
contains "$OUT" "released their licence seat"
[ "$(sqlite3 "$S" 'SELECT count(*) FROM seat_assignments')" = 0 ] || fail "seat not released"
unchanged 0 --as bert user disable anna
contains "$OUT" "already disabled"
unchanged 4 --as anna user add carl --name "Carl"
contains "$ERR" "'anna' is disabled"
run 0 --as bert user enable anna
contains "$OUT" "enabled user 'anna'"

# --- list / show
run 0 user list
contains "$OUT" "LOGIN"
contains "$OUT" "anna"
run 0 --json user list
[ "$(json "$OUT" '.items | map(.login) | join(",")')" = "anna,bert,chef,kv" ] || fail "list order: $OUT"
[ "$(json "$OUT" '.items[] | select(.login == "bert") | .permissions | join(",")')" = \
  "admin,benutzerverwaltung,kanzleiverwaltung" ] || fail "bert's permissions: $OUT"
run 0 --json user show anna
[ "$(json "$OUT" .email)" = anna@kanzlei.de ] || fail "show email: $OUT"
[ "$(json "$OUT" .has_seat)" = false ] || fail "show has_seat: $OUT"
[ "$(json "$OUT" .active)" = true ] || fail "show active: $OUT"
run 0 user show anna
contains "$OUT" "permissions: benutzerverwaltung,kanzleiverwaltung"
run 5 user show ghost
contains "$ERR" "hint: ecadm user list"
run 5 --json user show ghost
[ "$(json "$ERR" .error.exit)" = 5 ] || fail "JSON error exit: $ERR"

# --- audit
[ "$(sqlite3 "$S" "SELECT count(*) FROM audit_log WHERE action LIKE 'user.%'")" -ge 8 ] || fail "user changes not audited"

# --- location
run 0 location list
contains "$OUT" "no locations"
run 0 --json location list
[ "$(json "$OUT" '.items | length')" = 0 ] || fail "empty location list: $OUT"
run 0 --as bert user add hr --name "Hanna Rat" --grant benutzerverwaltung
unchanged 4 --as hr location add Hauptsitz --street Markt --house-number 1 --zip 04109 --city Leipzig
contains "$ERR" "hint: ecadm --as bert user grant hr kanzleiverwaltung"
unchanged 3 --as kv location add Hauptsitz --street Markt --house-number 1 --zip 4109 --city Leipzig
contains "$ERR" "invalid zip"
unchanged 3 --as kv location add Hauptsitz --street Markt --house-number 1 --zip 04109 --city Leipzig --email x@
contains "$ERR" "invalid email"
unchanged 3 --as kv location add Hauptsitz --street Markt --house-number 1 --zip 04109 --city Leipzig --country Deutschland
contains "$ERR" "invalid country"
unchanged 3 --as kv location add Hauptsitz --street "" --house-number 1 --zip 04109 --city Leipzig
contains "$ERR" "invalid street"
unchanged 2 --as kv location add Hauptsitz --street Markt --zip 04109 --city Leipzig
unchanged 0 --as kv -n location add Hauptsitz --street Markt --house-number 1 --zip 04109 --city Leipzig
contains "$OUT" "dry run: added location 'Hauptsitz'"
run 0 --as kv location add Hauptsitz --street Markt --house-number 1 --zip 04109 --city Leipzig \
  --phone "+49 341 123456" --email info@kanzlei.de
contains "$OUT" "added location 'Hauptsitz'"
contains "$OUT" "Stammdaten"
[ "$(sqlite3 "$S" 'SELECT stamm_street || stamm_zip FROM econsult_settings')" = "Markt04109" ] || fail "Stammdaten not copied"
unchanged 0 --as kv location add Hauptsitz --street Markt --house-number 1 --zip 04109 --city Leipzig \
  --phone "+49 341 123456" --email info@kanzlei.de
contains "$OUT" "location 'Hauptsitz' already exists"
unchanged 3 --as kv location add Hauptsitz --street Markt --house-number 2 --zip 04109 --city Leipzig
contains "$ERR" "hint: ecadm location list"
run 0 --as kv --json location add Wien --street Graben --house-number 1 --zip 1010 --city Wien --country at
[ "$(json "$OUT" .changed)" = true ] || fail "location JSON: $OUT"
lacks "$OUT" "Stammdaten"
run 0 location list
contains "$OUT" "Markt 1"
contains "$OUT" "1010 Wien"
run 0 --json location list
[ "$(json "$OUT" '.items | map(.name) | join(",")')" = "Hauptsitz,Wien" ] || fail "location order: $OUT"
[ "$(json "$OUT" '.items[1].country')" = AT ] || fail "country not normalised: $OUT"
[ "$(json "$OUT" '.items[0].fax')" = null ] || fail "fax should be null: $OUT"

# --- help
run 0 user --help
contains "$OUT" "grant"
run 0 location add --help
contains "$OUT" "--house-number"

finish
