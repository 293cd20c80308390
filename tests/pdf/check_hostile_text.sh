#!/usr/bin/env bash
# User text that tries to break or inject into a PDF, through the real CLI paths (the
# application form of `herreg form`, the helpdesk summary of `herreg compare --pdf`), read
# back with poppler: PDF syntax in a name (parentheses, backslashes, operators, "endobj",
# a JavaScript action), control characters, characters outside Latin-1 and outside the
# font (Hebrew, Arabic, bidi overrides, emoji), bytes that are not UTF-8, over-long words.
# Each must come out as text on the page (or as a stand-in '?'), never as PDF content:
# the file stays valid, has only the pages and objects it should, holds no user text in
# the clear (text is written as glyph ids), and every word stays inside the margins.
# usage: check_hostile_text.sh HERREG_BINARY CASES_DIR
set -u
herreg=$(readlink -f "$1") cases=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

for tool in pdftotext pdfinfo pdftoppm python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool missing (poppler-utils; run scripts/setup.sh)"; exit 1; }
done

# contains FILE TEXT...: every TEXT occurs in FILE, whitespace squeezed (wrapped lines read as one)
contains() {
  local file=$1; shift
  local flat missing=""
  flat=$(tr -s ' \n' '  ' < "$file")
  for t in "$@"; do
    case "$flat" in *"$t"*) ;; *) missing="$missing [$t]";; esac
  done
  [ -z "$missing" ] || { echo "  missing in $(basename "$file"):$missing"; return 1; }
}

# The structure every hostile PDF must keep: poppler reads and draws it without a word, it has
# exactly as many page objects as pages, no action, script, link or embedded file, and none
# of the user's ASCII markers in the clear.
unpacked() {   # $1 pdf -> its bytes, then each stream inflated (those that are Flate data)
  python3 - "$1" <<'PY'
import re, sys, zlib
data = open(sys.argv[1], "rb").read()
out = [data]
for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
    try:
        out.append(zlib.decompress(m.group(1)))
    except zlib.error:
        pass
sys.stdout.buffer.write(b"\n".join(out))
PY
}
check_structure() {   # $1 pdf, $2 expected pages ("" = any), $3 what
  local pdf=$1 want=$2 what=$3 pages objs
  pdfinfo "$pdf" > "$tmp/info" 2> "$tmp/info.err" || { fail "$what: pdfinfo cannot read it: $(cat "$tmp/info.err")"; return; }
  pages=$(awk '/^Pages:/ {print $2}' "$tmp/info")
  [ -z "$want" ] || [ "$pages" = "$want" ] && ok || fail "$what: $pages pages, expected $want"
  objs=$(grep -a -c -E '/Type /Page([^s]|$)' "$pdf")
  [ "$objs" = "$pages" ] && ok || fail "$what: $objs page objects for $pages pages"
  local warnings
  warnings=$(pdftotext "$pdf" /dev/null 2>&1)
  [ -z "$warnings" ] && ok || fail "$what: poppler warnings: $warnings"
  pdftoppm -r 30 -png -f 1 -l "$pages" "$pdf" "$tmp/page" 2> "$tmp/render.err" && [ ! -s "$tmp/render.err" ] && ok \
    || fail "$what: pdftoppm: $(cat "$tmp/render.err")"
  local found
  # The file's bytes and every Flate stream in it unpacked (content streams are compressed).
  found=$(unpacked "$pdf" | grep -a -o -E 'INJECTED|app\.alert|/JavaScript|/JS|/OpenAction|/AA|/Launch|/URI|/EmbeddedFile|/Annots|Tj ET BT' | sort -u | tr '\n' ' ')
  [ -z "$found" ] && ok || fail "$what: in the file's bytes: $found"
  # ... which says something only when the page text was unpacked: its font operators are there.
  unpacked "$pdf" | grep -a -q -E ' Tf$|/F[0-9]+ [0-9.]+ Tf' && ok || fail "$what: no text operators in its unpacked streams"
  # Every word inside the 50 pt side margins and above the footer (A4: 595.276 x 841.89).
  local outside
  outside=$(pdftotext -bbox "$pdf" - 2>/dev/null | awk -F'"' '/<word / {
      if ($2 < 49.5 || $6 > 595.276 - 49.5 || $8 > 841.89 - 30) print $0 }')
  [ -z "$outside" ] && ok || fail "$what: words outside the page body: $(head -c 400 <<<"$outside")"
}

# ---------------------------------------------------------------- the hostile portfolio
python3 - "$cases/kp-20-dispensation-application.json" "$tmp/hostile.json" "$tmp/notes.txt" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["portfolio"]
a = p["application"]
a["name"] = "Anna ) Tj ET BT /F1 72 Tf 100 700 Td (INJECTED) Tj ET \\ \\( Şahin-Łódź"
a["reasons"] = ("A\x01B\x07C\x1bD\x7fE\u0085F\u200bG\u00adH\ufeffI ziek.\n"
                + "Arbeidsongeschiktheid" * 60 + "\n"
                + "endstream endobj 9 0 obj << /Type /Action /S /JavaScript /JS (app.alert(1)) >> endobj %%EOF")
