// herreg bench --batch N [--threads T]: the throughput of herreg batch on N generated
// members of 100 activities each, against the target of 100,000 in under 10 s.
// The lines go through run_batch, the code herreg batch runs, from a stream to a stream;
// only the file is left out (the lines are made on the fly, so 100,000 of 17 kB need no
// 1.7 GB on disk). Prints figures; asserts nothing.
#include "batch_runner.h"

#include "cli_io.h"
#include "portfolio/portfolio.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <istream>
#include <map>
#include <sstream>
#include <streambuf>
#include <sys/resource.h>

#include <nlohmann/json.hpp>

namespace herreg::cli {

namespace {

constexpr int kActivities = 100;
constexpr int kDistinctMembers = 512;   // the stream cycles through these, each line with its own id

// A small deterministic generator, the same on every machine.
struct Random {
    uint64_t state;
    uint32_t below(uint32_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return uint32_t((state >> 33) % n);
    }
    bool chance(int percent) { return below(100) < uint32_t(percent); }
    template <class T, size_t N>
    const T& pick(const T (&items)[N]) { return items[below(N)]; }
};

struct RegisterChoice {
    const char* register_id;
    const char* specialisation;   // nullptr: none
    const char* profession;
};

// Roughly how members spread over the registers: mostly KP, then KABIZ, VVOCM and NVvPO.
const RegisterChoice kRegisters[] = {
    {"kp", nullptr, "dietetiek"},        {"kp", nullptr, "logopedie"},
    {"kp", nullptr, "oefentherapie"},    {"kp", nullptr, "ergotherapie"},
    {"kp", nullptr, "podotherapie"},     {"kabiz", nullptr, "anders"},
    {"kabiz", nullptr, "anders"},        {"nvvpo", nullptr, "poh"},
    {"vvocm", "kinderoefentherapie", "oefentherapie"},
    {"vvocm", "bekkenoefentherapie", "oefentherapie"},
    {"vvocm", "geriatrieoefentherapie", "oefentherapie"},
    {"vvocm", "psychosomatische_oefentherapie", "oefentherapie"},
};

const char* const kTitles[] = {
    "Diëtetiek bij ouderen",          "Scholing \"Motorisch leren\"",  "Intervisie",
    "Congres Paramedici 2024",         "E-learning: privacy (AVG)",     "Refereeravond",
    "Cursus Engels – medisch",         "Werkgroep astma/COPD",          "Bekkenbodem & zwangerschap",
    "Kinderen met DCD",                "Supervisie stagiair",          "Nascholing valpreventie",
};
const char* const kProviders[] = {"NPi", "Hogeschool Utrecht", "Stichting Scholing & Zorg", "Avans+", "Eigen praktijk", "NHG"};
const char* const kCircumstances[] = {"illness", "pregnancy", "childcare_under_5", "informal_care", "own_business"};
const char* const kNvvpoKinds[] = {"werkgroep_astma_copd", "werkgroep_diabetes_cvrm", "projectgroep_integratie", "poh_overleg"};
const double kPoints[] = {0.5, 1, 1, 1.5, 2, 2, 2.5, 3, 4, 6};

// One member: a period of five years somewhere in 2020-2023, checked from eight months before
// its end to two months after; hours per year, month or free range, a few who stopped working;
// 100 activities spread over the period (some planned after the check date), points scaled so
// that some fall short.
Portfolio sample_member(Random& r) {
    const RegisterChoice& reg = r.pick(kRegisters);
    Portfolio p;
    p.register_id = reg.register_id;
    p.profession = reg.profession;
    if (reg.specialisation) p.specialisation = reg.specialisation;
    const Date start = add_months(Date{2020, 7, 1}, int(r.below(36)));
    p.registration.period_start = start;
    const Date end = add_years(start, 5);
    p.check_date = add_days(end, long(r.below(300)) - 240);
    if (r.chance(30)) p.circumstances.push_back(r.pick(kCircumstances));
    // Registers whose sources give no thresholds (KABIZ, three VVOCM specialisations): most
    // members fill them in, as the app asks them to; the rest stay undecided.
    const bool vvocm = p.register_id == "vvocm";
    if ((p.register_id == "kabiz" || (vvocm && p.specialisation != "kinderoefentherapie")) && r.chance(75)) {
        p.thresholds["hours"] = vvocm ? 800 : 1600;
        p.thresholds["points_total"] = vvocm ? 80 : 160;
        for (const char* id : {"points_bij_en_nascholing", "points_overige", "points_accredited"}) p.thresholds[id] = vvocm ? 20 : 40;
    }

    // Hours: 150-1,400 a year; 15% stopped working after one or two years, 4% did not work at all.
    const double per_year = r.chance(4) ? 0 : 150 + r.below(1250);
    const int years_worked = r.chance(15) ? 1 + int(r.below(2)) : 6;
    const Date worked_until = std::min(add_years(start, years_worked), *p.check_date);
    if (per_year > 0) switch (r.below(3)) {
        case 0:   // per calendar year
            for (int y = start.y; y <= worked_until.y; ++y) {
                const Date y_end{y, 12, 31};
                p.hours.push_back({y, Date{y, 1, 1}, y_end, double(int(per_year * (0.8 + r.below(40) / 100.0))), {}});
            }
            break;
        case 1:   // per month
            for (Date m = start; m < worked_until; m = add_months(m, 1))
                p.hours.push_back({std::nullopt, m, add_days(add_months(m, 1), -1), double(int(per_year / 12 * (0.7 + r.below(60) / 100.0))), {}});
            break;
        default:   // jobs of a few months to two years
            for (Date from = start; from < worked_until;) {
                const Date to = std::min(add_days(add_months(from, 3 + int(r.below(22))), -1), worked_until);
                const double share = double(days_between(from, to) + 1) / 365.0;
                p.hours.push_back({std::nullopt, from, to, double(int(per_year * share)), {}});
                from = add_days(to, 1);
            }
    }

    const double scale = 0.5 + r.below(100) / 100.0;
    const long period_days = days_between(start, end);
    for (int i = 0; i < kActivities; ++i) {
        Activity a;
        a.date = add_days(start, long(r.below(uint32_t(period_days))));
        a.title = r.pick(kTitles);
        if (r.chance(30)) a.title += " (deel " + std::to_string(1 + r.below(4)) + ")";
        a.provider = r.pick(kProviders);
        a.category = r.chance(65) ? "bij_en_nascholing" : p.register_id == "nvvpo" ? "dba" : "overige";
        if (a.category == "dba" && r.chance(60)) a.kind = r.pick(kNvvpoKinds);
        a.points = std::round(r.pick(kPoints) * scale * 4) / 4;
        a.accredited = r.chance(70);
        p.activities.push_back(std::move(a));
    }
    return p;
}

// The input: `lines` JSON Lines, member i's text with the id "member-<i>" in front.
class GeneratedLines : public std::streambuf {
public:
    GeneratedLines(const std::vector<std::string>& members, long lines) : members_(members), lines_(lines) {}

private:
    const std::vector<std::string>& members_;   // each without its opening '{'
    long lines_, next_ = 0;
    std::string current_;

    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (next_ == lines_) return traits_type::eof();
        current_ = "{\"id\":\"member-" + std::to_string(next_ + 1) + "\",";
        current_ += members_[size_t(next_) % members_.size()];
        current_ += '\n';
        ++next_;
        setg(current_.data(), current_.data(), current_.data() + current_.size());
        return traits_type::to_int_type(*gptr());
    }
};

// Schemes in the CSV (the fifth column), to show the members are not all alike.
std::map<std::string, long> count_schemes(const std::string& csv) {
    std::map<std::string, long> schemes;
    std::istringstream rows(csv);
    std::string row;
    std::getline(rows, row);   // header
    while (std::getline(rows, row)) {
        size_t at = 0;
        for (int comma = 0; comma < 4 && at != std::string::npos; ++comma) at = row.find(',', at + 1);
        if (at == std::string::npos) continue;
        const std::string scheme = row.substr(at + 1, row.find(',', at + 1) - at - 1);
        ++schemes[scheme.empty() ? "(undecided)" : scheme];
    }
    return schemes;
}

// User and system time of the whole process, all threads.
double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int bench_batch(const Args& args) {
    long lines = 0;
    unsigned threads = default_batch_threads();
    for (size_t i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == "--batch") lines = std::atol(args[i + 1].c_str());
        else if (args[i] == "--threads") threads = unsigned(std::max(1, std::atoi(args[i + 1].c_str())));
    }
    if (lines < 1 || args.size() % 2 != 0) {
        std::fputs("usage: herreg bench --batch N [--threads T]\n", stderr);
        return 2;
    }
    const Rulebook book = load_rulebook(std::nullopt);
    Random r{20261122};
    std::vector<std::string> members;
    size_t bytes = 0;
    for (int i = 0; i < kDistinctMembers; ++i) {
        members.push_back(portfolio_to_json(sample_member(r)).dump().substr(1));
        bytes += members.back().size() + 20;
    }
    GeneratedLines source(members, lines);
    std::istream in(&source);
    std::ostringstream out, err;
    BatchSettings settings;
    settings.threads = threads;
    settings.today = Date{2026, 11, 22};

    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const double cpu0 = cpu_seconds();
    const BatchCounts n = run_batch(in, out, err, book, settings);
    const double s = std::chrono::duration<double>(clock::now() - t0).count();
    const double cpu = cpu_seconds() - cpu0;

