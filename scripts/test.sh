#!/usr/bin/env bash
# Everything CI runs: set-up, native build + unit/CLI tests (CTest), web build,
# browser tests, the native suite again under ASan+UBSan, and the fuzzers for
# $HERREG_FUZZ_SECONDS (default 30) each. Goes on after a failing stage where it can,
# and exits non-zero if anything failed. Last line: "total: N passed, M failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs   # Emscripten's JS compiler needs Debian's acorn

bash scripts/setup.sh || { echo "test: setup failed"; echo "total: 0 passed, 1 failed"; exit 1; }

passed=0
failed=0
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

stage() { printf '\n== %s\n' "$*"; }
configure() {   # $1 = preset; configure output only shown when it fails
  cmake --preset "$1" >"$logs/configure-$1.log" 2>&1 || { cat "$logs/configure-$1.log"; return 1; }
}

# ---------------------------------------------------------------- native: core, CLI, CTest
stage "native build (cmake --preset native)"
if configure native && cmake --build --preset native; then
  stage "native tests (ctest)"
  ctest --test-dir build/native --output-on-failure 2>&1 | tee "$logs/ctest.log"
  ctest_rc=${PIPESTATUS[0]}
  line="$(grep -Eo '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$logs/ctest.log" | tail -n1)"
  if [ -n "$line" ]; then
    nfail="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+)/\1/' <<<"$line")"
    ntotal="$(sed -E 's/.* failed out of ([0-9]+)/\1/' <<<"$line")"
    passed=$((passed + ntotal - nfail)); failed=$((failed + nfail))
  fi
  if [ "$ctest_rc" -ne 0 ] && { [ -z "$line" ] || [ "${nfail:-0}" -eq 0 ]; }; then failed=$((failed + 1)); fi
else
  echo "test: native build failed"; failed=$((failed + 1))
fi

# ---------------------------------------------------------------- web: app, wasm suite, browser tests
stage "web build (cmake --preset web)"
if configure web && cmake --build --preset web; then
  # The same doctest suite, compiled by Emscripten (clang 14, libc++) and run by Node:
  # the browser computes with exactly this code.
  stage "wasm tests (node build/web/tests/herreg_tests.js)"
  node --no-experimental-fetch build/web/tests/herreg_tests.js --no-colors=true 2>&1 | tee "$logs/wasm.log"
  rc=${PIPESTATUS[0]}
  if [ "$rc" -eq 0 ] && grep -q "Status: SUCCESS" "$logs/wasm.log"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  for t in tests/browser/smoke.mjs tests/browser/*.test.mjs; do
    [ -f "$t" ] || continue
    stage "browser: node $t"
    node "$t" 2>&1 | tee "$logs/browser.log"
    rc=${PIPESTATUS[0]}
    line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logs/browser.log" | tail -n1)"
    if [ -n "$line" ]; then
      p="${line%% passed*}"; f="${line#*passed, }"; f="${f%% failed*}"
      passed=$((passed + p)); failed=$((failed + f))
    fi
    if [ "$rc" -ne 0 ] && { [ -z "$line" ] || [ "${f:-0}" -eq 0 ]; }; then failed=$((failed + 1)); fi
  done
else
  echo "test: web build failed"; failed=$((failed + 1))
fi

# ---------------------------------------------------------------- sanitizers: the native suite under ASan+UBSan
stage "sanitizer build (cmake --preset sanitize: g++ -O1, ASan+UBSan)"
if configure sanitize && cmake --build --preset sanitize; then
  stage "sanitizer tests (ctest --preset sanitize)"
  ctest --preset sanitize 2>&1 | tee "$logs/ctest-sanitize.log"
  rc=${PIPESTATUS[0]}
  line="$(grep -Eo '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$logs/ctest-sanitize.log" | tail -n1)"
  nfail=0
  if [ -n "$line" ]; then
    nfail="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+)/\1/' <<<"$line")"
    ntotal="$(sed -E 's/.* failed out of ([0-9]+)/\1/' <<<"$line")"
    passed=$((passed + ntotal - nfail)); failed=$((failed + nfail))
  fi
  if [ "$rc" -ne 0 ] && [ "$nfail" -eq 0 ]; then failed=$((failed + 1)); fi
else
  echo "test: sanitizer build failed"; failed=$((failed + 1))
fi

# ---------------------------------------------------------------- fuzzing: saved crashes, then N s per target
stage "fuzz (scripts/fuzz.sh ${HERREG_FUZZ_SECONDS:-30})"
bash scripts/fuzz.sh "${HERREG_FUZZ_SECONDS:-30}" 2>&1 | tee "$logs/fuzz.log"
rc=${PIPESTATUS[0]}
p="$(grep -Ec '^fuzz [a-z_]+: .*, clean$' "$logs/fuzz.log")"
f="$(grep -Ec '^fuzz [a-z_]+: (CRASH|REGRESSION)' "$logs/fuzz.log")"
passed=$((passed + p)); failed=$((failed + f))
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi

echo
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
