#include "platform/semantics.h"

#include <cstdio>

namespace herreg::platform {

Role default_role(WidgetKind kind) {
    switch (kind) {
        case WidgetKind::button: return Role::button;
        case WidgetKind::text_field: return Role::textbox;
        case WidgetKind::checkbox: return Role::checkbox;
        case WidgetKind::combo: return Role::combobox;
        case WidgetKind::tab: return Role::step;
        case WidgetKind::other: break;
    }
    return Role::none;
}

void set_widget_text(WidgetEntry& w, WidgetText which, std::string_view text) {
    switch (which) {
        case WidgetText::name: w.name.assign(text); break;
        case WidgetText::hint: w.hint.assign(text); break;
        case WidgetText::help: w.help.assign(text); break;
        case WidgetText::value: w.value.assign(text); break;
        case WidgetText::error: w.error.assign(text); break;
    }
}

void set_widget_state(WidgetEntry& w, const WidgetState& state) {
    w.state = state;
    if (w.state.role == Role::none) w.state.role = default_role(w.kind);
}

const char* kind_name(WidgetKind kind) {
    switch (kind) {
        case WidgetKind::button: return "button";
        case WidgetKind::text_field: return "text_field";
        case WidgetKind::checkbox: return "checkbox";
        case WidgetKind::combo: return "combo";
        case WidgetKind::tab: return "tab";
        case WidgetKind::other: break;
    }
    return "other";
}

const char* role_name(Role role) {
    switch (role) {
        case Role::none: break;
        case Role::button: return "button";
        case Role::link: return "link";
        case Role::textbox: return "textbox";
        case Role::checkbox: return "checkbox";
        case Role::radio: return "radio";
        case Role::combobox: return "combobox";
        case Role::option: return "option";
        case Role::step: return "step";   // a button with aria-current="step" when current
        case Role::menuitem: return "menuitem";
        case Role::heading: return "heading";
        case Role::alert: return "alert";
        case Role::text: return "text";
        case Role::columnheader: return "columnheader";
    }
    return "";
}

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
}

namespace {

void text_member(std::string& out, const char* key, const std::string& value) {
    if (value.empty()) return;
    out += ",\"";
    out += key;
    out += "\":";
    append_json_string(out, value);
}

void flag_member(std::string& out, const char* key, bool value) {
    if (!value) return;
    out += ",\"";
    out += key;
    out += "\":true";
}

}  // namespace

void append_widget_json(std::string& out, const WidgetEntry& w, int index, float css_scale) {
    const float s = css_scale > 0.0f ? css_scale : 1.0f;
    char buf[160];
    std::snprintf(buf, sizeof buf, "{\"i\":%d,\"id\":", index);
    out += buf;
    append_json_string(out, w.id);
    out += ",\"kind\":\"";
    out += kind_name(w.kind);
    out += "\",\"role\":\"";
    out += role_name(w.state.role);
    std::snprintf(buf, sizeof buf, "\",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f", w.x0 / s, w.y0 / s,
                  (w.x1 - w.x0) / s, (w.y1 - w.y0) / s);
    out += buf;
    flag_member(out, "focused", w.focused);
    flag_member(out, "editing", w.editing);
    flag_member(out, "nav", w.nav && !w.focused && !w.editing);
    text_member(out, "name", w.name);
    text_member(out, "value", w.value);
    text_member(out, "hint", w.hint);
    text_member(out, "help", w.help);
    text_member(out, "error", w.error);
    const WidgetState& st = w.state;
    if (st.level > 0) {
        std::snprintf(buf, sizeof buf, ",\"level\":%d", st.level);
        out += buf;
    }
    if (st.checked >= 0) out += st.checked ? ",\"checked\":true" : ",\"checked\":false";
    flag_member(out, "selected", st.selected);
    if (st.expanded >= 0) out += st.expanded ? ",\"expanded\":true" : ",\"expanded\":false";
    flag_member(out, "current", st.current);
    flag_member(out, "disabled", st.disabled);
    flag_member(out, "invalid", st.invalid);
    flag_member(out, "multiline", st.multiline);
    flag_member(out, "readonly", st.readonly);
    if (st.dialog != 0) {
        std::snprintf(buf, sizeof buf, ",\"dialog\":%u", st.dialog);
        out += buf;
    }
    if (st.table != 0) {
        std::snprintf(buf, sizeof buf, ",\"table\":%u,\"row\":%d,\"col\":%d", st.table, st.row, st.column);
        out += buf;
    }
    if (st.sort >= 0) {
        std::snprintf(buf, sizeof buf, ",\"sort\":%d", st.sort);
        out += buf;
    }
    out += '}';
}

}  // namespace herreg::platform
