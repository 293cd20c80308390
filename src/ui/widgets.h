// Small widgets on top of Dear ImGui that every step uses: buttons in the house style,
// text and number fields that keep what was typed, progress bars, cards. Each interactive
// widget reports itself to the platform's widget map (platform::note_widget) under a stable
// id, so a tap on a text field can open the phone keyboard and browser tests can click by name.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "assessment/assessment.h"
#include "dates/civil_date.h"
#include "platform/platform.h"
#include "imgui.h"
#include "ui/theme.h"

namespace herreg::ui {

ImVec4 col(unsigned c);

// Widget ids: "<id>" is both the ImGui id (after "##") and the widget-map id.
bool primary_button(const char* label, const char* id, ImVec2 size = ImVec2(0, 0));
bool button(const char* label, const char* id, ImVec2 size = ImVec2(0, 0));
bool link_button(const char* label, const char* id);   // text-only, accent colour
bool checkbox(const char* label, const char* id, bool* value);
bool radio(const char* label, const char* id, bool active);

// The widget drawn next, one without words of its own (a text field, a check box whose text
// is drawn beside it), is named `name` (its visible label): what a screen reader says for
// it, and its "name" in the widget map.
void name_next_widget(std::string_view name);
// The accessible name of the widget drawn last, when its words alone do not say what it acts on
// ("Bewerken" in each row of a list): "<its words>: <what>" (so the name starts with the words
// a person sees on it).
void name_last_for(std::string_view words, std::string_view what);
// A label on its own line, naming the widget drawn next.
void field_label(std::string_view text);

// A single-line text field on a std::string, holding at most `max_bytes` (the limit the core
// reads the field with, so that what is typed is what a file may hold). Returns true when the
// text changed. An edit that would pass the limit (a long paste, a key at the limit) is not
// taken: the field stays as it was and take_refused_edit() tells the app, which says so.
bool text_field(const char* id, std::string& text, std::size_t max_bytes, float width, const char* hint = nullptr);
// A box of rows to import: a paste keeps a spreadsheet's rows, its cells between semicolons.
bool text_area(const char* id, std::string& text, ImVec2 size);
// A box for longer answers, as wide as `width` (<= 0: to the column's edge). It grows with
// its text from `min_lines` to `max_lines` (then scrolls) and wraps long lines at word
// boundaries while typing; the line breaks it adds for that are not part of `text`. Enter
// starts a new line. What was typed goes into `text` at once (returns true when it changed).
// At most `max_bytes`, as text_field.
bool multiline_field(const char* id, std::string& text, std::size_t max_bytes, float width = 0, int min_lines = 3,
                     int max_lines = 14);

// The last edit a text field refused because it would pass the field's limit, once.
struct RefusedEdit {
    std::string id;          // the field's widget id
    std::string name;        // its label (field_label, name_next_widget), empty when it has none
    std::size_t max_bytes;   // its limit
};
std::optional<RefusedEdit> take_refused_edit();

// A number field that keeps what was typed: valid input (in the UI language's convention,
// "1.600" / "12,5") updates `value` and returns true; invalid input stays in the field,
// shown in red with `error` set, and `value` is left as it was. Empty input means 0 unless
// `allow_empty`, then value becomes empty.
struct FieldState {
    std::string error;   // empty when fine
};
bool number_field(const char* id, double& value, float width, std::string_view lang, double max,
                  FieldState* state = nullptr);
bool optional_number_field(const char* id, std::optional<double>& value, float width, std::string_view lang,
                           double max, FieldState* state = nullptr);
// A date field in Dutch notation (22-11-2026; 2026-11-22 also accepted). Empty allowed
// when `value` is optional.
bool date_field(const char* id, std::optional<Date>& value, float width, FieldState* state = nullptr);
// The empty date field's placeholder in the UI's language (set each frame by the app view).
void set_date_hint(const char* hint);

// Forgets the edit buffers (after a file was opened, a sample loaded, data cleared), so
// fields show the new values instead of what was typed before.
void reset_field_buffers();

// A horizontal bar: `fraction` 0..1 in `colour` on the track colour.
void progress_bar(float fraction, unsigned colour, float width, float height);
// A criterion's achieved / required as a bar across the column. `judged`: coloured as the
// verdict (met, short, unknown); otherwise in the accent until met (while still entering).
void criterion_bar(const CriterionResult& c, float height, bool judged);

// Text in a colour / font, wrapped at the current wrap position; each is a paragraph of the
// accessibility mirror too (platform::Role::text).
void text(std::string_view text);
// The words drawn last (an item or a group of them) as one paragraph of the mirror, for words
// drawn with ImGui itself.
void note_words(std::string_view text);
void text_coloured(unsigned colour, std::string_view text);
void text_muted(std::string_view text);
void text_strong(std::string_view text, const Theme& theme);
void heading(std::string_view text, const Theme& theme, std::string_view intro = {});   // intro: muted, below
// The next heading drawn takes the keyboard focus (after a step change).
void focus_next_heading();
// The widget `id` takes the keyboard focus when it is next drawn (its place after a form or
// dialog that had the focus closed); forgotten when it is not drawn in the next frame. A text
// field asked for while the keyboard is in use starts editing, ready for typing.
void focus_widget(std::string id);
void error_text(std::string_view text);

// "Label: 1.200 of 1.600" on one line; on a phone the figures get their own line, so a
// number is never broken at its thousands separator.
void label_and_figures(const std::string& label, const std::string& figures);

// A rounded box around what is drawn between begin and end (background on a lower channel).
void card_begin(unsigned fill = 0);
void card_end();
// card_end() for a card that is one choice (a register): a click anywhere on it that no
// widget inside took counts, as on a web page's choice card. Returns true on that click.
bool card_end_pressable(const char* id);

// The content column: views lay out against its right edge, not the window's (on a wide
// screen the column is narrower than the window). Cards narrow it while they are open.
void set_column_right(float screen_x);
float column_right();
float avail();                     // from the cursor to the column's right edge
void same_line_right(float width); // the next item on this line, flush with the right edge
void same_line_if_fits(const char* next_label);   // the next button here if it fits, else below (phones)

// Escape was pressed this frame with no field being edited (in a field, Escape only leaves
// the field, keeping its text: the platform sees to that). Dialogs close on it, as their
// "cancel" button would: nothing typed or saved is lost.
bool escape_pressed();

// Touch scrolling (ImGui has none): begin_frame_swipe() takes the platform's swipe once a
// frame; scroll_by_swipe() scrolls the current window by it, the first window to ask taking
// all of it.
void begin_frame_swipe();
void scroll_by_swipe();

// Where a dialog's centre goes: 40 % down the part of the display the user sees (ImGui's
// work area; embedded in a tall iframe only part of the display is on screen: platform.h).
ImVec2 dialog_centre();

// A filled circle with a number in it (the step bar, the welcome screen's steps).
void number_badge(ImVec2 centre, float radius, int number, unsigned fill, unsigned ring, unsigned text,
                  const Theme& theme);

// The keyboard's focus ring round the last item, for one that draws none itself (an
// invisible button): drawn only while the keyboard is in use and the focus is on it.
void ring_last_item();
// A table's header row (in place of ImGui::TableHeadersRow()): each header is in the semantics
// tree as a column header, pressable when its column sorts.
void table_headers();

// Reports the last item to the widget map; `state`: its role and states beyond its kind's.
void note_last(const char* id, platform::WidgetKind kind, std::string_view name = {}, platform::WidgetState state = {});
// Reports the last item as one option of a combo box's list (drawn before the combo box is noted).
void note_option(const char* id, std::string_view name, bool selected);

// "{}" placeholders replaced in order: fill("{} van {}", "3", "5").
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace herreg::ui
