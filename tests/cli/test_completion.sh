#!/usr/bin/env bash
# The bash completion (completions/ecadm.bash) against the binary, in both directions:
# every group, subcommand and option it offers exists (`--help` exits 0 and lists it),
# every subcommand and option `ecadm ... --help` lists is offered, and the values it
# offers (plans, permissions, Sparten, output formats, add-ons) are accepted.
# shellcheck source=/dev/null
source "$ECADM_TEST_LIB"

COMPLETION="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/completions/ecadm.bash"
# shellcheck disable=SC2317
complete() { :; }   # the script registers itself; not needed here
# shellcheck source=/dev/null
source "$COMPLETION" || { fail "cannot source $COMPLETION"; finish; }
unset -f complete

# offered WORDS... : what the completion offers after `ecadm WORDS...`, the last
# word being the one completed; sorted, one a line
offered() {
  COMP_WORDS=(ecadm "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _ecadm
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort -u
}

# help_subcommands PATH... : the subcommands `ecadm PATH... --help` lists
# help_options PATH... : its options, long and short forms one a line
help_subcommands() {
  "$ECADM" "$@" --help | awk '/^Subcommands:/ {on=1; next} on && /^$/ {exit} on {print $1}' | sort -u
}
help_options() {
  "$ECADM" "$@" --help | awk '/^Subcommands:/ {exit} /^  -/ {print $1}' | tr ',' '\n' | sort -u
}

same() { # same WHAT EXPECTED ACTUAL
  checks=$((checks + 1))
  [ "$2" = "$3" ] || fail "$1: expected [$(tr '\n' ' ' <<<"$2")], the completion offers [$(tr '\n' ' ' <<<"$3")]"
}

list() { printf '%s\n' "$@" | sort -u; }
words_only() { grep -v '^-' || true; }

global=$(help_options)
same "top-level options" "$global" "$(offered -)"
same "groups" "$(help_subcommands)" "$(offered "" | words_only)"

# check_path PATH... : --help exits 0 and is that command's, its subcommands and options are exactly the offered ones; recurse
check_path() {
  checks=$((checks + 1))
  local usage
  if ! usage=$("$ECADM" "$@" --help 2>&1 | grep '^Usage:'); then
    fail "ecadm $* --help does not exit 0, but the completion offers '$*'"
    return
  fi
  # CLI11 prints the parent's help for an unknown word: the usage line must name its full path
  case "$usage" in
    "Usage: ecadm $* "* | "Usage: ecadm $*") ;;
    *) fail "'$*' is not a command of ecadm (its help says '$usage'), but the completion offers it"; return ;;
  esac
  local expected
  expected=$({ help_options "$@"; printf '%s\n' "$global"; } | sort -u)
  same "options of '$*'" "$expected" "$(offered "$@" -)"
  local subs
  subs=$(help_subcommands "$@")
  [ -n "$subs" ] || return 0
  same "subcommands of '$*'" "$subs" "$(offered "$@" "" | words_only)"
  local sub
  for sub in $(offered "$@" "" | words_only); do check_path "$@" "$sub"; done
}

for group in $(offered "" | words_only); do check_path "$group"; done

# global options before and between the words do not confuse the path
same "groups after --store" "$(help_subcommands)" "$(offered --store "$T/x.db" --json "" | words_only)"
same "subcommands after --as" "$(help_subcommands insurer)" "$(offered insurer --as chef "" | words_only)"
same "after an option's value" "" "$(offered zentralruf lookup --kennzeichen "L-XY 4711" "" | words_only)"

# the values offered, and the binary accepts each one
run 0 --store "$S" init --firm "Kanzlei Berger" --admin chef --plan professional
run 0 --store "$S" --as chef user add anna --name "Anna Roth"

same "--output values" "$(list json text)" "$(offered --output "")"
for v in $(offered --output ""); do run 0 --store "$S" --output "$v" firm show; done

same "--sparte values" "$(list rechtsschutz schaden)" "$(offered insurer list --sparte "")"
for v in $(offered insurer list --sparte ""); do run 0 --store "$S" insurer list --sparte "$v"; done
run 3 --store "$S" insurer list --sparte leben

plans=$(offered firm set-plan "")
same "plans" "$(list basic enterprise professional)" "$plans"
for v in $plans; do run 0 --store "$S" --as chef --dry-run firm set-plan "$v"; done
same "init --plan values" "$plans" "$(offered init --plan "")"

perms=$(offered user grant anna "")
same "permissions" "$(list admin benutzerverwaltung kanzleiverwaltung)" "$perms"
same "revoke permissions" "$perms" "$(offered user revoke anna "")"
same "no permission in place of the login" "" "$(offered user grant "")"
for v in $perms; do
  run 0 --store "$S" --as chef user grant anna "$v"
  run 0 --store "$S" --as chef --dry-run user revoke anna "$v"
done
same "--grant list" "kanzleiverwaltung,benutzerverwaltung" "$(offered user add bob --grant kanzleiverwaltung,ben)"

addons=$(offered license addon enable "")
same "add-ons" "passivmandatierung" "$addons"
same "disable add-ons" "$addons" "$(offered license addon disable "")"
for v in $addons; do
  run 0 --store "$S" --as chef --dry-run license addon enable "$v"
  run 0 --store "$S" --as chef --dry-run license addon disable "$v"
done

# prefixes narrow the offer
same "prefix of a group" "$(list insurer init)" "$(offered in)"
same "prefix of an option" "$(list --sparte --search --store)" "$(offered insurer list --s)"

# the installed script registers the function for ecadm
checks=$((checks + 1))
bash -c "source '$COMPLETION' && complete -p ecadm" 2>/dev/null | grep -q -- '-F _ecadm ecadm' ||
  fail "the script does not register _ecadm for ecadm"
finish
