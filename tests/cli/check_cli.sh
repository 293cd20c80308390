#!/usr/bin/env bash
# End-to-end checks of the herreg CLI: the contract's fields, stdin, exit codes,
# one-line errors with no partial output, the Dutch text summary, validate-rules.
# usage: check_cli.sh HERREG_BINARY TESTS_DIR RULES_DIR
set -u
herreg=$1 tests=$2 rules=$3
root=$(cd "$tests/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

example="$root/examples/contract-example.json"

# 1. The contract example prints every documented field.
if "$herreg" assess "$example" > "$tmp/out.json" 2> "$tmp/err"; then
  if python3 - "$tmp/out.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
for key in ["meets", "criteria", "regime", "temporary_months", "definitive_years", "plan", "deadlines", "reasons", "warnings"]:
    assert key in a, key
for key in ["hours_required", "points_missing"]:
    assert key in a["plan"], key
for c in a["criteria"]:
    assert set(["id", "required", "achieved", "met"]) <= set(c), c
assert [c["id"] for c in a["criteria"]] == ["hours", "points_total", "points_bij_en_nascholing", "points_overige", "points_accredited"]
assert a["deadlines"]["last_filing_day"] == "2027-02-01"
assert all("text" in r and "source" in r for r in a["reasons"])
PY
  then ok; else fail "contract fields missing in assess output"; fi
else
  fail "assess on the contract example exited non-zero: $(cat "$tmp/err")"
fi

# 2. Standard input gives the same result as the file.
if "$herreg" assess - < "$example" | cmp -s - "$tmp/out.json"; then ok; else fail "assess - (stdin) differs from assess FILE"; fi

# 3. Bad input: exit 1, exactly one line on stderr naming the field, nothing on stdout.
check_bad() {   # $1 description, $2 expected text on stderr, $3 the document
  printf '%s' "$3" > "$tmp/bad.in"
  "$herreg" assess - < "$tmp/bad.in" > "$tmp/bad.out" 2> "$tmp/bad.err"
  local code=$?
  local lines
  lines=$(wc -l < "$tmp/bad.err")
  if [ "$code" -eq 1 ] && [ "$lines" -eq 1 ] && [ ! -s "$tmp/bad.out" ] && grep -qF -- "$2" "$tmp/bad.err"; then ok
  else fail "$1: exit $code, stderr: $(cat "$tmp/bad.err"), stdout bytes: $(wc -c < "$tmp/bad.out")"; fi
}
check_bad "impossible date" 'activities[0].date: not a date: "2026-02-30"' "$(sed 's/"2022-03-01"/"2026-02-30"/' "$example")"
check_bad "negative hours" "hours[0].hours: must be at least 0" "$(sed 's/"hours": 420/"hours": -5/' "$example")"
check_bad "unknown register" 'register: unknown register "xyz"' "$(sed 's/"register": "kp"/"register": "xyz"/' "$example")"
check_bad "empty input" "portfolio: the file is empty" ""
check_bad "broken JSON" "not valid JSON at line 1" '{"format": "herreg-portfolio/1", '

# 4. Usage errors exit 2; a missing file exits 1.
"$herreg" assess > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "assess without a file should exit 2"
"$herreg" frobnicate > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "an unknown command should exit 2"
"$herreg" assess "$tmp/nope.json" > /dev/null 2> "$tmp/err"; [ $? -eq 1 ] && grep -q "no such file" "$tmp/err" && ok || fail "missing file"

# 5. The text summary is Dutch by default, English on request.
"$herreg" assess --text "$example" > "$tmp/text" && grep -q "Controledatum: 22-11-2026" "$tmp/text" && grep -q "Herintreder groep 2" "$tmp/text" && ok || fail "Dutch text summary"
"$herreg" assess --text --lang en "$example" > "$tmp/text.en" && grep -q "Check date: 2026-11-22" "$tmp/text.en" && ok || fail "English text summary"

# 6. validate-rules: the shipped rules are clean; a broken copy is reported with its path.
"$herreg" validate-rules "$rules" > "$tmp/v.out" && grep -q "7 files checked, 0 problems" "$tmp/v.out" && ok || fail "validate-rules on rules/: $(cat "$tmp/v.out")"
mkdir "$tmp/rules"
sed 's/"value": 1600/"value": "1600"/' "$rules/kp.json" > "$tmp/rules/kp.json"
"$herreg" validate-rules "$tmp/rules" > "$tmp/v.out"
[ $? -eq 1 ] && grep -q "kp.json: versions\[0\].criteria.hours.value: expected a number" "$tmp/v.out" && ok || fail "validate-rules on a broken file: $(cat "$tmp/v.out")"

# 7. --rules DIR is used instead of the embedded rules.
cp "$rules"/*.json "$tmp/rules/"
python3 - "$tmp/rules/kp.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["versions"][0]["criteria"]["points_overige"]["value"] = 12
json.dump(d, open(sys.argv[1], "w"))
PY
"$herreg" assess --rules "$tmp/rules" "$example" > "$tmp/r.json"
python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); assert a["criteria"][3]["id"]=="points_overige" and a["criteria"][3]["required"]==12' "$tmp/r.json" && ok || fail "--rules DIR"

# 8. calendar: the deadlines as .ics, CRLF throughout, to stdout or --out, Dutch or English.
if "$herreg" calendar "$example" > "$tmp/cal.ics" 2> "$tmp/cal.err"; then
  if python3 - "$tmp/cal.ics" <<'PY'
import sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"BEGIN:VCALENDAR\r\n"), raw[:40]
assert raw.endswith(b"END:VCALENDAR\r\n")
lines = raw.split(b"\r\n")[:-1]
assert all(b"\n" not in l and b"\r" not in l and 0 < len(l) <= 75 for l in lines)
text = raw.replace(b"\r\n ", b"").decode("utf-8")
assert "UID:last_filing_day-kp-20270201@herreg" in text
assert "DTSTART;VALUE=DATE:20270201" in text and "SUMMARY:Laatste dag om in te dienen (KP)" in text
assert text.count("BEGIN:VEVENT") == text.count("END:VEVENT") > 0
PY
  then ok; else fail "calendar output is not a CRLF VCALENDAR with the filing day"; fi
else
  fail "calendar on the contract example exited non-zero: $(cat "$tmp/cal.err")"
fi
"$herreg" calendar --out "$tmp/out.ics" "$example" > "$tmp/cal.stdout" && [ ! -s "$tmp/cal.stdout" ] && cmp -s "$tmp/out.ics" "$tmp/cal.ics" && ok || fail "calendar --out FILE differs from stdout"
mkdir "$tmp/agenda"
"$herreg" calendar --out "$tmp/agenda" "$example" && cmp -s "$tmp/agenda/termijnen-kp-2026-11-22.ics" "$tmp/cal.ics" && ok || fail "calendar --out DIR should write termijnen-kp-2026-11-22.ics"
"$herreg" calendar --lang en "$example" > "$tmp/cal.en" && grep -q $'^SUMMARY:Last day to file (KP)\r$' "$tmp/cal.en" && grep -q "X-WR-CALNAME:herreg: deadlines KP" "$tmp/cal.en" && ok || fail "English calendar"
sed 's/"2022-03-01"/"2026-02-30"/' "$example" > "$tmp/bad.json"
"$herreg" calendar --out "$tmp/bad.ics" "$tmp/bad.json" > "$tmp/bad.out" 2> "$tmp/bad.err"
[ $? -eq 1 ] && [ "$(wc -l < "$tmp/bad.err")" -eq 1 ] && [ ! -s "$tmp/bad.out" ] && [ ! -e "$tmp/bad.ics" ] && grep -q "not a date" "$tmp/bad.err" && ok || fail "calendar on bad input: $(cat "$tmp/bad.err")"
"$herreg" calendar --out "$tmp/no/such/dir/x.ics" "$example" 2> "$tmp/w.err"
[ $? -eq 1 ] && [ "$(wc -l < "$tmp/w.err")" -eq 1 ] && grep -q "cannot write" "$tmp/w.err" && ok || fail "calendar write failure: $(cat "$tmp/w.err")"
"$herreg" calendar > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "calendar without a file should exit 2"
# No deadlines (not registered, no scheme) is no error: an event-less calendar, exit 0, a note on stderr.
python3 - "$tests/cases/kp-03-not-eligible.json" "$tmp/nodl.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["portfolio"]
p["registration"] = {"initial": False, "period_start": None, "period_end": None}
p["circumstances"] = []
json.dump(p, open(sys.argv[2], "w"))
PY
"$herreg" calendar "$tmp/nodl.json" > "$tmp/nodl.ics" 2> "$tmp/nodl.err"
[ $? -eq 0 ] && head -c 17 "$tmp/nodl.ics" | grep -q "BEGIN:VCALENDAR" && ! grep -q VEVENT "$tmp/nodl.ics" && [ "$(wc -l < "$tmp/nodl.err")" -eq 1 ] && grep -q "geen termijnen" "$tmp/nodl.err" && ok || fail "calendar without deadlines: $(cat "$tmp/nodl.err")"

# 9. batch: JSON Lines in, one CSV row per portfolio; a bad line is reported by number and skipped.
python3 - "$tests/cases" "$tmp/batch.jsonl" <<'PY'
import json, sys
cases = sys.argv[1]
rows = []
for i, name in enumerate(["kp-01-reregistration", "kp-02-dispensation", "kabiz-02-deferral", "kp-06-reentry-group-3"]):
    p = json.load(open(f"{cases}/{name}.json"))["portfolio"]
    p["id"] = 1002 if i == 1 else name
    rows.append(json.dumps(p, ensure_ascii=False))
rows.insert(2, '{"format": "herreg-portfolio/1", "id": "x", "register": "kp"')   # broken JSON: line 3
rows.insert(4, "")                                                               # blank: skipped
p = json.loads(rows[0]); p["id"] = "=HYPERLINK(1)"; rows.append(json.dumps(p))  # formula injection: line 7
p = json.loads(rows[0]); del p["id"]; rows.append(json.dumps(p))              # no id: line 8
open(sys.argv[2], "w").write("\n".join(rows) + "\n")
PY
"$herreg" batch "$tmp/batch.jsonl" > "$tmp/batch.csv" 2> "$tmp/batch.err"; code=$?
if [ "$code" -eq 1 ] && python3 - "$tmp/batch.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [r["id"] for r in rows] == ["kp-01-reregistration", "1002", "kabiz-02-deferral", "kp-06-reentry-group-3", "'=HYPERLINK(1)"], rows
r = {r["id"]: r for r in rows}
assert r["kp-01-reregistration"]["meets"] == "true" and r["kp-01-reregistration"]["scheme"] == "reregistration"
assert r["1002"]["scheme"] == "dispensation" and r["1002"]["points_missing"] == "40" and r["1002"]["hours_required"] == "1600"
assert r["kp-06-reentry-group-3"]["scheme"] == "reentry_3" and r["kp-06-reentry-group-3"]["next_deadline_date"] == "2026-11-22"
PY
then
  grep -q "^herreg batch: line 3: portfolio: not valid JSON" "$tmp/batch.err" && grep -q "^herreg batch: line 8: id: missing" "$tmp/batch.err" \
    && grep -q "5 portfolios assessed, 2 bad lines" "$tmp/batch.err" && ok || fail "batch stderr: $(cat "$tmp/batch.err")"
else
  fail "batch: exit $code, $(cat "$tmp/batch.err")"
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
