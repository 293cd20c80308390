// The fast reader mirrors portfolio_json.cpp (ReadMode::complete) rule for rule, but it never
// explains: every check that would throw there is a plain `return false` here, and the
// caller falls back to the ordinary reader for the message. When the two disagree, the
// ordinary reader is right; tests/unit/unit-portfolio-fast-reader.cpp compares them on every
// case file and on thousands of damaged variants.
#include "portfolio_fast_reader.h"

#include "text/utf8_text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

namespace herreg {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Seen-flags for an object's keys: a duplicate key is left to the ordinary reader.
struct Seen {
    uint32_t bits = 0;
    bool first(int i) {
        const uint32_t bit = uint32_t(1) << i;
        if (bits & bit) return false;
        bits |= bit;
        return true;
    }
    bool has(int i) const { return bits & (uint32_t(1) << i); }
};

class FastReader {
public:
    explicit FastReader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    bool read(Portfolio& out) {
        if (!portfolio(out)) return false;
        skip_ws();
        return p_ == end_;
    }

private:
    const char* p_;
    const char* end_;

    // --- JSON tokens -------------------------------------------------------------------

    void skip_ws() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }
    bool next_is(char c) {
        skip_ws();
        return p_ < end_ && *p_ == c;
    }
    bool eat(char c) {
        if (!next_is(c)) return false;
        ++p_;
        return true;
    }
    bool eat_word(std::string_view w) {
        skip_ws();
        if (size_t(end_ - p_) < w.size() || std::memcmp(p_, w.data(), w.size()) != 0) return false;
        p_ += w.size();
        return true;
    }
    // `null` is next (and eaten): the field keeps its default, as the getters' "absent or null".
    bool null_next() { return next_is('n') && eat_word("null"); }

