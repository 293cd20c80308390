#!/usr/bin/env bash
# The PDF renderer end to end: render the synthetic form (pdf_render_check.cpp) and read it
# back with poppler. Usage: check_pdf.sh <pdf_render_check> [work dir]
set -euo pipefail

render=$1
work=${2:-$(mktemp -d)}
mkdir -p "$work"
pdf="$work/form.pdf"
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

"$render" "$pdf"
"$render" "$work/again.pdf"

info=$(pdfinfo -isodates "$pdf")
pages=$(awk '/^Pages:/ {print $2}' <<<"$info")
grep -q '^Page size: *595.276 x 841.89 pts (A4)' <<<"$info" && pass "A4 pages" || fail "page size is not A4: $(grep '^Page size' <<<"$info")"
[[ $pages -gt 1 ]] && pass "$pages pages" || fail "expected more than one page, got $pages"
grep -q '^Title: *Aanvraag dispensatieregeling$' <<<"$info" && pass "title in the document info" || fail "document info title"
grep -q '^Creator: *herreg$' <<<"$info" && pass "creator" || fail "document info creator"
# No zone in the file (D:20261122000000); poppler reads that as UTC.
grep -q '^CreationDate: *2026-11-22T00:00:00' <<<"$info" && pass "creation date from the document" || fail "creation date: $(grep '^CreationDate' <<<"$info")"

# poppler complains on stderr about malformed fonts or CMaps; there should be nothing.
warnings=$(pdftotext "$pdf" /dev/null 2>&1 || true)
[[ -z $warnings ]] && pass "poppler reads it without warnings" || fail "poppler warnings: $warnings"

page_text() { pdftotext -layout -f "$1" -l "$1" "$pdf" -; }
first=$(page_text 1)
second=$(page_text 2)
last=$(page_text "$pages")
all=$(pdftotext -layout "$pdf" -)

grep -q "Pagina 1 van $pages" <<<"$first" && pass "footer on page 1" || fail "no 'Pagina 1 van $pages' on page 1"
grep -q "Pagina $pages van $pages" <<<"$last" && pass "footer on the last page" || fail "no 'Pagina $pages van $pages' on the last page"
grep -q "herreg – berekening van 22-11-2026" <<<"$last" && pass "footer text" || fail "footer text missing"

# Unicode survives the trip through the fonts and the ToUnicode map.
grep -qF "Anna Šahin – café ‘x’ € ĳ ✓ ✗" <<<"$all" && pass "diacritics round-trip" || fail "diacritics string not found"
grep -qF "Łódź-laan 3" <<<"$all" && pass "Latin Extended-A" || fail "Łódź not found"
grep -qF 'Fysiotherapeut (algemeen) \ 100% praktijk' <<<"$all" && pass "( ) \\ % in user text" || fail "PDF-special characters mangled"

# The table: header on the page it starts and again on the next, last row and total present.
grep -qE "^ *Periode +Werkgever / praktijk +Uren +Deeltijd" <<<"$first" && pass "table header on page 1" || fail "table header not on page 1"
grep -qE "^ *Periode +Werkgever / praktijk +Uren +Deeltijd" <<<"$second" && pass "table header repeated on page 2" || fail "table header not repeated on page 2"
grep -qE "01-12-2025 +Laatste rij: Fysio Öztürk +160 +50%" <<<"$all" && pass "last table row" || fail "last table row missing"
grep -qE "Totaal +9\.030" <<<"$all" && pass "total row" || fail "total row missing"
rows=$(grep -cE "^ *01-[0-9]{2}-20[0-9]{2} " <<<"$all" || true)
[[ $rows -eq 60 ]] && pass "60 table rows" || fail "expected 60 table rows, found $rows"

# Wrapping and page breaks, from every word's box (points, y down): all text inside the
# 50 pt side margins, and nothing but the footer below the body (page height - 62).
outside=$(pdftotext -bbox "$pdf" - | awk -F'"' '/<word / {
        xmin = $2; ymin = $4; xmax = $6; ymax = $8
        if (xmin < 49.5 || xmax > 595.276 - 49.5 || (ymax > 841.89 - 61.5 && ymin < 841.89 - 50)) print
    }')
[[ -z $outside ]] && pass "all text within the margins, none in the footer zone" || fail "text outside the body: $outside"
grep -q "Arbeidsongeschiktheids" <<<"$all" && ! grep -q "Arbeidsongeschiktheids.*commissieleden" <<<"$all" \
    && pass "over-long word cut" || fail "over-long word not cut"
grep -qF "(niet ingevuld)" <<<"$all" && pass "empty answer" || fail "empty answer text missing"
grep -q "Te weinig uren in de referentieperiode" <<<"$all" && grep -q "Vraag dispensatie aan of vul de uren aan" <<<"$all" \
    && pass "checks with detail" || fail "check text missing"

# Same input, same bytes.
cmp -s "$pdf" "$work/again.pdf" && pass "two renders are byte-identical" || fail "two renders differ"

# A broken font is an exception with a message, not a crash.
message=$("$render" --wrap) && pass "wrapping: $message" || fail "wrapping a long word"
message=$("$render" --bad-font) && [[ $message == PDF:* ]] && pass "bad font: $message" || fail "bad font not reported"

size=$(stat -c %s "$pdf")
echo "size: $size bytes, $pages pages"
[[ $failures -eq 0 ]] || { echo "$failures check(s) failed" >&2; exit 1; }
