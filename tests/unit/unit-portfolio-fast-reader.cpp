// The batch's fast portfolio reader against the ordinary one: whenever the fast reader
// returns a portfolio, the ordinary reader must accept the same text and return the same
// portfolio. On every case file, on edge values one by one, and on thousands of damaged texts.
#include "portfolio_fast_reader.h"
#include "test_support.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>

using namespace herreg;
namespace fs = std::filesystem;

namespace {

// The portfolio as canonical JSON text, or "" when the reader refuses the text.
std::string ordinary(std::string_view text) {
    try {
        return portfolio_to_json(read_portfolio(text)).dump();
    } catch (const std::exception&) {
        return "";
    }
}
std::string fast(std::string_view text) {
    const auto p = read_complete_portfolio_fast(text);
    return p ? portfolio_to_json(*p).dump() : "";
}

// The promise: fast gives up, or gives exactly what the ordinary reader gives.
// Returns whether the fast reader took the text.
bool check_agrees(const std::string& text) {
    const std::string f = fast(text);
    if (f.empty()) return false;
    const std::string o = ordinary(text);
    CHECK_MESSAGE(f == o, "text: " << text << "\nfast:     " << f << "\nordinary: " << (o.empty() ? "(refused)" : o));
    return true;
}

std::vector<nlohmann::json> case_portfolios() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(HERREG_CASES_DIR))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<nlohmann::json> out;
    for (const auto& f : files) out.push_back(nlohmann::json::parse(test::read_text_file(f.string())).at("portfolio"));
    return out;
}

const char* kOne = R"({"format":"herreg-portfolio/1","register":"kp","check_date":"2026-11-22","id":"m-1",
  "registration":{"initial":true,"period_start":"2021-12-01"},
  "hours":[{"year":2022,"hours":420}],
  "activities":[{"date":"2022-03-01","title":"Cursus","provider":"Y","category":"overige","kind":null,"points":10,"accredited":true}]})";

// kOne with the first `from` replaced by `to`.
std::string one_with(const std::string& from, const std::string& to) {
    std::string s = kOne;
    const size_t at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the fast reader reads the case files as the ordinary reader does") {
    int taken = 0, total = 0;
    for (nlohmann::json p : case_portfolios()) {
        for (int variant = 0; variant < 3; ++variant) {
            if (variant == 2) p["id"] = "member-" + std::to_string(total);
            ++total;
            if (check_agrees(variant == 1 ? p.dump(2) : p.dump())) ++taken;
        }
    }
    // Only the cases with an application or a deliberate error are left to the ordinary reader.
    CHECK(total >= 60);
    CHECK(taken * 3 >= total * 2);
}

