// Everything the app's screens share: the session (portfolio + assessment), where the user
// is in the wizard, and the dialogs and messages waiting to be shown. Plain data; the views
// draw it and change it, app/app.cpp persists it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ui/autosave_guard.h"
#include "ui/session.h"
#include "ui/strings.h"

namespace herreg::ui {

enum class Step { welcome, register_choice, dates, hours, activities, result, application, compare };
// register .. application (the welcome screen is step 0). The application step (6) is open
// only when the outcome is a scheme with a form (dispensation, deferral, re-entry).
inline constexpr int kWizardSteps = 6;
// Step::compare (the helpdesk's side-by-side view of the two scenarios) is not in the step bar:
// it is reached from the result page, the file menu and the scenario bar.

// What a file chosen in the browser's file picker is for.
enum class FilePurpose { none, portfolio, hours_csv, activities_csv, rules_file };

struct Banner {
    std::string text;
    bool error = false;
};

// A "paste from a spreadsheet" box: the text is kept, so a failed import loses nothing.
struct ImportBox {
    std::string paste;
    std::string report;   // what was added, and each line with a problem
    bool failed = false;
};

struct AppState {
    explicit AppState(Rulebook rb) : session(std::move(rb)) {}
    explicit AppState(Session::ReadRules read_later) : session(std::move(read_later)) {}

    Lang lang = Lang::nl;
    bool dark = false;
    bool lang_changed = false;    // set by a view when the user switched language this frame
    bool theme_changed = false;

    Session session;
    Step step = Step::welcome;
    Date today;

    FilePurpose file_purpose = FilePurpose::none;
    std::optional<std::string> restore_offer;   // autosaved JSON waiting for "restore?" (not yet loaded)
    bool confirm_clear = false;
    bool autosave_blocked = false;   // until the restore question is answered: never overwrite it
    // Data opened from the address (?sample=, ?portfolio=) while an autosave exists: that
    // autosave is overwritten only once the user changes something (revision beyond this).
    std::optional<unsigned long> address_guard;
    std::string autosave_problem;    // e.g. storage full: shown, not ignored
    // Two tabs, one autosave: app/autosave.cpp consults it before each write; while another tab's
    // write is in conflict with this one, the banner of view_tab_conflict.cpp asks the user.
    AutosaveGuard autosave_guard;
    Banner banner;
    // Beside the PDF buttons (the application's, the helpdesk summary's): the PDF being made, or
    // why it could not be. The banner says it too, at the top of the step, out of view there.
    Banner pdf_note;
    Step pdf_note_step = Step::welcome;   // the step whose button asked: shown only there
    bool pdf_note_reveal = false;   // just came: scrolled into view if it is below the window's edge

    ImportBox hours_import, activities_import;

    // The application step: the field a "go to" in the pre-check asked for (its card is scrolled
    // into view and highlighted, then the field focused).
    std::string application_focus;
    int application_goto = 0;   // frames of a "go to" still to come: 3, 2 scroll to the card, 1 focus the field

    // Sharing as a link: the dialog shows `share_link` while it is set.
    std::optional<std::string> share_link;
    // The link last copied from that dialog: opened again should the browser refuse the copy.
    std::string copied_share_link;
    // A share link opened this page (#p=...): loaded only after the user says so.
    struct IncomingShare {
        std::string json;      // the portfolio document the link carries (already read once: valid)
        std::string summary;   // register, activities, ... for the question
        bool own_saved = false;
    };
    std::optional<IncomingShare> incoming_share;

    // An association's rules file that was refused: the dialog lists its problems while set.
    struct RulesRefusal {
        std::string file;
        std::vector<InputError> problems;   // each naming its path, as validate_rules gives them
    };
    std::optional<RulesRefusal> rules_refusal;

    // What a share link carries while the helpdesk has a what-if (view_share.cpp).
    enum class ShareWhat { what_if, as_entered, both };
    ShareWhat share_what = ShareWhat::both;
    bool share_notes = true;
    bool confirm_adopt = false;
    bool asking_edit_as_entered = false;   // the "change the data as entered?" question is open

    // The helpdesk's quick what-ifs (view_compare.cpp): what is typed stays between uses.
    struct QuickWhatIf {
        double count = 3, points = 8, hours_per_week = 10;
        std::string category;   // empty: the register's first
        bool accredited = true;
        std::optional<Date> before, from, to, check_date;
        bool dates_set = false;   // the dates start at the plan's own, once
    };
    QuickWhatIf quick;

    float scenario_bar_height = 0;   // its height in place, kept while it is pinned to the top
    // An embedding page's data-registers (?registers=nvvpo,kp): the registers step offers only
    // these (register ids, or "register/specialisation"). Empty: every register.
    std::vector<std::string> offered_registers;
    bool autosave_quiet = false;   // autosave_problem is "not allowed here" (a cross-site frame), not "full"
    bool scroll_to_top = false;  // a new step starts at its top
    int editing_activity = -1;   // index in portfolio().activities, -1 when none
    int sort_column = 0;
    int activities_page = 0;   // list_pager: the page of the activities list shown
    int ranges_page = 0;       // and of the hours ranges
    // Another portfolio or scenario is shown (a file, a restore, a what-if): no activity is
    // being edited, and the long lists start at their first page.
    void leave_lists() {
        editing_activity = -1;
        activities_page = 0;
        ranges_page = 0;
    }
    bool sort_ascending = true;
};

}  // namespace herreg::ui
