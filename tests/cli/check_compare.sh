#!/usr/bin/env bash
# `herreg compare` end to end: two scenarios of one member (a case from tests/cases as
# entered, a what-if from tests/cli/fixtures) as a text table, as JSON, and as the one-page
# helpdesk summary read back with poppler (pdfinfo, pdftotext); long notes and the longest
# tables still give one page; a bad what-if names its file and field; usage errors.
# usage: check_compare.sh HERREG_BINARY TESTS_DIR
set -u
herreg=$(readlink -f "$1") tests=$2
cases=$tests/cases fixtures=$tests/cli/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

for tool in pdftotext pdfinfo python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool missing (run scripts/setup.sh)"; exit 1; }
done

portfolio() {   # $1 = case stem -> $tmp/$1.json holding only the portfolio
  python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))["portfolio"], open(sys.argv[2], "w"), ensure_ascii=False)' \
    "$cases/$1.json" "$tmp/$1.json"
}
contains() {   # FILE TEXT...: every TEXT occurs in FILE, whitespace squeezed
  local file=$1; shift
  local flat missing=""
  flat=$(tr -s ' \n' '  ' < "$file")
  for t in "$@"; do
    case "$flat" in *"$t"*) ;; *) missing="$missing [$t]";; esac
  done
  [ -z "$missing" ] || { echo "  missing in $(basename "$file"):$missing"; return 1; }
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

portfolio kp-02-dispensation
portfolio kp-03-not-eligible
portfolio kp-05-reentry-group-2
a=$tmp/kp-02-dispensation.json
b=$fixtures/whatif-kp-02-course-done.json

# 1. The text table: the changed scheme marked, the direction named, the count at the end.
if "$herreg" compare "$a" "$b" > "$tmp/out.txt" 2> "$tmp/err"; then
  if grep -q '^\* Regeling .*Dispensatieregeling *→ Herregistratie *anders$' "$tmp/out.txt" &&
     grep -q '^\* Voldoet aan de criteria .*nee *→ ja *beter$' "$tmp/out.txt" &&
     grep -q '^  Werkervaring (uren) *2.000 van 1.600 ✓ *2.000 van 1.600 ✓$' "$tmp/out.txt" &&
     grep -q '^17 verschillen$' "$tmp/out.txt" && [ ! -s "$tmp/err" ]; then ok
  else fail "text table:"; cat "$tmp/out.txt"; fi
else fail "compare exit non-zero: $(cat "$tmp/err")"; fi
"$herreg" compare --lang en "$a" "$b" > "$tmp/en.txt" 2>/dev/null
grep -q '^\* Scheme .*Dispensation scheme *→ Re-registration *different$' "$tmp/en.txt" && grep -q '^17 differences$' "$tmp/en.txt" \
  && ok || fail "English text table: $(head -20 "$tmp/en.txt")"

# 2. JSON: ids, both values and the change of every row; the count.
if "$herreg" compare --json "$a" "$b" > "$tmp/out.json" 2> "$tmp/err" && python3 - "$tmp/out.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
assert c["differences"] > 0, c["differences"]
rows = {r["id"]: r for g in c["groups"] for r in g["rows"]}
assert [g["id"] for g in c["groups"]] == ["outcome", "criteria", "todo", "deadlines"]
assert rows["regime"] == {"id": "regime", "label": "Regeling", "a": "Dispensatieregeling", "b": "Herregistratie", "change": "different"}, rows["regime"]
assert rows["verdict"]["change"] == "better"
assert rows["plan.points_missing"]["a"] == "40" and rows["plan.points_missing"]["change"] == "better"
assert rows["criterion.hours"]["change"] == "same"
assert rows["deadline.new_period_end"]["a"] == "—"
assert c["differences"] == sum(r["change"] != "same" for r in rows.values())
assert c["b"]["verdict"] == "Je voldoet aan de criteria voor herregistratie."
PY
then ok; else fail "compare --json: $(cat "$tmp/err")"; fi

# 2b. Courses planned before the proof date do not change today's verdict, but the comparison
#     shows what they bring: text, JSON and the summary PDF (the what-if had read "0 differences").
planned=$fixtures/whatif-kp-02-courses-planned.json
"$herreg" compare "$a" "$planned" > "$tmp/plan.txt" 2> "$tmp/err"
if grep -q '^Wat je plan brengt' "$tmp/plan.txt" && grep -q '^\* Punten totaal .*ontbreekt 40, gepland 0 ✗ *→ ontbreekt 40, gepland 24 ✗ *beter$' "$tmp/plan.txt" &&
   grep -q '^\* Geplande activiteiten die meetellen .*0 (0 punten) *→ 3 (24 punten) *beter$' "$tmp/plan.txt" &&
   grep -q '^\* Plan klaar op .*— *→ 01-05-2027 *anders$' "$tmp/plan.txt" && ! grep -q '^0 verschillen$' "$tmp/plan.txt"; then ok
