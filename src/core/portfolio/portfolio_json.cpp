#include "input/input_error.h"
#include "input/json_input.h"
#include "portfolio/portfolio.h"

#include <algorithm>
#include <new>

namespace herreg {

const std::vector<std::string>& known_circumstances() {
    static const std::vector<std::string> ids = {"illness",       "pregnancy",   "childcare_under_5",  "informal_care",
                                                 "own_business", "work_circumstances", "other"};
    return ids;
}

std::string registration_key(std::string_view register_id, const std::optional<std::string>& specialisation) {
    std::string key(register_id);
    if (specialisation) key += "/" + *specialisation;
    return key;
}

bool has_for_marks(const Portfolio& p) {
    return std::any_of(p.hours.begin(), p.hours.end(), [](const HoursEntry& h) { return !h.for_registrations.empty(); }) ||
           std::any_of(p.activities.begin(), p.activities.end(), [](const Activity& a) { return !a.for_registrations.empty(); });
}

namespace {

template <class F>
void each_marks(Portfolio& p, F&& f) {
    for (auto& h : p.hours) f(h.for_registrations);
    for (auto& a : p.activities) f(a.for_registrations);
}

}  // namespace

void rename_registration_marks(Portfolio& p, const std::string& from, const std::string& to) {
    each_marks(p, [&](std::vector<std::string>& marks) {
        const bool has_to = std::find(marks.begin(), marks.end(), to) != marks.end();
        for (auto it = marks.begin(); it != marks.end();) {
            if (*it != from) ++it;
            else if (has_to) it = marks.erase(it);
            else *it++ = to;
        }
    });
}

void forget_registration_marks(Portfolio& p, const std::string& key) {
    each_marks(p, [&](std::vector<std::string>& marks) { marks.erase(std::remove(marks.begin(), marks.end(), key), marks.end()); });
}

void name_registration(Portfolio& p, const std::string& register_id, const std::optional<std::string>& specialisation,
                       const std::string& default_profession) {
    const std::string from = registration_key(p.register_id, p.specialisation);
    const std::string to = registration_key(register_id, specialisation);
    for (OtherRegistration& o : p.other_registrations) {
        if (registration_key(o.register_id, o.specialisation) != to) continue;
        std::swap(p.register_id, o.register_id);
        std::swap(p.profession, o.profession);
        std::swap(p.specialisation, o.specialisation);
        std::swap(p.registration, o.registration);
        std::swap(p.last_worked, o.last_worked);
        std::swap(p.circumstances, o.circumstances);
        std::swap(p.plan_not_carried_out, o.plan_not_carried_out);
        std::swap(p.thresholds, o.thresholds);
        return;
    }
    if (!p.register_id.empty()) rename_registration_marks(p, from, to);
    p.register_id = register_id;
    p.specialisation = specialisation;
    p.profession = default_profession;
}

void remove_other_registration(Portfolio& p, size_t i) {
    const OtherRegistration& o = p.other_registrations.at(i);
    forget_registration_marks(p, registration_key(o.register_id, o.specialisation));
    p.other_registrations.erase(p.other_registrations.begin() + std::ptrdiff_t(i));
}

namespace {

const char* const kKnownKeys[] = {"format",      "register",      "profession", "specialisation", "check_date",
                                  "registration", "last_worked",  "circumstances", "thresholds", "hours",
                                  "activities",  "application", "plan_not_carried_out", "other_registrations", "helpdesk"};

// An entry's `for`: the registrations it counts for (checked against the portfolio's
// registrations once all are read).
std::vector<std::string> read_for(const Json& e, const std::string& path) {
    std::vector<std::string> marks;
    const Json* f = find_member(e, "for");
    if (!f || f->is_null()) return marks;
    const std::string at = path_join(path, "for");
    require_array(*f, at);
    if (f->size() > kMaxRegistrations)
        throw InputError(at, Message{"portfolio.too_many_entries", {std::to_string(kMaxRegistrations), std::to_string(f->size())}});
    for (size_t i = 0; i < f->size(); ++i) {
        const std::string item = path_index(at, i);
        if (!(*f)[i].is_string()) throw InputError(item, Message{"json.expected_text", {quote_value((*f)[i])}});
        marks.push_back((*f)[i].get<std::string>());   // a name twice does no harm; indices stay the file's
    }
    return marks;
}

// `complete` false (a draft): a reversed range is kept for the user to fix; assess() refuses it.
HoursEntry read_hours(const Json& e, const std::string& path, bool complete) {
    require_object(e, path);
    HoursEntry h;
    const Json* year = find_member(e, "year");
    const bool has_range = find_member(e, "from") || find_member(e, "to");
    if (year && !year->is_null()) {
        if (has_range) throw InputError(path, Message{"portfolio.year_and_range"});
        const double y = as_number(*year, path_join(path, "year"), 1900, 2200);
        if (y != double(int(y))) throw InputError(path_join(path, "year"), Message{"portfolio.not_whole_year", {quote_value(*year)}});
        h.year = int(y);
        h.from = Date{*h.year, 1, 1};
        h.to = Date{*h.year, 12, 31};
    } else if (has_range) {
        h.from = get_date(e, "from", path);
        h.to = get_date(e, "to", path);
        if (complete && h.to < h.from)
            throw InputError(path_join(path, "to"), Message{"portfolio.ends_before_start", {to_iso(h.from), to_iso(h.to)}});
    } else {
        throw InputError(path, Message{"portfolio.needs_year_or_range"});
    }
    const double days = std::max(1.0, double(days_between(h.from, h.to) + 1));
    h.hours = get_number(e, "hours", path, 0, days * kMaxHoursPerDay);
    h.for_registrations = read_for(e, path);
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
    if (complete && a.title.size() > kMaxActivityText)
        throw InputError(path_join(path, "title"), Message{"portfolio.text_too_long", {std::to_string(kMaxActivityText)}});
    if (complete && a.provider.size() > kMaxActivityText)
        throw InputError(path_join(path, "provider"), Message{"portfolio.text_too_long", {std::to_string(kMaxActivityText)}});
    a.category = get_string(e, "category", path);
    a.kind = get_optional_string(e, "kind", path);
    a.points = get_number(e, "points", path, 0, kMaxPointsPerActivity);
    a.accredited = get_bool(e, "accredited", path, false);
    if (auto m = get_optional_number(e, "meetings", path, 1, kMaxMeetingsPerActivity)) {
        if (*m != double(int(*m))) throw InputError(path_join(path, "meetings"), Message{"portfolio.not_whole_number", {quote_value(e["meetings"])}});
        a.meetings = int(*m);
    }
    a.meeting_hours = get_optional_number(e, "meeting_hours", path, 0, kMaxHoursPerDay);
    a.for_registrations = read_for(e, path);
    return a;
}

// A list of at most kMaxListEntries: a file of a million rows is not a portfolio, and the app
// would have to draw them all.
void require_list(const Json& v, const std::string& path) {
    require_array(v, path);
    if (v.size() > kMaxListEntries)
        throw InputError(path, Message{"portfolio.too_many_entries", {std::to_string(kMaxListEntries), std::to_string(v.size())}});
}

// The keys an entry of other_registrations may have: a registration's own, not the
// professional's (hours, activities) nor the check's (check_date, application).
const char* const kRegistrationKeys[] = {"register",    "profession",    "specialisation",       "registration",
                                         "last_worked", "circumstances", "plan_not_carried_out", "thresholds"};

OtherRegistration read_other_registration(const Json& e, const std::string& path, ReadMode mode) {
    require_object(e, path);
    Json doc = Json::object();
    for (const auto& [key, value] : e.items()) {
        if (std::find(std::begin(kRegistrationKeys), std::end(kRegistrationKeys), key) == std::end(kRegistrationKeys)) {
            // The professional's lists and the check's own fields: in the file once, at the top.
            if (std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) != std::end(kKnownKeys))
                throw InputError(path_join(path, key), Message{"portfolio.not_registration_key"});
            std::string possible;
            for (const char* k : kRegistrationKeys) possible += (possible.empty() ? "" : ", ") + std::string(k);
            throw InputError(path_join(path, key), Message{"portfolio.unknown_registration_key", {possible}});
        }
        doc[key] = value;
    }
    if (!doc.contains("register")) throw InputError(path_join(path, "register"), Message{"json.missing"});
    doc["format"] = kPortfolioFormat;
    Portfolio one;
    try {
        // Read as an opened file even in a complete one: the app saves an other registration
        // before its period start is typed; its assessment then says what is missing, beside
        // the others' (assess_other_registrations), instead of the whole file being refused.
        one = portfolio_from_json(doc, mode == ReadMode::complete ? ReadMode::opened : mode);
    } catch (const InputError& err) {
        throw InputError(err.field().empty() ? path : path_join(path, err.field()), err.message());
    }
    OtherRegistration o;
    o.register_id = std::move(one.register_id);
    o.profession = std::move(one.profession);
    o.specialisation = std::move(one.specialisation);
    o.registration = one.registration;
    o.last_worked = one.last_worked;
    o.circumstances = std::move(one.circumstances);
    o.plan_not_carried_out = std::move(one.plan_not_carried_out);
    o.thresholds = std::move(one.thresholds);
    return o;
}

// Each registration once, and every `for` naming one of them.
void check_registrations(const Portfolio& p) {
    std::vector<std::string> keys{registration_key(p.register_id, p.specialisation)};
    for (size_t i = 0; i < p.other_registrations.size(); ++i) {
        const auto& o = p.other_registrations[i];
        const std::string key = registration_key(o.register_id, o.specialisation);
        if (std::find(keys.begin(), keys.end(), key) != keys.end())
            throw InputError(path_index("other_registrations", i), Message{"portfolio.registration_twice", {key}});
        keys.push_back(key);
    }
    std::string known;
    for (const auto& k : keys) known += (known.empty() ? "" : ", ") + k;
    const auto check = [&](const std::vector<std::string>& marks, const std::string& path) {
        for (size_t i = 0; i < marks.size(); ++i)
            if (std::find(keys.begin(), keys.end(), marks[i]) == keys.end())
                throw InputError(path_index(path_join(path, "for"), i), Message{"portfolio.unknown_registration", {marks[i], known}});
    };
    for (size_t i = 0; i < p.hours.size(); ++i) check(p.hours[i].for_registrations, path_index("hours", i));
    for (size_t i = 0; i < p.activities.size(); ++i) check(p.activities[i].for_registrations, path_index("activities", i));
}

}  // namespace

