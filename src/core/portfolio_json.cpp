#include "input_error.h"
#include "json_input.h"
#include "portfolio.h"

#include <algorithm>

namespace herreg {

const std::vector<std::string>& known_circumstances() {
    static const std::vector<std::string> ids = {"illness",       "pregnancy",   "childcare_under_5",  "informal_care",
                                                 "own_business", "work_circumstances", "other"};
    return ids;
}

namespace {

const char* const kKnownKeys[] = {"format",      "register",      "profession", "specialisation", "check_date",
                                  "registration", "last_worked",  "circumstances", "thresholds", "hours",
                                  "activities",  "application", "plan_not_carried_out"};

// `complete` false (a draft): a reversed range is kept for the user to fix; assess() refuses it.
HoursEntry read_hours(const Json& e, const std::string& path, bool complete) {
    require_object(e, path);
    HoursEntry h;
    const Json* year = find_member(e, "year");
    const bool has_range = find_member(e, "from") || find_member(e, "to");
    if (year && !year->is_null()) {
        if (has_range) throw InputError(path, "give either \"year\" or \"from\"/\"to\", not both");
        const double y = as_number(*year, path_join(path, "year"), 1900, 2200);
        if (y != double(int(y))) throw InputError(path_join(path, "year"), "not a whole year: " + quote_value(*year));
        h.year = int(y);
        h.from = Date{*h.year, 1, 1};
        h.to = Date{*h.year, 12, 31};
    } else if (has_range) {
        h.from = get_date(e, "from", path);
        h.to = get_date(e, "to", path);
        if (complete && h.to < h.from)
            throw InputError(path_join(path, "to"), "ends before it starts (" + to_iso(h.from) + " .. " + to_iso(h.to) + ")");
    } else {
        throw InputError(path, "needs \"year\" or \"from\" and \"to\"");
    }
    const double days = std::max(1.0, double(days_between(h.from, h.to) + 1));
    h.hours = get_number(e, "hours", path, 0, days * kMaxHoursPerDay);
    return h;
}

// `complete` false (a draft): over-long texts are kept, so an autosave of what was typed
// still reads back; the CLI and saved files are held to the limits.
Activity read_activity(const Json& e, const std::string& path, bool complete) {
    require_object(e, path);
    Activity a;
    a.date = get_date(e, "date", path);
    a.title = get_optional_string(e, "title", path).value_or("");
    a.provider = get_optional_string(e, "provider", path).value_or("");
    // A title is a line in a table, not an essay; the PDF cannot measure a single word past 64 kB.
    if (complete && a.title.size() > kMaxActivityText) throw InputError(path_join(path, "title"), "too long (at most " + std::to_string(kMaxActivityText) + " bytes)");
    if (complete && a.provider.size() > kMaxActivityText) throw InputError(path_join(path, "provider"), "too long (at most " + std::to_string(kMaxActivityText) + " bytes)");
    a.category = get_string(e, "category", path);
    a.kind = get_optional_string(e, "kind", path);
    a.points = get_number(e, "points", path, 0, kMaxPointsPerActivity);
    a.accredited = get_bool(e, "accredited", path, false);
    if (auto m = get_optional_number(e, "meetings", path, 1, kMaxMeetingsPerActivity)) {
        if (*m != double(int(*m))) throw InputError(path_join(path, "meetings"), "not a whole number: " + quote_value(e["meetings"]));
        a.meetings = int(*m);
    }
    a.meeting_hours = get_optional_number(e, "meeting_hours", path, 0, kMaxHoursPerDay);
    return a;
}

// A list of at most kMaxListEntries: a file of a million rows is not a portfolio, and the app
// would have to draw them all.
void require_list(const Json& v, const std::string& path) {
    require_array(v, path);
    if (v.size() > kMaxListEntries)
        throw InputError(path, "more than " + std::to_string(kMaxListEntries) + " entries (" + std::to_string(v.size()) + ")");
}

}  // namespace

Portfolio portfolio_from_json(const Json& doc, ReadMode mode) {
    const bool complete = mode == ReadMode::complete;
    const bool strict = mode != ReadMode::draft;   // limits and ranges as in a complete portfolio
    require_object(doc, "");
    const std::string format = get_string(doc, "format", "");
    if (format != kPortfolioFormat) {
        if (format.rfind("herreg-portfolio/", 0) == 0)
            throw InputError("format", "version " + format.substr(17) + " is not supported by this herreg (it reads " +
                                           std::string(kPortfolioFormat) + ")");
        throw InputError("format", "not a herreg portfolio: " + quote_value(doc["format"]));
    }
    Portfolio p;
    p.register_id = get_string(doc, "register", "");
    if (p.register_id.empty() && complete) throw InputError("register", "empty");
    p.profession = get_optional_string(doc, "profession", "").value_or("");
    p.specialisation = get_optional_string(doc, "specialisation", "");
    p.check_date = get_optional_date(doc, "check_date", "");
    p.last_worked = get_optional_date(doc, "last_worked", "");

    if (const Json* reg = find_member(doc, "registration"); reg && !reg->is_null()) {
        require_object(*reg, "registration");
        p.registration.initial = get_bool(*reg, "initial", "registration", true);
        p.registration.period_start = get_optional_date(*reg, "period_start", "registration");
        p.registration.period_end = get_optional_date(*reg, "period_end", "registration");
        if (strict && p.registration.period_start && p.registration.period_end &&
            *p.registration.period_end <= *p.registration.period_start)
            throw InputError("registration.period_end", "must be after period_start (" +
                                                           to_iso(*p.registration.period_start) + ")");
    }
    if (complete && p.registration.initial && !p.registration.period_start)
        throw InputError("registration.period_start", "missing (or set registration.initial to false)");
    // assess() says the same for a complete portfolio; an opened file is refused before it replaces anything.
    if (mode == ReadMode::opened && p.registration.initial && p.registration.period_start && p.check_date &&
        *p.check_date < *p.registration.period_start)
        throw InputError("check_date", "lies before registration.period_start (" + to_iso(*p.registration.period_start) + ")");

    if (const Json* cs = find_member(doc, "circumstances"); cs && !cs->is_null()) {
        require_array(*cs, "circumstances");
        for (size_t i = 0; i < cs->size(); ++i) {
            const std::string path = path_index("circumstances", i);
            if (!(*cs)[i].is_string()) throw InputError(path, "expected text, got " + quote_value((*cs)[i]));
            const std::string c = (*cs)[i].get<std::string>();
            const auto& known = known_circumstances();
            if (std::find(known.begin(), known.end(), c) == known.end())
                throw InputError(path, "unknown circumstance \"" + c +
                                           "\" (known: illness, pregnancy, childcare_under_5, informal_care, "
                                           "own_business, work_circumstances, other)");
            if (std::find(p.circumstances.begin(), p.circumstances.end(), c) == p.circumstances.end())
                p.circumstances.push_back(c);
        }
    }

    if (const Json* used = find_member(doc, "plan_not_carried_out"); used && !used->is_null()) {
        require_object(*used, "plan_not_carried_out");
        for (const auto& [key, value] : used->items()) {
            const std::string path = path_join("plan_not_carried_out", key);
            if (key != "dispensation" && key != "deferral" && key != kReentrySchemeId)
                throw InputError(path, "unknown scheme (known: dispensation, deferral, reentry)");
            if (!value.is_boolean()) throw InputError(path, "expected true or false, got " + quote_value(value));
            p.plan_not_carried_out[key] = value.get<bool>();
        }
    }

    if (const Json* th = find_member(doc, "thresholds"); th && !th->is_null()) {
        require_object(*th, "thresholds");
        for (const auto& [key, value] : th->items()) {
            const std::string path = path_join("thresholds", key);
            if (value.is_null()) p.thresholds[key] = std::nullopt;
            else p.thresholds[key] = as_number(value, path, 0, 100000);
        }
    }

    if (const Json* hs = find_member(doc, "hours"); hs && !hs->is_null()) {
        require_list(*hs, "hours");
        for (size_t i = 0; i < hs->size(); ++i) p.hours.push_back(read_hours((*hs)[i], path_index("hours", i), strict));
    }
    if (const Json* as = find_member(doc, "activities"); as && !as->is_null()) {
        require_list(*as, "activities");
        for (size_t i = 0; i < as->size(); ++i)
            p.activities.push_back(read_activity((*as)[i], path_index("activities", i), strict));
    }

    if (const Json* app = find_member(doc, "application"); app && !app->is_null())
        p.application = application_from_json(*app, "application", strict);

    for (const auto& [key, value] : doc.items()) {
        if (std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) == std::end(kKnownKeys))
            p.extra[key] = value;
    }
    return p;
}

