// Two tabs, one autosave. localStorage belongs to the origin, not to a tab: two tabs of herreg
// write the same `herreg.portfolio`, and without care the tab that saves last wins while the
// other tab's typing is gone without a word.
//
// So every write carries a stamp, "<tab id>.<n>", kept beside the portfolio
// (`herreg.portfolio.stamp`), and each tab remembers the stamp it last read or wrote. Another
// stamp in storage means another tab wrote since. Then:
//   - a tab that writes the autosave (the user restored it, started afresh or changed
//     something) stops writing and asks the user (view_tab_conflict.cpp): load the other
//     tab's version, keep its own and save that, or download its own;
//   - a tab that does not write it (the restore question is still open, or it shows data
//     from the address that has not been changed) simply takes note: it overwrites nothing;
//   - so does a tab when the other tab wrote exactly the data it holds itself (a restore in
//     the other tab, the same change made in both): there is nothing to lose.
//
// No I/O and no ImGui: app/autosave.cpp reads storage (at each `storage` event from another tab, and
// just before each write) and tells this class what it found.
#pragma once
#include <optional>
#include <string>

namespace herreg::ui {

// The storage keys of the autosave (the platform adds "herreg.").
inline constexpr const char* kAutosaveKey = "portfolio";             // the portfolio as entered
inline constexpr const char* kAutosaveStampKey = "portfolio.stamp";  // who wrote it: "<tab id>.<n>"
inline constexpr const char* kWhatIfKey = "whatif";                  // the helpdesk's what-if beside it

class AutosaveGuard {
public:
    // The stamp beside the autosave in storage; nullopt when there is none (nothing saved,
    // cleared, or saved by a herreg without stamps).
    using Stamp = std::optional<std::string>;

    enum class Outcome {
        unchanged,   // storage holds what this tab last read or wrote
        followed,    // another tab wrote, and this tab, not writing, now knows that version
        conflict,    // another tab wrote over what this tab is writing: stop, ask the user
    };

    // Once at start: this page's id (random per page load; platform::tab_id()).
    void set_tab_id(std::string id) { tab_ = std::move(id); }

    // This tab read the autosave as it is now (at start, on "load the other tab's version"),
    // or cleared it: it knows `stored`. Ends a conflict.
    void adopt(Stamp stored);

    // What storage holds now. `writer`: this tab writes the autosave (see above).
    // `same_data`: what storage holds is what this tab last wrote or read. A conflict stays
    // until the user resolves it (adopt(), keep_mine() or wrote()).
    Outcome observe(const Stamp& stored, bool writer, bool same_data = false);

    bool conflict() const { return conflict_; }
    const Stamp& known() const { return known_; }

    // "Keep mine": this tab has seen `stored` (the other tab's version) and writes over it on
    // purpose, at once, even if nothing changed since its last write.
    void keep_mine(Stamp stored);
    // True once after keep_mine(): write now.
    bool take_write_request();

    // The stamp for the next write (each call a new one). After the write went through,
    // wrote(stamp): storage holds this tab's version.
    std::string next_stamp();
    void wrote(std::string stamp);

private:
    std::string tab_ = "tab";
    unsigned long writes_ = 0;
    Stamp known_;
    bool conflict_ = false;
    bool write_requested_ = false;
};

}  // namespace herreg::ui