TEST_CASE("the fast reader takes plain input and gives up on the rest") {
    CHECK(check_agrees(kOne));
    // Taken, and the same as the ordinary reader's result.
    for (const auto& change : std::vector<std::pair<std::string, std::string>>{
             {"\"Cursus\"", R"("Di\u00ebtetiek \ud83d\ude00 \"x\" \\ \/ \b\f\n\r\t")"},
             {"\"Cursus\"", "\"Di\xC3\xABtetiek \xE2\x82\xAC \xF0\x9F\x98\x80\""},
             {"\"Cursus\"", "null"},
             {"\"points\":10", "\"points\":0.1"},
             {"\"points\":10", "\"points\":12.345678901234567"},
             {"\"points\":10", "\"points\":1.5e1"},
             {"\"points\":10", "\"points\":1000"},
             {"\"points\":10", "\"points\":0"},
             {"\"year\":2022", "\"year\":2022.0"},
             {"\"hours\":420", "\"hours\":8760"},
             {"\"id\":\"m-1\"", "\"id\":1002"},
             {"\"id\":\"m-1\"", "\"id\":true,\"note\":null"},
             {"\"kind\":null", "\"kind\":\"x\""},
             {"\"accredited\":true", "\"accredited\":null"},
             {"\"check_date\":\"2026-11-22\"", "\"check_date\":null,\"application\":null,\"thresholds\":{\"hours\":null,\"points_total\":100}"},
             {"{\"year\":2022,\"hours\":420}", "{\"from\":\"2023-01-01\",\"to\":\"2023-01-01\",\"hours\":24}"},
             {"\"initial\":true,", "\"initial\":false,\"period_end\":null,"},
             {"\"register\":\"kp\"", "\"register\":\"kp\",\"circumstances\":[\"illness\",\"illness\",\"other\"]"},
         })
        CHECK_MESSAGE(check_agrees(one_with(change.first, change.second)), change.second);

    // Not taken: the ordinary reader refuses these, or only it knows how they read.
    for (const auto& change : std::vector<std::pair<std::string, std::string>>{
             {"\"points\":10", "\"points\":-0"},
             {"\"points\":10", "\"points\":1000.01"},
             {"\"points\":10", "\"points\":1e400"},
             {"\"points\":10", "\"points\":01"},
             {"\"points\":10", "\"points\":\"10\""},
             {"\"points\":10", "\"points\":null"},
             {"\"year\":2022", "\"year\":2022.5"},
             {"\"year\":2022", "\"year\":1899"},
             {"\"hours\":420", "\"hours\":8761"},
             {"\"date\":\"2022-03-01\"", "\"date\":\"2022-02-30\""},
             {"\"date\":\"2022-03-01\"", "\"date\":\"2022\\u002d03-01\""},
             {"\"Cursus\"", "\"\\ud83d\""},
             {"\"Cursus\"", "\"\\ude00\""},
             {"\"Cursus\"", "\"\xC0\xAF\""},
             {"\"Cursus\"", "\"\xED\xA0\x80\""},
             {"\"Cursus\"", "\"a\tb\""},
             {"\"Cursus\"", "\"" + std::string(501, 'x') + "\""},
             {"\"title\"", "\"title\":\"a\",\"title\""},
             {"\"id\":\"m-1\"", "\"id\":\"m-1\",\"id\":\"m-2\""},
             {"\"id\":\"m-1\"", "\"id\":-5"},
             {"\"id\":\"m-1\"", "\"id\":{\"a\":1}"},
             {"\"kind\":null", "\"kind\":null,\"note\":1"},
             {"\"category\":\"overige\"", "\"category\":null"},
             {"\"format\":\"herreg-portfolio/1\"", "\"format\":\"herreg-portfolio/2\""},
             {"\"register\":\"kp\"", "\"register\":\"\""},
             {"\"register\":\"kp\"", "\"register\":\"kp\",\"circumstances\":[\"tired\"]"},
             {"\"register\":\"kp\"", "\"register\":\"kp\",\"application\":{}"},
             // Format 2 goes the ordinary way, which checks it (a list, registrations it knows).
             {"\"register\":\"kp\"", "\"register\":\"kp\",\"other_registrations\":\"x\""},
             {"\"register\":\"kp\"", "\"register\":\"kp\",\"other_registrations\":null"},
             {"\"kind\":null", "\"kind\":null,\"for\":[\"kp\"]"},
             {"\"period_start\":\"2021-12-01\"", "\"period_start\":null"},
             {"\"initial\":true,", "\"initial\":true,\"period_end\":\"2021-12-01\","},
             {"{\"year\":2022,\"hours\":420}", "{\"year\":2022,\"from\":null,\"hours\":420}"},
             {"{\"year\":2022,\"hours\":420}", "{\"from\":\"2023-02-01\",\"to\":\"2023-01-01\",\"hours\":1}"},
             {"{\"year\":2022,\"hours\":420}", "{\"year\":2022,\"hours\":420,}"},
             {"}]}", "}]}x"},
             {"}]}", std::string("}]}\0", 4)},
         })
        CHECK_MESSAGE(fast(one_with(change.first, change.second)).empty(), change.second);
    CHECK(fast("").empty());
    CHECK(fast("[]").empty());
    CHECK(fast("\xEF\xBB\xBF" + std::string(kOne)).empty());
}

TEST_CASE("the fast reader agrees with the ordinary reader on damaged texts") {
    // Deterministic damage: replace, insert or delete a byte, or change a digit, one to three times.
    static const char kBytes[] = "\"\\,:{}[]09-.eEnu tf\x7f\xc3\xa9\xed\xa0\xff\x01";
    uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&](uint64_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return (state >> 33) % n;
    };
    std::vector<std::string> bases = {kOne};
    const auto cases = case_portfolios();
    for (size_t i = 0; i < cases.size(); i += 5) {
        nlohmann::json p = cases[i];
        p["id"] = 7;
        bases.push_back(p.dump());
    }
    int taken = 0, tried = 0;
    for (const std::string& base : bases) {
        for (int round = 0; round < 600; ++round) {
            std::string s = base;
            const int changes = 1 + int(next(3));
            for (int c = 0; c < changes && !s.empty(); ++c) {
                const size_t at = next(s.size());
                switch (next(4)) {
                    case 0: s[at] = kBytes[next(sizeof kBytes - 1)]; break;
                    case 1: s.insert(at, 1, kBytes[next(sizeof kBytes - 1)]); break;
                    case 2: s.erase(at, 1); break;
                    default: {
                        const size_t digit = s.find_first_of("0123456789", at);
                        if (digit != std::string::npos) s[digit] = char('0' + next(10));
                    }
                }
            }
            ++tried;
            if (check_agrees(s)) ++taken;
        }
    }
    // Enough of the damaged texts are still taken for the comparison to mean something.
    CHECK(taken * 20 >= tried);
    MESSAGE("fast reader took " << taken << " of " << tried << " damaged texts");
}
