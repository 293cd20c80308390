// Platform: native stand-in (headless: no window, no GPU)
//
// Lets the UI code run natively, e.g. a test that draws a few frames and inspects ImGui's
// state, without a browser. Not part of the native build yet; link it with src/ui and Dear
// ImGui (imgui*.cpp, no backends) when such a test arrives.
//
// Implemented features:
//  [X] Fixed viewport: HERREG_VIEWPORT="1280x800@1" (width x height @ pixel ratio)
//  [X] Language from HERREG_LANG ("nl", "en"); any other ?param from HERREG_URL_QUERY
//      ("register=kp&lang=en", percent-decoded like URLSearchParams; lang wins over HERREG_LANG)
//  [X] Today from the system clock (local time); HERREG_TODAY="2026-11-22" pins it for tests
//  [X] Fonts from HERREG_FONT_DIR (default build/web/fonts, made by the web build)
//  [X] Frames counted (frame_count()), rendered to draw lists only; every poll() draws
//  [X] Storage: an in-memory map (same "herreg." prefix as the browser; gone at exit)
//  [X] Other tabs: HERREG_TAB_ID (default "native"); another tab's write is simulated with
//      other_tab_writes() / other_tab_removes(), which also queue the change like a `storage`
//      event; hide_page() runs the on_page_hidden handler as the browser would
//  [X] Downloads written to HERREG_DOWNLOAD_DIR (file name stripped of any path), else dropped
//  [X] File picker: HERREG_OPEN_FILE names the file "chosen" at each open_file_picker()
//      (same 5 MB limit and error text as the browser)
//  [X] Clipboard, live-region text and widget map kept for inspection (clipboard_text(),
//      mirrored_text(), widgets(): not in platform.h, declare them in the test)
// Missing features:
//  [ ] Any real window or input
#include "platform/platform.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "imgui.h"

namespace herreg::platform {

// For native tests (declare them there): what the platform was asked to show.
struct NativeWidget {
    std::string id;
    WidgetKind kind;
    float x0, y0, x1, y1;
};
long frame_count();
const std::string& clipboard_text();
const std::string& mirrored_text();
const std::vector<NativeWidget>& widgets();
void other_tab_writes(std::string_view key, std::string_view value);
void other_tab_removes(std::string_view key);
void hide_page();

namespace {

constexpr std::size_t kMaxFileBytes = 5 * 1024 * 1024;

Viewport g_viewport{1280, 800, 1.0f};
long g_frames = 0;
std::map<std::string, std::string> g_storage;
std::deque<OpenedFile> g_opened;
std::string g_clipboard;
std::string g_mirrored;
std::vector<NativeWidget> g_widgets;        // being noted in this frame
std::vector<NativeWidget> g_shown_widgets;  // of the last finished frame
std::vector<std::string> g_storage_changes;  // by the simulated other tab
std::function<void()> g_page_hidden;

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return (v != nullptr && *v != '\0') ? std::string(v) : std::string(fallback);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// application/x-www-form-urlencoded, as URLSearchParams decodes it: '+' is a space, %XX a
// byte, a malformed % stays as it is.
std::string form_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

// Only the last path component: a download must not write outside its folder.
std::string safe_file_name(std::string_view name) {
    const std::size_t slash = name.find_last_of("/\\");
    std::string base(slash == std::string_view::npos ? name : name.substr(slash + 1));
    if (base.empty() || base == "." || base == "..") base = "download";
    return base;
}

}  // namespace

long frame_count() { return g_frames; }
const std::string& clipboard_text() { return g_clipboard; }
const std::string& mirrored_text() { return g_mirrored; }
const std::vector<NativeWidget>& widgets() { return g_shown_widgets; }

void other_tab_writes(std::string_view key, std::string_view value) {
    g_storage["herreg." + std::string(key)] = std::string(value);
    g_storage_changes.emplace_back(key);
}

void other_tab_removes(std::string_view key) {
    g_storage.erase("herreg." + std::string(key));
    g_storage_changes.emplace_back(key);
}

void hide_page() {
    if (g_page_hidden) g_page_hidden();
}

bool init() {
    const std::string spec = env_or("HERREG_VIEWPORT", "");
    int w = 0, h = 0;
    float r = 1.0f;
    if (!spec.empty() && std::sscanf(spec.c_str(), "%dx%d@%f", &w, &h, &r) >= 2 && w > 0 && h > 0)
        g_viewport = Viewport{w, h, r > 0.0f ? r : 1.0f};
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // as in the browser
    return true;
}

Poll poll() {
    Poll p;
    p.viewport = g_viewport;
    p.draw = true;  // headless: the caller decides how many frames to run
    return p;
}

void new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(g_viewport.width), static_cast<float>(g_viewport.height));
    io.DeltaTime = 1.0f / 60.0f;
    if (!io.Fonts->IsBuilt()) io.Fonts->Build();
    g_widgets.clear();
    ImGui::NewFrame();
}