static HelpdeskNotes read_helpdesk(const Json& hd, ReadMode mode);

Portfolio portfolio_from_json(const Json& doc, ReadMode mode) {
    const bool complete = mode == ReadMode::complete;
    const bool strict = mode != ReadMode::draft;   // limits and ranges as in a complete portfolio
    require_object(doc, "");
    const std::string format = get_string(doc, "format", "");
    if (format != kPortfolioFormat && format != kPortfolioFormat2) {
        if (format.rfind("herreg-portfolio/", 0) == 0)
            throw InputError("format", Message{"portfolio.unsupported_version", {format.substr(17), std::string(kPortfolioFormat) + ", " + kPortfolioFormat2}});
        throw InputError("format", Message{"portfolio.not_portfolio", {quote_value(doc["format"])}});
    }
    Portfolio p;
    p.register_id = get_string(doc, "register", "");
    if (p.register_id.empty() && complete) throw InputError("register", Message{"json.empty"});
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
            throw InputError("registration.period_end", Message{"portfolio.period_end_before_start", {to_iso(*p.registration.period_start)}});
    }
    if (complete && p.registration.initial && !p.registration.period_start)
        throw InputError("registration.period_start", Message{"portfolio.period_start_missing"});
    // assess() says the same for a complete portfolio; an opened file is refused before it replaces anything.
    if (mode == ReadMode::opened && p.registration.initial && p.registration.period_start && p.check_date &&
        *p.check_date < *p.registration.period_start)
        throw InputError("check_date", Message{"portfolio.check_date_before_period", {to_iso(*p.registration.period_start)}});

    if (const Json* cs = find_member(doc, "circumstances"); cs && !cs->is_null()) {
        require_array(*cs, "circumstances");
        for (size_t i = 0; i < cs->size(); ++i) {
            const std::string path = path_index("circumstances", i);
            if (!(*cs)[i].is_string()) throw InputError(path, Message{"json.expected_text", {quote_value((*cs)[i])}});
            const std::string c = (*cs)[i].get<std::string>();
            const auto& known = known_circumstances();
            if (std::find(known.begin(), known.end(), c) == known.end())
                throw InputError(path, Message{"portfolio.unknown_circumstance",
                                               {c, "illness, pregnancy, childcare_under_5, informal_care, "
                                                   "own_business, work_circumstances, other"}});
            if (std::find(p.circumstances.begin(), p.circumstances.end(), c) == p.circumstances.end())
                p.circumstances.push_back(c);
        }
    }

    if (const Json* used = find_member(doc, "plan_not_carried_out"); used && !used->is_null()) {
        require_object(*used, "plan_not_carried_out");
        for (const auto& [key, value] : used->items()) {
            const std::string path = path_join("plan_not_carried_out", key);
            if (key != "dispensation" && key != "deferral" && key != kReentrySchemeId)
                throw InputError(path, Message{"portfolio.unknown_scheme", {"dispensation, deferral, reentry"}});
            if (!value.is_boolean()) throw InputError(path, Message{"json.expected_bool", {quote_value(value)}});
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

    if (const Json* others = find_member(doc, "other_registrations"); others && !others->is_null()) {
        require_array(*others, "other_registrations");
        if (others->size() > kMaxRegistrations)
            throw InputError("other_registrations", Message{"portfolio.too_many_entries", {std::to_string(kMaxRegistrations), std::to_string(others->size())}});
        for (size_t i = 0; i < others->size(); ++i)
            p.other_registrations.push_back(read_other_registration((*others)[i], path_index("other_registrations", i), mode));
    }
    if (const Json* hd = find_member(doc, "helpdesk"); hd && !hd->is_null()) p.helpdesk = read_helpdesk(*hd, mode);

    // A draft may name a registration not yet added (or one just removed): assess() leaves the
    // entry out; a file must be whole.
    if (strict && !p.register_id.empty()) check_registrations(p);

    Json extra = Json::object();
    for (const auto& [key, value] : doc.items()) {
        if (std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) == std::end(kKnownKeys))
            extra[key] = value;
    }
    if (unknown_fields_bytes(extra) > kMaxUnknownFieldsBytes) {
        std::string names;
        for (const auto& [key, value] : extra.items()) names += (names.empty() ? "" : ", ") + key;
        throw InputError(names, Message{"portfolio.unknown_too_large", {std::to_string(kMaxUnknownFieldsBytes)}});
    }
    set_unknown_fields(p, extra);
    return p;
}

