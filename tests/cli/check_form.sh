#!/usr/bin/env bash
# `herreg form` end to end: for every scheme, the PDF made from a filled-in case is
# read back with pdftotext (poppler-utils) and must hold the applicant, the figures,
# the planned activities and the pre-check's verdict; an empty application must show
# its problems; the text version, the exit codes and the byte-for-byte repeatability.
# usage: check_form.sh HERREG_BINARY CASES_DIR
set -u
herreg=$(readlink -f "$1") cases=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

for tool in pdftotext pdfinfo pdftoppm; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool missing (poppler-utils; run scripts/setup.sh)"; exit 1; }
done

portfolio() {   # $1 = case stem -> $tmp/$1.json holding only the portfolio
  python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))["portfolio"], open(sys.argv[2], "w"), ensure_ascii=False)' \
    "$cases/$1.json" "$tmp/$1.json"
}

# contains FILE TEXT...: every TEXT occurs in FILE (pdftotext output in reading order, so a table
# cell wrapped over two lines reads as one; whitespace squeezed)
contains() {
  local file=$1; shift
  local flat missing=""
  flat=$(tr -s ' \n' '  ' < "$file")
  for t in "$@"; do
    case "$flat" in *"$t"*) ;; *) missing="$missing [$t]";; esac
  done
  [ -z "$missing" ] || { echo "  missing in $(basename "$file"):$missing"; return 1; }
}

# 1. Every scheme: a filled-in application gives a PDF an assessor can read, and the pre-check is green.
check_scheme() {   # $1 case stem, $2 expected file name, then texts that must be in the PDF
  local stem=$1 name=$2; shift 2
  portfolio "$stem"
  mkdir -p "$tmp/out-$stem"
  if ! "$herreg" form "$tmp/$stem.json" --out "$tmp/out-$stem" 2> "$tmp/err"; then
    fail "$stem: exit non-zero: $(cat "$tmp/err")"; return
  fi
  local pdf="$tmp/out-$stem/$name"
  [ -f "$pdf" ] || { fail "$stem: expected $name, got: $(ls "$tmp/out-$stem")"; return; }
  grep -q "controle: niets op te lossen" "$tmp/err" || { fail "$stem: pre-check not green: $(cat "$tmp/err")"; return; }
  pdfinfo "$pdf" > "$tmp/info" 2>&1 || { fail "$stem: pdfinfo cannot read it"; return; }
  grep -q "Page size: *595.* x 841.* pts (A4)" "$tmp/info" || { fail "$stem: not A4: $(grep 'Page size' "$tmp/info")"; return; }
  pdftotext "$pdf" "$tmp/$stem.txt" 2>/dev/null || { fail "$stem: pdftotext failed"; return; }
  local pages
  pages=$(awk '/^Pages:/ {print $2}' "$tmp/info")
  if contains "$tmp/$stem.txt" "Anna de Vries-Şahin" "Pagina 1 van $pages" "Pagina $pages van $pages" \
       "herreg vond niets dat de beoordelaars zouden terugsturen" "Ondertekening" "$@"; then ok
  else fail "$stem: PDF text incomplete"; fi
  # A page renders (poppler draws it without complaint).
  pdftoppm -r 40 -png -f 1 -l 1 "$pdf" "$tmp/page-$stem" 2> "$tmp/render.err" && [ ! -s "$tmp/render.err" ] && ok \
    || fail "$stem: pdftoppm: $(cat "$tmp/render.err")"
}
check_scheme kp-20-dispensation-application aanvraag-dispensatie-2026-11-22.pdf \
  "Aanvraag dispensatieregeling" "KP-1234567" "Ziekte" "01-03-2023 – 30-09-2024" "langdurig ziek (burn-out)" \
  "Valpreventie bij ouderen" "NPi Nederlands Paramedisch Instituut" "Intervisie oefentherapeuten" \
  "Nog te behalen punten 40" "01-12-2026 – 01-12-2027" "20-10-2027" "Punten totaal 160 120 40"