Portfolio read_portfolio(std::string_view text, ReadMode mode) {
    return portfolio_from_json(parse_json_document(text, "portfolio"), mode);
}

static Json opt_date(const std::optional<Date>& d) { return d ? Json(to_iso(*d)) : Json(nullptr); }

Json portfolio_to_json(const Portfolio& p) {
    Json j = Json::object();
    j["format"] = kPortfolioFormat;
    j["register"] = p.register_id;
    j["profession"] = p.profession;
    j["specialisation"] = p.specialisation ? Json(*p.specialisation) : Json(nullptr);
    j["check_date"] = opt_date(p.check_date);
    j["registration"] = {{"initial", p.registration.initial},
                         {"period_start", opt_date(p.registration.period_start)},
                         {"period_end", opt_date(p.registration.period_end)}};
    j["last_worked"] = opt_date(p.last_worked);
    j["circumstances"] = p.circumstances;
    // Only once asked: files of people who were never asked stay as they were.
    if (!p.plan_not_carried_out.empty()) j["plan_not_carried_out"] = p.plan_not_carried_out;
    Json th = Json::object();
    for (const auto& [k, v] : p.thresholds) th[k] = v ? Json(*v) : Json(nullptr);
    j["thresholds"] = th;
    Json hours = Json::array();
    for (const auto& h : p.hours) {
        if (h.year) hours.push_back({{"year", *h.year}, {"hours", h.hours}});
        else hours.push_back({{"from", to_iso(h.from)}, {"to", to_iso(h.to)}, {"hours", h.hours}});
    }
    j["hours"] = hours;
    Json acts = Json::array();
    for (const auto& a : p.activities) {
        acts.push_back({{"date", to_iso(a.date)},
                        {"title", a.title},
                        {"provider", a.provider},
                        {"category", a.category},
                        {"kind", a.kind ? Json(*a.kind) : Json(nullptr)},
                        {"points", a.points},
                        {"accredited", a.accredited}});
        if (a.meetings) acts.back()["meetings"] = *a.meetings;
        if (a.meeting_hours) acts.back()["meeting_hours"] = *a.meeting_hours;
    }
    j["activities"] = acts;
    // Only once something was typed: files of people who never opened the form stay as they were.
    if (!p.application.empty()) j["application"] = application_to_json(p.application);
    for (const auto& [k, v] : p.extra.items()) j[k] = v;
    return j;
}

// Saving never fails on the text itself: a byte that is not UTF-8 (a spreadsheet saved as
// Windows-1252 and imported) becomes U+FFFD instead of refusing the whole file, the autosave
// and the share link. Control characters are escaped by JSON and read back as they were.
std::string write_portfolio(const Portfolio& p) {
    return portfolio_to_json(p).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace herreg