    std::printf("bench: batch of %ld portfolios x %d activities (%zu bytes a line on average; %d different members, 4 registers), %u thread%s\n",
                lines, kActivities, bytes / members.size(), kDistinctMembers, threads, threads == 1 ? "" : "s");
    std::printf("bench: %.2f s wall, %.0f portfolios/s, %ld rows, %ld bad lines\n", s, lines / s, n.good, n.bad);
    // The CPU time does not depend on what else the machine is doing; wall time does.
    std::printf("bench: %.2f s CPU on all threads, %.1f us a portfolio\n", cpu, cpu / double(lines) * 1e6);
    std::string spread;
    for (const auto& [scheme, count] : count_schemes(out.str()))
    {
        char share[32];
        std::snprintf(share, sizeof share, " %.1f%%", 100.0 * double(count) / double(std::max(1L, n.good)));
        spread += (spread.empty() ? "" : ", ") + scheme + share;
    }
    std::printf("bench: schemes: %s\n", spread.c_str());
    std::printf("bench: projected for 100,000: %.1f s with %u thread%s (target < 10 s)\n", s / double(lines) * 100000.0, threads,
                threads == 1 ? "" : "s");
    if (n.bad > 0) std::printf("bench: first bad line: %s", err.str().substr(0, err.str().find('\n') + 1).c_str());
    return n.bad == 0 ? 0 : 1;
}

}  // namespace herreg::cli