// Kept as they were read: a string that was not UTF-8 cannot be there (the parser refuses it),
// but one the app put there is written with U+FFFD rather than refused, as write_portfolio does.
void set_unknown_fields(Portfolio& p, const Json& fields) {
    p.extra_json = fields.empty() ? std::string() : fields.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json unknown_fields(const Portfolio& p) {
    return p.extra_json.empty() ? Json::object() : Json::parse(p.extra_json);
}

size_t unknown_fields_bytes(const nlohmann::json& extra) {
    size_t n = 0;
    for (const auto& [key, value] : extra.items()) n += key.size() + value.dump().size();
    return n;
}

// The helpdesk's notes and what-if. The app keeps an over-long text for the helpdesk to shorten
// (its autosave, a link, a file it saved: nothing it wrote is refused when read back); the CLI's
// complete portfolio must keep within the caps.
static HelpdeskNotes read_helpdesk(const Json& hd, ReadMode mode) {
    require_object(hd, "helpdesk");
    HelpdeskNotes h;
    const auto text = [&](const char* key, std::string& out, size_t max) {
        const std::string path = path_join("helpdesk", key);
        out = get_optional_string(hd, key, "helpdesk").value_or("");
        if (mode == ReadMode::complete && out.size() > max)
            throw InputError(path, Message{"portfolio.text_too_long", {std::to_string(max)}});
    };
    text("case_number", h.case_number, kMaxHelpdeskName);
    text("member", h.member, kMaxHelpdeskName);
    text("advisor", h.advisor, kMaxHelpdeskName);
    text("notes", h.notes, kMaxNotesText);
    if (const Json* w = find_member(hd, "what_if"); w && !w->is_null()) {
        require_object(*w, "helpdesk.what_if");
        if (find_member(*w, "helpdesk")) throw InputError("helpdesk.what_if.helpdesk", Message{"portfolio.nested_helpdesk"});
        // Checked as a draft whatever the mode: a what-if is work in progress (a reversed range
        // being fixed, a check date tried before the period), and a saved file must open again.
        try {
            (void)portfolio_from_json(*w, ReadMode::draft);
        } catch (const InputError& e) {
            throw InputError(path_join("helpdesk.what_if", e.field()), e.message());
        }
        h.what_if_json = w->dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    for (const auto& [key, value] : hd.items())
        if (key != "case_number" && key != "member" && key != "advisor" && key != "notes" && key != "what_if")
            throw InputError(path_join("helpdesk", key), Message{"portfolio.unknown_helpdesk_key"});
    return h;
}

Portfolio read_portfolio(std::string_view text, ReadMode mode) {
    try {
        const JsonUnwindRoom room(text);   // the document is copied from and taken apart here too
        return portfolio_from_json(parse_json_document(text, "portfolio"), mode);
    } catch (const std::bad_alloc&) {
        throw InputError("portfolio", Message{"json.out_of_memory"});
    }
}

static Json opt_date(const std::optional<Date>& d) { return d ? Json(to_iso(*d)) : Json(nullptr); }

// A registration's own fields, of the portfolio or of one of its other registrations (both
// name them alike).
template <class R>
static void put_registration(Json& j, const R& r) {
    j["register"] = r.register_id;
    j["profession"] = r.profession;
    j["specialisation"] = r.specialisation ? Json(*r.specialisation) : Json(nullptr);
    j["registration"] = {{"initial", r.registration.initial},
                         {"period_start", opt_date(r.registration.period_start)},
                         {"period_end", opt_date(r.registration.period_end)}};
    j["last_worked"] = opt_date(r.last_worked);
    j["circumstances"] = r.circumstances;
    // Only once asked: files of people who were never asked stay as they were.
    if (!r.plan_not_carried_out.empty()) j["plan_not_carried_out"] = r.plan_not_carried_out;
    Json th = Json::object();
    for (const auto& [k, v] : r.thresholds) th[k] = v ? Json(*v) : Json(nullptr);
    j["thresholds"] = th;
}

Json portfolio_to_json(const Portfolio& p) {
    Json j = Json::object();
    j["format"] = p.other_registrations.empty() && !has_for_marks(p) ? kPortfolioFormat : kPortfolioFormat2;
    put_registration(j, p);
    j["check_date"] = opt_date(p.check_date);
    Json hours = Json::array();
    for (const auto& h : p.hours) {
        if (h.year) hours.push_back({{"year", *h.year}, {"hours", h.hours}});
        else hours.push_back({{"from", to_iso(h.from)}, {"to", to_iso(h.to)}, {"hours", h.hours}});
        if (!h.for_registrations.empty()) hours.back()["for"] = h.for_registrations;
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
        if (!a.for_registrations.empty()) acts.back()["for"] = a.for_registrations;
    }
    j["activities"] = acts;
    // Only once something was typed: files of people who never opened the form stay as they were.
    if (!p.application.empty()) j["application"] = application_to_json(p.application);
    if (!p.other_registrations.empty()) {
        Json others = Json::array();
        for (const auto& o : p.other_registrations) {
            Json r = Json::object();
            put_registration(r, o);
            others.push_back(std::move(r));
        }
        j["other_registrations"] = std::move(others);
    }
    if (!p.helpdesk.empty()) {
        Json h = Json::object();
        h["case_number"] = p.helpdesk.case_number;
        h["member"] = p.helpdesk.member;
        h["advisor"] = p.helpdesk.advisor;
        h["notes"] = p.helpdesk.notes;
        if (p.helpdesk.what_if_json) h["what_if"] = Json::parse(*p.helpdesk.what_if_json);
        j["helpdesk"] = std::move(h);
    }
    if (!p.extra_json.empty()) {
        Json extra = unknown_fields(p);
        for (auto& [k, v] : extra.items()) j[k] = std::move(v);
    }
    return j;
}

// Saving never fails on the text itself: a byte that is not UTF-8 (a spreadsheet saved as
// Windows-1252 and imported) becomes U+FFFD instead of refusing the whole file, the autosave
// and the share link. Control characters are escaped by JSON and read back as they were.
std::string write_portfolio(const Portfolio& p) {
    return portfolio_to_json(p).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace herreg
