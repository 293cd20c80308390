#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "imgui_internal.h"   // GetActiveID / ClearActiveID for multiline_field
#include "imgui_stdlib.h"
#include "text/number_format.h"
#include "platform/platform.h"
#include "text/utf8_text.h"

namespace herreg::ui {
namespace {

using platform::WidgetKind;

const char* g_date_hint = "dd-mm-jjjj";   // set_date_hint(): the UI language's

// Tab pressed in a box of several lines (its id): the widget after it takes the keyboard focus.
ImGuiID g_focus_after_box = 0;
// focus_widget(): the widget id asked for, and the frame it was asked in.
std::string g_focus_request;
int g_focus_request_frame = -10;
// name_next_widget(): the visible label of the widget drawn next.
std::string g_next_widget_name;

// The modal dialog the current window lies in (its ImGui id), 0 for the page.
unsigned modal_dialog() {
    const ImGuiWindow* root = ImGui::GetCurrentWindow()->RootWindow;
    return root != nullptr && (root->Flags & ImGuiWindowFlags_Modal) ? root->ID : 0;
}

// The table cell the current item lies in, if any (a table's structure for the mirror).
void place_in_table(platform::WidgetState& st) {
    const ImGuiTable* t = GImGui->CurrentTable;
    if (t == nullptr || !t->IsInsideRow || t->CurrentColumn < 0 || ImGui::GetCurrentWindow() != t->InnerWindow) return;
    st.table = t->ID;
    st.row = t->CurrentRow;
    st.column = t->CurrentColumn;
}

// `name`: the words on the widget (a button's label); a widget without words of its own (a
// text field, a check box whose text is drawn beside it) takes them from name_next_widget(),
// and any widget noted lets them go (they were for the widget right after them).
// `state`: its role and states beyond what its kind says (platform::WidgetState); the modal
// dialog it lies in is filled in here.
void note(const char* id, WidgetKind kind, std::string_view name = {}, platform::WidgetState state = {}) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    platform::note_widget(id, kind, a.x, a.y, b.x, b.y);
    if (name.empty()) name = g_next_widget_name;
    if (!name.empty()) platform::note_widget_text(platform::WidgetText::name, name);
    g_next_widget_name.clear();   // after its last use: `name` may point into it
    state.dialog = modal_dialog();
    place_in_table(state);
    // A combo box's options are noted before it (its list is drawn inside BeginCombo): it is
    // open when some were.
    static int options_before = 0;
    if (state.role == platform::Role::option) ++options_before;
    if (kind == WidgetKind::combo) state.expanded = std::exchange(options_before, 0) > 0 ? 1 : 0;
    platform::note_widget_state(state);
    const ImGuiID item = ImGui::GetItemID();
    if (!g_focus_request.empty() && ImGui::GetFrameCount() > g_focus_request_frame + 1) g_focus_request.clear();
    if (!g_focus_request.empty() && item != 0 && g_focus_request == id) {
        g_focus_request.clear();
        // From the keyboard a text field is ready for typing, as after Tab; after a click or
        // a tap it only takes the focus (a phone's keyboard should not spring up unasked).
        if (kind == WidgetKind::text_field && !GImGui->NavDisableHighlight) ImGui::SetKeyboardFocusHere(-1);
        else ImGui::SetFocusID(item, ImGui::GetCurrentWindow());   // ringed if the keyboard closed the form
    }
    if (g_focus_after_box != 0 && item != 0 && item != g_focus_after_box) {
        g_focus_after_box = 0;
        if (kind == WidgetKind::text_field) {
            ImGui::SetKeyboardFocusHere(-1);   // editing it, as Tab does
        } else {
            ImGui::SetFocusID(item, ImGui::GetCurrentWindow());
            GImGui->NavDisableHighlight = false;   // moved by a key: show the ring
            GImGui->NavDisableMouseHover = true;
        }
    }
}

// Tab in a box of several lines (the last item drawn): ImGui 1.86 would go round inside the
// box's own window, back into the box. Tab leaves it for the next widget (its "Importeren"
// button, say); Shift+Tab leaves it with the focus on the box.
void tab_out_of_box() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsItemActive() || io.KeyCtrl || !ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab))) return;
    ImGui::ClearActiveID();
    ImGui::NavMoveRequestCancel();
    g_focus_after_box = io.KeyShift ? 0 : ImGui::GetItemID();
}

// What the user typed into number and date fields, by ImGui id, while it differs from the
// model (being edited, or invalid). Cleared by reset_field_buffers().
struct Buffer {
    std::string text;
    bool invalid = false;
};
std::unordered_map<ImGuiID, Buffer>& buffers() {
    static std::unordered_map<ImGuiID, Buffer> b;
    return b;
}

