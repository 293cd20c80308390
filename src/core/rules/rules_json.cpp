// Loading a rules file: every field checked, every problem named by its JSON path.
#include "input/input_error.h"
#include "input/json_input.h"
#include "text/number_format.h"
#include "rules/rules.h"

#include <algorithm>
#include <functional>
#include <set>

namespace herreg {

namespace {

// A part of the file already reported: the caller stops as after a throw, and nothing is
// reported twice.
struct Reported {};

// Collects problems so validate_rules can report them all; load_rules throws the first.
// Each field is read on its own (attempt), so one bad field does not hide the next one;
// a thing whose fields had problems is then left out as a whole (stop_if_new), so no
// problem is reported that only follows from another.
struct Problems {
    std::vector<InputError> list;
    void attempt(const std::function<void()>& f) {
        try {
            f();
        } catch (const InputError& e) {
            list.push_back(e);
        } catch (const Reported&) {
        }
    }
    void add(std::string path, Message problem) { list.emplace_back(std::move(path), std::move(problem)); }
    size_t mark() const { return list.size(); }
    void stop_if_new(size_t mark) const {
        if (list.size() > mark) throw Reported{};
    }
    // Reads the parts one after the other, each problem recorded; then stops the caller when any failed.
    void parts(std::initializer_list<std::function<void()>> fs) {
        const size_t before = mark();
        for (const auto& f : fs) attempt(f);
        stop_if_new(before);
    }
};

constexpr double kMaxRuleNumber = 100000;
constexpr int kMaxPeriodYears = 50;

Text read_text(const Json& obj, const char* key, const std::string& path, Problems& pr, bool required = true) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) {
        if (required) throw InputError(path_join(path, key), Message{"json.missing"});
        return {};
    }
    const std::string p = path_join(path, key);
    require_object(*v, p);
    Text t;
    pr.parts({[&] { t.nl = get_string(*v, "nl", p); },
              [&] { t.en = get_optional_string(*v, "en", p).value_or(""); }});
    return t;
}

// The most a number may be, by what its key counts: a term of months or years or a number of
// days far beyond any rule, but small enough that every date computed from them stays within
// the calendar (100,000 months gave years past 32767, which wrapped in the ICS file).
double most_for(std::string_view key) {
    const auto ends_with = [&](std::string_view tail) {
        return key.size() >= tail.size() && key.substr(key.size() - tail.size()) == tail;
    };
    if (ends_with("months") || key.find("months_") != std::string_view::npos) return 1200;   // 100 years
    if (ends_with("_years")) return 100;   // the period's own "years" has its own check (kMaxPeriodYears)
    if (key.find("days") != std::string_view::npos) return 36600;
    return kMaxRuleNumber;
}

Sourced read_sourced(const Json& obj, const char* key, const std::string& path, Problems& pr, bool required = false) {
    const Json* v = find_member(obj, key);
    const std::string p = path_join(path, key);
    if (!v) {
        if (required) throw InputError(p, Message{"json.missing"});
        return {};
    }
    require_object(*v, p);
    Sourced s;
    pr.parts({
        [&] {
            s.source = get_string(*v, "source", p);
            if (s.source.empty()) throw InputError(path_join(p, "source"), Message{"rules.source_empty"});
        },
        [&] { s.note = get_optional_string(*v, "note", p).value_or(""); },
        [&] {
            const Json* value = find_member(*v, "value");
            if (!value) throw InputError(path_join(p, "value"), Message{"rules.value_missing"});
            if (!value->is_null()) s.value = as_number(*value, path_join(p, "value"), 0, most_for(key));
        },
        [&] { s.min = get_optional_number(*v, "min", p, 0, kMaxRuleNumber); },
    });
    if (s.min && s.value && *s.min > *s.value) throw InputError(path_join(p, "min"), Message{"rules.min_above_value"});
    return s;
}

SourcedFlag read_flag(const Json& obj, const char* key, const std::string& path, Problems& pr) {
    const Json* v = find_member(obj, key);
    const std::string p = path_join(path, key);
    if (!v) return {};
    require_object(*v, p);
    SourcedFlag f;
    pr.parts({[&] { f.source = get_string(*v, "source", p); },
              [&] { f.value = get_bool(*v, "value", p, false); }});
    return f;
}

