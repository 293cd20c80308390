// What the browser platform's frame skipping relies on (web_platform.cpp: a settle frame whose
// picture_hash() equals the last rasterised one is not drawn again): a frame that changes
// nothing gives the same hash, and every change a person could see, however small, gives
// another. Checked on the real app's frames, driven on the native stand-in.
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "app_driver.h"
#include "platform/picture_hash.h"

using herreg::platform::picture_hash;
using herreg::test::Tab;

namespace {

std::uint64_t picture(const ImVec4& clear = ImVec4(1, 1, 1, 1)) {
    const ImDrawData* d = ImGui::GetDrawData();
    REQUIRE(d != nullptr);
    REQUIRE(d->Valid);
    return picture_hash(*d, clear);
}

// The hashes of the next `n` frames of `tab`.
std::vector<std::uint64_t> next_pictures(Tab& tab, int n) {
    std::vector<std::uint64_t> out;
    for (int i = 0; i < n; ++i) {
        tab.frames(1);
        out.push_back(picture());
    }
    return out;
}

// How many of `hashes` differ from the one before them (the first from `before`).
int changes(std::uint64_t before, const std::vector<std::uint64_t>& hashes) {
    int n = 0;
    for (std::uint64_t h : hashes) {
        n += h != before;
        before = h;
    }
    return n;
}

}  // namespace

TEST_CASE("a frame that changes nothing has the picture of the one before; hover, a typed character and the clear colour change it") {
    herreg::test::fresh_browser();
    Tab tab("a");
    tab.frames(3);
    const std::uint64_t still = picture();
    tab.frames(1);
    CHECK(picture() == still);
    CHECK(picture(ImVec4(0.1f, 0.1f, 0.1f, 1)) != still);  // a theme's background, nothing else

    // The mouse over a button: only its colour changes.
    const auto start = tab.widget("welcome.start");
    ImGui::GetIO().MousePos = ImVec2((start.x0 + start.x1) / 2, (start.y0 + start.y1) / 2);
    tab.frames(2);
    const std::uint64_t hovered = picture();
    CHECK(hovered != still);
    ImGui::GetIO().MousePos = ImVec2(-1e7f, -1e7f);
    tab.frames(2);
    CHECK(picture() == still);  // the same picture again: the same hash

    tab.to_dates();
    tab.type("period_start", "01-12-202");
    tab.frames(2);
    const std::uint64_t nine = picture();
    tab.send_text("1");
    tab.frames(1);
    CHECK(picture() != nine);
}

TEST_CASE("after a click the picture settles within the 8 frames the browser draws, and stays") {
    herreg::test::fresh_browser();
    Tab tab("a");
    tab.frames(3);
    // A new screen, a popup (ImGui shows it a frame after it opens), a popup closed again.
    for (const char* id : {"welcome.start", "menu.file", "menu.file"}) {
        CAPTURE(id);
        const std::uint64_t before = picture();
        // Tab::click draws 5 frames (move, press, release + 3): 3 are left of the browser's 8.
        tab.click(id);
        const std::uint64_t after_click = picture();
        const std::vector<std::uint64_t> rest = next_pictures(tab, 3);
        CHECK(after_click != before);         // the click showed something
        CHECK(changes(after_click, rest) == 0);  // and the picture had settled by then
        const std::vector<std::uint64_t> later = next_pictures(tab, 20);
        CHECK(changes(rest.back(), later) == 0);
    }
}
