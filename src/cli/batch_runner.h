// herreg batch's engine: JSON Lines in, CSV rows out, on several threads. Used by
// `herreg batch` and by `herreg bench --batch`, so the benchmark times the real thing.
#pragma once
#include "batch_csv.h"
#include "dates/civil_date.h"
#include "commands.h"
#include "rules/rulebook.h"

#include <iosfwd>

namespace herreg::cli {

struct BatchSettings {
    unsigned threads = 1;   // workers that assess; reading and writing stay on the calling thread
    bool progress = false;  // "\rherreg batch: N lines" on `err` every 5,000 lines
    Date today;             // check_date of portfolios without one
    BatchFormat format;     // --lang nl, --excel, --keep
    bool sort_urgency = false;   // --sort urgency: bad lines first, then the fewest days left
};

struct BatchCounts {
    long good = 0, bad = 0, empty = 0, duplicates = 0;
};

// Writes the CSV header and a row per registration of every line that is not empty to `out`
// (a bad line's row has its id when it was readable and says what is wrong), and "herreg batch:
// line N (id X): why" per bad line to `err`; a row whose id came on an earlier line says which.
// Whatever the number of threads, rows and messages come in input order (or, sorted, in one
// order), byte for byte as one thread would write them.
BatchCounts run_batch(std::istream& in, std::ostream& out, std::ostream& err, const Rulebook& book, const BatchSettings& settings);

// All cores unless told otherwise (`--threads N`).
unsigned default_batch_threads();

// herreg bench --batch N [--threads T]: generated members through run_batch.
int bench_batch(const Args& args);

}  // namespace herreg::cli
