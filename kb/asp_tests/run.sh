#!/usr/bin/env bash
# =============================================================================
# aigc-kb -- tests of the ASP encoding (kb/asp).  No test framework: clingo,
# bash, grep and awk.
#
#   kb/asp_tests/run.sh            run every test
#   kb/asp_tests/run.sh d07_pos    run the named tests only
#   CLINGO="clingo" kb/asp_tests/run.sh   choose the clingo command
#
# A test is a pair NAME.lp (the instance: facts, set_regime/set_position,
# unknown) and NAME.expect, one expectation per line:
#   + ATOM      ATOM holds in every answer set
#   - ATOM      ATOM holds in no answer set
#   * ATOM      ATOM holds in at least one answer set
#   models N    exactly N answer sets (default: exactly 1; 0 = unsatisfiable)
#   query Q     load queries/Q.lp with the encoding minus show.lp (the ATOMs
#               are then answer/N atoms and the output predicates)
#   # ...       comment (blank lines are ignored)
# ATOM is written as clingo prints it; `_` stands for "anything" (e.g.
# `- liable(d,_,_,_)`: d is liable in no kind, for no right, in no stage).
#
# Every test runs the whole encoding (kb/asp/*.lp, show.lp included unless a
# query is named) on the instance and also checks: clingo prints nothing on
# stderr (no info/warning, e.g. "atom does not occur in any rule head"); only
# the vocabulary's output predicates and because/2 (or a query's answer/N) are
# shown; every rule that fires has rule/3 citations.
# Static checks: rule labels unique and cited; ext/1 and rule/3 only for
# existing labels; each rule/3 section listed for its doctrine in
# kb/doctrines.yaml; ext/1 on every rule citing a doctrine that is [ext] as a
# whole; #show only in show.lp; choice rules only in declarations.lp; a
# pos/neg pair for every doctrine of kb/doctrines.yaml differing by one fact.
# Exit status: 0 when everything passes, 1 otherwise.
# =============================================================================
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ASP="$ROOT/kb/asp"

if [ -z "${CLINGO:-}" ]; then
  if command -v clingo >/dev/null 2>&1; then CLINGO=clingo
  elif python3 -c 'import clingo' >/dev/null 2>&1; then CLINGO="python3 -m clingo"
  elif [ -x /tmp/aspv/bin/python ]; then CLINGO="/tmp/aspv/bin/python -m clingo"
  else echo "run.sh: no clingo found (set CLINGO)" >&2; exit 2; fi
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0; ntests=0; nexp=0; nstatic=0

bad() { echo "FAIL $*"; fail=$((fail+1)); }

SHOWN_OK='^(infringement|liable|not_liable|defense|provider_ground|copyright|tangible_owner|limitation|remedy|remedy_factor|insurance|recourse|assessor|because|answer|expect_fail|expect_some)$'

