#!/usr/bin/env bash
# The store and the global options: file modes, the default path, environment
# variables, a store from a newer version, a corrupt store, usage errors, JSON errors.
source "$ECADM_TEST_LIB"

mode() { stat -c %a "$1"; }

# init creates store and key file 0600, whatever the umask
( umask 022; "$ECADM" --store "$S" init --firm "Kanzlei Berger" --admin chef --plan professional >/dev/null )
[ "$(mode "$S")" = 600 ] || fail "store mode is $(mode "$S")"
[ "$(mode "$S.key")" = 600 ] || fail "key file mode is $(mode "$S.key")"
checks=$((checks + 2))

# the default store lives under XDG_DATA_HOME; ECADM_STORE and ECADM_USER stand in for the flags
XDG_DATA_HOME="$T/xdg" run 0 init --firm X --admin boss
[ -f "$T/xdg/ecadm/ecadm.db" ] || fail "no store under XDG_DATA_HOME"
ECADM_STORE="$S" ECADM_USER=chef run 0 license assign chef
contains "$OUT" "chef"
ECADM_STORE="$S" run 0 user list
contains "$OUT" "chef"

# global options before or after the command, --json and --output json alike
run 0 --store "$S" license show --json
[ "$(json "$OUT" '.seats.total')" = 1 ] || fail "license show after --json"
run 0 license show --output json --store "$S"
[ "$(json "$OUT" '.holders[0]')" = chef ] || fail "license show with trailing globals"

# usage errors: 2, in text and JSON
run 2 --store "$S" no-such-command
contains "$ERR" "ecadm: error:"
run 2 --store "$S" --json license assign
[ "$(json "$ERR" '.error.code')" = usage ] || fail "usage error as JSON: $ERR"
[ "$(json "$ERR" '.error.exit')" = 2 ] || fail "usage error exit in JSON: $ERR"
run 0 --version
contains "$OUT" "ecadm "
run 0 license --help
contains "$OUT" "Usage: ecadm license"

# a missing store: not ready (6), nothing created
run 6 --store "$T/missing.db" license show
contains "$ERR" "hint: ecadm init"
[ ! -e "$T/missing.db" ] || fail "a missing store was created"

# the key file: ECADM_KEY_FILE overrides; a missing key refuses to store a secret, changing nothing
printf 'pw-1\n' >"$T/pw"
ECADM_KEY_FILE="$T/elsewhere.key" unchanged 6 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username chef --password-file "$T/pw"
cp "$S.key" "$T/elsewhere.key"
ECADM_KEY_FILE="$T/elsewhere.key" run 0 --store "$S" --as chef postfach set-credentials --kanzlei-id K-1 --username chef --password-file "$T/pw"
mv "$S.key" "$T/key.bak"
unchanged 6 --store "$S" --as chef postfach set-credentials --kanzlei-id K-2 --username chef --password-file "$T/pw"
contains "$ERR" "key file"
# re-running the onboarding's init must not mint a new key: it could not read the stored secrets
unchanged 0 --store "$S" init --firm "Kanzlei Berger" --admin chef --plan professional
contains "$OUT" "already holds firm"
checks=$((checks + 1))
[ ! -e "$S.key" ] || fail "init on an existing firm created a new key file"
run 6 --store "$S" doctor
contains "$OUT" "key file"
mv "$T/key.bak" "$S.key"
# init says "already holds" only of the end state asked for: a value that differs is refused
unchanged 3 --store "$S" init --firm "Kanzlei Berger" --admin chef --plan enterprise
contains "$ERR" "invalid plan: store '$S' already holds firm 'Kanzlei Berger', whose plan is 'professional', not 'enterprise'"
contains "$ERR" "hint: ecadm --as chef firm set-plan enterprise"
unchanged 3 --store "$S" init --firm "Kanzlei Berger" --admin chef --admin-name "Dr. Chef"
contains "$ERR" "whose admin name is 'chef', not 'Dr. Chef'"
unchanged 3 --store "$S" --json init --firm "Kanzlei Berger" --admin chef --email chef@berger.example
[ "$(json "$ERR" '.error.code')" = invalid_data ] || fail "init with another e-mail: $ERR"
unchanged 0 --store "$S" init --firm "Kanzlei Berger" --admin chef
chmod 644 "$S.key"
unchanged 1 --store "$S" --as chef postfach set-credentials --kanzlei-id K-2 --username chef --password-file "$T/pw"
contains "$ERR" "chmod 600"
chmod 600 "$S.key"

# a store written by a newer ecadm: refused with exit 1, left as it was
cp "$S" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99"
before=$(sqlite3 "$T/newer.db" .dump; sqlite3 "$T/newer.db" "PRAGMA user_version")
run 1 --store "$T/newer.db" license show
contains "$ERR" "newer ecadm"
run 1 --store "$T/newer.db" --json license show
[ "$(json "$ERR" '.error.code')" = failure ] || fail "newer store as JSON error: $ERR"
after=$(sqlite3 "$T/newer.db" .dump; sqlite3 "$T/newer.db" "PRAGMA user_version")
[ "$before" = "$after" ] || fail "the newer store was changed"

# a file that is not a store: exit 1, clear message
head -c 4096 /dev/urandom >"$T/junk.db"
run 1 --store "$T/junk.db" license show
contains "$ERR" "not an ecadm store"

# an unknown acting user is not found (5), a disabled one not permitted (4)
unchanged 5 --store "$S" --as nobody license add-seats 1
run 0 --store "$S" --as chef user add anna --name "Anna Roth" --grant admin
run 0 --store "$S" --as chef user disable anna
unchanged 4 --store "$S" --as anna license add-seats 1
contains "$ERR" "disabled"
finish