else fail "compare with planned courses:"; cat "$tmp/plan.txt" "$tmp/err"; fi
"$herreg" compare --json "$a" "$planned" > "$tmp/plan.json" 2>/dev/null && python3 - "$tmp/plan.json" <<'PY' && ok || fail "compare --json with planned courses: $(head -c 600 "$tmp/plan.json")"
import json, sys
c = json.load(open(sys.argv[1]))
assert [g["id"] for g in c["groups"]] == ["outcome", "criteria", "todo", "planned", "deadlines"], [g["id"] for g in c["groups"]]
rows = {r["id"]: r for g in c["groups"] for r in g["rows"]}
assert rows["planned.cover.points_total"]["b"] == "ontbreekt 40, gepland 24 ✗" and rows["planned.cover.points_total"]["change"] == "better"
assert rows["regime"]["change"] == "same" and c["differences"] == 3, c["differences"]
PY
if "$herreg" compare --pdf "$tmp/plan.pdf" --date 2026-11-23 "$a" "$planned" > /dev/null 2> "$tmp/err"; then
  pdftotext "$tmp/plan.pdf" "$tmp/plan-pdf.txt"
  contains "$tmp/plan-pdf.txt" "Plan: Punten totaal" "ontbreekt 40, gepland 24" "Plan: Geplande activiteiten die meetellen" "3 (24 punten)" && [ "$(pages "$tmp/plan.pdf")" = 1 ] && ok || fail "summary PDF with planned courses"
else fail "compare --pdf with planned courses: $(cat "$tmp/err")"; fi

# 3. The summary PDF: one A4 page with both schemes, the notes and who was helped.
cat > "$tmp/notes.txt" <<'EOF'
Anna volgt de cursus valpreventie en dient vóór 01-02-2027 de herregistratie in.
Gaat de cursus niet door: dispensatie aanvragen.
EOF
if "$herreg" compare --pdf "$tmp" --notes "$tmp/notes.txt" --member "Anna de Vries" --advisor "Piet Jansen" --date 2026-11-23 \
     "$a" "$b" > "$tmp/out" 2> "$tmp/err"; then
  pdf=$tmp/samenvatting-2026-11-23.pdf
  if [ -f "$pdf" ] && [ "$(pages "$pdf")" = 1 ] && pdfinfo "$pdf" | grep -q "Page size: *595.* x 841.* pts (A4)" && [ ! -s "$tmp/out" ] &&
     grep -q "geschreven: .*samenvatting-2026-11-23.pdf" "$tmp/err"; then
    pdftotext "$pdf" "$tmp/summary.txt"
    contains "$tmp/summary.txt" "Samenvatting helpdeskgesprek" "Anna de Vries · Kwaliteitsregister Paramedici · Oefentherapie" \
      "Dispensatieregeling" "Herregistratie" "Je voldoet aan de criteria voor herregistratie." \
      "extra activiteit ‘Cursus valpreventie bij ouderen’ (40 punten, 15-10-2026)" "Vergelijking" "Belangrijke data (B · wat als)" \
      "Anna volgt de cursus valpreventie en dient vóór 01-02-2027 de herregistratie in." "Gaat de cursus niet door: dispensatie aanvragen." \
      "Besproken met Anna de Vries op 23-11-2026 · helpdesk: Piet Jansen" "Pagina 1 van 1" && ok || fail "summary PDF text"
  else fail "summary PDF: $(ls "$tmp"), pages $(pages "$pdf"), $(cat "$tmp/err")"; fi
else fail "compare --pdf exit non-zero: $(cat "$tmp/err")"; fi