// Shared by number and date fields: shows `shown` (the model's value as text) unless the
// user is editing or left invalid text; parses with `parse` on every change.
template <class Parse>
bool buffered_field(const char* id, const std::string& shown, float width, FieldState* state, Parse parse,
                    const char* hint) {
    ImGui::PushID(id);
    const ImGuiID key = ImGui::GetID("##field");
    auto& all = buffers();
    auto it = all.find(key);
    std::string text = it != all.end() ? it->second.text : shown;
    const bool invalid = it != all.end() && it->second.invalid;
    if (invalid) {
        ImGui::PushStyleColor(ImGuiCol_Border, col(palette().bad));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, col(palette().bad_soft));
    }
    ImGui::SetNextItemWidth(width <= 0 ? avail() : width);
    const bool edited = ImGui::InputTextWithHint("##field", hint ? hint : "", &text);
    const bool active = ImGui::IsItemActive();
    if (invalid) ImGui::PopStyleColor(2);
    platform::WidgetState st;
    st.invalid = invalid;
    note(id, WidgetKind::text_field, {}, st);
    platform::note_widget_text(platform::WidgetText::value, text);
    if (hint && *hint) platform::note_widget_text(platform::WidgetText::hint, hint);
    ImGui::PopID();

    bool changed = false;
    if (edited) {
        const bool ok = parse(text);
        all[key] = Buffer{text, !ok};
        changed = ok;
    } else if (!active && it != all.end() && !it->second.invalid) {
        all.erase(it);   // done editing a valid value: show the model's formatting again
    }
    if (state) {
        auto now = all.find(key);
        state->error = (now != all.end() && now->second.invalid) ? "invalid" : "";
    }
    return changed;
}

}  // namespace

ImVec4 col(unsigned c) { return ImGui::ColorConvertU32ToFloat4(c); }

void note_last(const char* id, WidgetKind kind, std::string_view name, platform::WidgetState state) {
    note(id, kind, name, state);
}

void note_option(const char* id, std::string_view name, bool selected) {
    platform::WidgetState st;
    st.role = platform::Role::option;
    st.selected = selected;
    note(id, WidgetKind::other, name, st);
}

void name_next_widget(std::string_view name) { g_next_widget_name.assign(name); }

void table_headers() {
    ImGuiTable* table = GImGui->CurrentTable;
    // As ImGui::TableHeadersRow() does, with each header noted.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ImGui::TableGetHeaderRowHeight());
    if (table->HostSkipItems) return;
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::PushID(table->InstanceCurrent * table->ColumnsCount + c);
        ImGui::TableHeader(name);
        ImGui::PopID();
        if (name == nullptr || *name == '\0') continue;   // a column of buttons: no words to head it
        // A header's cell reaches past the table's edge by the cell padding: its element stays inside.
        ImRect& r = GImGui->LastItemData.Rect;
        r.Min.x = std::max(r.Min.x, table->OuterRect.Min.x);
        r.Max.x = std::min(r.Max.x, table->OuterRect.Max.x);
        platform::WidgetState st;
        st.role = platform::Role::columnheader;
        const bool sortable = (table->Flags & ImGuiTableFlags_Sortable) != 0 &&
                              (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_NoSort) == 0;
        if (sortable) {
            const ImGuiTableColumn& column = table->Columns[c];
            st.sort = column.SortOrder < 0 ? 0 : column.SortDirection == ImGuiSortDirection_Ascending ? 1 : 2;
        }
        const std::string id = "table.header." + std::to_string(c);
        note(id.c_str(), sortable ? WidgetKind::button : WidgetKind::other, name, st);
        if (sortable) ring_last_item();   // ImGui's own is thin and cut off by the cell
    }
}

void ring_last_item() {
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetItemID());
}

void name_last_for(std::string_view words, std::string_view what) {
    platform::note_widget_text(platform::WidgetText::name, fill("{}: {}", {words, what}));
}

void field_label(std::string_view text) {
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    name_next_widget(text);
}

bool primary_button(const char* label, const char* id, ImVec2 size) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, col(p.accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(p.accent_hover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, col(p.accent_active));
    ImGui::PushStyleColor(ImGuiCol_Text, col(p.on_accent));
    ImGui::PushStyleColor(ImGuiCol_Border, col(p.accent));
    const std::string full = std::string(label) + "##" + id;
    const bool clicked = ImGui::Button(full.c_str(), size);
    ImGui::PopStyleColor(5);
    note(id, WidgetKind::button, label);
    return clicked;
}

bool button(const char* label, const char* id, ImVec2 size) {
    const std::string full = std::string(label) + "##" + id;
    const bool clicked = ImGui::Button(full.c_str(), size);
    note(id, WidgetKind::button, label);
    return clicked;
}

