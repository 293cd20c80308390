#!/usr/bin/env bash
# Fuzzing: builds the `fuzz` preset (clang 14, libFuzzer + ASan + UBSan), replays every saved
# crash in tests/fuzz/regressions/<target>/, then fuzzes each target for N seconds (default 30)
# from a copy of tests/fuzz/corpus/<target>/ (new corpus entries stay in a temporary folder:
# a run never writes into the repository). One line per target; exits non-zero on any crash.
#
#   bash scripts/fuzz.sh            # 30 s per target
#   bash scripts/fuzz.sh 600        # ten minutes per target, for a real hunt
#
# A crashing input is copied to tests/fuzz/regressions/<target>/ (under CI=true to
# build/fuzz/crashes/<target>/) and the sanitizer's report is printed. Fix the bug and keep the
# input in regressions/: it is replayed, not fuzzed, on every run after.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${1:-30}"
case "$seconds" in ''|*[!0-9]*) echo "usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2; exit 2 ;; esac
targets=(portfolio fast_reader rules csv_import share_link)
bin=build/fuzz/tests/fuzz

# Inputs longer than a real file of its kind only slow the search (the readers are linear);
# the share-link target needs room for a stored block of a few KB.
max_len() { case "$1" in rules) echo 32768 ;; portfolio|fast_reader) echo 16384 ;; *) echo 8192 ;; esac; }
# The tokens each kind of input is made of (tests/fuzz/*.dict): keys, ids, dates, separators.
dict() { case "$1" in portfolio|fast_reader) echo tests/fuzz/portfolio.dict ;; rules|csv_import) echo "tests/fuzz/$1.dict" ;; esac; }

# The sanitizers stop at the first problem; the symbolizer gives file:line in the report.
symbolizer="$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)"
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1${symbolizer:+:external_symbolizer_path=$symbolizer}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

log="$(mktemp)"
if ! { cmake --preset fuzz >"$log" 2>&1 && cmake --build --preset fuzz >>"$log" 2>&1; }; then
  tail -n 40 "$log"; rm -f "$log"
  echo "fuzz: build failed"; exit 1
fi
rm -f "$log"

# Where a crashing input is kept: in the repository for a developer (it becomes a regression
# case), in the build folder under CI (a CI run writes nothing into the checkout).
if [ "${CI:-}" = true ]; then keep=build/fuzz/crashes; else keep=tests/fuzz/regressions; fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0

for t in "${targets[@]}"; do
  # Saved crashes first: each must now run clean (libFuzzer runs the files once, no fuzzing).
  regressions=(tests/fuzz/regressions/"$t"/*)
  if [ -e "${regressions[0]}" ]; then
    if ! "$bin/fuzz_$t" -runs=1 "${regressions[@]}" >"$work/$t-regressions.log" 2>&1; then
      tail -n 30 "$work/$t-regressions.log"
      echo "fuzz $t: REGRESSION: a saved input in tests/fuzz/regressions/$t/ fails again"
      failed=1
      continue
    fi
  fi

  mkdir -p "$work/$t/corpus" "$work/$t/crashes"
  cp tests/fuzz/corpus/"$t"/* "$work/$t/corpus/"
  d="$(dict "$t")"
  "$bin/fuzz_$t" "$work/$t/corpus" -max_total_time="$seconds" -max_len="$(max_len "$t")" ${d:+-dict="$d"} \
      -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
      -artifact_prefix="$work/$t/crashes/" >"$work/$t.log" 2>&1
  rc=$?
  runs="$(grep -Eo '^stat::number_of_executed_units: *[0-9]+' "$work/$t.log" | grep -Eo '[0-9]+$' | tail -n1)"
  artifacts=("$work/$t/crashes"/*)
  if [ "$rc" -eq 0 ] && [ ! -e "${artifacts[0]}" ]; then
    echo "fuzz $t: ${runs:-?} runs, clean"
    continue
  fi
  failed=1
  grep -E 'ERROR|runtime error|property broken|#[0-9]+ 0x' "$work/$t.log" | head -n 25
  if [ -e "${artifacts[0]}" ]; then
    mkdir -p "$keep/$t"
    for a in "${artifacts[@]}"; do cp "$a" "$keep/$t/"; done
    echo "fuzz $t: CRASH after ${runs:-?} runs, saved to $keep/$t/$(basename "${artifacts[0]}")"
  else
    echo "fuzz $t: CRASH (exit $rc, no input saved); last lines:"; tail -n 15 "$work/$t.log"
  fi
done
exit "$failed"