Note read_note(const Json& v, const std::string& path, Problems& pr) {
    require_object(v, path);
    Note n;
    pr.parts({[&] { n.text.nl = get_string(v, "nl", path); },
              [&] { n.text.en = get_optional_string(v, "en", path).value_or(""); },
              [&] { n.source = get_string(v, "source", path); },
              [&] { n.warning = get_bool(v, "warning", path, false); }});
    return n;
}

std::vector<Note> read_notes(const Json& obj, const char* key, const std::string& path, Problems& pr) {
    std::vector<Note> notes;
    const Json* v = find_member(obj, key);
    if (!v) return notes;
    const std::string p = path_join(path, key);
    require_array(*v, p);
    for (size_t i = 0; i < v->size(); ++i) pr.attempt([&] { notes.push_back(read_note((*v)[i], path_index(p, i), pr)); });
    return notes;
}

std::vector<Named> read_named_list(const Json& arr, const std::string& path, Problems& pr) {
    std::vector<Named> out;
    std::set<std::string, std::less<>> seen;   // ids so far: a list may be long (a walk per entry was quadratic)
    require_array(arr, path);
    for (size_t i = 0; i < arr.size(); ++i) {
        pr.attempt([&] {
            const std::string p = path_index(path, i);
            require_object(arr[i], p);
            Named n;
            pr.parts({
                [&] {
                    n.id = get_string(arr[i], "id", p);
                    if (n.id.empty()) throw InputError(path_join(p, "id"), Message{"json.empty"});
                    if (!seen.insert(n.id).second) throw InputError(path_join(p, "id"), Message{"rules.id_twice", {n.id}});
                },
                [&] { n.name = read_text(arr[i], "name", p, pr); },
            });
            out.push_back(std::move(n));
        });
    }
    return out;
}

void read_reentry_groups(const Json& value, const std::string& p, ReentryScheme& re, bool hours_per_week_read, Problems& pr) {
    const std::string gp = path_join(p, "groups");
    const Json* groups = find_member(value, "groups");
    if (!groups) throw InputError(gp, Message{"json.missing"});
    require_object(*groups, gp);
    for (const char* id : {"reentry_1", "reentry_2", "reentry_3"}) {
        const Json* g = find_member(*groups, id);
        const std::string pg = path_join(gp, id);
        if (!g) {
            pr.add(pg, Message{"json.missing"});
            continue;
        }
        pr.attempt([&] {
            require_object(*g, pg);
            ReentryGroup rg;
            rg.regime = *parse_regime(id);
            pr.parts({
                [&] { rg.name = read_text(*g, "name", pg, pr); },
                [&] { rg.temporary_months = read_sourced(*g, "temporary_months", pg, pr, true); },
                [&] { rg.definitive_years = read_sourced(*g, "definitive_years", pg, pr, true); },
                [&] { rg.hours_required = read_sourced(*g, "hours_required", pg, pr); },
                [&] { rg.supervisor_assessment_required = read_flag(*g, "supervisor_assessment_required", pg, pr); },
            });
            // Only when the scheme's hours_per_week could be read: else that is the problem to fix.
            if (hours_per_week_read && !rg.hours_required.known() && !re.hours_per_week.known())
                throw InputError(pg, Message{"rules.group_hours"});
            re.groups.push_back(rg);
        });
    }
    for (const auto& [gid, _] : groups->items())
        if (gid != "reentry_1" && gid != "reentry_2" && gid != "reentry_3")
            pr.add(path_join(gp, gid), Message{"rules.unknown_group", {"reentry_1, reentry_2, reentry_3"}});
}

void read_scheme_conditions(const Json& value, const std::string& p, SchemeConditions& c, Problems& pr) {
    pr.parts({
        [&] { c.requires_initial_registration = read_flag(value, "requires_initial_registration", p, pr); },
        [&] { c.no_reuse_after_unfinished_plan = read_flag(value, "no_reuse_after_unfinished_plan", p, pr); },
    });
}