bool link_button(const char* label, const char* id) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(p.accent_soft));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, col(p.accent_soft));
    ImGui::PushStyleColor(ImGuiCol_Text, col(p.accent));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    const std::string full = std::string(label) + "##" + id;
    const bool clicked = ImGui::Button(full.c_str());
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    platform::WidgetState st;
    st.role = platform::Role::link;
    note(id, WidgetKind::button, label, st);
    return clicked;
}

// Check boxes and radio buttons with labels that wrap (long Dutch labels on a phone);
// a click on the label toggles too, as on a web page.
template <class Draw>
bool with_wrapped_label(const char* label, const char* id, Draw draw, WidgetKind kind, platform::WidgetState state) {
    ImGui::PushID(id);
    ImGui::BeginGroup();
    // The focus ring goes round box and label together (below), as on a web page, not round
    // the box alone: the box draws none.
    ImGui::PushStyleColor(ImGuiCol_NavHighlight, ImVec4(0, 0, 0, 0));
    bool clicked = draw();
    ImGui::PopStyleColor();
    const ImGuiID box = ImGui::GetItemID();
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    const float wrap = column_right() - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    ImGui::PushTextWrapPos(wrap);
    ImGui::TextWrapped("%s", label);
    ImGui::PopTextWrapPos();
    const bool label_clicked = ImGui::IsItemClicked();
    ImGui::EndGroup();
    // The gap between box and label belongs to the widget too: a click there (where the middle
    // of a short label's widget falls) must not be lost. The box itself holds the mouse while
    // pressed (it is the group's active item then), so its own click does not count here again:
    // a checkbox would toggle twice.
    const bool gap_clicked = !clicked && !label_clicked && !ImGui::IsItemActive() && ImGui::IsItemClicked();
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), box);
    // The widget is its box to the keyboard: the widget map's "focused" and focus_widget() go
    // by the last item's id, which a group does not have.
    GImGui->LastItemData.ID = box;
    ImGui::PopID();
    note(id, kind, label, state);
    return clicked || label_clicked || gap_clicked;
}

bool checkbox(const char* label, const char* id, bool* value) {
    platform::WidgetState st;
    if (label[0] == '#' && label[1] == '#') {   // no visible label
        const bool changed = ImGui::Checkbox((std::string(label) + id).c_str(), value);
        st.checked = *value ? 1 : 0;
        note(id, WidgetKind::checkbox, {}, st);
        return changed;
    }
    bool toggled_by_box = false;
    st.checked = *value ? 1 : 0;   // as drawn: a click on the label toggles it below, for the next frame
    const bool clicked = with_wrapped_label(label, id, [&] { return toggled_by_box = ImGui::Checkbox("##box", value); },
                                            WidgetKind::checkbox, st);
    if (clicked && !toggled_by_box) *value = !*value;
    return clicked;
}

bool radio(const char* label, const char* id, bool active) {
    platform::WidgetState st;
    st.role = platform::Role::radio;
    st.checked = active ? 1 : 0;
    return with_wrapped_label(label, id, [&] { return ImGui::RadioButton("##radio", active); }, WidgetKind::checkbox, st);
}

namespace {

std::optional<RefusedEdit> g_refused_edit;   // take_refused_edit()

// Where two texts start to differ: where an edit was made.
std::size_t common_prefix(std::string_view a, std::string_view b) {
    std::size_t p = 0;
    while (p < a.size() && p < b.size() && a[p] == b[p]) ++p;
    return p;
}

// A single-line field's limit. ImGui has applied the frame's keys and paste when it calls
// back (once a frame, CallbackEdit); an edit past the limit is undone whole, with the cursor
// where it was made, and so is what the edit left on the undo stack: else Ctrl+Z would undo
// the refused insertion on the text without it, and ImGui's lengths would go wrong.
struct FieldLimit {
    std::size_t max_bytes;
    std::string before;   // the text at the start of the frame
    std::optional<ImStb::StbUndoState> undo;   // the field's undo stack then (it was active)
    bool refused = false;
};

int limit_callback(ImGuiInputTextCallbackData* data) {
    FieldLimit& limit = *static_cast<FieldLimit*>(data->UserData);
    if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit) return 0;
    // The text's length as it is (BufTextLen can be off where ImGui re-encoded a character it
    // cannot hold, such as an emoji from a file). Only what grows past the limit is refused: a
    // text over it already (an older save) can be shortened.
    const std::size_t size = std::strlen(data->Buf);
    if (size <= limit.max_bytes || size <= limit.before.size()) return 0;
    const std::string_view now(data->Buf, size);
    const int at = int(utf8_floor_boundary(limit.before, common_prefix(now, limit.before)));
    data->DeleteChars(0, int(size));
    data->InsertChars(0, limit.before.data(), limit.before.data() + limit.before.size());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = at;
    ImStb::StbUndoState& undo = GImGui->InputTextState.Stb.undostate;
    if (limit.undo) {
        undo = *limit.undo;
    } else {   // activated in this very frame: there was nothing to undo
        undo.undo_point = 0;
        undo.undo_char_point = 0;
        undo.redo_point = STB_TEXTEDIT_UNDOSTATECOUNT;
        undo.redo_char_point = STB_TEXTEDIT_UNDOCHARCOUNT;
    }
    limit.refused = true;
    return 0;
}

}  // namespace

