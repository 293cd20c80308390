// Drives the real app on the native stand-in (src/platform/native_platform.h) the way
// tests/browser/ui-driver.mjs drives it in Chromium: widgets found by their stable id in the
// widget map, clicked and typed into through Dear ImGui's input, nothing reached inside the
// app. What a test checks comes from the stand-in: storage, the mirror, widgets, downloads.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/app.h"
#include "dates/civil_date.h"
#include "imgui.h"
#include "platform/native_platform.h"
#include "portfolio/portfolio.h"

namespace herreg::test {

// Each test case starts here: a fresh browser profile (empty storage, no tabs), its pages
// tall enough that no step needs scrolling.
void fresh_browser();

// A browser tab with the app loaded, on the address `query` (no fragment). Each call first
// makes this tab the current one, as a person brings a tab to the front.
class Tab {
public:
    explicit Tab(std::string name, std::string query = "lang=nl");
    ~Tab();
    Tab(const Tab&) = delete;
    Tab& operator=(const Tab&) = delete;

    void frames(int n = 1);
    bool has(std::string_view id);                       // on screen in the last frame
    platform::NativeWidget widget(std::string_view id);  // fails the test when it is not
    std::string mirror();                                // the live region's text

    // A click in the middle of the widget; afterwards the next screen is drawn.
    void click(std::string_view id);
    // Clicks into a text field, replaces its text (Ctrl+A, Backspace) and types `text`; ends
    // with the one frame in which the text arrived, as a keystroke before the next frame.
    void type(std::string_view id, std::string_view text);
    // Text from the keyboard that waits for the next frame (no frame is drawn).
    void send_text(std::string_view text);
    // A click on an empty spot: the text field being edited lets go.
    void blur();
    // Clicks `id` and returns what the browser downloaded.
    std::string download(std::string_view id);
    // File > Save: the portfolio this page holds, as the user would get it.
    std::string save_file();
    // From the welcome screen to step 2 (the dates) with the KP register chosen.
    void to_dates();

    void reload();   // a new page in this tab, on the same storage and address
    void hide();     // the page is hidden (another tab chosen): the browser's pagehide
    void close();    // hidden, then gone

    // A click at a point of the page (device px), then a frame.
    void click_at(float x, float y);
    // A key pressed (with Ctrl) in one frame and let go in the next.
    void press(ImGuiKey key, bool ctrl = false);

private:
    void enter();
    void load();

    std::string name_;
    std::unique_ptr<app::App> app_;
};

// The autosave in storage, read as the app reads it back (nullopt when there is none).
std::optional<Portfolio> stored_portfolio();

// Whether `text` holds `part` (a line of the mirror, a help text).
inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A date as "YYYY-MM-DD", "" for none: readable in a failed check.
std::string iso(const std::optional<Date>& d);

}  // namespace herreg::test
