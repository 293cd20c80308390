#!/usr/bin/env bash
# The bad-input table: every file of tests/bad-input/ is a malformed portfolio, and
# table.tsv says which field the message must name and which words it must hold. For each
# row `herreg assess FILE` must exit 1, print nothing on stdout and exactly one line on
# stderr, "herreg: <field>: ...", holding the words. Every file is in the table and every
# row has its file, so nothing is left untested. tests/browser/bad-input.test.mjs opens the
# same files in the app.
# usage: check_bad_input.sh HERREG_BINARY BAD_INPUT_DIR
set -u
herreg=$1 dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

table="$dir/table.tsv"
rows=0
declare -A listed=()
while IFS=$'\t' read -r file field words category what; do
  case "$file" in ''|'#'*) continue ;; esac
  rows=$((rows + 1))
  listed[$file]=1
  if [ ! -f "$dir/$file" ]; then fail "$file: listed in table.tsv but missing"; continue; fi
  "$herreg" assess "$dir/$file" > "$tmp/out" 2> "$tmp/err"
  code=$?
  lines=$(wc -l < "$tmp/err")
  line=$(head -n 1 "$tmp/err")
  problem=""
  [ "$code" -eq 1 ] || problem="exit $code (want 1)"
  [ -s "$tmp/out" ] && problem="$problem; $(wc -c < "$tmp/out") bytes on stdout"
  [ "$lines" -eq 1 ] && [ "$(wc -c < "$tmp/err")" -gt 0 ] || problem="$problem; $lines lines on stderr"
  case "$line" in "herreg: $field: "*) ;; *) problem="$problem; does not name the field \"$field\"" ;; esac
  case "$line" in *"$words"*) ;; *) problem="$problem; lacks \"$words\"" ;; esac
  if [ -z "$problem" ]; then ok; else fail "$file ($what):$problem; stderr: $(head -c 300 "$tmp/err")"; fi
done < "$table"

# Nothing in the folder escapes the table.
for f in "$dir"/*; do
  name=$(basename "$f")
  [ "$name" = table.tsv ] && continue
  [ -n "${listed[$name]+x}" ] && ok || fail "$name is in $dir but not in table.tsv"
done
[ "$rows" -ge 30 ] && ok || fail "the table has $rows rows; at least 30 wanted"

# The same message through standard input: the field, not the file, is what is named.
"$herreg" assess - < "$dir/date-2025-02-30.json" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 1 ] && [ "$(cat "$tmp/err")" = 'herreg: activities[0].date: not a date: "2025-02-30"' ] && ok \
  || fail "stdin: $(cat "$tmp/err")"

# Not bad input: one UTF-8 byte-order mark (Windows editors write it) before a sound portfolio.
python3 - "$dir/duplicate-key.json" "$tmp/bom.json" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().replace('  "register": "kabiz",\n', "", 1)
open(sys.argv[2], "wb").write(b"\xef\xbb\xbf" + text.encode())
PY
"$herreg" assess "$tmp/bom.json" > "$tmp/out" 2> "$tmp/err" && [ -s "$tmp/out" ] && ok || fail "a UTF-8 BOM before a sound portfolio: $(cat "$tmp/err")"

echo "bad input: $rows rows; $passed passed, $failed failed"
[ "$failed" -eq 0 ]