std::optional<RefusedEdit> take_refused_edit() { return std::exchange(g_refused_edit, std::nullopt); }

bool text_field(const char* id, std::string& text, std::size_t max_bytes, float width, const char* hint) {
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(width <= 0 ? avail() : width);
    FieldLimit limit{max_bytes, text, std::nullopt};
    if (const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetID("##text"))) limit.undo = state->Stb.undostate;
    const bool edited = ImGui::InputTextWithHint("##text", hint ? hint : "", &text, ImGuiInputTextFlags_CallbackEdit,
                                                 limit_callback, &limit);
    ImGui::PopID();
    if (limit.refused) g_refused_edit = RefusedEdit{id, g_next_widget_name, max_bytes};
    note(id, WidgetKind::text_field);
    platform::note_widget_text(platform::WidgetText::value, text);
    if (hint && *hint) platform::note_widget_text(platform::WidgetText::hint, hint);
    return edited && text != limit.before;
}

bool text_area(const char* id, std::string& text, ImVec2 size) {
    ImGui::PushID(id);
    if (size.x <= 0) size.x = avail();
    const bool changed = ImGui::InputTextMultiline("##area", &text, size);
    platform::text_field_takes_rows();
    tab_out_of_box();
    // ImGui 1.86 ends a multiline box with a group, which leaves no item id unless it is
    // active: the box's own id, so the keyboard can focus it and start editing it by id.
    GImGui->LastItemData.ID = ImGui::GetID("##area");
    ImGui::PopID();
    platform::WidgetState st;
    st.multiline = true;
    note(id, WidgetKind::text_field, {}, st);
    platform::note_widget_text(platform::WidgetText::value, text);
    return changed;
}

namespace {

// Soft wrapping for multiline_field. ImGui 1.86's multiline text box does not wrap, so the
// box is handed the text with a '\n' inserted wherever a line is full ("soft" breaks, at
// word boundaries), and those are taken out again before the text goes to the model. The
// box's buffer and the positions of its soft breaks are kept per widget; while the user
// types, a callback re-wraps the buffer every frame and keeps the cursor on its character.
struct Wrapped {
    std::string buffer;       // the text with soft breaks
    std::vector<int> soft;    // byte offsets of the soft '\n's in `buffer`, ascending
};

struct WrapBox {
    Wrapped now;              // what the box holds (as of the last frame, or the callback)
    Wrapped initial;          // at activation: Escape brings this back
    std::size_t max_bytes = 0;   // the text's limit (multiline_field)
    bool refused = false;        // the callback undid an edit past it
    bool active = false;
    float wrap_width = 0;
    ImFont* font = nullptr;
    float font_size = 0;
};

std::unordered_map<ImGuiID, WrapBox>& wrap_boxes() {
    static std::unordered_map<ImGuiID, WrapBox> b;
    return b;
}

// The character at text[i] as the text box reads it (ImGui's own decoder, which InputText uses):
// its bytes (at least one: ImGui takes none for a NUL) and its code point, U+FFFD when it is
// not UTF-8 or lies past what ImGui draws (U+FFFF). A soft break then never lands inside what
// the box takes for one character.
int char_at(const std::string& text, size_t i, unsigned& code_point) {
    code_point = 0;
    return std::max(1, ImTextCharFromUtf8(&code_point, text.data() + i, text.data() + text.size()));
}

// `text` (no soft breaks) wrapped at `width` pixels: a line breaks after the blanks that
// follow a word (the blanks stay at the end of the line, as in a browser), or inside a
// word longer than the line.
Wrapped wrap_text(const std::string& text, ImFont* font, float size, float width) {
    Wrapped out;
    out.buffer.reserve(text.size() + text.size() / 32);
    const float scale = size / font->FontSize;
    auto advance = [&](unsigned code_point) { return font->GetCharAdvance(static_cast<ImWchar>(code_point)) * scale; };
    size_t line_start = 0, copied = 0;
    size_t break_at = std::string::npos;   // where the line may break: after blanks, before a word
    float line_width = 0;
    auto emit_break = [&](size_t at) {
        out.buffer.append(text, copied, at - copied);
        copied = at;
        out.soft.push_back(int(out.buffer.size()));
        out.buffer += '\n';
        line_start = at;
        break_at = std::string::npos;
        line_width = 0;
    };
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        unsigned code_point = 0;
        const int n = char_at(text, i, code_point);
        if (c == '\n') {
            i += 1;
            line_start = i;
            break_at = std::string::npos;
            line_width = 0;
            continue;
        }
        const float w = advance(code_point);
        if (c == ' ' || c == '\t') {   // blanks hang past the edge; a word after them may start a line
            line_width += w;
            i += size_t(n);
            if (i < text.size() && text[i] != ' ' && text[i] != '\t') break_at = i;
            continue;
        }
        if (line_width + w > width && i > line_start) {
            const size_t at = break_at != std::string::npos && break_at > line_start ? break_at : i;
            emit_break(at);
            for (size_t k = at; k < i;) {   // the start of the word now begins the new line
                unsigned cp = 0;
                const int m = char_at(text, k, cp);
                line_width += advance(cp);
                k += size_t(m);
            }
            continue;   // measure this character again on the new line
        }
        line_width += w;
        i += size_t(n);
    }
    out.buffer.append(text, copied, std::string::npos);
    return out;
}

