// Platform: native stand-in (headless: no window, no GPU)
//
// Runs the app natively: tests/app (herreg_app_tests) builds it with src/app, src/ui and Dear
// ImGui (imgui*.cpp, no backends) and drives the real app frame by frame: its autosave,
// restore and two-tab logic, in milliseconds and without a browser. The test's controls are
// declared in native_platform.h.
//
// Implemented features:
//  [X] Fixed viewport: set_viewport(), else HERREG_VIEWPORT="1280x800@1" (width x height @ ratio)
//  [X] Language from HERREG_LANG ("nl", "en"); any other ?param from the tab's address
//      (set_url_query, else HERREG_URL_QUERY: "register=kp&lang=en", percent-decoded like
//      URLSearchParams; lang wins over HERREG_LANG)
//  [X] Today from the system clock (local time); HERREG_TODAY="2026-11-22" pins it for tests
//  [X] Fonts from HERREG_FONT_DIR; without it none (ui/theme.cpp then uses ImGui's own font)
//  [X] Frames counted (frame_count()), rendered to draw lists only; every poll() draws
//  [X] Input: none of its own; a test writes ImGui's IO between frames (io.MousePos,
//      io.MouseDown, io.KeysDown through io.KeyMap, which init() maps, AddInputCharactersUTF8)
//  [X] Storage: an in-memory map (same "herreg." prefix as the browser; gone at exit), with
//      an optional quota (set_storage_quota: StoreResult::full as QuotaExceededError)
//  [X] Tabs: one storage, any number of tabs (use_tab), each with its own page: ImGui
//      context, widget map, mirror, frames, page-hidden handler; a write by one tab reaches
//      every other tab as a storage change (the browser's `storage` event, never in the
//      writer); a reload (new_page) gets a new tab id; other_tab_writes() / other_tab_removes()
//      play a tab outside the test; hide_page() runs the on_page_hidden handler as the browser would
//  [X] Downloads kept in memory (downloads()) and, with HERREG_DOWNLOAD_DIR, written there
//      (file name stripped of any path)
//  [X] File picker: HERREG_OPEN_FILE names the file "chosen" at each open_file_picker()
//      (same 5 MB limit and error text as the browser)
//  [X] Clipboard, live-region text and widget map kept for inspection
// Missing features:
//  [ ] Any real window or input
#include "platform/native_platform.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "embedded_fonts.h"
#include "forms/form_document_json.h"
#include "imgui.h"

