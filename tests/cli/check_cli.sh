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
"$herreg" assess --text "$example" > "$tmp/text" && grep -q "Peildatum: 22-11-2026" "$tmp/text" && grep -q "Herintreder groep 2" "$tmp/text" && ok || fail "Dutch text summary"
"$herreg" assess --text --lang en "$example" > "$tmp/text.en" && grep -q "Check date: 22-11-2026" "$tmp/text.en" && ok || fail "English text summary"

# 6. validate-rules: the shipped rules are clean; a broken copy is reported with its path.
"$herreg" validate-rules "$rules" > "$tmp/v.out" && grep -q "7 files checked, 0 problems" "$tmp/v.out" && ok || fail "validate-rules on rules/: $(cat "$tmp/v.out")"
mkdir "$tmp/rules"
sed 's/"value": 1600/"value": "1600"/' "$rules/kp.json" > "$tmp/rules/kp.json"
"$herreg" validate-rules "$tmp/rules" > "$tmp/v.out"
[ $? -eq 1 ] && grep -q "kp.json: versions\[0\].criteria.hours.value: expected a number" "$tmp/v.out" && ok || fail "validate-rules on a broken file: $(cat "$tmp/v.out")"

# 6b. Several problems in one file: every one is listed with its path, not only the first.
mkdir "$tmp/rules-many"
python3 - "$rules/kp.json" "$tmp/rules-many/kp.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
v = d["versions"][0]
d["name"]["nl"] = 3
v["source"] = 5
v["criteria"]["hours"]["value"] = "1600"
v["criteria"]["hours"]["source"] = ""
del v["criteria"]["points_total"]["source"]
v["schemes"]["points_short"]["regime"] = "holiday"
v["schemes"]["points_short"]["temporary_months"]["value"] = -1
json.dump(d, open(sys.argv[2], "w"))
PY
"$herreg" validate-rules "$tmp/rules-many" > "$tmp/v.out"; code=$?
missing=""
for p in "name.nl: expected text" "versions\[0\].source: expected text" "versions\[0\].criteria.hours.value: expected a number" \
         "versions\[0\].criteria.hours.source: empty" "versions\[0\].criteria.points_total.source: missing" \
         "versions\[0\].schemes.points_short.regime: must be" "versions\[0\].schemes.points_short.temporary_months.value: must be at least 0"; do
  grep -q "^kp.json: $p" "$tmp/v.out" || missing="$missing [$p]"
done
[ "$code" -eq 1 ] && [ -z "$missing" ] && grep -q "^1 file checked, 7 problems$" "$tmp/v.out" && ok || fail "validate-rules with seven problems: missing$missing: $(cat "$tmp/v.out")"

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

# 9. batch: JSON Lines in, one CSV row per portfolio; a bad line is reported by number and gets
#    a row saying what is wrong.
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
assert [r["id"] for r in rows] == ["kp-01-reregistration", "1002", "", "kabiz-02-deferral", "kp-06-reentry-group-3", "'=HYPERLINK(1)", ""], rows
assert rows[2]["error"].startswith("portfolio: not valid JSON") and rows[2]["scheme"] == "", rows[2]
assert rows[6]["error"].startswith("id: missing") and rows[6]["register"] == "", rows[6]
r = {r["id"]: r for r in rows if r["id"]}
assert r["kp-01-reregistration"]["meets"] == "true" and r["kp-01-reregistration"]["scheme"] == "reregistration"
assert r["1002"]["scheme"] == "dispensation" and r["1002"]["points_missing"] == "40" and r["1002"]["hours_required"] == "1600"
# The next deadline is what the member must do by then: the proof of the plan, not the
# temporary registration's start (a date the app computes, on the check date).
g3 = r["kp-06-reentry-group-3"]
assert g3["scheme"] == "reentry_3" and g3["next_deadline"] == "proof_due" and int(g3["days_left"]) > 300, g3
assert g3["action"].startswith("File the application: Re-entry group 3, by "), g3["action"]
assert all(x["next_deadline"] in ("", "last_filing_day", "proof_due") for x in rows), [x["next_deadline"] for x in rows]
assert all(x["error"] == "" for x in r.values()), rows
PY
then
  grep -q "^herreg batch: line 3: portfolio: not valid JSON" "$tmp/batch.err" && grep -q "^herreg batch: line 8: id: missing" "$tmp/batch.err" \
    && grep -q "5 portfolios assessed, 2 bad lines, 1 empty line skipped$" "$tmp/batch.err" && ok || fail "batch stderr: $(cat "$tmp/batch.err")"