# ---- static checks -----------------------------------------------------------
static_checks() {
  local heads rules exts
  heads=$(grep -ohE '(concluded|derived)\(r_[a-z0-9_]+' "$ASP"/*.lp | sed -E 's/^[a-z]+\(//' | sort)
  rules=$(grep -ohE '^rule\(r_[a-z0-9_]+' "$ASP"/*.lp | sed 's/^rule(//' | sort -u)
  exts=$(grep -ohE '^ext\(r_[a-z0-9_]+' "$ASP"/*.lp | sed 's/^ext(//' | sort -u)
  nstatic=$((nstatic+1))
  dup=$(printf '%s\n' "$heads" | uniq -d)
  [ -z "$dup" ] || bad "static: labels heading more than one rule: $dup"
  nstatic=$((nstatic+1))
  miss=$(comm -23 <(printf '%s\n' "$heads" | sort -u) <(printf '%s\n' "$rules"))
  [ -z "$miss" ] || bad "static: labels without rule/3: $miss"
  nstatic=$((nstatic+1))
  orphan=$(comm -13 <(printf '%s\n' "$heads" | sort -u) <(printf '%s\n' "$rules"))
  [ -z "$orphan" ] || bad "static: rule/3 for no rule: $orphan"
  nstatic=$((nstatic+1))
  orphan=$(comm -13 <(printf '%s\n' "$heads" | sort -u) <(printf '%s\n' "$exts"))
  [ -z "$orphan" ] || bad "static: ext/1 for no rule: $orphan"
  nstatic=$((nstatic+1))
  badcite=$(grep -hE '^rule\(' "$ASP"/*.lp | grep -vE '^rule\(r_[a-z0-9_]+, d(0[1-9]|[12][0-9]|3[01]), "[0-9]+(\.[0-9]+)?"\)\.$')
  [ -z "$badcite" ] || bad "static: malformed rule/3: $badcite"
  nstatic=$((nstatic+1))
  # each rule/3 section is one the catalogue (kb/doctrines.yaml) lists for the doctrine
  local secs
  secs=$(awk '/^- id: D/{id=tolower($3)} /^  - \047/{gsub(/[ \047-]/,""); print id ":" $0}' "$ROOT/kb/doctrines.yaml")
  badsec=$(grep -ohE '^rule\(r_[a-z0-9_]+, d[0-9]+, "[^"]*"\)' "$ASP"/*.lp \
           | sed -E 's/^rule\(r_[a-z0-9_]+, (d[0-9]+), "([^"]*)"\)/\1:\2/' | sort -u \
           | grep -vxF -f <(printf '%s\n' "$secs"))
  [ -z "$badsec" ] || bad "static: sections not listed for the doctrine: $badsec"
  nstatic=$((nstatic+1))
  # a rule citing a doctrine that is [ext] as a whole carries ext/1
  local extdocs
  extdocs=$(awk '/^- id: D/{id=tolower($3)} /^  ext: true/{print id}' "$ROOT/kb/doctrines.yaml" | paste -sd'|')
  if [ -n "$extdocs" ]; then
    miss=$(comm -23 <(grep -ohE "^rule\(r_[a-z0-9_]+, ($extdocs)," "$ASP"/*.lp | sed -E 's/^rule\((r_[a-z0-9_]+),.*/\1/' | sort -u) \
                    <(printf '%s\n' "$exts"))
    [ -z "$miss" ] || bad "static: rules citing an [ext] doctrine without ext/1: $miss"
  fi
  nstatic=$((nstatic+1))
  shows=$(grep -l '#show' "$ASP"/*.lp | xargs -n1 basename | tr '\n' ' ')
  [ "$shows" = "show.lp " ] || bad "static: #show outside show.lp: $shows"
  nstatic=$((nstatic+1))
  choices=$(grep -l '{' "$ASP"/*.lp | xargs -n1 basename | grep -vE '^declarations\.lp$' | tr '\n' ' ')
  [ -z "$choices" ] || bad "static: choice rules outside declarations.lp: $choices"
  for n in $(awk '/^- id: D/{print substr($3, 2)}' "$ROOT/kb/doctrines.yaml"); do
    nstatic=$((nstatic+1))
    p="$HERE/d${n}_pos.lp"; q="$HERE/d${n}_neg.lp"
    if [ ! -f "$p" ] || [ ! -f "$q" ]; then bad "static: no pos/neg pair for D$n"; continue; fi
    d=$(diff <(grep -vE '^\s*(%|$)' "$p") <(grep -vE '^\s*(%|$)' "$q") | grep -c '^[<>]')
    [ "$d" -ge 1 ] && [ "$d" -le 2 ] || bad "static: d${n}_pos/neg differ in $d fact lines (want 1 fact)"
  done
}

# ---- one test ----------------------------------------------------------------
run_test() {
  local name=$1 inst="$HERE/$1.lp" exp="$HERE/$1.expect"
  ntests=$((ntests+1))
  [ -f "$exp" ] || { bad "$name: no $name.expect"; return; }
  local want=1 chk="$TMP/$name.check.lp"
  want=$(awk '$1=="models"{print $2}' "$exp" | tail -1); [ -n "$want" ] || want=1
  awk '
    /^[ \t]*(#|$)/ || $1=="models" || $1=="query" { next }
    { op=substr($0,1,1); atom=substr($0,3) }
    op=="+" { printf "expect_fail(%d) :- not %s.\n", NR, atom; next }
    op=="-" { printf "expect_fail(%d) :- %s.\n", NR, atom; next }
    op=="*" { printf "expect_some(%d) :- %s.\n", NR, atom; next }
    { printf "bad_expectation_line(%d).\n", NR }
  ' "$exp" > "$chk"
  cat >> "$chk" <<'EOC'
expect_fail(0) :- concluded(L, _), not cited__(L).
expect_fail(0) :- derived(L, _), not cited__(L).
cited__(L) :- rule(L, _, _).
#defined expect_fail/1.
#defined expect_some/1.
#show expect_fail/1.
#show expect_some/1.
EOC
  if grep -q bad_expectation_line "$chk"; then bad "$name: malformed line in $name.expect"; return; fi
  nexp=$((nexp + $(grep -c '^expect_' "$chk") - 2))
  local query f files=()
  query=$(awk '$1=="query"{print $2}' "$exp" | tail -1)
  for f in "$ASP"/*.lp; do
    [ -n "$query" ] && [ "$(basename "$f")" = show.lp ] && continue
    files+=("$f")
  done
  if [ -n "$query" ]; then
    [ -f "$ROOT/queries/$query.lp" ] || { bad "$name: no queries/$query.lp"; return; }
    files+=("$ROOT/queries/$query.lp")
  fi
  $CLINGO "${files[@]}" "$inst" "$chk" 0 >"$TMP/out" 2>"$TMP/err"
  if [ -s "$TMP/err" ]; then bad "$name: clingo wrote to stderr:"; sed 's/^/    /' "$TMP/err" | head -20; fi
  local got
  got=$(sed -nE 's/^Models +: ([0-9]+).*/\1/p' "$TMP/out")
  [ "$got" = "$want" ] || bad "$name: $got answer sets, expected $want"
  # the model lines: the line after each "Answer: N"
  awk '/^Answer: /{getline; print}' "$TMP/out" > "$TMP/models"
  local preds
  preds=$(grep -oE '(^| )[a-z][A-Za-z0-9_]*\(' "$TMP/models" | tr -d ' (' | sort -u | grep -vE "$SHOWN_OK")
  [ -z "$preds" ] || bad "$name: shown predicates outside the vocabulary: $preds"
  local ln
  for ln in $(grep -oE '(^| )expect_fail\([0-9]+\)' "$TMP/models" | grep -oE '[0-9]+' | sort -nu); do
    if [ "$ln" = 0 ]; then bad "$name: a rule fired without rule/3 citation"
    else bad "$name: $name.expect:$ln: $(sed -n "${ln}p" "$exp")"; fi
  done
  for ln in $(grep -nE '^\*' "$exp" | cut -d: -f1); do
    grep -qE "(^| )expect_some\($ln\)( |$)" "$TMP/models" || bad "$name: $name.expect:$ln: $(sed -n "${ln}p" "$exp")"
  done
}

static_checks
if [ $# -gt 0 ]; then tests="$*"; else tests=$(cd "$HERE" && ls *.lp | sed 's/\.lp$//'); fi
for t in $tests; do run_test "$t"; done

echo "asp tests: $ntests instances, $nexp expectations, $nstatic static checks, $fail failures"
[ "$fail" -eq 0 ]
