#include "input/csv_import.h"

#include "text/number_format.h"
#include "text/utf8_text.h"

#include <algorithm>
#include <charconv>

namespace herreg {

namespace {

// ------------------------------------------------------------------ splitting into records

struct Record {
    int line = 0;                      // where the record starts (a quoted cell may span lines)
    std::vector<std::string> fields;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string trimmed(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// A line break at text[i] ("\n", "\r\n" or a lone "\r"): its length, 0 when there is none.
size_t line_break(std::string_view text, size_t i) {
    if (text[i] == '\n') return 1;
    if (text[i] == '\r') return (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
    return 0;
}

// The separator of the record starting at `pos`: a tab (what a spreadsheet puts on the
// clipboard), else ';' (Dutch Excel, where ',' is the decimal mark), else ','. Only
// characters outside quotes count, so "Cursus; deel 2" in a comma file does not decide it.
// A quote opens a quoted cell only at the start of a cell, as in the real split below.
char detect_separator(std::string_view text, size_t pos) {
    bool tab = false, semicolon = false, at_cell_start = true, in_quotes = false;
    for (size_t i = pos; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') ++i;
                else in_quotes = false;
            }
            continue;
        }
        if (line_break(text, i)) break;
        if (c == '"' && at_cell_start) {
            in_quotes = true;
            continue;
        }
        if (c == '\t') tab = true;
        if (c == ';') semicolon = true;
        if (c == '\t' || c == ';' || c == ',') at_cell_start = true;
        else if (c != ' ') at_cell_start = false;
    }
    return tab ? '\t' : semicolon ? ';' : ',';
}

// Reads one record from `pos` with Excel's quoting ("..." around a cell, "" for a quote,
// line breaks allowed inside). Returns false when a quote is never closed.
bool read_record(std::string_view text, size_t& pos, int& line, char sep, std::vector<std::string>& fields) {
    fields.clear();
    std::string cell;
    bool at_cell_start = true;
    size_t i = pos;
    while (i < text.size()) {
        const char c = text[i];
        if (const size_t br = line_break(text, i)) {
            i += br;
            ++line;
            break;
        }
        if (c == sep) {
            fields.push_back(trimmed(cell));
            cell.clear();
            at_cell_start = true;
            ++i;
            continue;
        }
        if (c == '"' && at_cell_start) {
            cell.clear();   // spaces before the opening quote
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (const size_t br = line_break(text, i)) {
                    cell += '\n';
                    i += br;
                    ++line;
                    continue;
                }
                cell += text[i++];
            }
            if (!closed) return false;
            at_cell_start = false;
            continue;   // anything after the closing quote is kept, as Excel does
        }
        if (!is_space(c)) at_cell_start = false;
        cell += c;
        ++i;
    }
    fields.push_back(trimmed(cell));
    pos = i;
    return true;
}

// Every non-empty record of `text`, each with the line it starts on. A record whose
// quote never closes is reported, and reading goes on with the next line.
std::vector<Record> split_records(std::string_view text, std::vector<CsvProblem>& problems) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);   // Excel's UTF-8 BOM
    // Excel on a Dutch Windows saves "CSV" as Windows-1252: "café" would arrive as bytes that
    // are not UTF-8, show as garbage and could not be saved as typed. Text that is not UTF-8
    // as a whole is read as Windows-1252 instead (UTF-8 text is never misread this way).
    std::string decoded;
    if (!is_utf8(text)) {
        decoded = windows1252_to_utf8(text);
        text = decoded;
    }
    std::vector<Record> records;
    size_t pos = 0;
    int line = 1;
    while (pos < text.size()) {
        Record r;
        r.line = line;
        size_t next = pos;
        int next_line = line;
        if (!read_record(text, next, next_line, detect_separator(text, pos), r.fields)) {
            problems.push_back({r.line, "",
                                {"Een aanhalingsteken (\") wordt op deze regel geopend maar nergens gesloten.",
                                 "A quote (\") opened on this line is never closed."}});
            while (pos < text.size() && !line_break(text, pos)) ++pos;
            if (pos < text.size()) pos += line_break(text, pos);
            ++line;
            continue;
        }
        pos = next;
        line = next_line;
        // Spreadsheets add empty cells at the end of a row (and whole rows of ";;;").
        while (!r.fields.empty() && r.fields.back().empty()) r.fields.pop_back();
        if (!r.fields.empty()) records.push_back(std::move(r));
    }
    return records;
}