// The buffer without its soft breaks.
std::string unwrap(const std::string& buffer, const std::vector<int>& soft) {
    std::string out;
    out.reserve(buffer.size());
    size_t from = 0;
    for (int q : soft) {
        if (q < 0 || size_t(q) >= buffer.size() || q < int(from)) continue;
        out.append(buffer, from, size_t(q) - from);
        from = size_t(q) + 1;
    }
    out.append(buffer, from, std::string::npos);
    return out;
}

// Buffer offset -> text offset (soft breaks before it do not count), and back. A text
// offset where a soft break was inserted maps to just after it (the start of the line).
int to_text(int pos, const std::vector<int>& soft) {
    int before = 0;
    for (int q : soft) before += q < pos ? 1 : 0;
    return pos - before;
}
int to_buffer(int pos, const std::vector<int>& soft) {
    int at = pos;
    for (size_t j = 0; j < soft.size(); ++j)
        if (soft[j] - int(j) <= pos) ++at;
    return at;
}

int wrap_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
    WrapBox& box = *static_cast<WrapBox*>(data->UserData);
    std::string cur(data->Buf, size_t(data->BufTextLen));
    std::vector<int> soft;
    int cursor = data->CursorPos, sel_a = data->SelectionStart, sel_b = data->SelectionEnd;
    const std::string& prev = box.now.buffer;
    size_t changed_at = 0;   // in the buffer, where the user's change starts
    if (cur == prev) {
        soft = box.now.soft;
    } else {
        // What the user changed: the part between the common beginning and end.
        const size_t p = common_prefix(cur, prev);
        changed_at = p;
        size_t e = 0;
        while (e < cur.size() - p && e < prev.size() - p && cur[cur.size() - 1 - e] == prev[prev.size() - 1 - e]) ++e;
        const int old_end = int(prev.size() - e), delta = int(cur.size()) - int(prev.size());
        bool removed_soft_break = false;   // the change is exactly one soft break taken out
        for (int q : box.now.soft) {
            if (q < int(p)) soft.push_back(q);
            else if (q >= old_end) soft.push_back(q + delta);
            else if (q == int(p) && old_end == int(p) + 1 && cur.size() - e == p) removed_soft_break = true;
        }
        // Backspace at the start of a wrapped line (or Delete at its end) removed only a
        // break the user never typed: remove the character beside it instead.
        if (removed_soft_break) {
            const bool forward = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete));
            size_t from = p, to = p;
            if (forward && p < cur.size()) {
                unsigned cp = 0;
                to = p + size_t(char_at(cur, p, cp));
            } else if (!forward && p > 0) {
                from = utf8_floor_boundary(cur, p - 1);
            }
            const bool is_soft = std::find(soft.begin(), soft.end(), int(from)) != soft.end();
            if (to > from && !is_soft) {
                cur.erase(from, to - from);
                for (int& q : soft)
                    if (q >= int(to)) q -= int(to - from);
                cursor = sel_a = sel_b = int(from);
            }
        }
    }
    std::string text = unwrap(cur, soft);
    int t_cursor = to_text(cursor, soft), t_a = to_text(sel_a, soft), t_b = to_text(sel_b, soft);
    // Grown past the field's limit: the edit is undone whole, the cursor stays where it was made.
    // A text over the limit already (an older save) can still be shortened.
    if (text.size() > box.max_bytes) {
        if (std::string before = unwrap(prev, box.now.soft); text.size() > before.size()) {
            text = std::move(before);
            t_cursor = t_a = t_b = to_text(int(utf8_floor_boundary(prev, changed_at)), box.now.soft);
            box.refused = true;
        }
    }
    Wrapped next = wrap_text(text, box.font, box.font_size, box.wrap_width);
    const std::string original(data->Buf, size_t(data->BufTextLen));
    if (next.buffer != original) {
        // Replace only the part that differs (cheap, and keeps the buffer's start untouched).
        size_t p = 0;
        while (p < next.buffer.size() && p < original.size() && next.buffer[p] == original[p]) ++p;
        size_t e = 0;
        while (e < next.buffer.size() - p && e < original.size() - p &&
               next.buffer[next.buffer.size() - 1 - e] == original[original.size() - 1 - e])
            ++e;
        data->DeleteChars(int(p), int(original.size() - e - p));
        const std::string mid = next.buffer.substr(p, next.buffer.size() - e - p);
        if (!mid.empty()) data->InsertChars(int(p), mid.c_str(), mid.c_str() + mid.size());
        data->CursorPos = to_buffer(t_cursor, next.soft);
        data->SelectionStart = to_buffer(t_a, next.soft);
        data->SelectionEnd = to_buffer(t_b, next.soft);
    }
    box.now = std::move(next);
    return 0;
}

}  // namespace

