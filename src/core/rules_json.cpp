// Loading a rules file: every field checked, every problem named by its JSON path.
#include "input_error.h"
#include "json_input.h"
#include "rules.h"

#include <algorithm>
#include <functional>

namespace herreg {

namespace {

// Collects problems so validate_rules can report them all; load_rules throws the first.
struct Problems {
    std::vector<std::string> list;
    void attempt(const std::function<void()>& f) {
        try {
            f();
        } catch (const InputError& e) {
            list.push_back(e.what());
        }
    }
    void add(const std::string& path, const std::string& problem) { list.push_back(path + ": " + problem); }
};

constexpr double kMaxRuleNumber = 100000;

Text read_text(const Json& obj, const char* key, const std::string& path, bool required = true) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) {
        if (required) throw InputError(path_join(path, key), "missing");
        return {};
    }
    const std::string p = path_join(path, key);
    require_object(*v, p);
    Text t;
    t.nl = get_string(*v, "nl", p);
    t.en = get_optional_string(*v, "en", p).value_or("");
    return t;
}

Sourced read_sourced(const Json& obj, const char* key, const std::string& path, bool required = false) {
    const Json* v = find_member(obj, key);
    const std::string p = path_join(path, key);
    if (!v) {
        if (required) throw InputError(p, "missing");
        return {};
    }
    require_object(*v, p);
    Sourced s;
    s.source = get_string(*v, "source", p);
    if (s.source.empty()) throw InputError(path_join(p, "source"), "empty: every number needs its source");
    s.note = get_optional_string(*v, "note", p).value_or("");
    const Json* value = find_member(*v, "value");
    if (!value) throw InputError(path_join(p, "value"), "missing (use null for a number the sources do not give)");
    if (!value->is_null()) s.value = as_number(*value, path_join(p, "value"), 0, kMaxRuleNumber);
    s.min = get_optional_number(*v, "min", p, 0, kMaxRuleNumber);
    if (s.min && s.value && *s.min > *s.value) throw InputError(path_join(p, "min"), "larger than value");
    return s;
}

SourcedFlag read_flag(const Json& obj, const char* key, const std::string& path) {
    const Json* v = find_member(obj, key);
    const std::string p = path_join(path, key);
    if (!v) return {};
    require_object(*v, p);
    SourcedFlag f;
    f.source = get_string(*v, "source", p);
    f.value = get_bool(*v, "value", p, false);
    return f;
}

Note read_note(const Json& v, const std::string& path) {
    require_object(v, path);
    Note n;
    n.text.nl = get_string(v, "nl", path);
    n.text.en = get_optional_string(v, "en", path).value_or("");
    n.source = get_string(v, "source", path);
    n.warning = get_bool(v, "warning", path, false);
    return n;
}

std::vector<Note> read_notes(const Json& obj, const char* key, const std::string& path, Problems& pr) {
    std::vector<Note> notes;
    const Json* v = find_member(obj, key);
    if (!v) return notes;
    const std::string p = path_join(path, key);
    require_array(*v, p);
    for (size_t i = 0; i < v->size(); ++i) pr.attempt([&] { notes.push_back(read_note((*v)[i], path_index(p, i))); });
    return notes;
}

