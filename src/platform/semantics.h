// The semantics tree: the widget map (platform.h, note_widget) with what each widget means to
// assistive technology. Both platforms keep their frame's widgets as WidgetEntry; the browser
// hands them to its DOM mirror (a11y_mirror.js) and to tests (window.herregWidgets()) as JSON,
// the native stand-in to app tests as they are.
#pragma once

#include <string>
#include <string_view>

#include "platform/platform.h"

namespace herreg::platform {

struct WidgetEntry {
    std::string id;
    WidgetKind kind = WidgetKind::other;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;   // device px
    bool focused = false;   // it has the keyboard focus, shown by a ring (not after a mouse click)
    bool editing = false;   // a text field being typed into
    bool nav = false;       // ImGui's keyboard focus is on it, shown or not (after a click it is
                            // the clicked widget): where Tab goes on from (browser only)
    std::string name, hint, help, value, error;   // note_widget_text()
    WidgetState state;      // note_widget_state(); its role is never `none` once noted
    bool operator==(const WidgetEntry&) const = default;
};

// note_widget_text() / note_widget_state() on an entry (both platforms' implementation).
void set_widget_text(WidgetEntry& w, WidgetText which, std::string_view text);
void set_widget_state(WidgetEntry& w, const WidgetState& state);

const char* kind_name(WidgetKind kind);   // "button", "text_field", ... (the map's "kind")
const char* role_name(Role role);         // the ARIA role: "button", "textbox", ... ("" for none)

// Appends the entry as a JSON object: {"i": index, "id", "kind", "role", "x", "y", "w", "h"
// (CSS px: device px / css_scale), and only what applies of "name", "value", "hint", "help",
// "error", "focused", "editing", "level", "checked", "selected", "expanded", "current",
// "disabled", "invalid", "multiline", "readonly", "dialog", "table" with "row" and "col", "sort"}.
void append_widget_json(std::string& out, const WidgetEntry& w, int index, float css_scale);

void append_json_string(std::string& out, std::string_view s);

}  // namespace herreg::platform