bool multiline_field(const char* id, std::string& text, std::size_t max_bytes, float width, int min_lines, int max_lines) {
    ImGui::PushID(id);
    const ImGuiID key = ImGui::GetID("##multi");
    WrapBox& box = wrap_boxes()[key];
    box.max_bytes = max_bytes;
    // Still being edited in ImGui although the box was reset (a file opened meanwhile): ImGui's
    // copy of the text is stale, so let go of it; the box shows the model's text again.
    if (!box.active && ImGui::GetActiveID() == key) ImGui::ClearActiveID();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = width <= 0 ? avail() : width;
    box.font = ImGui::GetFont();
    box.font_size = ImGui::GetFontSize();
    // Wrap inside the frame's padding, leaving room for the cursor; when the text needs more
    // than max_lines, the box scrolls and its scroll bar takes room too.
    auto wrap_at = [&](bool scrollbar) {
        return std::fmax(2.0f * box.font_size, w - 2.0f * style.FramePadding.x - 2.0f - (scrollbar ? style.ScrollbarSize : 0.0f));
    };
    auto lines_of = [](const Wrapped& wr) { return int(std::count(wr.buffer.begin(), wr.buffer.end(), '\n')) + 1; };
    if (!box.active) {
        box.wrap_width = wrap_at(false);
        box.now = wrap_text(text, box.font, box.font_size, box.wrap_width);
        if (lines_of(box.now) > max_lines) {
            box.wrap_width = wrap_at(true);
            box.now = wrap_text(text, box.font, box.font_size, box.wrap_width);
        }
    } else {
        box.wrap_width = wrap_at(lines_of(box.now) > max_lines);   // the callback re-wraps to it
    }
    const int lines = std::clamp(lines_of(box.now), min_lines, max_lines);
    const float height = float(lines) * ImGui::GetTextLineHeight() + 2.0f * style.FramePadding.y + 1.0f;
    std::string buffer = box.now.buffer;
    const Wrapped before = box.now;
    const bool edited = ImGui::InputTextMultiline("##multi", &buffer, ImVec2(w, height),
                                                  ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_NoUndoRedo |
                                                      ImGuiInputTextFlags_NoHorizontalScroll,
                                                  wrap_callback, &box);
    tab_out_of_box();
    if (std::exchange(box.refused, false)) g_refused_edit = RefusedEdit{id, g_next_widget_name, max_bytes};
    const bool active = ImGui::IsItemActive();
    if (active && !box.active) box.initial = before;   // activated this frame, from what it showed
    box.active = active;
    GImGui->LastItemData.ID = ImGui::GetID("##multi");   // as in text_area
    ImGui::PopID();
    platform::WidgetState st;
    st.multiline = true;
    note(id, WidgetKind::text_field, {}, st);
    platform::note_widget_text(platform::WidgetText::value, text);
    if (!edited) return false;
    std::string now;
    if (buffer == box.now.buffer) now = unwrap(buffer, box.now.soft);
    else if (buffer == box.initial.buffer) now = unwrap(buffer, box.initial.soft);   // Escape: back to the start
    else now = buffer;
    if (!active) box.now = wrap_text(now, box.font, box.font_size, box.wrap_width);
    if (now == text) return false;
    text = std::move(now);
    return true;
}

bool number_field(const char* id, double& value, float width, std::string_view lang, double max,
                  FieldState* state) {
    std::optional<double> v = value;
    if (!optional_number_field(id, v, width, lang, max, state)) return false;
    value = v.value_or(0.0);   // an emptied field means 0 here
    return true;
}

bool optional_number_field(const char* id, std::optional<double>& value, float width, std::string_view lang,
                           double max, FieldState* state) {
    const std::string shown = value ? format_number(*value, lang, 2) : "";
    std::optional<double> parsed = value;
    const bool changed = buffered_field(
        id, shown, width, state,
        [&](const std::string& t) {
            if (t.find_first_not_of(' ') == std::string::npos) {
                parsed.reset();
                return true;
            }
            auto v = parse_number(t, lang);
            if (!v || !std::isfinite(*v) || *v < 0 || *v > max) return false;
            parsed = *v;
            return true;
        },
        "");
    if (changed) value = parsed;
    return changed;
}

