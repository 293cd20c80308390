#include "ui/widgets.h"

#include <cmath>
#include <unordered_map>
#include <vector>

#include "imgui_stdlib.h"
#include "number_format.h"
#include "platform/platform.h"

namespace herreg::ui {
namespace {

using platform::WidgetKind;

void note(const char* id, WidgetKind kind) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    platform::note_widget(id, kind, a.x, a.y, b.x, b.y);
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
    note(id, WidgetKind::text_field);
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

void note_last(const char* id, WidgetKind kind) { note(id, kind); }

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
    note(id, WidgetKind::button);
    return clicked;
}

bool button(const char* label, const char* id, ImVec2 size) {
    const std::string full = std::string(label) + "##" + id;
    const bool clicked = ImGui::Button(full.c_str(), size);
    note(id, WidgetKind::button);
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
    note(id, WidgetKind::button);
    return clicked;
}

// Check boxes and radio buttons with labels that wrap (long Dutch labels on a phone);
// a click on the label toggles too, as on a web page.
template <class Draw>
bool with_wrapped_label(const char* label, const char* id, Draw draw, WidgetKind kind) {
    ImGui::PushID(id);
    ImGui::BeginGroup();
    bool clicked = draw();
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    const float wrap = column_right() - ImGui::GetWindowPos().x + ImGui::GetScrollX();
    ImGui::PushTextWrapPos(wrap);
    ImGui::TextWrapped("%s", label);
    ImGui::PopTextWrapPos();
    const bool label_clicked = ImGui::IsItemClicked();
    ImGui::EndGroup();
    ImGui::PopID();
    note(id, kind);
    return clicked || label_clicked;
}

bool checkbox(const char* label, const char* id, bool* value) {
    if (label[0] == '#' && label[1] == '#') {   // no visible label
        const bool changed = ImGui::Checkbox((std::string(label) + id).c_str(), value);
        note(id, WidgetKind::checkbox);
        return changed;
    }
    bool toggled_by_box = false;
    const bool clicked = with_wrapped_label(label, id, [&] { return toggled_by_box = ImGui::Checkbox("##box", value); },
                                            WidgetKind::checkbox);
    if (clicked && !toggled_by_box) *value = !*value;
    return clicked;
}

bool radio(const char* label, const char* id, bool active) {
    return with_wrapped_label(label, id, [&] { return ImGui::RadioButton("##radio", active); }, WidgetKind::checkbox);
}

bool text_field(const char* id, std::string& text, float width, const char* hint) {
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(width <= 0 ? avail() : width);
    const bool changed = ImGui::InputTextWithHint("##text", hint ? hint : "", &text);
    ImGui::PopID();
    note(id, WidgetKind::text_field);
    return changed;
}

bool text_area(const char* id, std::string& text, ImVec2 size) {
    ImGui::PushID(id);
    if (size.x <= 0) size.x = avail();
    const bool changed = ImGui::InputTextMultiline("##area", &text, size);
    ImGui::PopID();
    note(id, WidgetKind::text_field);
    return changed;
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
        "dd-mm-jjjj");
    if (changed) value = parsed;
    return changed;
}

void reset_field_buffers() { buffers().clear(); }

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

void text_coloured(unsigned colour, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, col(colour));
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopStyleColor();
}

void text_muted(std::string_view text) { text_coloured(palette().muted, text); }

void text_strong(std::string_view text, const Theme& theme) {
    ImGui::PushFont(theme.fonts().strong);
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopFont();
}

void heading(std::string_view text, const Theme& theme, std::string_view intro) {
    ImGui::PushFont(theme.fonts().heading);
    ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 0.2f * ImGui::GetFontSize()));
    if (intro.empty()) return;
    text_muted(intro);
    ImGui::Dummy(ImVec2(0, 0.3f * ImGui::GetFontSize()));
}

void label_and_figures(const std::string& label, const std::string& figures) {
    if (ImGui::CalcTextSize((label + ": " + figures).c_str()).x <= avail()) {
        ImGui::TextUnformatted((label + ": " + figures).c_str());
        return;
    }
    ImGui::BeginGroup();
    ImGui::TextWrapped("%s", label.c_str());
    ImGui::TextUnformatted(figures.c_str());
    ImGui::EndGroup();
}

void error_text(std::string_view text) { text_coloured(palette().bad, text); }

namespace {
float g_column_right = 0.0f;
}

void set_column_right(float screen_x) { g_column_right = screen_x; }
float column_right() { return g_column_right; }
float avail() { return std::fmax(1.0f, g_column_right - ImGui::GetCursorScreenPos().x); }
void same_line_right(float width) {
    ImGui::SameLine();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(std::fmax(at.x, g_column_right - width), at.y));
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
