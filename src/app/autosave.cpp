#include "app/autosave.h"

#include <cstdio>
#include <exception>

#include "share/deflate.h"
#include "platform/platform.h"
#include "portfolio/portfolio.h"
#include "ui/autosave_guard.h"
#include "ui/strings.h"

namespace herreg::app {
namespace {

namespace platform = herreg::platform;
namespace ui = herreg::ui;
using ui::kAutosaveKey;
using ui::kAutosaveStampKey;
using ui::kWhatIfKey;

// What a stamp was written with: the CRC-32 (core's crc32_of) of the portfolio and the what-if
// ("" for none) written after it, as 8 hex digits at the stamp's end ("<tab>.<n>.<tag>").
std::string content_tag(const std::string& json, const std::string& what_if) {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(herreg::crc32_of(json + '\0' + what_if)));
    return hex;
}

// Does this tab see the data a stamp names? Chromium brings another tab's write to a page
// key by key, each new value with its own `storage` event: the stamp (written first) can be
// seen while the portfolio is still the one before. A stamp without a tag (written by an
// older herreg) is taken as it is.
bool sees_stamped_data(const std::optional<std::string>& stamp) {
    if (!stamp) return true;
    const std::size_t dot = stamp->rfind('.');
    const std::string tag = dot == std::string::npos ? std::string() : stamp->substr(dot + 1);
    if (tag.size() != 8 || tag.find_first_not_of("0123456789abcdef") != std::string::npos) return true;
    return tag == content_tag(platform::storage_get(kAutosaveKey).value_or(""),
                              platform::storage_get(kWhatIfKey).value_or(""));
}

}  // namespace

void Autosave::start(ui::AppState& st) {
    st.autosave_guard.set_tab_id(platform::tab_id());
    st.autosave_guard.adopt(platform::storage_get(kAutosaveStampKey));
}

// Does this tab hold data of its own, which an autosave of another tab must not silently
// replace? Not while the autosave waits for the restore question or for data from the address
// to be changed, and not while nothing was loaded or typed since the page opened.
bool Autosave::holds_own_data(const ui::AppState& st) const {
    return !st.autosave_blocked && st.session.revision() != start_revision_;
}

// Does storage hold exactly the data this tab last wrote or found there?
bool Autosave::storage_holds_synced() const {
    return synced_ && platform::storage_get(kAutosaveKey) == last_saved_ &&
           platform::storage_get(kWhatIfKey).value_or("") == last_saved_what_if_;
}

// Another tab changed the autosave (its `storage` event). A tab with data of its own stops
// autosaving and asks (ui/view_tab_conflict.cpp), unless the other tab wrote exactly what
// this one holds; any other tab just takes note, and offers the newer data at its restore
// question.
//
// A new stamp is judged once the data it names is seen here (sees_stamped_data): its own
// `storage` event brings it, and the change is looked at again then. Until then nothing is
// decided: the portfolio seen may still be the one before. Should it never come (the other
// tab's portfolio did not fit), this tab learns of the other save when it writes next (write()
// compares the stamp first).
void Autosave::notice_other_tabs(ui::AppState& st) {
    bool autosave_changed = false;
    for (const std::string& key : platform::take_storage_changes())
        autosave_changed = autosave_changed || key.empty() || key == kAutosaveKey || key == kAutosaveStampKey ||
                           key == kWhatIfKey;
    if (!autosave_changed) return;
    ui::AutosaveGuard& guard = st.autosave_guard;
    const std::optional<std::string> stamp = platform::storage_get(kAutosaveStampKey);
    if (stamp != guard.known() && !sees_stamped_data(stamp)) return;
    const bool writer = holds_own_data(st);
    const bool same = writer && !guard.conflict() && stamp != guard.known() && storage_holds_synced();
    if (guard.observe(stamp, writer, same) != ui::AutosaveGuard::Outcome::followed) return;
    if (same) {
        synced_stamp_ = stamp;
        return;
    }
    if (st.address_guard || st.incoming_share) return;
    // Cleared over there: a restore question already open keeps offering what it had.
    if (auto saved = platform::storage_get(kAutosaveKey)) {
        st.restore_offer = *saved;
        st.autosave_blocked = true;
    }
}

