// herreg bench: how long one assessment takes for a large portfolio
// (1,000 activities, 60 monthly hour entries). Prints figures; asserts nothing.
#include "assessment.h"
#include "cli_io.h"
#include "commands.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <iostream>

namespace herreg::cli {

namespace {

Portfolio large_portfolio(int activities = 1000) {
    Portfolio p;
    p.register_id = "kp";
    p.profession = "oefentherapie";
    p.check_date = Date{2026, 11, 22};
    p.registration.period_start = Date{2021, 12, 1};
    for (int i = 0; i < 60; ++i) {
        const Date from = add_months(Date{2021, 12, 1}, i);
        p.hours.push_back({std::nullopt, from, add_days(add_months(from, 1), -1), 30.0});
    }
    for (int i = 0; i < activities; ++i) {
        Activity a;
        a.date = add_days(Date{2021, 12, 1}, (i * 7) % 1820);
        a.title = "Activiteit " + std::to_string(i);
        a.provider = "Aanbieder";
        a.category = i % 2 ? "overige" : "bij_en_nascholing";
        a.points = 0.5;
        a.accredited = i % 3 == 0;
        p.activities.push_back(a);
    }
    return p;
}

}  // namespace

// herreg batch's throughput: JSON Lines of 100 activities each, read, assessed and written
// as CSV rows, single-threaded, against the target of 100,000 portfolios in 10 s.
int bench_batch(long lines) {
    const Rulebook book = load_rulebook(std::nullopt);
    nlohmann::json doc = portfolio_to_json(large_portfolio(100));
    doc["id"] = "member-1";
    const std::string line = doc.dump();
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    size_t bytes = 0;
    for (long i = 0; i < lines; ++i) bytes += batch_line(line, book, Date{2026, 11, 22}).size();
    const double s = std::chrono::duration<double>(clock::now() - t0).count();
    std::printf("bench: batch of %ld portfolios x 100 activities (%zu bytes a line): %.2f s, %.0f portfolios/s, %zu CSV bytes\n", lines,
                line.size(), s, lines / s, bytes);
    std::printf("bench: projected for 100,000: %.1f s on one core (target < 10 s)\n", s / double(lines) * 100000.0);
    return 0;
}

int command_bench(const Args& args) {
    int iterations = 2000;
    if (args.size() == 2 && args[0] == "--batch") return bench_batch(std::max(1L, std::atol(args[1].c_str())));
    if (args.size() == 2 && args[0] == "--iterations") iterations = std::max(1, std::atoi(args[1].c_str()));
    const Rulebook book = load_rulebook(std::nullopt);
    const Portfolio p = large_portfolio();
    const RuleSet& rs = book.for_portfolio(p);

    const std::string text = write_portfolio(p);
    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    size_t sink = 0;
    for (int i = 0; i < iterations; ++i) sink += assess(p, rs).criteria.size();
    auto t1 = clock::now();
    const int parse_iterations = std::max(1, iterations / 20);
    for (int i = 0; i < parse_iterations; ++i) sink += read_portfolio(text).activities.size();
    auto t2 = clock::now();

    const double assess_us = std::chrono::duration<double, std::micro>(t1 - t0).count() / iterations;
    const double parse_us = std::chrono::duration<double, std::micro>(t2 - t1).count() / parse_iterations;
    std::printf("bench: portfolio of %zu activities and %zu monthly hour entries\n", p.activities.size(), p.hours.size());
    std::printf("bench: assess             %8.1f us per portfolio (%d runs; target < 50 us)\n", assess_us, iterations);
    std::printf("bench: read JSON + model  %8.1f us per portfolio (%d runs, %zu bytes)\n", parse_us, parse_iterations, text.size());
    if (sink == 0) std::puts("");   // keeps the loops from being optimised away
    return 0;
}

}  // namespace herreg::cli