void end_frame() {
    ImGui::Render();
    g_shown_widgets.swap(g_widgets);
    ++g_frames;
}

void request_redraw() {}

void fonts_changed() {
    // No GPU: building the atlas is enough; ImGui only needs a non-null texture id.
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
}

void shutdown() { ImGui::DestroyContext(); }

std::string font_dir() { return env_or("HERREG_FONT_DIR", "build/web/fonts"); }

std::string url_param(std::string_view name) {
    const std::string query = env_or("HERREG_URL_QUERY", "");
    std::string_view q(query);
    if (!q.empty() && q.front() == '?') q.remove_prefix(1);
    while (!q.empty()) {
        const std::size_t amp = q.find('&');
        const std::string_view pair = q.substr(0, amp);
        q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        const std::string key = form_decode(pair.substr(0, eq));
        if (key != name) continue;
        return eq == std::string_view::npos ? std::string() : form_decode(pair.substr(eq + 1));
    }
    return "";
}

// The stand-in's address: $HERREG_URL_FRAGMENT after '#', on http://127.0.0.1:8080/.
std::string g_fragment = env_or("HERREG_URL_FRAGMENT", "");

std::string url_fragment() { return g_fragment; }

void clear_url_fragment() { g_fragment.clear(); }

std::string page_address() {
    const std::string query = env_or("HERREG_URL_QUERY", "");
    return "http://127.0.0.1:8080/" + (query.empty() || query.front() == '?' ? query : "?" + query);
}

std::string requested_language() {
    std::string lang = url_param("lang");
    if (lang.empty()) lang = env_or("HERREG_LANG", "");
    if (lang.rfind("nl", 0) == 0) return "nl";
    if (lang.rfind("en", 0) == 0) return "en";
    return "";
}

void remember_language(std::string_view) {}

void remember_theme(std::string_view) {}

std::string today_iso() {
    const std::string pinned = env_or("HERREG_TODAY", "");
    if (!pinned.empty()) return pinned;
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[16] = {};
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return buf;
}

std::optional<std::string> storage_get(std::string_view key) {
    const auto it = g_storage.find("herreg." + std::string(key));
    if (it == g_storage.end()) return std::nullopt;
    return it->second;
}

StoreResult storage_set(std::string_view key, std::string_view value) {
    g_storage["herreg." + std::string(key)] = std::string(value);
    return StoreResult::ok;
}

void storage_remove(std::string_view key) { g_storage.erase("herreg." + std::string(key)); }

std::string tab_id() { return env_or("HERREG_TAB_ID", "native"); }

std::vector<std::string> take_storage_changes() {
    std::vector<std::string> out;
    out.swap(g_storage_changes);
    return out;
}

void on_page_hidden(std::function<void()> handler) { g_page_hidden = std::move(handler); }

void download_file(std::string_view filename, std::string_view, std::string_view contents) {
    const std::string dir = env_or("HERREG_DOWNLOAD_DIR", "");
    if (dir.empty()) return;
    const std::string path = dir + "/" + safe_file_name(filename);
    std::ofstream out(path, std::ios::binary);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out) std::fprintf(stderr, "herreg: could not write %s\n", path.c_str());
}

void open_file_picker(std::string_view) {
    const std::string path = env_or("HERREG_OPEN_FILE", "");
    if (path.empty()) return;  // "the user cancelled"
    OpenedFile f;
    f.name = safe_file_name(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        f.error = "Het bestand kon niet worden gelezen. / The file could not be read.";
    } else {
        f.contents.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (f.contents.size() > kMaxFileBytes) {
            f.contents.clear();
            f.error = "Het bestand is te groot (max 5 MB). / The file is too large (max 5 MB).";
        }
    }
    g_opened.push_back(std::move(f));
}

std::optional<OpenedFile> take_opened_file() {
    if (g_opened.empty()) return std::nullopt;
    OpenedFile f = std::move(g_opened.front());
    g_opened.pop_front();
    return f;
}

void copy_to_clipboard(std::string_view text) { g_clipboard.assign(text); }

void mirror_text(std::string_view text) { g_mirrored.assign(text); }

void note_widget(std::string_view id, WidgetKind kind, float x0, float y0, float x1, float y1) {
    g_widgets.push_back(NativeWidget{std::string(id), kind, x0, y0, x1, y1});
}

void show_fatal(std::string_view message) {
    std::fprintf(stderr, "herreg: %.*s\n", static_cast<int>(message.size()), message.data());
}

// Never inside another site's page: nothing to tell a host.
void report_content_height(float) {}
void reveal_top() {}

}  // namespace herreg::platform