namespace herreg::platform {
namespace {

constexpr std::size_t kMaxFileBytes = 5 * 1024 * 1024;
constexpr std::string_view kPrefix = "herreg.";

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

std::string storage_key(std::string_view key) {
    std::string full(kPrefix);
    full += key;
    return full;
}

struct DestroyImGui {
    void operator()(ImGuiContext* ctx) const { ImGui::DestroyContext(ctx); }
};

// One page load in a tab: everything a reload forgets.
struct Page {
    std::string id;   // tab_id()
    std::unique_ptr<ImGuiContext, DestroyImGui> imgui;
    long frames = 0;
    std::vector<NativeWidget> widgets;        // being noted in this frame
    std::vector<NativeWidget> shown_widgets;  // of the last finished frame
    std::string mirrored;
    std::vector<std::string> storage_changes;  // keys other tabs changed, not yet taken
    // Storage changes delivered key by key (deliver_storage_changes_one_by_one): what this
    // page still sees of a key whose change has not been taken yet (nullopt: absent).
    std::map<std::string, std::optional<std::string>> unseen;
    std::function<void()> page_hidden;
    std::deque<OpenedFile> opened;
};

struct Tab {
    std::string name;
    std::string query, fragment;   // its address
    Page page;
};

// A browser profile: what its tabs share.
struct Profile {
    Viewport viewport;
    std::map<std::string, std::string> storage;   // full keys ("herreg.portfolio")
    std::size_t quota = 0;
    bool one_by_one = false;   // deliver_storage_changes_one_by_one
    std::string clipboard;
    std::vector<NativeDownload> downloads;
    std::map<std::string, Tab> tabs;   // a map: a tab stays put while others open
    std::string current;
    // Pages loaded under each tab name, closed tabs included: page ids never repeat.
    std::map<std::string, int> loads;
};

Viewport viewport_from_env() {
    const std::string spec = env_or("HERREG_VIEWPORT", "");
    int w = 0, h = 0;
    float r = 1.0f;
    if (!spec.empty() && std::sscanf(spec.c_str(), "%dx%d@%f", &w, &h, &r) >= 2 && w > 0 && h > 0)
        return Viewport{w, h, r > 0.0f ? r : 1.0f};
    return Viewport{1280, 800, 1.0f};
}

Profile fresh_profile() {
    Profile p;
    p.viewport = viewport_from_env();
    p.current = env_or("HERREG_TAB_ID", "native");
    return p;
}

Profile& profile() {
    static Profile p = fresh_profile();
    return p;
}

// The current tab; opened (on the address from the environment) when it is new.
Tab& tab() {
    Profile& p = profile();
    auto it = p.tabs.find(p.current);
    if (it == p.tabs.end()) {
        Tab t;
        t.name = p.current;
        t.query = env_or("HERREG_URL_QUERY", "");
        t.fragment = env_or("HERREG_URL_FRAGMENT", "");
        it = p.tabs.emplace(p.current, std::move(t)).first;
    }
    return it->second;
}

Page& page() { return tab().page; }

// The `storage` event: every loaded page but the writer's learns the key. `before`: the
// key's value before the change; a page taking changes one by one sees it until it takes
// this change.
void storage_event(const std::string& key, const Page* writer, const std::optional<std::string>& before) {
    for (auto& entry : profile().tabs) {
        Page& p = entry.second.page;
        if (&p == writer || !p.imgui) continue;
        p.storage_changes.push_back(key);
        if (profile().one_by_one) p.unseen.emplace(key, before);   // the oldest value stays
    }
}

std::optional<std::string> stored(const std::string& full_key) {
    const auto& storage = profile().storage;
    const auto it = storage.find(full_key);
    if (it == storage.end()) return std::nullopt;
    return it->second;
}

}  // namespace

// ---------------------------------------------------------------- test controls (native_platform.h)

void reset() { profile() = fresh_profile(); }   // the old tabs' ImGui contexts go with them

void set_viewport(int width, int height, float pixel_ratio) {
    profile().viewport = Viewport{width, height, pixel_ratio > 0.0f ? pixel_ratio : 1.0f};
}

void set_storage_quota(std::size_t bytes) { profile().quota = bytes; }

void deliver_storage_changes_one_by_one(bool on) { profile().one_by_one = on; }

std::size_t storage_used() {
    std::size_t n = 0;
    for (const auto& [key, value] : profile().storage) n += key.size() + value.size();
    return n;
}

std::optional<std::string> peek_storage(std::string_view key) { return stored(storage_key(key)); }

std::map<std::string, std::string> storage_snapshot() { return profile().storage; }

void use_tab(std::string_view name) {
    profile().current.assign(name);
    ImGui::SetCurrentContext(page().imgui.get());   // none until the tab's page is loaded
}

void new_page() { page() = Page{}; }

void close_tab(std::string_view name) {
    Profile& p = profile();
    p.tabs.erase(std::string(name));
}

void set_url_query(std::string_view query) { tab().query.assign(query); }

void set_url_fragment(std::string_view fragment) { tab().fragment.assign(fragment); }

void other_tab_writes(std::string_view key, std::string_view value) {
    const auto before = stored(storage_key(key));
    profile().storage[storage_key(key)] = std::string(value);
    storage_event(std::string(key), nullptr, before);
}

void other_tab_removes(std::string_view key) {
    const auto before = stored(storage_key(key));
    profile().storage.erase(storage_key(key));
    storage_event(std::string(key), nullptr, before);
}

void hide_page() {
    const std::function<void()> handler = page().page_hidden;   // a copy: it may replace itself
    if (handler) handler();
}

long frame_count() { return page().frames; }
const std::string& mirrored_text() { return page().mirrored; }
const std::vector<NativeWidget>& widgets() { return page().shown_widgets; }
const std::string& clipboard_text() { return profile().clipboard; }
const std::vector<NativeDownload>& downloads() { return profile().downloads; }

// ---------------------------------------------------------------- platform.h

// Each init() loads a new page in the current tab: its own ImGui context, made current.
bool init() {
    Tab& t = tab();
    t.page = Page{};
    const int n = ++profile().loads[t.name];
    t.page.id = n == 1 ? t.name : t.name + "-" + std::to_string(n);
    IMGUI_CHECKVERSION();
    t.page.imgui.reset(ImGui::CreateContext());
    ImGui::SetCurrentContext(t.page.imgui.get());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // as in the browser
    // No keyboard of its own: ImGui's keys map to themselves, so a test presses a key with
    // io.KeysDown[io.KeyMap[ImGuiKey_Backspace]] (the ImGui 1.86 way; keyboard navigation
    // also needs ImGuiKey_Space mapped).
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
    return true;
}

// No window and no GPU here: the page is ready after init().
bool init_graphics() { return true; }

Viewport viewport() { return profile().viewport; }

Poll poll() {
    Poll p;
    p.viewport = profile().viewport;
    p.draw = true;  // headless: the caller decides how many frames to run
    return p;
}

void new_frame() {
    const Viewport& vp = profile().viewport;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(vp.width), static_cast<float>(vp.height));
    io.DeltaTime = 1.0f / 60.0f;
    if (!io.Fonts->IsBuilt()) io.Fonts->Build();
    page().widgets.clear();
    ImGui::NewFrame();
}