void Autosave::write(ui::AppState& st) {
    if (st.address_guard && st.session.revision() > *st.address_guard) {
        st.autosave_blocked = false;
        st.address_guard.reset();
    }
    ui::AutosaveGuard& guard = st.autosave_guard;
    // While another tab's save waits for the user's choice, nothing is written; the whole
    // portfolio is written once the user chose to keep this tab's version.
    if (st.autosave_blocked || guard.conflict()) return;
    const bool asked = guard.take_write_request();
    if (!st.session.take_unsaved() && !asked) return;
    // Just before writing: did another tab write since this one last read or wrote? (Its
    // storage event may not have come yet, or never: a frozen tab gets none.)
    const std::optional<std::string> stored = platform::storage_get(kAutosaveStampKey);
    if (guard.observe(stored, true) == ui::AutosaveGuard::Outcome::conflict) return;
    const bool ours = synced_ && stored == synced_stamp_;   // storage holds last_saved

    const ui::Strings& s = ui::strings(st.lang);
    std::string json, what_if;
    try {
        json = herreg::write_portfolio(st.session.portfolio(ui::Scenario::as_entered));
        if (st.session.has_what_if()) what_if = herreg::write_portfolio(st.session.portfolio(ui::Scenario::what_if));
    } catch (const std::exception& e) {   // e.g. text that is not UTF-8: report, keep running
        st.autosave_problem = std::string(s.autosave_unavailable) + " (" + e.what() + ")";
        st.autosave_quiet = false;
        return;
    }
    const bool same_portfolio = ours ? json == last_saved_ : platform::storage_get(kAutosaveKey) == json;
    const bool same_what_if = ours ? what_if == last_saved_what_if_
                                   : platform::storage_get(kWhatIfKey).value_or("") == what_if;
    // Storage holds this data already (after a restore, say): writing it again would only
    // make other tabs think it changed.
    const auto synced = [&](const std::optional<std::string>& stamp) {
        last_saved_ = json;
        last_saved_what_if_ = what_if;
        synced_stamp_ = stamp;
        synced_ = true;
        st.autosave_problem.clear();
    };
    if (same_portfolio && same_what_if) {
        synced(stored);
        return;
    }

    const auto report = [&](platform::StoreResult r) {
        st.autosave_problem = r == platform::StoreResult::full ? s.autosave_full : s.autosave_unavailable;
        // Not allowed at all (a private window, an iframe on another site whose browser keeps
        // storage from it): nothing went wrong, it only cannot be done here. Said quietly.
        st.autosave_quiet = r != platform::StoreResult::full;
        synced_ = false;   // not stored: compare with storage again at the next change
    };
    // The stamp first: should the portfolio then not fit, other tabs still see that this tab
    // wrote (and ask before writing over it), rather than an old stamp on new data.
    const auto new_stamp = [&](const std::string& stored_what_if) {
        return guard.next_stamp() + "." + content_tag(json, stored_what_if);
    };
    const std::string stamp = new_stamp(what_if);
    if (const auto r = platform::storage_set(kAutosaveStampKey, stamp); r != platform::StoreResult::ok) {
        report(r);
        return;
    }
    guard.wrote(stamp);
    bool what_if_stored = true;   // best effort: the member's own data matters more
    if (!same_what_if && what_if.empty()) platform::storage_remove(kWhatIfKey);
    else if (!same_what_if) what_if_stored = platform::storage_set(kWhatIfKey, what_if) == platform::StoreResult::ok;
    if (!same_portfolio) {
        if (const auto r = platform::storage_set(kAutosaveKey, json); r != platform::StoreResult::ok) {
            report(r);
            return;
        }
    }
    if (!what_if_stored) {
        // The stamp names a what-if that is not there: stamped again with what is, so that other
        // tabs do not wait for it. Tried again at the next change.
        const std::string restamp = new_stamp(platform::storage_get(kWhatIfKey).value_or(""));
        if (platform::storage_set(kAutosaveStampKey, restamp) == platform::StoreResult::ok) guard.wrote(restamp);
        synced(restamp);
        synced_ = false;
        return;
    }
    synced(stamp);
}

}  // namespace herreg::app