bool date_field(const char* id, std::optional<Date>& value, float width, FieldState* state) {
    const std::string shown = value ? to_dutch(*value) : "";
    std::optional<Date> parsed = value;
    const bool changed = buffered_field(
        id, shown, width, state,
        [&](const std::string& raw) {
            std::string t;
            for (char c : raw)
                if (c != ' ') t += c;
            if (t.empty()) {
                parsed.reset();
                return true;
            }
            if (auto d = parse_typed_date(t)) {
                parsed = d;
                return true;
            }
            return false;
        },
        g_date_hint);
    if (changed) value = parsed;
    return changed;
}

void set_date_hint(const char* hint) { g_date_hint = hint; }

bool escape_pressed() {
    return !ImGui::IsAnyItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

namespace {
float g_swipe = 0.0f;   // this frame's swipe, until a window took it
}  // namespace

void begin_frame_swipe() { g_swipe = platform::take_swipe(); }

void scroll_by_swipe() {
    if (g_swipe == 0.0f) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - g_swipe);
    g_swipe = 0.0f;
}

void reset_field_buffers() {
    buffers().clear();
    for (auto& [key, box] : wrap_boxes()) box.active = false;   // boxes show the model's text again
}

void progress_bar(float fraction, unsigned colour, float width, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = height * 0.5f;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), palette().track, r);
    const float f = std::fmin(1.0f, std::fmax(0.0f, fraction));
    if (f > 0.0f) dl->AddRectFilled(p, ImVec2(p.x + std::fmax(2.0f * r, width * f), p.y + height), colour, r);
    ImGui::Dummy(ImVec2(width, height));
}

void criterion_bar(const CriterionResult& c, float height, bool judged) {
    const Palette& p = palette();
    const float f = c.required && *c.required > 0 ? float(c.achieved / *c.required) : 0.0f;
    unsigned colour = c.met.value_or(false) ? p.good : p.accent;
    if (judged) colour = !c.met ? p.warn : (*c.met ? p.good : p.bad);
    progress_bar(f, colour, avail(), height);
}

void number_badge(ImVec2 centre, float radius, int number, unsigned fill, unsigned ring, unsigned text,
                  const Theme& theme) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(centre, radius, fill, 32);
    if (ring != fill) dl->AddCircle(centre, radius, ring, 32, 1.5f);
    const std::string digits = std::to_string(number);
    ImFont* bold = theme.fonts().strong;
    const ImVec2 size = bold->CalcTextSizeA(bold->FontSize, 1e9f, 0.0f, digits.c_str());
    dl->AddText(bold, bold->FontSize, ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), text, digits.c_str());
}

namespace {

// The words just drawn, in the semantics tree as text (a paragraph of the mirror). Not through
// note(): a label's name waiting for its field (name_next_widget) must wait on.
void note_text(std::string_view text) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    platform::note_widget("text", WidgetKind::other, a.x, a.y, b.x, b.y);
    platform::note_widget_text(platform::WidgetText::name, text);
    platform::WidgetState st;
    st.role = platform::Role::text;
    st.dialog = modal_dialog();
    place_in_table(st);
    platform::note_widget_state(st);
}

void draw_coloured(unsigned colour, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, col(colour));
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopStyleColor();
}

}  // namespace

void note_words(std::string_view text) { note_text(text); }

void text(std::string_view text) {
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    note_text(text);
}

void text_coloured(unsigned colour, std::string_view text) {
    draw_coloured(colour, text);
    note_text(text);
}

void text_muted(std::string_view text) { text_coloured(palette().muted, text); }

void text_strong(std::string_view text, const Theme& theme) {
    ImGui::PushFont(theme.fonts().strong);
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopFont();
    note_text(text);
}

namespace {
bool g_focus_heading = false;   // the next heading takes the keyboard focus
}  // namespace

void focus_next_heading() { g_focus_heading = true; }

void focus_widget(std::string id) {
    g_focus_request = std::move(id);
    g_focus_request_frame = ImGui::GetFrameCount();
}

