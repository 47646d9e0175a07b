# bash completion for ecadm(1)                              -*- shell-script -*-
#
# The command tree is written out statically (no call to ecadm while completing).
# tests/cli/test_completion.sh checks it against `ecadm ... --help` in both
# directions: every group, subcommand and option offered here exists, and every one
# the binary lists is offered. Keep the two in step when a command changes.
# Needs nothing but bash (no bash-completion helpers).

_ecadm_groups="init firm location user license postfach settings adac insurer zentralruf doctor audit"
_ecadm_global_options="-h --help --version --store --as --output --json -q --quiet -v --verbose --no-color -n --dry-run"
_ecadm_permissions="admin kanzleiverwaltung benutzerverwaltung"
_ecadm_plans="basic professional enterprise"
_ecadm_sparten="rechtsschutz schaden"
_ecadm_outputs="text json"
_ecadm_addons="passivmandatierung"

# _ecadm_subcommands PATH: the subcommands of a command path ("user", "license addon");
# nothing for a command that takes none.
_ecadm_subcommands() {
  case "$1" in
    firm) echo "show set-plan" ;;
    location) echo "add list" ;;
    user) echo "add list show grant revoke disable enable" ;;
    license) echo "show add-seats remove-seats assign unassign addon" ;;
    "license addon") echo "enable disable" ;;
    postfach) echo "set-credentials show" ;;
    settings) echo "show set-stammdaten set-bank clear-bank set-zentralruf set-endpoint" ;;
    adac) echo "set-partner-number accept-agb show" ;;
    insurer) echo "sync list show" ;;
    zentralruf) echo "lookup" ;;
  esac
}

# _ecadm_options PATH: the options of a command path, without the global ones.
_ecadm_options() {
  case "$1" in
    init) echo "-h --help --firm --admin --admin-name --email --plan" ;;
    doctor) echo "-h --help --insurer --online --strict" ;;
    audit) echo "-h --help --since --limit" ;;
    "location add") echo "-h --help --street --house-number --zip --city --country --phone --fax --email" ;;
    "user add") echo "-h --help --name --email --grant" ;;
    "postfach set-credentials") echo "-h --help --kanzlei-id --username --password-stdin --password-file" ;;
    "settings set-stammdaten")
      echo "-h --help --from-location --name --street --house-number --zip --city --country --email --phone --fax" ;;
    "settings set-bank") echo "-h --help --iban --holder --bic" ;;
    "settings set-zentralruf") echo "-h --help --username --password-stdin --password-file" ;;
    "settings set-endpoint") echo "-h --help --cacert" ;;
    "adac accept-agb") echo "-h --help --version" ;;
    "insurer list") echo "-h --help --sparte --search" ;;
    "zentralruf lookup") echo "-h --help --kennzeichen --datum" ;;
    *) echo "-h --help" ;;
  esac
}

# _ecadm_is_flag OPTION: whether an option takes no value.
_ecadm_is_flag() {
  case "$1" in
    -h | --help | --version | --json | -q | --quiet | -v | --verbose | --no-color | -n | --dry-run | \
      --online | --strict | --password-stdin) return 0 ;;
    *) return 1 ;;
  esac
}

# _ecadm_reply WORDS: COMPREPLY = the WORDS that start with the current word.
_ecadm_reply() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$_ecadm_cur")
}

_ecadm() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=""
  [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
  _ecadm_cur=$cur
  COMPREPLY=()

  # the command path (group, subcommand, ...) and how many positionals follow it
  local path="" positionals=0 i word subs skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [ "$skip" = 1 ]; then
      skip=0
      continue
    fi
    case "$word" in
      --*=*) continue ;;
      -*)
        _ecadm_is_flag "$word" || skip=1
        continue
        ;;
    esac
    subs=$(_ecadm_subcommands "$path")
    if [ -z "$path" ]; then
      path=$word
    elif [ -n "$subs" ] && [ "$positionals" = 0 ] && [[ " $subs " == *" $word "* ]]; then
      path="$path $word"
    else
      positionals=$((positionals + 1))
    fi
  done

  # the value of an option
  if [ "$skip" = 1 ]; then
    case "$prev" in
      --output) _ecadm_reply "$_ecadm_outputs" ;;
      --sparte) _ecadm_reply "$_ecadm_sparten" ;;
      --plan) _ecadm_reply "$_ecadm_plans" ;;
      --grant)
        # a comma-separated list: complete the last element
        local done_part=""
        [[ "$cur" == *,* ]] && done_part=${cur%,*},
        mapfile -t COMPREPLY < <(compgen -P "$done_part" -W "$_ecadm_permissions" -- "${cur##*,}")
        ;;
      --store | --password-file | --cacert)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        ;;
      --datum) _ecadm_reply "$(date +%Y-%m-%d)" ;;
    esac
    return 0
  fi

  if [[ "$cur" == -* ]]; then
    if [ -z "$path" ]; then
      _ecadm_reply "$_ecadm_global_options"
    else
      _ecadm_reply "$(_ecadm_options "$path") $_ecadm_global_options"
    fi
    return 0
  fi

  if [ -z "$path" ]; then
    _ecadm_reply "$_ecadm_groups"
    return 0
  fi
  subs=$(_ecadm_subcommands "$path")
  if [ -n "$subs" ] && [ "$positionals" = 0 ]; then
    _ecadm_reply "$subs"
    return 0
  fi
  case "$path" in
    "firm set-plan") [ "$positionals" = 0 ] && _ecadm_reply "$_ecadm_plans" ;;
    "user grant" | "user revoke") [ "$positionals" -ge 1 ] && _ecadm_reply "$_ecadm_permissions" ;;
    "license addon enable" | "license addon disable") [ "$positionals" = 0 ] && _ecadm_reply "$_ecadm_addons" ;;
  esac
  return 0
}

complete -F _ecadm ecadm