check_scheme kabiz-09-deferral-application aanvraag-herregistratie-met-uitstel-2026-11-22.pdf \
  "KABIZ-0098765" "Zwangerschap" "Training motiverende gespreksvoering" "Academie Gezond" "20-04-2028" "maximaal 18 maanden"
check_scheme kp-21-reentry-group-1-application aanvraag-herintreding-groep-1-2026-11-22.pdf \
  "Zelfevaluatie" "Wat kan ik?" "Supervisie en begeleiding" "Drs. P. Jansen" "KP-7654321" "Oefentherapie De Linde, Utrecht" \
  "738 uur" "Werkervaring (uren) 1.600 600 1.000"
check_scheme kp-22-reentry-group-2-application aanvraag-herintreding-groep-2-2026-11-22.pdf \
  "Herintredingscursus oefentherapie" "Hogeschool van Amsterdam" "Mantelzorg" "Scholingsplan" "Totaal waarvan 84 geaccrediteerd 140"
check_scheme kp-23-reentry-group-3-application aanvraag-herintreding-groep-3-2026-11-22.pdf \
  "Tussentijdse beoordeling 22-08-2027" "Eindbeoordeling 20-03-2028" "Supervisor beoordeelt tussentijds" "maximaal 18 maanden" "Kwaliteitskring"

# 2. An empty application: the PDF still comes out, and its last section lists what is missing.
portfolio kp-05-reentry-group-2
if "$herreg" form "$tmp/kp-05-reentry-group-2.json" --lang en --out "$tmp/empty.pdf" 2> "$tmp/err"; then
  pdftotext "$tmp/empty.pdf" "$tmp/empty.txt"
  if grep -q "pre-check: 16 items to resolve" "$tmp/err" && contains "$tmp/empty.txt" "Application: re-entry scheme, group 2" \
       "16 items to resolve before you file" "Fill in your name and your registration number." \
       "Your plan holds no planned activities yet." "(not filled in)" "Page 1 of"; then ok
  else fail "empty application: $(cat "$tmp/err")"; fi
else
  fail "empty application: exit non-zero: $(cat "$tmp/err")"
fi

# 3. The same input gives the same bytes (the browser's PDF is compared with these).
"$herreg" form "$tmp/kp-20-dispensation-application.json" --out "$tmp/a.pdf" 2>/dev/null
"$herreg" form "$tmp/kp-20-dispensation-application.json" --out - 2>/dev/null > "$tmp/b.pdf"
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" && ok || fail "two renders differ (or --out - differs from --out FILE)"

# 4. The text version holds the same content, on stdout.
if "$herreg" form --text "$tmp/kp-20-dispensation-application.json" > "$tmp/form.txt" 2>/dev/null &&
   contains "$tmp/form.txt" "Aanvraag dispensatieregeling" "[ok] Elke geplande activiteit heeft een titel, aanbieder, datum en punten." \
     "Valpreventie bij ouderen"; then ok
else fail "form --text"; fi

# 5. No scheme, no form: exit 1 with one line; bad input: exit 1 with one line naming the field; nothing written.
portfolio kp-01-reregistration
(cd "$tmp" && "$herreg" form "$tmp/kp-01-reregistration.json" > "$tmp/out" 2> "$tmp/err"); code=$?
[ "$code" -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "geen aanvraagformulier" "$tmp/err" && [ ! -s "$tmp/out" ] \
  && [ -z "$(ls "$tmp"/aanvraag-* 2>/dev/null)" ] && ok || fail "re-registration: exit $code, $(cat "$tmp/err")"
python3 - "$tmp/kp-20-dispensation-application.json" "$tmp/bad.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); p["application"]["supervision"] = {"hours": "veel"}
json.dump(p, open(sys.argv[2], "w"))
PY
"$herreg" form "$tmp/bad.json" --out "$tmp/bad.pdf" > /dev/null 2> "$tmp/err"; code=$?
[ "$code" -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "application.supervision.hours" "$tmp/err" && [ ! -e "$tmp/bad.pdf" ] \
  && ok || fail "bad application: exit $code, $(cat "$tmp/err")"
"$herreg" form > /dev/null 2>&1; [ $? -eq 2 ] && ok || fail "form without a file should exit 2"

echo "form: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