# 4. Notes far longer than the page holds: printed whole, going on to a second page; and the
#    longest tables (not eligible against re-entry: every row differs), English, long names.
python3 -c 'print("Afspraak: geaccrediteerde scholing valpreventie boeken en het bewijs uploaden. " * 30)' > "$tmp/long.txt"
python3 -c 'print("\n".join("Regel %d van de afspraken." % i for i in range(1, 20)))' > "$tmp/lines.txt"
long_name="Wilhelmina van Oldenbarnevelt-Zuylestein de Vries"
for args in "nl $a $b long.txt" "en $tmp/kp-03-not-eligible.json $tmp/kp-05-reentry-group-2.json long.txt" \
            "en $tmp/kp-03-not-eligible.json $tmp/kp-05-reentry-group-2.json lines.txt" \
            "nl $tmp/kp-05-reentry-group-2.json $fixtures/whatif-kp-05-back-at-work.json lines.txt"; do
  set -- $args
  rm -f "$tmp/long.pdf"
  if "$herreg" compare --lang "$1" --pdf "$tmp/long.pdf" --notes "$tmp/$4" --member "$long_name" --advisor "$long_name" "$2" "$3" 2> "$tmp/err" &&
     [ "$(pages "$tmp/long.pdf")" -le 2 ]; then
    pdftotext "$tmp/long.pdf" "$tmp/long.txt.out"
    # The last words of the notes are there (pdftotext joins the wrapped lines with spaces).
    last=$(tail -c 60 "$tmp/$4" | tr -s ' \n' ' ' | sed 's/^[^ ]* //; s/ $//')
    tr -s ' \n' ' ' < "$tmp/long.txt.out" | grep -qF "$last" && ok || fail "long notes ($args): '$last' missing"
  else fail "long notes ($args): $(pages "$tmp/long.pdf") pages, $(cat "$tmp/err")"; fi
done

# 5. Without a what-if: the one-scenario summary (PDF only); whose dates with --dates a.
if "$herreg" compare --lang en --pdf "$tmp/one.pdf" --date 2026-11-23 "$a" 2>/dev/null && [ "$(pages "$tmp/one.pdf")" = 1 ]; then
  pdftotext "$tmp/one.pdf" "$tmp/one.txt"
  contains "$tmp/one.txt" "Helpdesk conversation summary" "Overview" "Dispensation scheme" "Proof of the plan due 20-10-2027" \
    "(no agreements noted)" && ! grep -q "B · what if" "$tmp/one.txt" && ok || fail "one-scenario summary"
else fail "one-scenario summary: exit or pages"; fi
"$herreg" compare --pdf "$tmp/chose-a.pdf" --dates a --date 2026-11-23 "$a" "$b" 2>/dev/null && pdftotext "$tmp/chose-a.pdf" "$tmp/chose-a.txt" &&
  contains "$tmp/chose-a.txt" "Belangrijke data (A · zoals ingevoerd)" "Bewijs uitvoering plan inleveren" && ok || fail "--dates a"

# 6. The same input and date give the same bytes; "--pdf -" writes them to stdout.
"$herreg" compare --pdf "$tmp/r1.pdf" --date 2026-11-23 --notes "$tmp/notes.txt" "$a" "$b" 2>/dev/null
"$herreg" compare --pdf - --date 2026-11-23 --notes "$tmp/notes.txt" "$a" "$b" 2>/dev/null > "$tmp/r2.pdf"
cmp -s "$tmp/r1.pdf" "$tmp/r2.pdf" && ok || fail "two renders differ (or --pdf - differs from --pdf FILE)"

# 7. A bad what-if: exit 1, one line naming the file and the field, nothing on stdout, no PDF.
python3 - "$b" "$tmp/bad-whatif.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["activities"][4]["date"] = "2026-02-30"
json.dump(p, open(sys.argv[2], "w"))
PY
for mode in "" "--json" "--pdf $tmp/bad.pdf"; do
  "$herreg" compare $mode "$a" "$tmp/bad-whatif.json" > "$tmp/out" 2> "$tmp/err"; code=$?
  [ "$code" -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q 'bad-whatif.json: activities\[4\].date: not a date: "2026-02-30"' "$tmp/err" &&
    [ ! -s "$tmp/out" ] && [ ! -e "$tmp/bad.pdf" ] && ok || fail "bad what-if ($mode): exit $code, $(cat "$tmp/err")"
done
"$herreg" compare "$a" "$tmp/missing.json" > /dev/null 2> "$tmp/err"; code=$?
[ "$code" -eq 1 ] && grep -q "missing.json: no such file" "$tmp/err" && ok || fail "missing what-if: exit $code, $(cat "$tmp/err")"

# 8. Wrong usage: exit 2.
for args in "" "$a" "--text --json $a $b" "--dates c $a $b" "--lang de $a $b" "--pdf - --json $a $b" "$a $b $a" "--bogus $a $b" "$a - --notes -"; do
  "$herreg" compare $args > /dev/null 2>&1 < /dev/null; code=$?
  [ "$code" -eq 2 ] && ok || fail "compare $args: exit $code, expected 2"
done

echo "compare: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
