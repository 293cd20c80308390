// herreg bench: how long one assessment takes for a large portfolio
// (1,000 activities, 60 monthly hour entries), what share links cost, and how reading a rules
// file grows with its lists. Prints figures; asserts nothing.
#include "assessment/assessment.h"
#include "batch_runner.h"
#include "cli_io.h"
#include "commands.h"
#include "rules/embedded_rules.h"
#include "rules/rules.h"
#include "portfolio/samples.h"
#include "share/share_link.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

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
        p.hours.push_back({std::nullopt, from, add_days(add_months(from, 1), -1), 30.0, {}});
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

// Share links: how long the link gets (a figure, not a target) and what coding it costs.
void share_link_figures(const std::string& large_json) {
    const Sample* largest = nullptr;
    for (const Sample& s : samples())
        if (!largest || s.portfolio_json.size() > largest->portfolio_json.size()) largest = &s;
    using clock = std::chrono::steady_clock;
    const auto figure = [](const char* what, const std::string& json) {
        const auto t0 = clock::now();
        const std::string payload = encode_share_payload(json);
        const auto t1 = clock::now();
        const bool same = decode_share_payload(payload) == json;
        const auto t2 = clock::now();
        std::printf("bench: share link, %s: %zu bytes of JSON -> payload of %zu characters (%.0f%%); encode %.2f ms, decode %.2f ms%s\n", what,
                    json.size(), payload.size(), 100.0 * double(payload.size()) / double(json.size()),
                    std::chrono::duration<double, std::milli>(t1 - t0).count(), std::chrono::duration<double, std::milli>(t2 - t1).count(),
                    same ? "" : " (ROUND TRIP FAILED)");
    };
    if (largest) figure(("largest sample " + largest->name).c_str(), write_portfolio(read_portfolio(largest->portfolio_json, ReadMode::draft)));
    figure("the portfolio above", large_json);
}

// Reading a rules file whose lists are long (the app accepts files up to 5 MB): a register's
// file with N more professions, N more categories and N kinds, one per new category. Each
// doubling of N should about double the time; quadratic look-ups made it four times.
void rules_loading_figures() {
    const RulesFile* base = nullptr;
    for (const RulesFile& f : embedded_rules_files())
        if (!base || f.text.size() < base->text.size()) base = &f;
    if (!base) return;
    using clock = std::chrono::steady_clock;
    double previous = 0;
    for (int n : {2500, 5000, 10000, 20000}) {   // 20,000 of each: about 300,000 values, 3 MB
        nlohmann::json doc = nlohmann::json::parse(base->text);
        for (int i = 0; i < n; ++i) {
            const std::string id = std::to_string(i);
            const nlohmann::json name = {{"nl", "Naam " + id}, {"en", "Name " + id}};
            doc["professions"].push_back({{"id", "beroep_" + id}, {"name", name}});
            doc["categories"].push_back({{"id", "categorie_" + id}, {"name", name}});
            doc["kinds"].push_back({{"id", "soort_" + id}, {"name", name}, {"category", "categorie_" + id}});
        }
        const std::string text = doc.dump();
        const auto t0 = clock::now();
        const RuleSet rs = load_rules(text, base->name);
        const double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
        std::printf("bench: rules file, %s + %d professions, categories and kinds: %.1f MB read in %.0f ms%s (%zu kinds)\n",
                    base->name.c_str(), n, double(text.size()) / 1e6, ms,
                    previous > 0 ? (", x" + std::to_string(ms / previous).substr(0, 4) + " for twice as many").c_str() : "",
                    rs.kinds.size());
        previous = ms;
    }
}

}  // namespace

int command_bench(const Args& args) {
    int iterations = 2000;
    if (std::find(args.begin(), args.end(), "--batch") != args.end()) return bench_batch(args);   // bench_batch.cpp
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
    share_link_figures(text);
    rules_loading_figures();
    if (sink == 0) std::puts("");   // keeps the loops from being optimised away
    return 0;
}

}  // namespace herreg::cli
