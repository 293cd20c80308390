#!/usr/bin/env bash
# The test command, in two tiers (README, "Tests"):
#
#   bash scripts/test.sh          what every change must pass, in minutes: set-up, native build,
#                                 the CTest tests labelled `quick` (unit and rule cases, CLI,
#                                 bad-input table, forms and PDFs, the app's autosave through the
#                                 native platform), web build, the wasm suite, and every browser
#                                 test file with its tests marked [quick] (a slice chosen by risk)
#   bash scripts/test.sh --all    all of that with every test, then the native suite under
#                                 ASan+UBSan, the fuzzers ($HERREG_FUZZ_SECONDS, default 30 s
#                                 each) and the benchmarks (CTest label `bench`: batch
#                                 throughput, page size and first frame). CI runs this (.ci/run).
#
# Selection is by label, never by a list here: CTest LABELS (`quick`, `bench`), and the names of
# the browser tests (node --test --test-name-pattern '\[quick\]'; tests/browser/harness.mjs).
# Goes on after a failing stage where it can; exits non-zero if anything failed. Last line:
# "total: N passed, M failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs   # Emscripten's JS compiler needs Debian's acorn
export NO_COLOR=1                    # plain summary lines ("ℹ pass N") to count
unset FORCE_COLOR

tier=quick
case "${1:-}" in
  "") ;;
  --all) tier=all ;;
  *) echo "usage: bash scripts/test.sh [--all]" >&2; exit 2 ;;
esac

bash scripts/setup.sh || { echo "test: setup failed"; echo "total: 0 passed, 1 failed"; exit 1; }

passed=0
failed=0
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
began=$SECONDS
timings=()
failures=()   # "stage: test" for each failure, repeated above the total (CI shows only part of the log)

stage() { printf '\n== %s\n' "$*"; stage_began=$SECONDS; stage_name="$*"; }
stage_done() { timings+=("$(printf '%5d s  %s' $((SECONDS - stage_began)) "$stage_name")"); }
configure() {   # $1 = preset; configure output only shown when it fails
  cmake --preset "$1" >"$logs/configure-$1.log" 2>&1 || { cat "$logs/configure-$1.log"; return 1; }
}
build() {   # $1 = preset, then targets
  local preset="$1"; shift
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  configure "$preset" && cmake --build --preset "$preset" "${targets[@]}"
}

# Runs ctest with the given arguments and adds its counts.
run_ctest() {
  ctest --output-on-failure --no-tests=error "$@" 2>&1 | tee "$logs/ctest.log"
  local rc=${PIPESTATUS[0]} line nfail=0 ntotal
  line="$(grep -Eo '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$logs/ctest.log" | tail -n1)"
  if [ -n "$line" ]; then
    nfail="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+)/\1/' <<<"$line")"
    ntotal="$(sed -E 's/.* failed out of ([0-9]+)/\1/' <<<"$line")"
    passed=$((passed + ntotal - nfail)); failed=$((failed + nfail))
  fi
  if [ "$rc" -ne 0 ] && [ "$nfail" -eq 0 ]; then failed=$((failed + 1)); failures+=("$stage_name: ctest exit $rc"); fi
  local t
  while IFS= read -r t; do failures+=("$stage_name: $t"); done \
    < <(sed -nE 's/^[[:space:]]*[0-9]+ - (.*)$/\1/p' "$logs/ctest.log")
}

# Runs one browser test file on Node's test runner and adds its counts ("ℹ pass N" / "ℹ fail N").
run_browser_file() {
  local pattern=()
  [ "$tier" = quick ] && pattern=(--test-name-pattern='\[quick\]')
  node --test --test-reporter=spec "${pattern[@]}" "$1" 2>&1 | tee "$logs/browser.log"
  local rc=${PIPESTATUS[0]} p f
  p="$(grep -Eo '^(ℹ|#) pass [0-9]+' "$logs/browser.log" | tail -n1 | grep -Eo '[0-9]+$')"
  f="$(grep -Eo '^(ℹ|#) fail [0-9]+' "$logs/browser.log" | tail -n1 | grep -Eo '[0-9]+$')"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); failures+=("$stage_name: exit $rc"); fi
  local t
  if [ "${f:-0}" -gt 0 ]; then
    # The spec reporter repeats each failing test after "✖ failing tests:": keep its name and
    # the first lines of its error (not the stack), so CI's tail says why, not only what.
    while IFS= read -r t; do failures+=("$stage_name: $t"); done \
      < <(sed -n '/failing tests:/,$p' "$logs/browser.log" | awk '
            /failing tests:/ { next }
            /^[[:space:]]*✖ / { sub(/^[[:space:]]*✖ /, ""); print; n = 0; inside = 1; next }
            /^test at / { inside = 0; next }
            inside && n < 4 && $0 !~ /^[[:space:]]*(at |$)/ { sub(/^[[:space:]]+/, ""); print "    " substr($0, 1, 300); n++ }')
  fi
}