void end_frame() {
    ImGui::Render();
    Page& p = page();
    p.shown_widgets.swap(p.widgets);
    ++p.frames;
}

void request_redraw() {}
void resend_text_proxy() {}   // no proxy here

void fonts_changed() {
    // No GPU: building the atlas is enough; ImGui only needs a non-null texture id.
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
}

void shutdown() { page().imgui.reset(); }

std::string font_dir() { return env_or("HERREG_FONT_DIR", ""); }

std::string url_param(std::string_view name) {
    std::string_view q(tab().query);
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

// The stand-in's address: http://127.0.0.1:8080/ with the tab's query, and its fragment.
std::string url_fragment() { return tab().fragment; }

void clear_url_fragment() { tab().fragment.clear(); }

std::string page_address() {
    const std::string& query = tab().query;
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
    const auto& unseen = page().unseen;
    if (const auto it = unseen.find(std::string(key)); it != unseen.end()) return it->second;
    return stored(storage_key(key));
}

// As localStorage.setItem: the same value again changes nothing and tells no other tab; a
// write beyond the quota fails and leaves the old value.
StoreResult storage_set(std::string_view key, std::string_view value) {
    Profile& p = profile();
    const std::string full = storage_key(key);
    const auto it = p.storage.find(full);
    if (it != p.storage.end() && it->second == value) return StoreResult::ok;
    std::size_t after = storage_used() + full.size() + value.size();
    if (it != p.storage.end()) after -= full.size() + it->second.size();
    if (p.quota != 0 && after > p.quota) return StoreResult::full;
    const auto before = stored(full);
    p.storage[full] = std::string(value);
    page().unseen.erase(std::string(key));   // this page sees its own write at once
    storage_event(std::string(key), &page(), before);
    return StoreResult::ok;
}

void storage_remove(std::string_view key) {
    const auto before = stored(storage_key(key));
    page().unseen.erase(std::string(key));
    if (profile().storage.erase(storage_key(key)) != 0) storage_event(std::string(key), &page(), before);
}

std::string tab_id() {
    const Tab& t = tab();
    return t.page.id.empty() ? t.name : t.page.id;
}

// One by one, as Chromium delivers another tab's write: one key a frame, and only then its
// new value is seen.
std::vector<std::string> take_storage_changes() {
    Page& p = page();
    std::vector<std::string> out;
    if (!profile().one_by_one || p.storage_changes.empty()) {
        out.swap(p.storage_changes);
        p.unseen.clear();
        return out;
    }
    out.push_back(p.storage_changes.front());
    p.storage_changes.erase(p.storage_changes.begin());
    if (std::find(p.storage_changes.begin(), p.storage_changes.end(), out.front()) == p.storage_changes.end())
        p.unseen.erase(out.front());
    return out;
}

void on_page_hidden(std::function<void()> handler) { page().page_hidden = std::move(handler); }

// Text sent by a test goes into ImGui's own queue at once: nothing waits here.
bool input_pending() { return false; }

float take_swipe() { return 0.0f; }

void download_file(std::string_view filename, std::string_view mime_type, std::string_view contents) {
    profile().downloads.push_back(
        NativeDownload{tab_id(), std::string(filename), std::string(mime_type), std::string(contents)});
    const std::string dir = env_or("HERREG_DOWNLOAD_DIR", "");
    if (dir.empty()) return;
    const std::string path = dir + "/" + safe_file_name(filename);
    std::ofstream out(path, std::ios::binary);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out) std::fprintf(stderr, "herreg: could not write %s\n", path.c_str());
}