void heading(std::string_view text, const Theme& theme, std::string_view intro) {
    ImGui::PushFont(theme.fonts().heading);
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopFont();
    // A place for the keyboard focus: the arrows go on from a heading, and a new step puts the
    // focus on its heading (else it stayed on a button of the step left, which is gone).
    const ImRect bb(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    // Its id counts the headings of the frame, not its words: the focus stays on it when the
    // language changes.
    static const ImGuiContext* context = nullptr;   // the native tests run a context per tab
    static int frame = -1, nth = 0;
    if (context != GImGui || frame != ImGui::GetFrameCount()) {
        context = GImGui;
        frame = ImGui::GetFrameCount();
        nth = 0;
    }
    const ImGuiID id = ImGui::GetID(("##heading" + std::to_string(nth++)).c_str());
    ImGui::ItemAdd(bb, id);
    if (std::exchange(g_focus_heading, false)) ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
    ImGui::RenderNavHighlight(bb, id);   // only while the keyboard is in use (ImGui's rule)
    platform::WidgetState st;
    st.role = platform::Role::heading;
    st.level = 2;   // under the page's title
    note("heading", WidgetKind::other, text, st);
    ImGui::Dummy(ImVec2(0, 0.2f * ImGui::GetFontSize()));
    if (intro.empty()) return;
    text_muted(intro);
    ImGui::Dummy(ImVec2(0, 0.3f * ImGui::GetFontSize()));
}

void label_and_figures(const std::string& label, const std::string& figures) {
    if (ImGui::CalcTextSize((label + ": " + figures).c_str()).x <= avail()) {
        ImGui::TextUnformatted((label + ": " + figures).c_str());
        note_text(label + ": " + figures);
        return;
    }
    ImGui::BeginGroup();
    text(label);
    ImGui::TextUnformatted(figures.c_str());
    note_text(figures);
    ImGui::EndGroup();
}

void error_text(std::string_view text) {
    draw_coloured(palette().bad, text);
    // In the semantics tree as an alert: a screen reader says it when it appears, and the
    // field it follows is described by it (a11y_mirror.js).
    platform::WidgetState st;
    st.role = platform::Role::alert;
    note("error", WidgetKind::other, text, st);
}

namespace {
float g_column_right = 0.0f;
}

void set_column_right(float screen_x) { g_column_right = screen_x; }
float column_right() { return g_column_right; }
float avail() { return std::fmax(1.0f, g_column_right - ImGui::GetCursorScreenPos().x); }

void same_line_if_fits(const char* next_label) {
    const float w = ImGui::CalcTextSize(next_label).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();
    if (w > avail()) ImGui::NewLine();
}

void same_line_right(float width) {
    ImGui::SameLine();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(std::fmax(at.x, g_column_right - width), at.y));
}

ImVec2 dialog_centre() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    return ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f);
}

namespace {
struct OpenCard {
    float outer_right;
    ImDrawListSplitter splitter;
    ImVec2 min;
    float width;
    unsigned fill;
};
std::vector<OpenCard>& cards() {
    static std::vector<OpenCard> c;
    return c;
}
}  // namespace

void card_begin(unsigned fill) {
    const float em = ImGui::GetFontSize();
    const float pad = em;
    auto& stack = cards();
    stack.emplace_back();
    OpenCard& c = stack.back();
    c.fill = fill ? fill : palette().card;
    c.min = ImGui::GetCursorScreenPos();
    c.width = avail();
    c.outer_right = g_column_right;
    g_column_right = c.min.x + c.width - pad;
    c.splitter.Split(ImGui::GetWindowDrawList(), 2);
    c.splitter.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    ImGui::SetCursorScreenPos(ImVec2(c.min.x + pad, c.min.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + c.width - 2.0f * pad);
    ImGui::PushItemWidth(c.width - 2.0f * pad);
}

bool card_end_pressable(const char* id) {
    const ImVec2 min = cards().back().min;
    const float width = cards().back().width;
    card_end();
    // After the card's widgets: they keep the mouse where they are (ImGui gives an item the
    // hover only when no earlier one has it).
    const ImRect bb(min, ImVec2(min.x + width, ImGui::GetItemRectMin().y));
    const ImGuiID key = ImGui::GetID(id);
    // Not a keyboard stop of its own: the radio or check box inside is.
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
    const bool added = ImGui::ItemAdd(bb, key);
    ImGui::PopItemFlag();
    if (!added) return false;
    bool hovered = false, held = false;
    return ImGui::ButtonBehavior(bb, key, &hovered, &held);
}

void card_end() {
    const float em = ImGui::GetFontSize();
    const float pad = em;
    auto& stack = cards();
    OpenCard& c = stack.back();
    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(c.min.x + c.width, ImGui::GetItemRectMax().y + pad);
    c.splitter.SetCurrentChannel(dl, 0);
    const float rounding = 0.5f * em;
    dl->AddRectFilled(c.min, max, c.fill, rounding);
    dl->AddRect(c.min, max, palette().border, rounding, 0, 1.0f);
    c.splitter.Merge(dl);
    const ImVec2 min = c.min;
    const float width = c.width;
    g_column_right = c.outer_right;
    stack.pop_back();
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
    ImGui::Dummy(ImVec2(width, 0.6f * em));
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    auto arg = args.begin();
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && arg != args.end()) {
            out += *arg++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace herreg::ui
