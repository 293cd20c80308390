#include "app_driver.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <utility>

#include "imgui_internal.h"   // WantTextInputNextFrame: did a text field take the keyboard?
#include "ui/autosave_guard.h"
#include "ui/widgets.h"

namespace herreg::test {
namespace {

// Tall enough for the longest step the tests visit (the register list), so every widget is
// inside the window and ImGui never clips it away.
constexpr int kWidth = 1280, kHeight = 4000;

// The tab whose page is current. The UI keeps the edit buffers of its number and date fields
// in a static map by ImGui id (ui/widgets.cpp); in a browser each tab has its own copy, here
// the tabs share one process, so it is emptied whenever another tab comes to the front.
std::string g_front;

}  // namespace

void fresh_browser() {
    platform::reset();
    platform::set_viewport(kWidth, kHeight, 1.0f);
    ui::reset_field_buffers();
    g_front.clear();
}

Tab::Tab(std::string name, std::string query) : name_(std::move(name)) {
    platform::use_tab(name_);
    platform::set_url_query(query);
    platform::set_url_fragment("");
    load();
}

Tab::~Tab() {
    if (!app_) return;
    platform::close_tab(name_);
    if (g_front == name_) g_front.clear();
}

// What main() does: a page, keyboard navigation as in the browser, the app started, the
// graphics (none here); then the three frames the browser tests wait for after loading a page.
// A new page has none of an earlier page's edit buffers.
void Tab::load() {
    REQUIRE(platform::init());
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    app_ = std::make_unique<app::App>();
    app::start(*app_);
    REQUIRE(platform::init_graphics());
    ui::reset_field_buffers();
    g_front = name_;
    frames(3);
}

void Tab::enter() {
    REQUIRE_MESSAGE(static_cast<bool>(app_), "tab " << name_ << " is closed");
    platform::use_tab(name_);
    if (g_front != name_) ui::reset_field_buffers();
    g_front = name_;
}

void Tab::frames(int n) {
    enter();
    for (int i = 0; i < n; ++i) REQUIRE(app::frame(*app_));
}

bool Tab::has(std::string_view id) {
    enter();
    const auto& all = platform::widgets();
    return std::any_of(all.begin(), all.end(), [&](const platform::NativeWidget& w) { return w.id == id; });
}

platform::NativeWidget Tab::widget(std::string_view id) {
    enter();
    std::string seen;
    for (const platform::NativeWidget& w : platform::widgets()) {
        if (w.id == id) {
            REQUIRE_MESSAGE(w.y1 <= float(kHeight), "widget \"" << id << "\" lies below the page");
            return w;
        }
        seen += (seen.empty() ? "" : ", ") + w.id;
    }
    FAIL("widget \"" << id << "\" not on screen in tab " << name_ << "; on screen: " << seen);
    return {};
}

std::string Tab::mirror() {
    enter();
    return platform::mirrored_text();
}

// As a mouse does it in ImGui 1.86, which has no input events: a frame to hover, a frame
// pressed (a text field takes the keyboard), a frame released (a button fires), then two
// frames for the next screen and its widget map.
void Tab::click_at(float x, float y) {
    enter();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    frames(1);
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(3);
}

void Tab::click(std::string_view id) {
    const platform::NativeWidget w = widget(id);
    click_at((w.x0 + w.x1) * 0.5f, (w.y0 + w.y1) * 0.5f);
}

// A key down for one frame, then up: ImGui 1.86 sees the press in the first (KeysDown[] is
// polled each frame); the stand-in maps each ImGuiKey to its own index.
void Tab::press(ImGuiKey key, bool ctrl) {
    enter();
    ImGuiIO& io = ImGui::GetIO();
    const int index = io.KeyMap[key];
    io.KeyCtrl = ctrl;
    io.KeysDown[index] = true;
    frames(1);
    io.KeysDown[index] = false;
    io.KeyCtrl = false;
    frames(1);
}

void Tab::type(std::string_view id, std::string_view text) {
    const platform::NativeWidget w = widget(id);
    // Into the field's left part, as ui-driver.mjs clicks (never on a button beside it).
    click_at(w.x0 + std::min((w.x1 - w.x0) * 0.5f, 40.0f), (w.y0 + w.y1) * 0.5f);
    REQUIRE_MESSAGE(ImGui::GetCurrentContext()->WantTextInputNextFrame == 1,
                    "text field \"" << id << "\" did not take the keyboard");
    press(ImGuiKey_A, true);
    press(ImGuiKey_Backspace);
    send_text(text);
    frames(1);
}

void Tab::send_text(std::string_view text) {
    enter();
    ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
}

// The page's bottom left corner: nothing there, not even a scroll bar (that is on the right).
void Tab::blur() { click_at(3.0f, float(kHeight) - 3.0f); }

std::string Tab::download(std::string_view id) {
    const std::size_t before = platform::downloads().size();
    click(id);
    REQUIRE_MESSAGE(platform::downloads().size() == before + 1, "\"" << id << "\" downloaded nothing");
    return platform::downloads().back().contents;
}

std::string Tab::save_file() {
    click("menu.file");
    return download("menu.save");
}

void Tab::to_dates() {
    click("welcome.start");
    click("register.kp");
    click("nav.next");
    REQUIRE(has("period_start"));
}

// The page goes first: its page-hidden handler points into the app.
void Tab::reload() {
    enter();
    platform::new_page();
    app_.reset();
    load();
}

void Tab::hide() {
    enter();
    platform::hide_page();
}

void Tab::close() {
    hide();
    platform::close_tab(name_);
    app_.reset();
    g_front.clear();
}

std::optional<Portfolio> stored_portfolio() {
    const std::optional<std::string> json = platform::peek_storage(ui::kAutosaveKey);
    if (!json) return std::nullopt;
    return read_portfolio(*json, ReadMode::draft);
}

std::string iso(const std::optional<Date>& d) { return d ? to_iso(*d) : ""; }

}  // namespace herreg::test
