#!/usr/bin/env bash
# =============================================================================
# aigc-kb -- tests of the ASP encoding (kb/asp).  No test framework: clingo,
# bash, grep and awk.
#
#   kb/asp_tests/run.sh            run every test
#   kb/asp_tests/run.sh unknown_fact   run the named tests only
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
# Every test runs the whole encoding (kb/asp/*.lp with its annotations expanded
# by `python3 -m aigc_kb.engines.asp_rules`, show.lp included unless a query is named) on the instance and also checks: clingo prints nothing on
# stderr (no info/warning, e.g. "atom does not occur in any rule head"); only
# the vocabulary's output predicates and because/2 (or a query's answer/N) are
# shown; every rule that fires has rule/3 citations.
#
# These tests cover what belongs to the encoding's own machinery: open facts
# and their conflicts, the parameters (regime, choice points, `open`, invalid
# values), names that need quoting, an empty case, and the query files.  The
# doctrine expectations are the cases of cases/*.yaml (aigc-kb check); the
# static checks of the encoding (labels, citations, sections, ext marks,
# #show and choice rules in their files) are aigc-kb lint.
# Exit status: 0 when everything passes, 1 otherwise.
# =============================================================================
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ASP="$ROOT/kb/asp"

if [ -z "${CLINGO:-}" ]; then
  if command -v clingo >/dev/null 2>&1; then CLINGO=clingo
  elif python3 -c 'import clingo' >/dev/null 2>&1; then CLINGO="python3 -m clingo"
  else echo "run.sh: no clingo found (set CLINGO)" >&2; exit 2; fi
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The encoding with its %@ annotations expanded (labels, rule/3, ext/1, projections), as the
# package loads it: aigc_kb/engines/asp_rules.py, run by the python that has clingo.
PYTHON=${PYTHON:-python3}
ENC="$TMP/encoding.lp"; ENC_NOSHOW="$TMP/encoding_noshow.lp"
"$PYTHON" -m aigc_kb.engines.asp_rules "$ROOT/kb" > "$ENC" || { echo "run.sh: cannot expand the encoding" >&2; exit 2; }
"$PYTHON" -m aigc_kb.engines.asp_rules "$ROOT/kb" $(ls "$ASP"/*.lp | grep -v '/show\.lp$') > "$ENC_NOSHOW" || exit 2
fail=0; ntests=0; nexp=0

bad() { echo "FAIL $*"; fail=$((fail+1)); }

# what may be shown: the #show signatures of show.lp (generated from the vocabulary), and the answers
SHOWN_OK="^($(sed -nE 's/^#show ([a-z_]+)\/[0-9]+\.$/\1/p' "$ASP/show.lp" | paste -sd'|')|answer|expect_fail|expect_some)\$"

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
  local query files=()
  query=$(awk '$1=="query"{print $2}' "$exp" | tail -1)
  if [ -n "$query" ]; then files+=("$ENC_NOSHOW"); else files+=("$ENC"); fi
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

if [ $# -gt 0 ]; then tests="$*"; else tests=$(cd "$HERE" && ls *.lp | sed 's/\.lp$//'); fi
for t in $tests; do run_test "$t"; done

echo "asp tests: $ntests instances, $nexp expectations, $fail failures"
[ "$fail" -eq 0 ]