label=(-L quick)
[ "$tier" = all ] && label=(-LE bench)

# ---------------------------------------------------------------- native: core, CLI, app, CTest
stage "native build (cmake --preset native)"
if build native; then
  stage_done
  stage "native tests (ctest ${label[*]})"
  run_ctest --test-dir build/native -j2 "${label[@]}"
else
  echo "test: native build failed"; failed=$((failed + 1)); failures+=("$stage_name")
fi
stage_done

# ---------------------------------------------------------------- the page's own JavaScript, checked as JavaScript
# The platform's and the mirror's JS libraries, the PDF Worker's messages, the page scripts and the build's and
# developers' node scripts: a syntax error there shows
# only when Emscripten links or a browser runs them; here it is named with its line.
stage "JavaScript syntax (node --check src/platform/*.js src/pdf/*.js web/*.js cmake/*.mjs scripts/*.mjs)"
for js in src/platform/*.js src/pdf/*.js web/*.js cmake/*.mjs scripts/*.mjs; do
  if node --check "$js"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("node --check $js"); fi
done
stage_done

# ---------------------------------------------------------------- web: app, wasm suite, browser tests
stage "web build (cmake --preset web)"
web_ok=0
if build web; then
  web_ok=1
  stage_done
  # The same doctest suite, compiled by Emscripten (clang 14, libc++) and run by Node: the
  # browser computes with exactly this code.
  stage "wasm tests (ctest ${label[*]} in build/web)"
  run_ctest --test-dir build/web "${label[@]}"
  stage_done
  for t in tests/browser/*.test.mjs; do
    stage "browser ($tier): node --test $t"
    run_browser_file "$t"
    stage_done
  done
else
  echo "test: web build failed"; failed=$((failed + 1)); failures+=("$stage_name")
  stage_done
fi

if [ "$tier" = all ]; then
  # -------------------------------------------------------------- sanitizers: the native suite under ASan+UBSan
  stage "sanitizer build (cmake --preset sanitize: g++ -O1, ASan+UBSan)"
  if build sanitize; then
    stage_done
    stage "sanitizer tests (ctest --preset sanitize -LE bench)"
    run_ctest --preset sanitize -j2 -LE bench
  else
    echo "test: sanitizer build failed"; failed=$((failed + 1)); failures+=("$stage_name")
  fi
  stage_done

  # -------------------------------------------------------------- fuzzing: saved crashes, then N s per target
  stage "fuzz (scripts/fuzz.sh ${HERREG_FUZZ_SECONDS:-30})"
  bash scripts/fuzz.sh "${HERREG_FUZZ_SECONDS:-30}" 2>&1 | tee "$logs/fuzz.log"
  rc=${PIPESTATUS[0]}
  p="$(grep -Ec '^fuzz [a-z_]+: .*, clean$' "$logs/fuzz.log")"
  f="$(grep -Ec '^fuzz [a-z_]+: (CRASH|REGRESSION)' "$logs/fuzz.log")"
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
  [ "$rc" -ne 0 ] && failures+=("$stage_name: $(grep -E '^fuzz [a-z_]+: (CRASH|REGRESSION)' "$logs/fuzz.log" | tr '\n' ' ')")
  stage_done

  # -------------------------------------------------------------- benchmarks: figures, not verdicts
  # Each prints what it measured; it fails only when nothing could be measured.
  stage "benchmarks (ctest -L bench: herreg bench --batch, bench/page_bench.mjs)"
  if [ "$web_ok" -eq 1 ] && build web hello; then
    run_ctest --test-dir build/native -L bench --verbose
    run_ctest --test-dir build/web -L bench --verbose
  else
    echo "test: the benchmark page did not build (or the web build failed above)"; failed=$((failed + 1)); failures+=("$stage_name")
  fi
  stage_done
fi

echo
echo "== time per stage ($tier tier)"
printf '%s\n' "${timings[@]}"
printf '%5d s  in all\n' $((SECONDS - began))
echo
if [ "${#failures[@]}" -gt 0 ]; then
  echo "== what failed"
  printf '  %s\n' "${failures[@]}"
  echo
fi
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