void read_schemes(const Json& s, const std::string& path, RuleVersion& v, Problems& pr) {
    require_object(s, path);
    for (const auto& item : s.items()) {
        // Named references, not a structured binding: clang 14 cannot capture those in a lambda.
        const std::string& key = item.key();
        const Json& value = item.value();
        const std::string p = path_join(path, key);
        pr.attempt([&] {
            require_object(value, p);
            if (key == "initial_and_periodic") {
                InitialAndPeriodicScheme ip;
                pr.parts({
                    [&] { ip.name = read_text(value, "name", p, pr); },
                    [&] { ip.source = get_string(value, "source", p); },
                    [&] { ip.registration_years = read_sourced(value, "registration_years", p, pr, true); },
                });
                v.initial_and_periodic = ip;
            } else if (key == "points_short") {
                PointsShortScheme ps;
                pr.parts({
                    [&] {
                        const std::string regime = get_string(value, "regime", p);
                        if (regime != "dispensation" && regime != "deferral")
                            throw InputError(path_join(p, "regime"), Message{"rules.bad_regime", {regime}});
                        ps.regime = *parse_regime(regime);
                    },
                    [&] { ps.name = read_text(value, "name", p, pr); },
                    [&] { ps.source = get_string(value, "source", p); },
                    [&] { ps.requires_circumstances = read_flag(value, "requires_circumstances", p, pr); },
                    [&] { read_scheme_conditions(value, p, ps, pr); },
                    [&] { ps.temporary_months = read_sourced(value, "temporary_months", p, pr, true); },
                    [&] { ps.definitive_years = read_sourced(value, "definitive_years", p, pr, true); },
                    [&] { ps.proof_due_days_before_end = read_sourced(value, "proof_due_days_before_end", p, pr, true); },
                    [&] { ps.notes = read_notes(value, "notes", p, pr); },
                });
                v.points_short = ps;
            } else if (key == "reentry") {
                ReentryScheme re;
                const size_t before = pr.mark();
                bool hours_per_week_read = false;
                pr.attempt([&] { re.name = read_text(value, "name", p, pr); });
                pr.attempt([&] { re.source = get_string(value, "source", p); });
                pr.attempt([&] { re.break_months_min = read_sourced(value, "break_months_min", p, pr, true); });
                pr.attempt([&] { re.break_months_group3 = read_sourced(value, "break_months_group3", p, pr, true); });
                pr.attempt([&] { re.proof_due_days_before_end = read_sourced(value, "proof_due_days_before_end", p, pr, true); });
                pr.attempt([&] {
                    re.hours_per_week = read_sourced(value, "hours_per_week", p, pr);
                    hours_per_week_read = true;
                });
                pr.attempt([&] { re.evc_alternative = read_flag(value, "evc_alternative", p, pr); });
                pr.attempt([&] { read_scheme_conditions(value, p, re, pr); });
                pr.attempt([&] { re.text_groups_by_any_activity = read_flag(value, "text_groups_by_any_activity", p, pr); });
                pr.attempt([&] { re.notes = read_notes(value, "notes", p, pr); });
                pr.attempt([&] { read_reentry_groups(value, p, re, hours_per_week_read, pr); });
                pr.stop_if_new(before);
                v.reentry = re;
            } else if (key == "expired_specialisation") {
                ExpiredSpecialisationScheme ex;
                pr.parts({
                    [&] { ex.name = read_text(value, "name", p, pr); },
                    [&] { ex.source = get_string(value, "source", p); },
                    [&] { ex.after_months = read_sourced(value, "after_months", p, pr, true); },
                    [&] { ex.new_period_years = read_sourced(value, "new_period_years", p, pr, true); },
                    [&] { ex.steps = read_notes(value, "steps", p, pr); },
                });
                v.expired_specialisation = ex;
            } else {
                throw InputError(p, Message{"rules.unknown_scheme", {"initial_and_periodic, points_short, reentry, expired_specialisation"}});
            }
        });
    }
}

bool is_criterion_id(const std::string& id, const RuleSet& rs) {
    if (id == "hours" || id == "points_total" || id == "points_accredited") return true;
    if (id.rfind("points_", 0) == 0) return rs.category(id.substr(7)) != nullptr;
    return false;
}