// ------------------------------------------------------------------ reading cells

// A value as shown back in a message: quoted, and cut short so a pasted essay stays readable.
std::string shown(const std::string& value) {
    if (value.size() <= 40) return "\"" + value + "\"";
    return "\"" + value.substr(0, utf8_floor_boundary(value, 40)) + "...\"";   // not inside a character
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> read_int(std::string_view s) {
    int v = 0;
    if (!all_digits(s) || s.size() > 9) return std::nullopt;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::optional<int> read_year(std::string_view s) {
    const auto y = read_int(s);
    if (!y || s.size() != 4 || *y < 1900 || *y > 2200) return std::nullopt;
    return y;
}

// Dutch first ("12,5", "1.200"), English where Dutch cannot read it ("12.5", "1,200.5").
std::optional<double> read_number(std::string_view s) {
    if (auto v = parse_number(s, "nl")) return v;
    return parse_number(s, "en");
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// A category or kind as people type it: its id, its Dutch or English name, or the id with
// spaces for underscores ("bij en nascholing"), in any case.
template <class Def>
const Def* match_named(const std::vector<Def>& defs, std::string_view typed) {
    const std::string want = lower_ascii(typed);
    for (const Def& d : defs) {
        std::string spaced = lower_ascii(d.id);
        std::replace(spaced.begin(), spaced.end(), '_', ' ');
        if (want == lower_ascii(d.id) || want == spaced || want == lower_ascii(d.name.nl) ||
            want == lower_ascii(d.name.en))
            return &d;
    }
    return nullptr;
}

template <class Def>
Text name_list(const std::vector<Def>& defs) {
    Text t;
    for (const Def& d : defs) {
        t.nl += (t.nl.empty() ? "" : ", ") + d.name.nl;
        t.en += (t.en.empty() ? "" : ", ") + (d.name.en.empty() ? d.name.nl : d.name.en);
    }
    return t;
}

std::optional<bool> read_yes_no(std::string_view s) {
    const std::string v = lower_ascii(s);
    for (const char* yes : {"ja", "j", "yes", "y", "1", "true", "waar", "x"})
        if (v == yes) return true;
    for (const char* no : {"", "nee", "n", "no", "0", "false", "onwaar"})
        if (v == no) return false;
    return std::nullopt;
}

Text columns(size_t n) {
    const std::string s = std::to_string(n);
    return n == 1 ? Text{"1 kolom", "1 column"} : Text{s + " kolommen", s + " columns"};
}

// The first record is a header when its first cell is neither the data it should be nor
// an attempt at it: "Jaar" or "Datum" is a header, "31-02-2024" is a wrong date.
bool is_header(const Record& r, bool (*is_data)(std::string_view)) {
    return !is_data(r.fields[0]) && !has_digit(r.fields[0]);
}

// ------------------------------------------------------------------ hours

struct HoursRow {
    const Record& r;
    std::vector<CsvProblem>& problems;

    void problem(std::string field, std::string nl, std::string en) {
        problems.push_back({r.line, std::move(field), {std::move(nl), std::move(en)}});
    }

    // Hours for `days` days: a number, not negative, at most 24 a day.
    std::optional<double> hours(const std::string& cell, long days) {
        const auto h = read_number(cell);
        if (cell.empty()) problem("hours", "Vul het aantal uren in.", "Enter the number of hours.");
        else if (!h) problem("hours", shown(cell) + " is geen aantal uren.", shown(cell) + " is not a number of hours.");
        else if (*h < 0) problem("hours", "Het aantal uren kan niet negatief zijn (" + cell + ").",
                                 "The number of hours cannot be negative (" + cell + ").");
        else if (days > 0 && *h > kMaxHoursPerDay * double(days))
            problem("hours",
                    cell + " uur is meer dan 24 uur per dag over " + std::to_string(days) + " dagen. Klopt het getal?",
                    cell + " hours is more than 24 hours a day over " + std::to_string(days) + " days. Is the number right?");
        else return h;
        return std::nullopt;
    }

    std::optional<Date> date(const std::string& cell, const std::string& field) {
        if (auto d = parse_typed_date(cell)) return d;
        if (cell.empty()) problem(field, "Vul een datum in.", "Enter a date.");
        else problem(field, shown(cell) + " is geen datum. Schrijf bijvoorbeeld 31-01-2024 of 2024-01-31.",
                     shown(cell) + " is not a date. Write for example 2024-01-31 or 31-01-2024.");
        return std::nullopt;
    }

    std::optional<HoursEntry> read() {
        auto f = r.fields;
        if (f.size() == 1) f.emplace_back();   // "2024;" lost its empty hours cell with the trailing ones
        if (f.size() == 2) {
            const auto year = read_year(f[0]);
            if (!year)
                problem("year", shown(f[0]) + " is geen jaartal. Gebruik jaar;uren (2024;1200) of van;tot;uren.",
                        shown(f[0]) + " is not a year. Use year;hours (2024;1200) or from;to;hours.");
            const Date from{year.value_or(2000), 1, 1}, to{year.value_or(2000), 12, 31};
            const auto h = hours(f[1], days_between(from, to) + 1);
            if (!year || !h) return std::nullopt;
            return HoursEntry{year, from, to, *h, {}};
        }
        if (f.size() == 3) {
            const auto from = date(f[0], "from"), to = date(f[1], "to");
            const bool reversed = from && to && *to < *from;
            if (reversed)
                problem("to", "De periode eindigt (" + to_dutch(*to) + ") voordat hij begint (" + to_dutch(*from) + ").",
                        "The range ends (" + to_iso(*to) + ") before it starts (" + to_iso(*from) + ").");
            // Without a valid range there is no day count to check the hours against (days 0).
            const auto h = hours(f[2], from && to && !reversed ? days_between(*from, *to) + 1 : 0);
            if (!from || !to || reversed || !h) return std::nullopt;
            return HoursEntry{std::nullopt, *from, *to, *h, {}};
        }
        problem("", "Deze regel heeft " + columns(f.size()).nl + "; verwacht jaar;uren of van;tot;uren.",
                "This line has " + columns(f.size()).en + "; expected year;hours or from;to;hours.");
        return std::nullopt;
    }
};

bool hours_data_start(std::string_view cell) { return read_year(cell) || parse_typed_date(cell); }

// ------------------------------------------------------------------ activities

struct ActivityRow {
    const Record& r;
    const RuleSet& rules;
    std::vector<CsvProblem>& problems;

    void problem(std::string field, std::string nl, std::string en) {
        problems.push_back({r.line, std::move(field), {std::move(nl), std::move(en)}});
    }

    std::optional<Activity> read() {
        auto f = r.fields;
        // Only the points missing (the empty cell went with the trailing ones): say that,
        // rather than count columns.
        if (f.size() == 4) f.emplace_back();
        if (f.size() < 5 || f.size() > 7) {
            problem("", "Deze regel heeft " + columns(f.size()).nl +
                            "; verwacht datum;titel;aanbieder;categorie;punten;geaccrediteerd[;soort].",
                    "This line has " + columns(f.size()).en +
                        "; expected date;title;provider;category;points;accredited[;kind].");
            return std::nullopt;
        }
        const size_t before = problems.size();
        Activity a;
        a.title = f[1];
        a.provider = f[2];

        if (auto d = parse_typed_date(f[0])) a.date = *d;
        else if (f[0].empty()) problem("date", "Vul een datum in.", "Enter a date.");
        else problem("date", shown(f[0]) + " is geen datum. Schrijf bijvoorbeeld 31-01-2024 of 2024-01-31.",
                     shown(f[0]) + " is not a date. Write for example 2024-01-31 or 31-01-2024.");

        const KindDef* kind = nullptr;
        const std::string kind_cell = f.size() > 6 ? f[6] : "";
        if (!kind_cell.empty()) {
            kind = match_named(rules.kinds, kind_cell);
            if (kind) a.kind = kind->id;
            else if (rules.kinds.empty())
                problem("kind", shown(kind_cell) + " is geen soort activiteit van " + rules.short_name +
                                    "; dit register kent geen soorten. Laat de kolom leeg.",
                        shown(kind_cell) + " is not a kind of activity of " + rules.short_name +
                            "; this register has no kinds. Leave the column empty.");
            else {
                const Text names = name_list(rules.kinds);
                problem("kind", "Onbekende soort " + shown(kind_cell) + ". Kies uit: " + names.nl + ".",
                        "Unknown kind " + shown(kind_cell) + ". Choose from: " + names.en + ".");
            }
        }

        // An empty category is clear enough when the kind says it (every kind has one).
        if (f[3].empty() && kind) {
            a.category = kind->category;
        } else if (const CategoryDef* c = match_named(rules.categories, f[3])) {
            a.category = c->id;
            if (kind && kind->category != c->id) {
                const CategoryDef* kc = rules.category(kind->category);
                const Text kind_cat = kc ? kc->name : Text{kind->category, kind->category};
                problem("kind", "De soort " + kind->name.nl + " hoort bij de categorie " + kind_cat.nl + ", niet bij " +
                                    c->name.nl + ".",
                        "The kind " + kind->name.in("en") + " belongs to the category " + kind_cat.in("en") +
                            ", not to " + c->name.in("en") + ".");
            }
        } else {
            const Text names = name_list(rules.categories);
            if (f[3].empty()) problem("category", "Vul een categorie in. Kies uit: " + names.nl + ".",
                                      "Enter a category. Choose from: " + names.en + ".");
            else problem("category", "Onbekende categorie " + shown(f[3]) + ". Kies uit: " + names.nl + ".",
                         "Unknown category " + shown(f[3]) + ". Choose from: " + names.en + ".");
        }

        const auto pts = read_number(f[4]);
        if (f[4].empty()) problem("points", "Vul het aantal punten in.", "Enter the number of points.");
        else if (!pts) problem("points", shown(f[4]) + " is geen aantal punten.", shown(f[4]) + " is not a number of points.");
        else if (*pts < 0) problem("points", "Het aantal punten kan niet negatief zijn (" + f[4] + ").",
                                   "The number of points cannot be negative (" + f[4] + ").");
        else if (*pts > kMaxPointsPerActivity)
            problem("points", f[4] + " punten voor één activiteit is te veel. Klopt het getal?",
                    f[4] + " points for one activity is too many. Is the number right?");
        else a.points = *pts;

        const std::string acc_cell = f.size() > 5 ? f[5] : "";
        if (const auto acc = read_yes_no(acc_cell)) a.accredited = *acc;
        else problem("accredited", shown(acc_cell) + " is geen ja of nee. Schrijf ja of nee (of leeg voor nee).",
                     shown(acc_cell) + " is not yes or no. Write yes or no (or leave it empty for no).");

        if (problems.size() != before) return std::nullopt;
        return a;
    }
};

bool activity_data_start(std::string_view cell) { return parse_typed_date(cell).has_value(); }

// An unclosed quote is reported while splitting, before the rows: put everything in line order.
void sort_by_line(std::vector<CsvProblem>& problems) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
}

}  // namespace

namespace {

// A portfolio holds at most kMaxListEntries of each (its reader refuses more): rows past `room`
// are not added, and the first of them says so for itself and the ones after it.
template <class T>
void keep_room(std::vector<T>& added, std::vector<CsvProblem>& problems, const std::vector<int>& lines, size_t room,
               const char* what_nl, const char* what_en) {
    if (added.size() <= room) return;
    const size_t dropped = added.size() - room;
    const std::string n = std::to_string(dropped - 1), max = std::to_string(kMaxListEntries);
    problems.push_back({lines[room], "",
                        {"Niet toegevoegd, en de " + n + " regels erna ook niet: een portfolio houdt hoogstens " + max + " " + what_nl + ".",
                         "Not added, nor the " + n + " lines after it: a portfolio holds at most " + max + " " + what_en + "."}});
    added.resize(room);
}

}  // namespace

HoursImport import_hours_csv(std::string_view text, size_t room) {
    HoursImport out;
    const auto records = split_records(text, out.problems);
    std::vector<int> lines;
    for (size_t i = 0; i < records.size(); ++i) {
        if (i == 0 && is_header(records[i], hours_data_start)) continue;
        if (auto e = HoursRow{records[i], out.problems}.read()) {
            out.entries.push_back(*e);
            lines.push_back(records[i].line);
        }
    }
    keep_room(out.entries, out.problems, lines, room, "regels met uren", "entries of hours");
    sort_by_line(out.problems);
    return out;
}

ActivitiesImport import_activities_csv(std::string_view text, const RuleSet& rules, size_t room) {
    ActivitiesImport out;
    const auto records = split_records(text, out.problems);
    std::vector<int> lines;
    for (size_t i = 0; i < records.size(); ++i) {
        if (i == 0 && is_header(records[i], activity_data_start)) continue;
        if (auto a = ActivityRow{records[i], rules, out.problems}.read()) {
            out.activities.push_back(std::move(*a));
            lines.push_back(records[i].line);
        }
    }
    keep_room(out.activities, out.problems, lines, room, "activiteiten", "activities");
    sort_by_line(out.problems);
    return out;
}

}  // namespace herreg