    // A string of printable ASCII without escapes (keys, dates): a view into the text.
    bool plain_string(std::string_view& out) {
        if (!eat('"')) return false;
        const char* start = p_;
        while (p_ < end_) {
            const unsigned char c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                out = std::string_view(start, size_t(p_ - start));
                ++p_;
                return true;
            }
            if (c < 0x20 || c >= 0x80 || c == '\\') return false;
            ++p_;
        }
        return false;
    }

    bool hex4(uint32_t& out) {
        if (end_ - p_ < 4) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *p_++;
            out <<= 4;
            if (is_digit(c)) out |= uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f') out |= uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= uint32_t(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    // Any JSON string, decoded; invalid UTF-8 and lone surrogates are refused, as nlohmann does.
    bool text(std::string& out) {
        if (!eat('"')) return false;
        out.clear();
        for (;;) {
            const char* run = p_;   // copy runs of plain bytes in one go
            while (p_ < end_) {
                const unsigned char c = static_cast<unsigned char>(*p_);
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
                ++p_;
            }
            out.append(run, size_t(p_ - run));
            if (p_ == end_) return false;
            const unsigned char c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20) return false;
            if (c >= 0x80) {
                // Table 3-7, what nlohmann/json accepts.
                const size_t n = utf8_sequence_length(std::string_view(p_, size_t(end_ - p_)), 0);
                if (n == 0) return false;
                out.append(p_, n);
                p_ += n;
                continue;
            }
            if (end_ - p_ < 2) return false;   // a backslash
            const char e = p_[1];
            p_ += 2;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        uint32_t low = 0;
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
                        p_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    utf8_append(out, char32_t(cp));
                    break;
                }
                default: return false;
            }
        }
    }

    // A number token by JSON's grammar, without a minus: no field takes a negative number,
    // and "-0" would be -0.0 here but 0 there (nlohmann reads it as an integer).
    bool number_token(std::string_view& token, bool& integer) {
        skip_ws();
        const char* start = p_;
        if (p_ == end_ || !is_digit(*p_)) return false;
        if (*p_ == '0') ++p_;
        else while (p_ < end_ && is_digit(*p_)) ++p_;
        integer = true;
        if (p_ < end_ && *p_ == '.') {
            integer = false;
            ++p_;
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ < end_ && is_digit(*p_)) ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            integer = false;
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ < end_ && is_digit(*p_)) ++p_;
        }
        token = std::string_view(start, size_t(p_ - start));
        return true;
    }

    // The same double nlohmann gives (an integer converted, or strtod of the token): up to 15
    // digits and no exponent, digits / 10^k is exact division of exact numbers, so it rounds
    // the same way strtod does; anything longer goes to strtod itself.
    bool number(double& out) {
        std::string_view t;
        bool integer = false;
        if (!number_token(t, integer)) return false;
        static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        if (t.size() <= 16 && t.find_first_of("eE") == std::string_view::npos) {
            uint64_t digits = 0;
            int count = 0, decimals = -1;
            for (char c : t) {
                if (c == '.') {
                    decimals = 0;
                    continue;
                }
                digits = digits * 10 + uint64_t(c - '0');
                ++count;
                if (decimals >= 0) ++decimals;
            }
            if (count <= 15) {
                out = decimals > 0 ? double(digits) / kPow10[decimals] : double(digits);
                return true;
            }
        }
        char buf[64];
        if (t.size() >= sizeof buf) return false;
        std::memcpy(buf, t.data(), t.size());
        buf[t.size()] = '\0';
        char* stop = nullptr;
        out = std::strtod(buf, &stop);
        return stop == buf + t.size();   // a locale with a decimal comma: leave it to nlohmann
    }

    // as_number's rule: finite and inside [min, max].
    bool number_in(double& out, double min, double max) { return number(out) && std::isfinite(out) && out >= min && out <= max; }

    bool boolean(bool& out) {
        if (next_is('t')) return out = true, eat_word("true");
        if (next_is('f')) return out = false, eat_word("false");
        return false;
    }

    bool date(Date& out) {
        std::string_view s;
        if (!plain_string(s)) return false;
        const auto d = parse_date(s);
        if (!d) return false;
        out = *d;
        return true;
    }
    bool optional_date(std::optional<Date>& out) {
        if (null_next()) return true;
        Date d;
        if (!date(d)) return false;
        out = d;
        return true;
    }
    bool optional_text(std::optional<std::string>& out) {
        if (null_next()) return true;
        out.emplace();
        return text(*out);
    }

    // Calls `member(key)` for each key of an object; `member` reads the value.
    template <class F>
    bool object(F&& member) {
        if (!eat('{')) return false;
        if (eat('}')) return true;
        do {
            std::string_view key;
            if (!plain_string(key) || !eat(':') || !member(key)) return false;
        } while (eat(','));
        return eat('}');
    }
    template <class F>
    bool array(F&& item) {
        if (!eat('[')) return false;
        if (eat(']')) return true;
        do {
            if (!item()) return false;
        } while (eat(','));
        return eat(']');
    }

    // --- the portfolio -----------------------------------------------------------------

    bool registration(Registration& r) {
        Seen seen;
        const bool ok = object([&](std::string_view key) {
            if (key == "initial") return seen.first(0) && (null_next() || boolean(r.initial));
            if (key == "period_start") return seen.first(1) && optional_date(r.period_start);
            if (key == "period_end") return seen.first(2) && optional_date(r.period_end);
            return false;   // the ordinary reader ignores other keys; leave them to it
        });
        return ok && !(r.period_start && r.period_end && *r.period_end <= *r.period_start);
    }

    bool circumstances(std::vector<std::string>& out) {
        const auto& known = known_circumstances();
        return array([&] {
            std::string c;
            if (!text(c) || std::find(known.begin(), known.end(), c) == known.end()) return false;
            if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
            return true;
        });
    }

    bool thresholds(std::map<std::string, std::optional<double>>& out) {
        return object([&](std::string_view key) {
            const auto [slot, first] = out.try_emplace(std::string(key));
            if (!first) return false;
            double x = 0;
            if (null_next()) return true;
            if (!number_in(x, 0, 100000)) return false;
            slot->second = x;
            return true;
        });
    }

    // read_hours: a calendar year, or a from/to range; the hours at most 24 a day.
    bool hours_entry(HoursEntry& h) {
        Seen seen;
        std::optional<double> year, hours;
        std::optional<Date> from, to;
        const bool ok = object([&](std::string_view key) {
            if (key == "year") {
                if (!seen.first(0)) return false;
                double y = 0;
                if (null_next()) return true;
                if (!number(y)) return false;
                year = y;
                return true;
            }
            if (key == "from") return seen.first(1) && optional_date(from);
            if (key == "to") return seen.first(2) && optional_date(to);
            if (key == "hours") {
                double x = 0;
                if (!seen.first(3) || !number(x)) return false;
                hours = x;
                return true;
            }
            return false;
        });
        if (!ok || !hours) return false;
        const bool has_range = seen.has(1) || seen.has(2);   // a key, even with null, as find_member
        if (year) {
            const double y = *year;
            if (has_range || !std::isfinite(y) || y < 1900 || y > 2200 || y != double(int(y))) return false;
            h.year = int(y);
            h.from = Date{*h.year, 1, 1};
            h.to = Date{*h.year, 12, 31};
        } else {
            if (!from || !to || *to < *from) return false;
            h.from = *from;
            h.to = *to;
        }
        const double days = std::max(1.0, double(days_between(h.from, h.to) + 1));
        if (!std::isfinite(*hours) || *hours < 0 || *hours > days * kMaxHoursPerDay) return false;
        h.hours = *hours;
        return true;
    }

    bool activity(Activity& a) {
        Seen seen;
        std::optional<std::string> title, provider;
        const bool ok = object([&](std::string_view key) {
            if (key == "date") return seen.first(0) && date(a.date);
            if (key == "title") return seen.first(1) && optional_text(title) && !(title && title->size() > kMaxActivityText);
            if (key == "provider") return seen.first(2) && optional_text(provider) && !(provider && provider->size() > kMaxActivityText);
            if (key == "category") return seen.first(3) && text(a.category);
            if (key == "kind") return seen.first(4) && optional_text(a.kind);
            if (key == "points") return seen.first(5) && number_in(a.points, 0, kMaxPointsPerActivity);
            if (key == "accredited") return seen.first(6) && (null_next() || boolean(a.accredited));
            return false;
        });
        // date, category and points are required (null there is "missing").
        if (!ok || !seen.has(0) || !seen.has(3) || !seen.has(5)) return false;
        a.title = title ? std::move(*title) : std::string();
        a.provider = provider ? std::move(*provider) : std::string();
        return true;
    }

    // An unknown top-level field goes to `extra` as it is; only plain scalars here.
    bool extra_value(nlohmann::json& out) {
        if (null_next()) {
            out = nullptr;
            return true;
        }
        if (next_is('"')) {
            std::string s;
            if (!text(s)) return false;
            out = std::move(s);
            return true;
        }
        if (next_is('t') || next_is('f')) {
            bool b = false;
            if (!boolean(b)) return false;
            out = b;
            return true;
        }
        std::string_view t;
        bool integer = false;
        if (!number_token(t, integer) || !integer || t.size() > 18) return false;   // nlohmann: an unsigned integer
        uint64_t n = 0;
        for (char c : t) n = n * 10 + uint64_t(c - '0');
        out = n;
        return true;
    }

    bool portfolio(Portfolio& p) {
        enum Key { kFormat, kRegister, kProfession, kSpecialisation, kCheckDate, kRegistration, kLastWorked,
                   kCircumstances, kThresholds, kHours, kActivities, kApplication };
        Seen seen;
        nlohmann::json extra = nlohmann::json::object();
        const bool ok = object([&](std::string_view key) {
            if (key == "format") {
                std::string_view f;
                return seen.first(kFormat) && plain_string(f) && f == kPortfolioFormat;
            }
            if (key == "register") return seen.first(kRegister) && text(p.register_id) && !p.register_id.empty();
            if (key == "profession") {
                std::optional<std::string> s;
                if (!seen.first(kProfession) || !optional_text(s)) return false;
                p.profession = s ? std::move(*s) : std::string();
                return true;
            }
            if (key == "specialisation") return seen.first(kSpecialisation) && optional_text(p.specialisation);
            if (key == "check_date") return seen.first(kCheckDate) && optional_date(p.check_date);
            if (key == "last_worked") return seen.first(kLastWorked) && optional_date(p.last_worked);
            if (key == "registration") return seen.first(kRegistration) && (null_next() || registration(p.registration));
            if (key == "circumstances") return seen.first(kCircumstances) && (null_next() || circumstances(p.circumstances));
            if (key == "thresholds") return seen.first(kThresholds) && (null_next() || thresholds(p.thresholds));
            if (key == "hours")
                return seen.first(kHours) && (null_next() || array([&] {
                           return p.hours.size() < kMaxListEntries && hours_entry(p.hours.emplace_back());
                       }));
            if (key == "activities") {
                if (!seen.first(kActivities)) return false;
                p.activities.reserve(128);
                return null_next() || array([&] {
                           return p.activities.size() < kMaxListEntries && activity(p.activities.emplace_back());
                       });
            }
            if (key == "plan_not_carried_out") return false;
            if (key == "helpdesk") return false;   // notes and a what-if: the ordinary reader
            if (key == "other_registrations") return false;   // format 2: the ordinary reader   // rare: the ordinary reader checks its scheme ids
            if (key == "application") return seen.first(kApplication) && null_next();   // a form being filled in: the ordinary reader
            const std::string name(key);
            if (extra.contains(name)) return false;
            return extra_value(extra[name]);
        });
        if (!ok || !seen.has(kFormat) || !seen.has(kRegister)) return false;
        if (unknown_fields_bytes(extra) > kMaxUnknownFieldsBytes) return false;   // the ordinary reader says why
        set_unknown_fields(p, extra);
        // Complete mode: an initial registration needs its start.
        return !(p.registration.initial && !p.registration.period_start);
    }
};

}  // namespace

std::optional<Portfolio> read_complete_portfolio_fast(std::string_view text) {
    std::optional<Portfolio> p(std::in_place);
    if (!FastReader(text).read(*p)) return std::nullopt;
    return p;
}

}  // namespace herreg
