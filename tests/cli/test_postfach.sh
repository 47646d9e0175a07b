#!/usr/bin/env bash
# ecadm postfach: credentials in, the password never out (stdout, stderr, audit log, store file).
source "$ECADM_TEST_LIB"

PW='Pw-Geheim-4711-xyz'
PW2='Zweites-Passwort-0815'
seen="$T/seen"  # everything ecadm printed in this scenario
: >"$seen"
keep() { printf '%s\n%s\n' "$OUT" "$ERR" >>"$seen"; }

run 0 --store "$S" init --firm "Kanzlei Roth" --admin chef --plan basic
run 0 --store "$S" postfach show
contains "$OUT" "no Postfach credentials set"
run 0 --store "$S" --json postfach show
[ "$(json "$OUT" '.set')" = false ] || fail "not set: $OUT"

printf '%s\n' "$PW" >"$T/pw1"
# plan first
unchanged 4 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username roth --password-file "$T/pw1"
contains "$ERR" "hint: ecadm firm set-plan professional"
run 0 --store "$S" --as chef firm set-plan professional

# a password must come from stdin or a file, never a flag, and exactly one of them
unchanged 2 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username roth
contains "$ERR" "--password-stdin"
unchanged 2 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username roth --password "$PW"
keep
contains "$ERR" "never from a flag"
unchanged 2 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username roth --password="$PW"
keep
unchanged 2 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --password-stdin
# stdin is not a terminal (run reads /dev/null): no prompt, an empty password is invalid
unchanged 3 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username roth --password-stdin
contains "$ERR" "invalid password: must not be empty"
[ "$(printf '%s\n' "$ERR" | wc -l)" -le 2 ] || fail "unexpected extra output (a prompt?): $ERR"
unchanged 3 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username roth --password-file "$T/none"
contains "$ERR" "not readable"
unchanged 3 --store "$S" --as chef postfach set-credentials --kanzlei-id ' ' --username roth --password-file "$T/pw1"
contains "$ERR" "invalid kanzlei-id"

# a permission is needed
sqlite3 "$S" "INSERT INTO users(login,name,created_at) VALUES('anna','Anna Roth','2026-01-01T00:00:00Z')"
before=$(dump)
run_in 4 "$PW" --store "$S" --as anna postfach set-credentials --kanzlei-id K-1 --username roth --password-stdin
keep
[ "$before" = "$(dump)" ] || fail "a refused set-credentials changed the store"

# dry run checks and changes nothing
before=$(dump)
run_in 0 "$PW" --store "$S" --as chef --dry-run postfach set-credentials --kanzlei-id K-1 --username roth --password-stdin
keep
contains "$OUT" "dry run:"
[ "$before" = "$(dump)" ] || fail "a dry run changed the store"

# via stdin
run_in 0 "$PW" --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username roth --password-stdin
keep
contains "$OUT" "set the Postfach credentials for Kanzlei-ID 'K-1' and user 'roth'"
run 0 --store "$S" postfach show
keep
contains "$OUT" "password:   ********"
contains "$OUT" "kanzlei-id: K-1"
run 0 --store "$S" --json postfach show
keep
[ "$(json "$OUT" '.password')" = "********" ] || fail "JSON password not masked: $OUT"
[ "$(json "$OUT" '.set')" = true ] || fail "set: $OUT"
[ "$(json "$OUT" '.username')" = roth ] || fail "username: $OUT"

# the same again: nothing to do
before=$(dump)
run_in 0 "$PW" --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username roth --password-stdin
keep
contains "$OUT" "already set"
[ "$before" = "$(dump)" ] || fail "identical credentials changed the store"

# via a file: a new password is stored
printf '%s\n' "$PW2" >"$T/pw"
run 0 --store "$S" --as chef --json postfach set-credentials --kanzlei-id K-1 --username roth --password-file "$T/pw"
keep
[ "$(json "$OUT" '.changed')" = true ] || fail "new password not stored: $OUT"

# the key file is needed to store a secret
mv "$S.key" "$T/key.bak"
unchanged 6 --store "$S" --as chef postfach set-credentials --kanzlei-id K-2 --username roth --password-file "$T/pw"
keep
contains "$ERR" "key file"
# ECADM_KEY_FILE points elsewhere
ECADM_KEY_FILE="$T/key.bak" run 0 --store "$S" --as chef postfach set-credentials --kanzlei-id K-2 --username roth --password-file "$T/pw"
keep
mv "$T/key.bak" "$S.key"

# the audit log names the account and masks the password
audit=$(sqlite3 "$S" "SELECT * FROM audit_log")
contains "$audit" "postfach.set-credentials"
contains "$audit" "kanzlei_id=K-1; username=roth; password=********"
lacks "$audit" "$PW" "audit log"
lacks "$audit" "$PW2" "audit log"

# nothing ecadm printed holds a password
checks=$((checks + 1))
if grep -q -e "$PW" -e "$PW2" "$seen"; then fail "a password was printed: $(grep -e "$PW" -e "$PW2" "$seen")"; fi

# the store files hold the user name but no password
dump_all=$(dump)
lacks "$dump_all" "$PW" "sqlite3 .dump"
for f in "$S" "$S-wal"; do
  [ -f "$f" ] || continue
  checks=$((checks + 1))
  [ "$(grep -c -a -e "$PW" -e "$PW2" "$f")" = 0 ] || fail "$f holds a password in clear"
done
checks=$((checks + 1))
[ "$(cat "$S" "$S-wal" 2>/dev/null | grep -c -a "roth")" -gt 0 ] || fail "the scan of the store files found not even the user name"

run 0 postfach set-credentials --help
contains "$OUT" "--password-file"
finish
