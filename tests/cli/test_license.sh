#!/usr/bin/env bash
# ecadm license: seats, holders, add-on; the issue's scenario from a basic firm to two holders.
source "$ECADM_TEST_LIB"

# users and permissions written straight into the store, independent of `ecadm user`
add_user() { # add_user LOGIN [PERM...]
  local login=$1; shift
  sqlite3 "$S" "INSERT INTO users(login,name,created_at) VALUES('$login','Name $login','2026-01-01T00:00:00Z')"
  for perm in "$@"; do
    sqlite3 "$S" "INSERT INTO user_permissions(user_id,permission) SELECT id,'$perm' FROM users WHERE login='$login'"
  done
}

run 0 --store "$S" init --firm "Kanzlei Roth" --admin chef --plan basic

# read-only: no acting user, no plan needed
run 0 --store "$S" license show
contains "$OUT" "plan:               basic"
contains "$OUT" "1 total"
run 0 --store "$S" --json license show
[ "$(json "$OUT" '.seats.total, .seats.assigned, .seats.free' | tr '\n' ' ')" = "1 0 1 " ] || fail "fresh seats: $OUT"

# the basic plan refuses, and nothing changes
unchanged 4 --store "$S" --as chef license assign chef
contains "$ERR" "ecadm: error: cannot assign a licence seat: e.Consult needs plan 'professional'"
contains "$ERR" "hint: ecadm firm set-plan professional"
unchanged 4 --store "$S" --json --as chef license add-seats 1
[ "$(json "$ERR" '.error.code')" = "not_permitted" ] || fail "JSON error code: $ERR"

run 0 --store "$S" --as chef firm set-plan professional
add_user anna

# anna without permissions is refused
unchanged 4 --store "$S" --as anna license assign chef
contains "$ERR" "'anna' may not assign a licence seat"
contains "$ERR" "user grant anna kanzleiverwaltung benutzerverwaltung"

# kanzleiverwaltung alone is not enough; with benutzerverwaltung too she may
sqlite3 "$S" "INSERT INTO user_permissions(user_id,permission) SELECT id,'kanzleiverwaltung' FROM users WHERE login='anna'"
unchanged 4 --store "$S" --as anna license assign chef
sqlite3 "$S" "INSERT INTO user_permissions(user_id,permission) SELECT id,'benutzerverwaltung' FROM users WHERE login='anna'"
run 0 --store "$S" --as anna license assign chef
contains "$OUT" "assigned a seat to 'chef'"

# no free seat: exit 4, the fix named, store unchanged
unchanged 4 --store "$S" --as anna license assign anna
contains "$ERR" "ecadm: error: cannot assign a seat to 'anna': no free seat (1 of 1 assigned)"
contains "$ERR" "hint: ecadm license add-seats 1"

run 0 --store "$S" --as anna license add-seats 1
contains "$OUT" "booked 1 more seat: 2 seats in total"
run 0 --store "$S" --as anna license assign anna
run 0 --store "$S" --json license show
[ "$(json "$OUT" '.plan')" = "professional" ] || fail "plan: $OUT"
[ "$(json "$OUT" '.seats.total')" = 2 ] || fail "total: $OUT"
[ "$(json "$OUT" '.seats.assigned')" = 2 ] || fail "assigned: $OUT"
[ "$(json "$OUT" '.seats.free')" = 0 ] || fail "free: $OUT"
[ "$(json "$OUT" '.holders | join(",")')" = "anna,chef" ] || fail "holders: $OUT"
[ "$(json "$OUT" '.addons.passivmandatierung')" = false ] || fail "addons: $OUT"

# idempotence: already holding is success, says so, changes nothing
unchanged 0 --store "$S" --as chef license assign anna
contains "$OUT" "already assigned: 'anna' already holds a seat"
run 0 --store "$S" --json --as chef license assign anna
[ "$(json "$OUT" '.changed')" = false ] || fail "changed should be false: $OUT"

# all or nothing: bob and carl need two more seats
add_user bob
add_user carl
unchanged 4 --store "$S" --as chef license assign bob carl
contains "$ERR" "hint: ecadm license add-seats 2"
unchanged 5 --store "$S" --as chef license assign ghost
contains "$ERR" "user 'ghost' does not exist"
unchanged 3 --store "$S" --as chef license assign 'Bad Login'
contains "$ERR" "invalid login"

# seat counts: 0 and negative are invalid data, words are usage errors
unchanged 3 --store "$S" --as chef license add-seats 0
contains "$ERR" "invalid seats"
unchanged 3 --store "$S" --as chef license remove-seats -2
unchanged 2 --store "$S" --as chef license add-seats many
unchanged 2 --store "$S" --as chef license assign
unchanged 3 --store "$S" --as chef license remove-seats 2
contains "$ERR" "only 1 is booked"
unchanged 4 --store "$S" --as chef license remove-seats 1
contains "$ERR" "hint: ecadm license unassign LOGIN"

# dry run: says what would happen, changes nothing
unchanged 0 --store "$S" --as chef --dry-run license unassign anna
contains "$OUT" "dry run: took the seat from 'anna'"
run 0 --store "$S" --as chef license unassign anna
run 0 --store "$S" --as chef license remove-seats 1
run 0 --store "$S" --json license show
[ "$(json "$OUT" '[.seats.total, .seats.free] | map(tostring) | join(" ")')" = "1 0" ] || fail "after remove: $OUT"
unchanged 0 --store "$S" --as chef license unassign anna
contains "$OUT" "already unassigned: 'anna' holds no seat"

# the add-on
unchanged 3 --store "$S" --as chef license addon enable fax
contains "$ERR" "'fax' is not one of passivmandatierung"
unchanged 2 --store "$S" --as chef license addon switch passivmandatierung
run 0 --store "$S" --as chef license addon enable passivmandatierung
unchanged 0 --store "$S" --as chef license addon enable passivmandatierung
contains "$OUT" "already enabled"
run 0 --store "$S" --json license show
[ "$(json "$OUT" '.addons.passivmandatierung')" = true ] || fail "add-on on: $OUT"
run 0 --store "$S" --as chef license addon disable passivmandatierung

# every change is audited with its actor
[ "$(sqlite3 "$S" "SELECT count(*) FROM audit_log WHERE action LIKE 'license.%' AND actor IS NOT NULL")" = 7 ] ||
  fail "audit entries: $(sqlite3 "$S" "SELECT action, object FROM audit_log")"

run 0 license --help
contains "$OUT" "add-seats"
finish