else
  fail "batch: exit $code, $(cat "$tmp/batch.err")"
fi

# 9b. batch on several threads writes what one thread writes, byte for byte: rows, error lines
#     with their numbers, the summary and the exit code. Many chunks (64 lines each), bad
#     lines of every kind mixed in, so chunks finish out of order.
many_rows=$(python3 - "$tmp/batch.jsonl" "$tmp/many.jsonl" "$tmp/many.expected" <<'PY'
import json, sys
good = [l for l in open(sys.argv[1]).read().split("\n") if l.startswith("{") and '"id"' in l and l.endswith("}")]
p = json.loads(good[0])
def variant(**change):
    q = dict(p); q.update(change); return json.dumps(q)
bad = [
    '{"format": "herreg-portfolio/1", "id": "x"',                                   # broken JSON
    variant(id=1.5),                                                                # id not whole
    variant(register="xyz"),                                                        # unknown register
    variant(check_date="2026-02-30"),                                               # impossible date
    variant(activities=[{"date": "2024-01-01", "category": "dba", "points": 1}]),   # category of another register
    variant(activities=[{"date": "2024-01-01", "category": "overige", "points": -1}]),
    "[1, 2]",
]
lines, expected = [], []
for i in range(1500):
    if i % 97 == 5:
        lines.append(bad[(i // 97) % len(bad)]); expected.append(len(lines))
    elif i % 211 == 7:
        lines.append("   ")
    else:
        q = json.loads(good[i % len(good)]); q["id"] = f"m-{i}"
        if i % 5 == 0: q["activities"] = q.get("activities", [])[:1]    # some short, some long
        lines.append(json.dumps(q, ensure_ascii=(i % 2 == 0)) + ("\r" if i % 13 == 0 else ""))
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
open(sys.argv[3], "w").write("".join(f"{n}\n" for n in expected))
print(1 + sum(1 for l in lines if l.strip()))   # CSV lines: the header and a row per line that is not empty
PY
)
"$herreg" batch --threads 1 "$tmp/many.jsonl" > "$tmp/many1.csv" 2> "$tmp/many1.err"; code1=$?
"$herreg" batch --threads 2 "$tmp/many.jsonl" > "$tmp/many2.csv" 2> "$tmp/many2.err"; code2=$?
"$herreg" batch --threads 3 - < "$tmp/many.jsonl" > "$tmp/many3.csv" 2> "$tmp/many3.err"; code3=$?
sed -n 's/^herreg batch: line \([0-9]*\)[ :].*/\1/p' "$tmp/many1.err" > "$tmp/many1.lines"
if [ "$code1" -eq 1 ] && [ "$code2" -eq 1 ] && [ "$code3" -eq 1 ] && cmp -s "$tmp/many1.csv" "$tmp/many2.csv" && cmp -s "$tmp/many1.err" "$tmp/many2.err" \
    && cmp -s "$tmp/many1.csv" "$tmp/many3.csv" && cmp -s "$tmp/many1.err" "$tmp/many3.err" && cmp -s "$tmp/many1.lines" "$tmp/many.expected" \
    && [ "$(wc -l < "$tmp/many1.csv")" -eq "$many_rows" ] \
    && grep -q "line 6: portfolio: not valid JSON" "$tmp/many1.err" && grep -q "line 103: id: expected text or a whole number" "$tmp/many1.err"; then
  ok
else
  fail "batch --threads 1/2/3 differ or miss lines: exit $code1/$code2/$code3; $(diff "$tmp/many1.err" "$tmp/many2.err" | head -5)"
fi
"$herreg" batch --threads 0 "$tmp/many.jsonl" > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "batch --threads 0 is a usage error"

# 9c. batch for a helpdesk: an id seen before says on which line, a bad line keeps its id and
#     names its field, an open verdict gives its reason; --keep carries the input's own keys,
#     --lang nl gives Dutch headers and words, --excel semicolons, decimal commas and a BOM,
#     --sort urgency bad lines first, then the fewest days left.
python3 - "$tests/cases" "$tmp/help.jsonl" <<'PY'
import json, sys
def case(stem, **extra):
    p = json.load(open(f"{sys.argv[1]}/{stem}.json"))["portfolio"]; p.update(extra); return json.dumps(p, ensure_ascii=False)
two = json.loads(case("kp-02-dispensation", id="b"))
two["activities"].append({"date": "2024-03-01", "title": "Halve punten", "category": "overige", "points": 2.5, "accredited": False})
lines = [case("kp-01-reregistration", id="a", name="Anna de Vries", email="anna@example.nl"),
         json.dumps(two, ensure_ascii=False),
         "",
         case("kp-05-reentry-group-2", id="a", name="Ander lid"),
         case("kabiz-06-thresholds-unknown", id="c"),
         case("kp-01-reregistration", id="d", check_date="2026-02-30")]
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
PY
"$herreg" batch --keep name,email "$tmp/help.jsonl" > "$tmp/help.csv" 2> "$tmp/help.err"; code=$?
if [ "$code" -eq 1 ] && python3 - "$tmp/help.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert list(rows[0].keys())[:4] == ["id", "name", "email", "register"], list(rows[0].keys())
assert [(r["id"], r["duplicate_of"]) for r in rows] == [("a", ""), ("b", ""), ("a", "1"), ("c", ""), ("d", "")], rows
assert rows[0]["name"] == "Anna de Vries" and rows[0]["email"] == "anna@example.nl" and rows[2]["name"] == "Ander lid", rows
assert rows[4]["error"].startswith("check_date: ") and rows[4]["scheme"] == "", rows[4]
assert rows[3]["meets"] == "" and rows[3]["reason"].startswith("Threshold unknown: "), rows[3]
assert rows[0]["reason"] == "" and rows[1]["points_missing"] == "37.5", rows[1]
PY
then
  grep -q "^herreg batch: line 6 (id d): check_date: " "$tmp/help.err" \
    && grep -q "4 portfolios assessed, 1 bad line, 1 empty line skipped, 1 line with an id seen before$" "$tmp/help.err" \
    && ok || fail "batch for a helpdesk, stderr: $(cat "$tmp/help.err")"
else
  fail "batch for a helpdesk: exit $code, $(cat "$tmp/help.csv" "$tmp/help.err")"
fi
"$herreg" batch --lang nl --excel --sort urgency "$tmp/help.jsonl" > "$tmp/help-nl.csv" 2> /dev/null
python3 - "$tmp/help-nl.csv" <<'PY' && ok || fail "batch --lang nl --excel --sort urgency: $(cat "$tmp/help-nl.csv")"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), raw[:20]
rows = list(csv.DictReader(raw[3:].decode("utf-8").splitlines(), delimiter=";"))
assert list(rows[0].keys())[:6] == ["id", "register", "specialisatie", "voldoet", "regeling", "uren_behaald"], list(rows[0].keys())
# Bad lines first, then the fewest days left; rows without a deadline last.
assert rows[0]["id"] == "d" and rows[0]["fout"].startswith("check_date: "), rows[0]
days = [int(r["dagen_over"]) for r in rows[1:] if r["dagen_over"]]
assert days == sorted(days) and len(days) >= 2, days
assert all(r["dagen_over"] == "" for r in rows[1 + len(days):]), rows
b = next(r for r in rows if r["id"] == "b")
assert b["voldoet"] == "nee" and b["regeling"] == "Dispensatieregeling" and b["punten_tekort"] == "37,5", b
assert b["actie"].startswith("Aanvraag indienen: Dispensatieregeling, uiterlijk "), b["actie"]
a = next(r for r in rows if r["id"] == "a" and r["dubbel_met_regel"] == "")
assert a["voldoet"] == "ja" and a["regeling"] == "Herregistratie", a
c = next(r for r in rows if r["id"] == "c")
assert c["reden"].startswith("Norm onbekend: "), c
PY
"$herreg" batch --sort soon "$tmp/help.jsonl" > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "batch --sort soon is a usage error"
"$herreg" batch --keep "" "$tmp/help.jsonl" > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "batch --keep without keys is a usage error"

# 10. share: the portfolio as a link (#p=<payload>) and back, byte for byte; zlib reads our
#     DEFLATE and CRC-32 and we read zlib's; a damaged link is one line on stderr and exit 1.
largest=$(python3 - "$tests/cases" "$tmp/share.json" <<'PY'
import glob, json, os, sys
cases = [c for c in sorted(glob.glob(sys.argv[1] + "/*.json")) if "expected_error" not in json.load(open(c))]
c = max(cases, key=os.path.getsize)
json.dump(json.load(open(c))["portfolio"], open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
print(os.path.basename(c)[:-5])
PY
)
if "$herreg" share "$tmp/share.json" > "$tmp/link1" 2> "$tmp/share.err" && [ "$(wc -l < "$tmp/link1")" -eq 1 ] && grep -q '^http://127\.0\.0\.1:8080/#p=1[A-Za-z0-9_-]*$' "$tmp/link1"; then ok
else fail "share $largest: $(cat "$tmp/share.err")"; fi
# One normalisation pass (write_portfolio), then every round trip is byte for byte.
"$herreg" share --decode "$(cat "$tmp/link1")" > "$tmp/dec1.json" && "$herreg" share "$tmp/dec1.json" > "$tmp/link2" \
  && cmp -s "$tmp/link1" "$tmp/link2" && "$herreg" share --decode - < "$tmp/link2" > "$tmp/dec2.json" && cmp -s "$tmp/dec1.json" "$tmp/dec2.json" \
  && ok || fail "share --decode does not give back the portfolio byte for byte"
if python3 - "$tmp/share.json" "$tmp/dec1.json" "$tmp/link1" "$tmp/zlib-link" "$largest" <<'PY'
import base64, json, sys, zlib
given, decoded = json.load(open(sys.argv[1])), open(sys.argv[2], "rb").read()
def kept(a, b):   # everything in the input is in the output (which adds the defaults)
    if isinstance(a, dict): return isinstance(b, dict) and all(k in b and kept(v, b[k]) for k, v in a.items())
    if isinstance(a, list): return isinstance(b, list) and len(a) == len(b) and all(map(kept, a, b))
    return a == b
assert kept(given, json.loads(decoded)), "the decoded portfolio differs from the input"
link = open(sys.argv[3]).read().strip()
payload = link.split("#p=")[1]
assert payload[0] == "1"
data = base64.urlsafe_b64decode(payload[1:] + "=" * (-len(payload[1:]) % 4))
check, ours = data[:4], data[4:]   # CRC-32 of the JSON, big-endian, then raw DEFLATE
assert zlib.decompress(ours, -15) == decoded, "zlib cannot read our DEFLATE stream"
assert check == zlib.crc32(decoded).to_bytes(4, "big"), "our check is not zlib's CRC-32 of the JSON"
c = zlib.compressobj(9, zlib.DEFLATED, -15)
theirs = c.compress(decoded) + c.flush()
theirs_payload = zlib.crc32(decoded).to_bytes(4, "big") + theirs
open(sys.argv[4], "w").write("http://127.0.0.1:8080/#p=1" + base64.urlsafe_b64encode(theirs_payload).decode().rstrip("=") + "\n")
print(f"share: largest case {sys.argv[5]}: {len(decoded)} bytes of JSON, link of {len(link)} characters "
      f"(CRC-32 4 bytes + DEFLATE {len(ours)} bytes; zlib -9 {len(theirs)})")
PY
then ok; else fail "share: zlib interoperability"; fi
"$herreg" share --decode - < "$tmp/zlib-link" | cmp -s - "$tmp/dec1.json" && ok || fail "share --decode of a link made with Python's zlib"
"$herreg" share --base 'https://example.org/herreg/?lang=en&sample=kp-01-reregistration#old' "$tmp/share.json" > "$tmp/link3" \
  && grep -q '^https://example\.org/herreg/?lang=en#p=1' "$tmp/link3" && ok || fail "share --base: $(cat "$tmp/link3")"
check_bad_link() {   # $1 description, $2 expected text on stderr, $3 the link
  "$herreg" share --decode "$3" > "$tmp/bad.out" 2> "$tmp/bad.err"
  local code=$?
  if [ "$code" -eq 1 ] && [ "$(wc -l < "$tmp/bad.err")" -eq 1 ] && [ ! -s "$tmp/bad.out" ] && grep -qF -- "$2" "$tmp/bad.err"; then ok
  else fail "share --decode, $1: exit $code, stderr: $(cat "$tmp/bad.err")"; fi
}
link=$(cat "$tmp/link1")
check_bad_link "a character changed" "herreg: share link: damaged (character 41 after #p= is not allowed: '!')" "${link:0:65}!${link:66}"
check_bad_link "cut off" "herreg: share link: damaged" "${link:0:$((${#link} / 2))}"
check_bad_link "no fragment" "herreg: share link: not a herreg link (it has no #p= part)" "http://127.0.0.1:8080/?lang=en"
check_bad_link "newer format" "herreg: share link: made by a newer version of herreg" "http://127.0.0.1:8080/#p=2AwA"
check_bad_link "a character changed, still base64" "herreg: share link: damaged" "${link:0:65}$([ "${link:65:1}" = A ] && echo B || echo A)${link:66}"
check_bad_link "check does not match" "herreg: share link: damaged (its check does not match: some characters were changed or lost)" \
  "http://127.0.0.1:8080/#p=1AAAAAQMA"   # the empty text (stream AwA) with check 1 instead of 0
check_bad_link "not a portfolio" "herreg: share link: holds no readable portfolio (portfolio: the file is empty)" "http://127.0.0.1:8080/#p=1AAAAAAMA"
"$herreg" share - < /dev/null > "$tmp/bad.out" 2> "$tmp/bad.err"
[ $? -eq 1 ] && [ "$(wc -l < "$tmp/bad.err")" -eq 1 ] && [ ! -s "$tmp/bad.out" ] && ok || fail "share of an empty portfolio: $(cat "$tmp/bad.err")"
"$herreg" share > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "share without a file should exit 2"
"$herreg" share --decode x --base y > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "share --decode with --base should exit 2"

# 11. a specialisation and its base registration in one portfolio (format 2): assess lists the
# base registration's assessment under other_registrations, --text prints both, batch writes a
# row for each with the same id.
python3 - "$tests/cases" "$tmp/two.json" "$tmp/two.jsonl" <<'PY'
import json, sys
p = json.load(open(f"{sys.argv[1]}/vvocm-08-specialisation-and-base.json"))["portfolio"]
json.dump(p, open(sys.argv[2], "w"))
p["id"] = "lid-7"
open(sys.argv[3], "w").write(json.dumps(p) + "\n")
PY
"$herreg" assess "$tmp/two.json" > "$tmp/two.out" 2>&1 && python3 - "$tmp/two.out" <<'PY' && ok || fail "assess of two registrations: $(head -c 300 "$tmp/two.out")"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["regime"] == "specialisation_expired", j["regime"]
o = j["other_registrations"]
assert len(o) == 1 and o[0]["registration"] == "kp" and o[0]["regime"] == "reentry_2", o
PY
"$herreg" assess --text "$tmp/two.json" > "$tmp/two.txt" 2>&1 && grep -q "^Specialisatieregister Kinderoefentherapie" "$tmp/two.txt" \
  && grep -q "^Kwaliteitsregister Paramedici" "$tmp/two.txt" && ok || fail "assess --text of two registrations: $(head -c 300 "$tmp/two.txt")"
"$herreg" batch "$tmp/two.jsonl" > "$tmp/two.csv" 2> /dev/null && python3 - "$tmp/two.csv" <<'PY' && ok || fail "batch of two registrations: $(cat "$tmp/two.csv")"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert [(r["id"], r["register"], r["specialisation"], r["scheme"]) for r in rows] == [
    ("lid-7", "vvocm", "kinderoefentherapie", "specialisation_expired"), ("lid-7", "kp", "", "reentry_2")], rows
PY

# 12. Where output goes (issue 21): a failed write removes only what herreg wrote, never what
#     --out names (a link to /dev/full, a device); an existing file keeps its old bytes when the
#     new ones cannot be written; batch refuses --out naming its input and a folder as input;
#     validate-rules on a folder it may not read says so.
ln -s /dev/full "$tmp/full-link.ics"
"$herreg" calendar --out "$tmp/full-link.ics" "$example" 2> "$tmp/full.err"
[ $? -eq 1 ] && [ -L "$tmp/full-link.ics" ] && [ "$(readlink "$tmp/full-link.ics")" = /dev/full ] && ok \
  || fail "a failed write through a link to /dev/full: exit, link $(ls -l "$tmp/full-link.ics" 2>&1), $(cat "$tmp/full.err")"
"$herreg" calendar --out "$tmp/out.ics" "$example" && cmp -s "$tmp/out.ics" "$tmp/cal.ics" && ! ls "$tmp" | grep -q 'herreg-part' && ok \
  || fail "--out over an existing file: not the new bytes, or a part file left behind"
cp "$tmp/batch.jsonl" "$tmp/self.jsonl"; cp "$tmp/self.jsonl" "$tmp/self.before"
"$herreg" batch --out "$tmp/self.jsonl" "$tmp/self.jsonl" > /dev/null 2> "$tmp/self.err"
[ $? -eq 2 ] && cmp -s "$tmp/self.jsonl" "$tmp/self.before" && grep -q "is the input file" "$tmp/self.err" && ok \
  || fail "batch --out X X: exit, input $(wc -c < "$tmp/self.jsonl") bytes (was $(wc -c < "$tmp/self.before")), $(cat "$tmp/self.err")"
ln -s "$tmp/self.jsonl" "$tmp/self-link.csv"
"$herreg" batch --out "$tmp/self-link.csv" "$tmp/self.jsonl" > /dev/null 2>&1
[ $? -eq 2 ] && cmp -s "$tmp/self.jsonl" "$tmp/self.before" && ok || fail "batch --out a link to its input"
"$herreg" batch "$tmp/agenda" > "$tmp/dir.csv" 2> "$tmp/dir.err"
[ $? -eq 1 ] && [ ! -s "$tmp/dir.csv" ] && grep -q "a folder" "$tmp/dir.err" && ok || fail "batch on a folder: $(cat "$tmp/dir.err")"
# Standard input and pipes: read up to the same cap as files (64 MB), and a pipe is no "file
# too large" for having no size.
head -c 70000000 /dev/zero | "$herreg" assess - > /dev/null 2> "$tmp/big.err"; code=$?
[ "$code" -eq 1 ] && grep -q "too large" "$tmp/big.err" && ok || fail "70 MB on stdin: exit $code, $(cat "$tmp/big.err")"
cat "$example" | "$herreg" assess /dev/stdin > "$tmp/pipe.json" 2> "$tmp/pipe.err" && "$herreg" assess "$example" | cmp -s - "$tmp/pipe.json" && ok \
  || fail "assess /dev/stdin from a pipe: $(cat "$tmp/pipe.err")"
# A file name with a terminal escape in it is shown, not obeyed.
esc_name="$tmp/$(printf 'lid\033[2J\033]0;x\007.json')"
cp "$example" "$esc_name"
"$herreg" compare --text "$esc_name" "$example" > "$tmp/esc.txt" 2>&1
! grep -q $'\033' "$tmp/esc.txt" && grep -q 'lid' "$tmp/esc.txt" && ok || fail "compare --text printed a file name's escape sequence raw"
if [ "$(id -u)" -eq 0 ] && command -v runuser > /dev/null; then
  # root reads any folder: the refusal is seen as another user. herreg itself must be reachable.
  locked=$(mktemp -d /tmp/herreg-locked-XXXXXX); chmod 700 "$locked"; cp "$rules"/*.json "$locked"/
  chmod 755 "$tmp"; cp "$herreg" "$tmp/herreg-copy"; chmod 755 "$tmp/herreg-copy"
  runuser -u nobody -- "$tmp/herreg-copy" validate-rules "$locked" > "$tmp/locked.out" 2> "$tmp/locked.err"; code=$?
  [ "$code" -eq 1 ] && [ "$(wc -l < "$tmp/locked.err")" -eq 1 ] && grep -q "$locked" "$tmp/locked.err" && ok \
    || fail "validate-rules on an unreadable folder: exit $code, $(cat "$tmp/locked.err")"
  rm -rf "$locked"
fi

# 13. Memory (issue 21 #7): a 20 MB line of {} in an unknown field took 63 times its size and,
# under a memory limit, ended in an abort from inside the parser (exit 134). Now the values are
# counted before the document is built: refused with one line naming the field, at 1 GB too.
# An address-space limit is no test for a sanitizer build: ASan reserves terabytes of shadow.
if ldd "$herreg" 2>/dev/null | grep -q 'libasan'; then
  echo "skip: memory limits (sanitizer build)"
else
  python3 -c '
import sys
sys.stdout.write("{\"format\":\"herreg-portfolio/1\",\"register\":\"kp\",\"registration\":{\"initial\":false},\"old_tool\":[" + ",".join(["{}"] * 6500000) + "]}\n")
' > "$tmp/values.json"
  (ulimit -v 1000000; "$herreg" assess "$tmp/values.json" > "$tmp/values.out" 2> "$tmp/values.err"); code=$?
  [ "$code" -eq 1 ] && [ "$(wc -l < "$tmp/values.err")" -eq 1 ] && grep -q 'old_tool' "$tmp/values.err" && ok \
    || fail "20 MB of {} under 1 GB: exit $code, $(head -c 300 "$tmp/values.err")"
  (ulimit -v 1000000; "$herreg" batch "$tmp/values.json" > "$tmp/values.csv" 2> "$tmp/values.err"); code=$?
  [ "$code" -eq 1 ] && grep -q 'old_tool' "$tmp/values.csv" && ok || fail "batch of 20 MB of {} under 1 GB: exit $code, $(head -c 300 "$tmp/values.err")"
  # Memory that runs out all the same (just under the cap, 30-60 MB of address space) ends with
  # one line, not an abort: nlohmann's destructor needs memory to take a document apart.
  python3 -c '
import sys
sys.stdout.write("{\"format\":\"herreg-portfolio/1\",\"register\":\"kp\",\"registration\":{\"initial\":false},\"old_tool\":[" + ",".join(["{}"] * 490000) + "]}\n")
' > "$tmp/values.json"
  for limit in 30000 40000 50000 60000; do
    (ulimit -v $limit; "$herreg" assess "$tmp/values.json" > /dev/null 2> "$tmp/oom.err"); code=$?
    [ "$code" -eq 1 ] && [ "$(wc -l < "$tmp/oom.err")" -eq 1 ] && ok \
      || fail "assess with $limit KB of address space: exit $code, $(head -c 300 "$tmp/oom.err")"
    (ulimit -v $limit; "$herreg" batch "$tmp/values.json" > "$tmp/oom.csv" 2> "$tmp/oom.err"); code=$?
    [ "$code" -eq 1 ] && grep -q '^,.*portfolio' "$tmp/oom.csv" && ok \
      || fail "batch with $limit KB of address space: exit $code, $(head -c 300 "$tmp/oom.err")"
  done
  rm -f "$tmp/values.json"
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