RuleVersion read_version(const Json& j, const std::string& path, const RuleSet& rs, Problems& pr) {
    require_object(j, path);
    RuleVersion v;
    pr.attempt([&] { v.effective_from = get_optional_date(j, "effective_from", path); });
    pr.attempt([&] { v.source = get_string(j, "source", path); });
    pr.attempt([&] {
        const std::string pp = path_join(path, "period");
        const Json* period = find_member(j, "period");
        if (!period) throw InputError(pp, Message{"json.missing"});
        require_object(*period, pp);
        pr.parts({
            [&] {
                v.period_years = read_sourced(*period, "years", pp, pr, true);
                if (!v.period_years.known()) throw InputError(path_join(pp, "years.value"), Message{"rules.period_unknown"});
                // Registers count in periods of a few years; a length like 500 is a typing
                // error that would move every window centuries back.
                if (*v.period_years.value < 1 || *v.period_years.value > kMaxPeriodYears)
                    throw InputError(path_join(pp, "years.value"),
                                     Message{"rules.period_years", {std::to_string(kMaxPeriodYears), plain_number(*v.period_years.value)}});
            },
            [&] { v.earliest_months = read_sourced(*period, "earliest_months", pp, pr); },
            [&] { v.late_filing_months = read_sourced(*period, "late_filing_months", pp, pr); },
            [&] { v.flexible_start = read_flag(*period, "flexible_start", pp, pr); },
        });
    });
    pr.attempt([&] {
        const std::string pc = path_join(path, "criteria");
        const Json* criteria = find_member(j, "criteria");
        if (!criteria) throw InputError(pc, Message{"json.missing"});
        require_object(*criteria, pc);
        for (const auto& item : criteria->items()) {
            const std::string& id = item.key();
            pr.attempt([&] {
                if (id == "hours_spread_months") {
                    v.hours_spread_months = read_sourced(*criteria, "hours_spread_months", pc, pr, true);
                    return;
                }
                if (!is_criterion_id(id, rs))
                    throw InputError(path_join(pc, id), Message{"rules.unknown_criterion_id"});
                v.criteria.emplace_back(id, read_sourced(*criteria, id.c_str(), pc, pr, true));
            });
        }
        // nlohmann's object is sorted by key; put the criteria in reading order:
        // hours first, then the total, the categories, and accredited last.
        auto rank = [](const std::string& id) {
            if (id == "hours") return 0;
            if (id == "points_total") return 1;
            if (id == "points_accredited") return 3;
            return 2;
        };
        std::stable_sort(v.criteria.begin(), v.criteria.end(),
                         [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    });
    if (const Json* hint = find_member(j, "pacing_hint"))
        pr.attempt([&] { v.pacing_hint = read_note(*hint, path_join(path, "pacing_hint"), pr); });
    if (const Json* cn = find_member(j, "criteria_note"))
        pr.attempt([&] { v.criteria_note = read_note(*cn, path_join(path, "criteria_note"), pr); });
    pr.attempt([&] { v.application_steps = read_notes(j, "application_steps", path, pr); });
    if (const Json* proc = find_member(j, "procedure")) {
        const std::string pp = path_join(path, "procedure");
        pr.attempt([&] {
            require_object(*proc, pp);
            for (const auto& item : proc->items()) {
                const std::string& key = item.key();
                pr.attempt([&] { v.procedure[key] = read_sourced(*proc, key.c_str(), pp, pr, true); });
            }
        });
    }
    if (const Json* schemes = find_member(j, "schemes"))
        pr.attempt([&] { read_schemes(*schemes, path_join(path, "schemes"), v, pr); });
    return v;
}

RuleSet read_rules(std::string_view text, const std::string& file_name, Problems& pr) {
    const JsonUnwindRoom room(text);   // while the document lives (json_input.h)
    Json doc;
    try {
        doc = parse_json_document(text, file_name);
    } catch (const InputError& e) {
        // The file as a whole (empty, not JSON): the caller names the file; only a path is kept.
        if (e.field() != file_name) throw;
        throw InputError("", e.message());
    }
    require_object(doc, "");
    RuleSet rs;
    const std::string format = get_string(doc, "format", "");
    if (format != kRulesFormat) throw InputError("format", Message{"rules.wrong_format", {kRulesFormat, format}});
    pr.attempt([&] {
        rs.register_id = get_string(doc, "register", "");
        if (rs.register_id.empty()) throw InputError("register", Message{"json.empty"});
    });
    pr.attempt([&] { rs.specialisation = get_optional_string(doc, "specialisation", ""); });
    pr.attempt([&] { rs.name = read_text(doc, "name", "", pr); });
    pr.attempt([&] { rs.short_name = get_optional_string(doc, "short_name", "").value_or(rs.register_id); });
    if (const Json* about = find_member(doc, "about")) pr.attempt([&] { rs.about = read_note(*about, "about", pr); });
    pr.attempt([&] { rs.conditions = read_notes(doc, "conditions", "", pr); });
    if (const Json* cites = find_member(doc, "citations")) {
        pr.attempt([&] {
            require_object(*cites, "citations");
            for (const auto& item : cites->items()) {
                const std::string& key = item.key();
                const std::string p = path_join("citations", key);
                pr.attempt([&] {
                    const auto known = std::find_if(std::begin(kCitationKeys), std::end(kCitationKeys),
                                                    [&](const char* k) { return key == k; });
                    if (known == std::end(kCitationKeys)) {
                        std::string list;
                        for (const char* k : kCitationKeys) list += (list.empty() ? "" : ", ") + std::string(k);
                        throw InputError(p, Message{"rules.unknown_citation", {list}});
                    }
                    if (!item.value().is_string()) throw InputError(p, Message{"json.expected_text", {quote_value(item.value())}});
                    rs.citations[key] = item.value().get<std::string>();
                });
            }
        });
    }
    if (const Json* v = find_member(doc, "professions")) pr.attempt([&] { rs.professions = read_named_list(*v, "professions", pr); });
    pr.attempt([&] {
        const Json* cats = find_member(doc, "categories");
        if (!cats) throw InputError("categories", Message{"json.missing"});
        for (auto& n : read_named_list(*cats, "categories", pr)) rs.categories.push_back(CategoryDef{n});
        if (rs.categories.empty()) throw InputError("categories", Message{"rules.no_categories"});
    });
    rs.index_ids();   // the kinds below look their category up
    std::set<std::string, std::less<>> kind_ids;
    if (const Json* kinds = find_member(doc, "kinds")) {
        pr.attempt([&] {
            require_array(*kinds, "kinds");
            for (size_t i = 0; i < kinds->size(); ++i) {
                const std::string p = path_index("kinds", i);
                pr.attempt([&] {
                    const Json& k = (*kinds)[i];
                    require_object(k, p);
                    KindDef kd;
                    pr.parts({
                        [&] {
                            kd.id = get_string(k, "id", p);
                            if (kind_ids.count(kd.id)) throw InputError(path_join(p, "id"), Message{"rules.id_twice", {kd.id}});
                        },
                        [&] { kd.name = read_text(k, "name", p, pr); },
                        [&] {
                            kd.category = get_string(k, "category", p);
                            if (!rs.category(kd.category))
                                throw InputError(path_join(p, "category"), Message{"rules.unknown_category", {kd.category}});
                        },
                        [&] { kd.canmeds = get_optional_string(k, "canmeds", p).value_or(""); },
                        [&] { kd.points_per_meeting = read_sourced(k, "points_per_meeting", p, pr); },
                        [&] { kd.cap_per_year = read_sourced(k, "cap_per_year", p, pr); },
                        [&] { kd.min_meeting_hours = read_sourced(k, "min_meeting_hours", p, pr); },
                    });
                    kind_ids.insert(kd.id);
                    rs.kinds.push_back(kd);
                });
            }
        });
    }
    rs.index_ids();
    if (const Json* comp = find_member(doc, "competences")) {
        pr.attempt([&] {
            require_object(*comp, "competences");
            pr.attempt([&] { rs.competences_source = get_string(*comp, "source", "competences"); });
            pr.attempt([&] {
                const Json* items = find_member(*comp, "items");
                if (!items) throw InputError("competences.items", Message{"json.missing"});
                rs.competences = read_named_list(*items, "competences.items", pr);
            });
            // A profession with its own competence profile lists it here; the others use items.
            if (const Json* byp = find_member(*comp, "by_profession"); byp && !byp->is_null()) {
                require_object(*byp, "competences.by_profession");
                std::set<std::string, std::less<>> profession_ids;
                for (const auto& n : rs.professions) profession_ids.insert(n.id);
                // Not a structured binding: clang 14 cannot capture one in the lambda below.
                for (auto it = byp->begin(); it != byp->end(); ++it) {
                    const std::string prof = it.key();
                    const Json& list = it.value();
                    const std::string bp = path_join("competences.by_profession", prof);
                    pr.attempt([&] {
                        if (!profession_ids.count(prof)) throw InputError(bp, Message{"rules.not_profession"});
                        auto named = read_named_list(list, bp, pr);
                        if (named.empty()) throw InputError(bp, Message{"rules.empty_competences"});
                        rs.profession_competences[prof] = std::move(named);
                    });
                }
            }
        });
    }
    pr.attempt([&] {
        const Json* versions = find_member(doc, "versions");
        if (!versions) throw InputError("versions", Message{"json.missing"});
        require_array(*versions, "versions");
        if (versions->empty()) throw InputError("versions", Message{"rules.no_versions"});
        for (size_t i = 0; i < versions->size(); ++i)
            pr.attempt([&] { rs.versions.push_back(read_version((*versions)[i], path_index("versions", i), rs, pr)); });
        std::stable_sort(rs.versions.begin(), rs.versions.end(), [](const RuleVersion& a, const RuleVersion& b) {
            if (!a.effective_from || !b.effective_from) return !a.effective_from && b.effective_from;
            return *a.effective_from < *b.effective_from;
        });
        for (size_t i = 1; i < rs.versions.size(); ++i)
            if (rs.versions[i].effective_from == rs.versions[i - 1].effective_from)
                throw InputError("versions", Message{"rules.versions_same_date"});
    });
    return rs;
}

}  // namespace

const ReentryGroup* ReentryScheme::group(Regime regime) const {
    for (const auto& g : groups)
        if (g.regime == regime) return &g;
    return nullptr;
}

const Sourced* RuleVersion::criterion(std::string_view id) const {
    for (const auto& [cid, s] : criteria)
        if (cid == id) return &s;
    return nullptr;
}

const Sourced* RuleVersion::procedure_value(std::string_view key) const {
    auto it = procedure.find(std::string(key));
    return it == procedure.end() ? nullptr : &it->second;
}

std::string RuleSet::cite(std::string_view key) const {
    const auto it = citations.find(std::string(key));
    return it == citations.end() ? std::string() : it->second;
}

namespace {

// The element of `list` with this id: through `at` when it indexes the whole list, else by a walk.
template <typename T>
const T* find_id(const std::vector<T>& list, const std::map<std::string, size_t, std::less<>>& at, std::string_view id) {
    if (at.size() == list.size() && !list.empty()) {
        const auto it = at.find(id);
        return it == at.end() ? nullptr : &list[it->second];
    }
    for (const auto& x : list)
        if (x.id == id) return &x;
    return nullptr;
}

template <typename T>
std::map<std::string, size_t, std::less<>> positions(const std::vector<T>& list) {
    std::map<std::string, size_t, std::less<>> at;
    for (size_t i = 0; i < list.size(); ++i) at.emplace(list[i].id, i);
    return at;
}

}  // namespace

const CategoryDef* RuleSet::category(std::string_view id) const { return find_id(categories, category_at, id); }

const KindDef* RuleSet::kind(std::string_view id) const { return find_id(kinds, kind_at, id); }

void RuleSet::index_ids() {
    category_at = positions(categories);
    kind_at = positions(kinds);
}

void RuleSet::require_criterion(const std::string& id, const std::string& path) const {
    const bool valid = id == "hours" || id == "points_total" || id == "points_accredited" ||
                       (id.rfind("points_", 0) == 0 && category(id.substr(7)));
    if (valid) return;
    std::string known = "hours, points_total, points_accredited";
    for (const auto& c : categories) known += ", points_" + c.id;
    throw InputError(path, Message{"rules.unknown_criterion", {known}});
}

const RuleVersion& RuleSet::version_for(const Date& period_start, bool* before_all) const {
    if (before_all) *before_all = false;
    const RuleVersion* found = nullptr;
    for (const auto& v : versions)
        if (!v.effective_from || *v.effective_from <= period_start) found = &v;
    if (!found) {
        if (before_all) *before_all = true;
        found = &versions.front();
    }
    return *found;
}

RuleSet load_rules(std::string_view json_text, const std::string& file_name) {
    Problems pr;
    RuleSet rs;
    pr.attempt([&] { rs = read_rules(json_text, file_name, pr); });
    if (!pr.list.empty()) throw InputError(file_name, pr.list.front().line());
    return rs;
}

std::vector<InputError> validate_rules(std::string_view json_text, const std::string& file_name) {
    Problems pr;
    pr.attempt([&] { read_rules(json_text, file_name, pr); });
    return pr.list;
}

}  // namespace herreg