std::vector<Named> read_named_list(const Json& arr, const std::string& path, Problems& pr) {
    std::vector<Named> out;
    require_array(arr, path);
    for (size_t i = 0; i < arr.size(); ++i) {
        pr.attempt([&] {
            const std::string p = path_index(path, i);
            require_object(arr[i], p);
            Named n;
            n.id = get_string(arr[i], "id", p);
            if (n.id.empty()) throw InputError(path_join(p, "id"), "empty");
            for (const auto& other : out)
                if (other.id == n.id) throw InputError(path_join(p, "id"), "\"" + n.id + "\" appears twice");
            n.name = read_text(arr[i], "name", p);
            out.push_back(std::move(n));
        });
    }
    return out;
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
                ip.name = read_text(value, "name", p);
                ip.source = get_string(value, "source", p);
                ip.registration_years = read_sourced(value, "registration_years", p, true);
                v.initial_and_periodic = ip;
            } else if (key == "points_short") {
                PointsShortScheme ps;
                ps.regime = get_string(value, "regime", p);
                if (ps.regime != "dispensation" && ps.regime != "deferral")
                    throw InputError(path_join(p, "regime"), "must be \"dispensation\" or \"deferral\", got \"" + ps.regime + "\"");
                ps.name = read_text(value, "name", p);
                ps.source = get_string(value, "source", p);
                ps.requires_circumstances = read_flag(value, "requires_circumstances", p);
                ps.temporary_months = read_sourced(value, "temporary_months", p, true);
                ps.definitive_years = read_sourced(value, "definitive_years", p, true);
                ps.proof_due_days_before_end = read_sourced(value, "proof_due_days_before_end", p, true);
                ps.notes = read_notes(value, "notes", p, pr);
                v.points_short = ps;
            } else if (key == "reentry") {
                ReentryScheme re;
                re.name = read_text(value, "name", p);
                re.source = get_string(value, "source", p);
                re.break_months_min = read_sourced(value, "break_months_min", p, true);
                re.break_months_group3 = read_sourced(value, "break_months_group3", p, true);
                re.proof_due_days_before_end = read_sourced(value, "proof_due_days_before_end", p, true);
                re.hours_per_week = read_sourced(value, "hours_per_week", p);
                re.evc_alternative = read_flag(value, "evc_alternative", p);
                re.notes = read_notes(value, "notes", p, pr);
                const std::string gp = path_join(p, "groups");
                const Json* groups = find_member(value, "groups");
                if (!groups) throw InputError(gp, "missing");
                require_object(*groups, gp);
                for (const char* id : {"reentry_1", "reentry_2", "reentry_3"}) {
                    const Json* g = find_member(*groups, id);
                    const std::string pg = path_join(gp, id);
                    if (!g) {
                        pr.add(pg, "missing");
                        continue;
                    }
                    pr.attempt([&] {
                        require_object(*g, pg);
                        ReentryGroup rg;
                        rg.regime = id;
                        rg.name = read_text(*g, "name", pg);
                        rg.temporary_months = read_sourced(*g, "temporary_months", pg, true);
                        rg.definitive_years = read_sourced(*g, "definitive_years", pg, true);
                        rg.hours_required = read_sourced(*g, "hours_required", pg);
                        rg.supervisor_assessment_required = read_flag(*g, "supervisor_assessment_required", pg);
                        if (!rg.hours_required.known() && !re.hours_per_week.known())
                            throw InputError(pg, "needs hours_required, or hours_per_week on the scheme");
                        re.groups.push_back(rg);
                    });
                }
                for (const auto& [gid, _] : groups->items())
                    if (gid != "reentry_1" && gid != "reentry_2" && gid != "reentry_3")
                        pr.add(path_join(gp, gid), "unknown group (expected reentry_1, reentry_2, reentry_3)");
                v.reentry = re;
            } else if (key == "expired_specialisation") {
                ExpiredSpecialisationScheme ex;
                ex.name = read_text(value, "name", p);
                ex.source = get_string(value, "source", p);
                ex.after_months = read_sourced(value, "after_months", p, true);
                ex.new_period_years = read_sourced(value, "new_period_years", p, true);
                ex.steps = read_notes(value, "steps", p, pr);
                v.expired_specialisation = ex;
            } else {
                throw InputError(p, "unknown scheme (expected initial_and_periodic, points_short, reentry, expired_specialisation)");
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
    v.effective_from = get_optional_date(j, "effective_from", path);
    v.source = get_string(j, "source", path);
    pr.attempt([&] {
        const std::string pp = path_join(path, "period");
        const Json* period = find_member(j, "period");
        if (!period) throw InputError(pp, "missing");
        require_object(*period, pp);
        v.period_years = read_sourced(*period, "years", pp, true);
        if (!v.period_years.known()) throw InputError(path_join(pp, "years.value"), "the period length must be known");
        v.earliest_months = read_sourced(*period, "earliest_months", pp);
        v.late_filing_months = read_sourced(*period, "late_filing_months", pp);
        v.flexible_start = read_flag(*period, "flexible_start", pp);
    });
    pr.attempt([&] {
        const std::string pc = path_join(path, "criteria");
        const Json* criteria = find_member(j, "criteria");
        if (!criteria) throw InputError(pc, "missing");
        require_object(*criteria, pc);
        for (const auto& item : criteria->items()) {
            const std::string& id = item.key();
            pr.attempt([&] {
                if (id == "hours_spread_months") {
                    v.hours_spread_months = read_sourced(*criteria, "hours_spread_months", pc, true);
                    return;
                }
                if (!is_criterion_id(id, rs))
                    throw InputError(path_join(pc, id), "unknown criterion (expected hours, points_total, points_accredited or points_<category>)");
                v.criteria.emplace_back(id, read_sourced(*criteria, id.c_str(), pc, true));
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
        pr.attempt([&] { v.pacing_hint = read_note(*hint, path_join(path, "pacing_hint")); });
    if (const Json* cn = find_member(j, "criteria_note"))
        pr.attempt([&] { v.criteria_note = read_note(*cn, path_join(path, "criteria_note")); });
    if (const Json* proc = find_member(j, "procedure")) {
        const std::string pp = path_join(path, "procedure");
        pr.attempt([&] {
            require_object(*proc, pp);
            for (const auto& item : proc->items()) {
                const std::string& key = item.key();
                pr.attempt([&] { v.procedure[key] = read_sourced(*proc, key.c_str(), pp, true); });
            }
        });
    }
    if (const Json* schemes = find_member(j, "schemes")) read_schemes(*schemes, path_join(path, "schemes"), v, pr);
    return v;
}

RuleSet read_rules(std::string_view text, const std::string& file_name, Problems& pr) {
    const Json doc = parse_json_document(text, file_name);
    require_object(doc, file_name);
    RuleSet rs;
    const std::string format = get_string(doc, "format", "");
    if (format != kRulesFormat) throw InputError("format", "expected \"" + std::string(kRulesFormat) + "\", got \"" + format + "\"");
    rs.register_id = get_string(doc, "register", "");
    if (rs.register_id.empty()) throw InputError("register", "empty");
    rs.specialisation = get_optional_string(doc, "specialisation", "");
    pr.attempt([&] { rs.name = read_text(doc, "name", ""); });
    rs.short_name = get_optional_string(doc, "short_name", "").value_or(rs.register_id);
    if (const Json* about = find_member(doc, "about")) pr.attempt([&] { rs.about = read_note(*about, "about"); });
    rs.conditions = read_notes(doc, "conditions", "", pr);
    if (const Json* v = find_member(doc, "professions")) pr.attempt([&] { rs.professions = read_named_list(*v, "professions", pr); });
    pr.attempt([&] {
        const Json* cats = find_member(doc, "categories");
        if (!cats) throw InputError("categories", "missing");
        for (auto& n : read_named_list(*cats, "categories", pr)) rs.categories.push_back(CategoryDef{n});
        if (rs.categories.empty()) throw InputError("categories", "a register needs at least one activity category");
    });
    if (const Json* kinds = find_member(doc, "kinds")) {
        pr.attempt([&] {
            require_array(*kinds, "kinds");
            for (size_t i = 0; i < kinds->size(); ++i) {
                const std::string p = path_index("kinds", i);
                pr.attempt([&] {
                    const Json& k = (*kinds)[i];
                    require_object(k, p);
                    KindDef kd;
                    kd.id = get_string(k, "id", p);
                    kd.name = read_text(k, "name", p);
                    kd.category = get_string(k, "category", p);
                    if (!rs.category(kd.category))
                        throw InputError(path_join(p, "category"), "unknown category \"" + kd.category + "\"");
                    kd.canmeds = get_optional_string(k, "canmeds", p).value_or("");
                    kd.points_per_meeting = read_sourced(k, "points_per_meeting", p);
                    kd.cap_per_year = read_sourced(k, "cap_per_year", p);
                    if (rs.kind(kd.id)) throw InputError(path_join(p, "id"), "\"" + kd.id + "\" appears twice");
                    rs.kinds.push_back(kd);
                });
            }
        });
    }
    if (const Json* comp = find_member(doc, "competences")) {
        pr.attempt([&] {
            require_object(*comp, "competences");
            rs.competences_source = get_string(*comp, "source", "competences");
            const Json* items = find_member(*comp, "items");
            if (!items) throw InputError("competences.items", "missing");
            rs.competences = read_named_list(*items, "competences.items", pr);
            // A profession with its own competence profile lists it here; the others use items.
            if (const Json* byp = find_member(*comp, "by_profession"); byp && !byp->is_null()) {
                require_object(*byp, "competences.by_profession");
                // Not a structured binding: clang 14 cannot capture one in the lambda below.
                for (auto it = byp->begin(); it != byp->end(); ++it) {
                    const std::string prof = it.key();
                    const Json& list = it.value();
                    const std::string bp = path_join("competences.by_profession", prof);
                    pr.attempt([&] {
                        bool known = false;
                        for (const auto& n : rs.professions) known = known || n.id == prof;
                        if (!known) throw InputError(bp, "not a profession of this register");
                        auto named = read_named_list(list, bp, pr);
                        if (named.empty()) throw InputError(bp, "an empty list; leave the profession out instead");
                        rs.profession_competences[prof] = std::move(named);
                    });
                }
            }
        });
    }
    pr.attempt([&] {
        const Json* versions = find_member(doc, "versions");
        if (!versions) throw InputError("versions", "missing");
        require_array(*versions, "versions");
        if (versions->empty()) throw InputError("versions", "needs at least one version");
        for (size_t i = 0; i < versions->size(); ++i)
            pr.attempt([&] { rs.versions.push_back(read_version((*versions)[i], path_index("versions", i), rs, pr)); });
        std::stable_sort(rs.versions.begin(), rs.versions.end(), [](const RuleVersion& a, const RuleVersion& b) {
            if (!a.effective_from || !b.effective_from) return !a.effective_from && b.effective_from;
            return *a.effective_from < *b.effective_from;
        });
        for (size_t i = 1; i < rs.versions.size(); ++i)
            if (rs.versions[i].effective_from == rs.versions[i - 1].effective_from)
                throw InputError("versions", "two versions take effect on the same date");
    });
    return rs;
}

}  // namespace

const ReentryGroup* ReentryScheme::group(std::string_view regime) const {
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

const CategoryDef* RuleSet::category(std::string_view id) const {
    for (const auto& c : categories)
        if (c.id == id) return &c;
    return nullptr;
}

const KindDef* RuleSet::kind(std::string_view id) const {
    for (const auto& k : kinds)
        if (k.id == id) return &k;
    return nullptr;
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
    RuleSet rs = read_rules(json_text, file_name, pr);
    if (!pr.list.empty()) throw InputError(file_name, pr.list.front());
    return rs;
}

std::vector<std::string> validate_rules(std::string_view json_text, const std::string& file_name) {
    Problems pr;
    pr.attempt([&] { read_rules(json_text, file_name, pr); });
    return pr.list;
}

}  // namespace herreg
