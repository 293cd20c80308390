// The screens. Each draws into the current ImGui window, inside the content column that
// view_app.cpp lays out, and changes the AppState (mostly the portfolio, through
// state.session.edit()). None of them decides anything about the rules: they show what
// the core computed.
#pragma once
#include "ui/app_state.h"
#include "ui/theme.h"
#include "platform/platform.h"
#include "input/csv_import.h"
#include "forms/form_document.h"

#include <functional>
#include <string>
#include <vector>

namespace herreg::ui {

// The whole window: header, step bar, the current step, navigation, dialogs.
void draw_app(AppState& state, const Theme& theme);

void draw_welcome(AppState& state, const Theme& theme);
void draw_step_register(AppState& state, const Theme& theme);
void draw_step_dates(AppState& state, const Theme& theme);
void draw_step_hours(AppState& state, const Theme& theme);
void draw_step_activities(AppState& state, const Theme& theme);
void draw_step_result(AppState& state, const Theme& theme);
// Step 6: the application for a scheme (dispensation, deferral, re-entry): the pre-check,
// the downloads (PDF, calendar, text) and the parts of the form to fill in.
void draw_step_application(AppState& state, const Theme& theme);
// A PDF button pressed: the platform makes `document` into a PDF (in the browser a Worker of its
// own) and app.cpp says how it went; meanwhile the banner and the note under the button say it is
// being made. draw_pdf_note() draws that note under the button, on the step that asked.
void ask_for_pdf(AppState& state, const std::function<FormDocument()>& document);
void draw_pdf_note(AppState& state, const Theme& theme);
// On the result page, when the outcome comes with an application form: the way there.
void draw_application_call(AppState& state, const Theme& theme);
// True when the outcome is a scheme with an application form (step 6 is open).
bool application_available(const AppState& state);
// The application step's part of the ARIA mirror: the pre-check's summary and its items.
std::string application_mirror_text(const AppState& state);

// Helpdesk what-if (view_compare.cpp): the scenario bar above the steps while there is a
// what-if, the comparison page, the way there from the result page, and its mirror text.
void start_compare(AppState& state);
void draw_scenario_bar(AppState& state, const Theme& theme);
void draw_compare(AppState& state, const Theme& theme);
void draw_compare_call(AppState& state, const Theme& theme);
std::string compare_mirror_text(const AppState& state);
// The first change to the data as entered while a what-if exists: "was that meant?" (once).
void draw_edit_as_entered_question(AppState& state);

// Sharing as a link (view_share.cpp). open_share_dialog: the link for the portfolio being
// edited, in a dialog. offer_shared_portfolio: a fragment from the address (#p=...) read and
// held for the "open shared data?" question; false (and a banner) when it is damaged.
void open_share_dialog(AppState& state);
bool offer_shared_portfolio(AppState& state, const std::string& fragment);
void draw_share_dialogs(AppState& state);

// The text mirrored into the page's ARIA live region for the current state.
std::string mirror_text(const AppState& state);

// File > save: the portfolio as a JSON download (the banner says where, or what failed).
// File > open: the browser's file picker; the file arrives in app/app.cpp's take_file().
void save_portfolio_file(AppState& state);
void ask_for_portfolio_file(AppState& state);

// Loads a portfolio document into the session (file, sample, URL; a restore of the autosave
// with ReadMode::draft). Opened: the document must be sound (ReadMode::opened) and name only
// what the rules know (Rulebook::check_portfolio). On a problem the current data stays as it
// was and the banner says what is wrong, naming the field, in the user's language.
bool load_portfolio_text(AppState& state, const std::string& json, const std::string& source_name,
                         ReadMode mode = ReadMode::opened);

// An association's own rules file (view_rules_file.cpp). ask_for_rules_file: the file picker;
// the file arrives in app/app.cpp's take_file(), which hands it to open_rules_file: refused with
// every problem listed in a dialog (nothing changes), or taken into the session's rulebook.
void ask_for_rules_file(AppState& state);
void open_rules_file(AppState& state, const std::string& name, const std::string& contents);
// The rules file an embedding page names (data-rules, fetched from the app's own site): used
// when validate_rules finds nothing; else herreg's own rules stay, a notice says so and the
// browser's console lists every problem (for the webmaster).
void open_site_rules(AppState& state, const platform::OpenedFile& file);
// The registers an embedding page offers (data-registers; AppState::offered_registers): whether
// a register is among them (all are when the page names none that exist), and the one register
// chosen for a portfolio that has none yet when exactly one is offered.
bool register_offered(const AppState& state, const RuleSet& rs);
bool offers_known_register(const AppState& state);   // false: the list names none herreg has (or is empty)
void preselect_offered_register(AppState& state);
void draw_rules_dialog(AppState& state, const Theme& theme);
// "Own rules in use: ..." on the result and the form while the chosen register comes from an
// own rules file (nothing otherwise), and the same line (or "") for the ARIA mirror.
void draw_own_rules_note(const AppState& state);
std::string own_rules_mirror_text(const AppState& state);
// The refusal dialog's text for the ARIA mirror ("" while it is closed).
std::string rules_dialog_mirror_text(const AppState& state);

// Imports CSV rows (pasted or from a file) into the portfolio; the report says what was
// added and which lines had a problem. Pasted text is kept when a line failed.
void import_hours(AppState& state, const std::string& text);
void import_activities(AppState& state, const std::string& text);

// The "paste from a spreadsheet" card shared by the hours and activities steps: a text area
// that keeps what was pasted, an import button, a CSV file button, and the import report.
struct ImportCard {
    const char* id;        // widget ids: <id>.paste, <id>.import, <id>.import_file
    const char* help;
    ImportBox* box;
    FilePurpose purpose;   // what a chosen file is for
    void (*run)(AppState&, const std::string&);
};
void draw_import_card(AppState& state, const Theme& theme, const ImportCard& card);
// Writes an import's outcome into its box; the pasted text is cleared only when all went in.
void finish_import(ImportBox& box, size_t added, const std::vector<CsvProblem>& problems, const Strings& s);

// True on screens narrower than about 40 em (phones): views stack instead of using columns.
bool narrow();

}  // namespace herreg::ui