a["points_plan"] = "Rechts naar links: שלום مرحبا \u202eRLO\u202c emoji \U0001F600 einde."
acts = p["activities"]
acts[4]["title"] = "Cursus (1) \\ <</Type/Annots>> \u2018x\u2019 \u20ac ĳ ✓"
acts[4]["provider"] = "שלום עליכם"
acts[5]["title"] = "\U0001F600\U0001F600 Intervisie"
json.dump(p, open(sys.argv[2], "w"), ensure_ascii=False)
with open(sys.argv[3], "wb") as f:   # the helpdesk's notes: raw bytes, not all UTF-8
    f.write("Afspraak ) Tj ET (INJECTED) \\ \u00e9\u00e9n, ".encode() + b"caf\xe9 \xc3 \x01\x02\x1b[31m rood\n"
            + "שלום \U0001F600 klaar.\n".encode())
PY

# 1. The application form: hostile name, reasons, plan and activities.
if "$herreg" form "$tmp/hostile.json" --out "$tmp/form.pdf" 2> "$tmp/err"; then
  check_structure "$tmp/form.pdf" "" "form"
  pdftotext "$tmp/form.pdf" "$tmp/form.txt"
  # PDF syntax in the name is text on the page, character for character.
  contains "$tmp/form.txt" "Anna ) Tj ET BT /F1 72 Tf 100 700 Td (INJECTED) Tj ET \\ \\( Şahin-Łódź" \
    "Cursus (1) \\ <</Type/Annots>> ‘x’ € ĳ ✓" \
    "endstream endobj 9 0 obj << /Type /Action /S /JavaScript /JS (app.alert(1)) >> endobj %%EOF" && ok \
    || fail "form: PDF syntax not shown as text"
  # Control, zero-width, soft-hyphen and BOM characters are dropped; nothing else is lost.
  contains "$tmp/form.txt" "ABCDEFGHI ziek." && ok || fail "form: control characters"
  LC_ALL=C grep -q -P '[\x00-\x08\x0b\x0e-\x1f\x7f]' "$tmp/form.txt" && fail "form: a control character reached the text" || ok
  # Outside the font: one '?' per character, the rest of the text kept.
  contains "$tmp/form.txt" "Rechts naar links: ???? ????? ?RLO? emoji ? einde." "?? Intervisie" && ok \
    || fail "form: characters outside the font"
  python3 -c 'import re, sys; sys.exit(1 if re.search("[\u0590-\u06ff\u202a-\u202e\U0001F600]", open(sys.argv[1], encoding="utf-8").read()) else 0)' \
    "$tmp/form.txt" && ok || fail "form: RTL, bidi or emoji characters reached the text"
  # The over-long word is cut over lines, nothing of it lost: 60 times the word, in pieces.
  n=$(tr -d ' \n' < "$tmp/form.txt" | grep -o "Arbeidsongeschiktheid" | wc -l)
  [ "$n" -eq 60 ] && ok || fail "form: over-long word has $n of 60 parts"
  lines=$(grep -c "Arbeidsongeschiktheid" "$tmp/form.txt")
  [ "$lines" -gt 3 ] && ok || fail "form: over-long word on $lines lines (not cut?)"
else
  fail "form: exit non-zero: $(cat "$tmp/err")"
fi

# 2. The helpdesk summary: hostile member and advisor names, notes with bytes that are not UTF-8.
a=$tmp/hostile.json
if "$herreg" compare --pdf "$tmp/summary.pdf" --notes "$tmp/notes.txt" --date 2026-11-23 \
     --member "Bram ) Tj ET (INJECTED) \\ Ünal" --advisor "$(printf 'Piet\x01\x1b[0m \xe9 Jansen')" "$a" "$a" 2> "$tmp/err"; then
  check_structure "$tmp/summary.pdf" 1 "summary"
  pdftotext "$tmp/summary.pdf" "$tmp/summary.txt"
  contains "$tmp/summary.txt" "Bram ) Tj ET (INJECTED) \\ Ünal" "Afspraak ) Tj ET (INJECTED) \\ één, caf? ? [31m rood" \
    "?? ? klaar." "Piet[0m ? Jansen" && ok || fail "summary: hostile text not shown as text: $(tr -s ' \n' ' ' < "$tmp/summary.txt" | head -c 600)"
  LC_ALL=C grep -q -P '[\x00-\x08\x0b\x0e-\x1f\x7f]' "$tmp/summary.txt" && fail "summary: a control character reached the text" || ok
else
  fail "compare --pdf: exit non-zero: $(cat "$tmp/err")"
fi

echo "hostile-text: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