// At once, with the fonts the CLI compiles in (cmake/pdf_fonts.cmake): the browser's Worker
// renders the same document with the same fonts, so the bytes are the same.
namespace {
std::optional<PdfOutcome> g_pdf_outcome;
}

void make_pdf(std::string_view filename, std::string_view document_json) {
    PdfOutcome outcome{std::string(filename), PdfOutcome::Result::saved, {}};
    try {
        download_file(filename, "application/pdf",
                      pdf::render_pdf(form_document_from_json(document_json), pdf::embedded_fonts()));
    } catch (const std::exception& e) {
        outcome.result = PdfOutcome::Result::failed;
        outcome.error = e.what();
    }
    g_pdf_outcome = std::move(outcome);
}

std::optional<PdfOutcome> take_pdf_outcome() { return std::exchange(g_pdf_outcome, std::nullopt); }

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
    page().opened.push_back(std::move(f));
}

// Natively the "site" is the working directory: the path is read as a file below it.
void fetch_site_file(std::string_view path) {
    OpenedFile f;
    f.from_site = true;
    f.name = safe_file_name(std::string(path));
    const std::string p(path);
    if (p.find("..") != std::string::npos || p.find("://") != std::string::npos || (!p.empty() && p[0] == '/')) {
        f.error = "not on the app's own site";
    } else {
        std::ifstream in(p, std::ios::binary);
        if (!in) f.error = "not found";
        else f.contents.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (f.contents.size() > kMaxFileBytes) {
            f.contents.clear();
            f.error = "over 5 MB";
        }
    }
    page().opened.push_back(std::move(f));
}

void console_warn(std::string_view text) { std::fprintf(stderr, "herreg: %.*s\n", int(text.size()), text.data()); }

std::optional<OpenedFile> take_opened_file() {
    std::deque<OpenedFile>& opened = page().opened;
    if (opened.empty()) return std::nullopt;
    OpenedFile f = std::move(opened.front());
    opened.pop_front();
    return f;
}

void copy_to_clipboard(std::string_view text) { profile().clipboard.assign(text); }

void mirror_text(std::string_view text) { page().mirrored.assign(text); }

void note_widget(std::string_view id, WidgetKind kind, float x0, float y0, float x1, float y1) {
    NativeWidget w;
    w.id.assign(id);
    w.kind = kind;
    w.x0 = x0;
    w.y0 = y0;
    w.x1 = x1;
    w.y1 = y1;
    w.state.role = default_role(kind);
    page().widgets.push_back(std::move(w));
}

// The stand-in has no clipboard events: nothing to fit.
void text_field_takes_rows() {}
std::optional<RefusedPaste> take_refused_paste() { return std::nullopt; }   // no paste here
std::optional<std::string> take_copy_failed() { return std::nullopt; }

void note_widget_text(WidgetText which, std::string_view text) {
    if (!page().widgets.empty()) set_widget_text(page().widgets.back(), which, text);
}

void note_widget_state(const WidgetState& state) {
    if (!page().widgets.empty()) set_widget_state(page().widgets.back(), state);
}

bool prefers(Preference) { return false; }

void show_fatal(std::string_view message) {
    std::fprintf(stderr, "herreg: %.*s\n", static_cast<int>(message.size()), message.data());
}

// Never inside another site's page: nothing to tell a host.
void report_content_height(float) {}
void reveal_top() {}

}  // namespace herreg::platform
