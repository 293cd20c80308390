// Platform: the browser (Emscripten 3.1 GLFW + WebGL 2 + Dear ImGui 1.86 GLFW/OpenGL3 backends)
//
// Implemented features:
//  [X] Canvas fills the window and follows resizes (measured each animation frame)
//  [X] HiDPI: drawing surface = CSS size x devicePixelRatio; ratio changes (zoom, other
//      screen) reported to the UI, which rebuilds its fonts
//  [X] Render on demand: input, resize, focus, visibility, a file arriving or request_redraw()
//      draw 8 more frames, then nothing until the next event: idle, the loop stops asking for
//      animation frames (herreg_js_set_idle pauses it; wake() resumes it). No blinking text
//      cursor (would need frames).
//  [X] Any ?param of the address (url_param); language and theme written back with
//      history.replaceState; <html lang> and <html data-theme> follow (page background)
//  [X] The device's local date (today_iso)
//  [X] localStorage under "herreg." keys; a full quota and a blocked storage are told apart
//  [X] Other tabs: a random id per page load (tab_id), and the keys another tab changed
//      (the `storage` event, take_storage_changes)
//  [X] Leaving the page: on visibilitychange to hidden and on pagehide the app's handler runs
//      at once (on_page_hidden), so the last input is autosaved before the tab goes
//  [X] A test hook that crashes the module inside a frame (herreg_test_crash, below): the
//      page's error panel (web/boot.js) is tested against a real abort. Only reachable from
//      the browser's console or a test; it changes nothing stored
//  [X] Downloads (Blob + <a download>; bytes, NULs allowed), file picker (FileReader, 5 MB max)
//  [X] Clipboard write (navigator.clipboard.writeText), also for ImGui's Ctrl+C / Ctrl+X
//  [X] ARIA live region #herreg-live mirrors the important text (one <p> per line)
//  [X] Keys, text and mouse buttons reach ImGui in order, none lost: a key pressed and
//      released between two frames is still seen (ImGui 1.86 polls a KeysDown[] array), text
//      typed right after a click goes to the field clicked (see feed_input())
//  [X] Text input through a focused, invisible <textarea id="herreg-text"> placed on the active
//      ImGui text field: on-screen keyboards, IME composition, dead keys arrive through its
//      'input' event; a paste (Ctrl+V, the browser's menu, a page's paste event) is taken from
//      the clipboard data itself, rows from a spreadsheet (tabs, or only an HTML table) as
//      cells between semicolons
//  [X] Wheel: notches and trackpad deltas as ImGui wheel steps, the right way round
//  [X] Touch: a finger moves ImGui's mouse (Emscripten's GLFW does not), a tap clicks once (no
//      emulated mouse events afterwards), a tap on a text field opens the phone keyboard; a
//      swipe presses nothing and scrolls the page (take_swipe; embedded, the host page), a
//      flick goes on after the finger lifts
//  [X] Widget map: window.herregWidgets() lists the last drawn frame's widgets in CSS pixels
//  [X] window.herregFrames counts drawn frames; <html class="herreg-ready"> after the first.
//      A frame whose picture equals the last one put on the canvas is not rasterised
//      (picture_hash.h); window.herregRasterised counts those that were
//  [X] window.herregIdle: true once the frames the last event asked for are drawn and none is
//      scheduled, false from the next event on (tests wait on it instead of a timer)
//  [X] Fatal errors (no WebGL 2) shown in the page's status box instead of a blank canvas
//  [X] Embedded in another site's page (web/embed.js: ?embed=1 inside an iframe): the content
//      height is posted to the host page, which sizes the iframe to it; dialogs are centred on
//      the part of the iframe the host shows; the wheel and vertical finger pans scroll the
//      host page unless something inside the app can scroll; a new wizard step scrolls the
//      iframe's top back into view
//  [X] A drawing surface too big for the GPU or the browser (a tall iframe at pixel ratio 3)
//      is drawn at a lower pixel ratio instead of not at all
// Missing features:
//  [ ] Reading the clipboard from ImGui: Ctrl+V is left to the browser (a paste into the
//      proxy); navigator.clipboard.readText would ask the user for permission
//  [ ] Composition (preedit) text is not shown inside the ImGui field while the IME composes:
//      it appears when committed (Android keyboards commit per word)
//  [ ] Long-press paste menu on phones: the proxy lets pointer events through to the canvas
//  [ ] macOS: ImGui shortcuts use Ctrl, not Cmd (Cmd+V works: it is the browser's paste)
#include "platform/platform.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // GImGui->WantTextInputNextFrame: io.WantTextInput lags a frame
#include "platform/paste_text.h"
#include "platform/picture_hash.h"
#include "platform/semantics.h"
#include "text/utf8_text.h"

// Called from JavaScript (exported by EMSCRIPTEN_KEEPALIVE; see the JS side below).
extern "C" {
EMSCRIPTEN_KEEPALIVE void herreg_wake();
EMSCRIPTEN_KEEPALIVE void herreg_file_opened(const char* name, const char* data, int len, const char* error);
EMSCRIPTEN_KEEPALIVE void herreg_site_file(const char* name, const char* data, int len, const char* error);
EMSCRIPTEN_KEEPALIVE void herreg_text_input(const char* utf8);
EMSCRIPTEN_KEEPALIVE void herreg_paste_input(const char* utf8);
EMSCRIPTEN_KEEPALIVE void herreg_copy_failed();
EMSCRIPTEN_KEEPALIVE void herreg_pdf_outcome(const char* name, int result, const char* error);
EMSCRIPTEN_KEEPALIVE void herreg_key_tap(int key);
EMSCRIPTEN_KEEPALIVE void herreg_text_select(int from, int to);
EMSCRIPTEN_KEEPALIVE void herreg_wheel(double dx, double dy);
EMSCRIPTEN_KEEPALIVE void herreg_touch(int what, double dy);
EMSCRIPTEN_KEEPALIVE void herreg_proxy_focus(int focused);
EMSCRIPTEN_KEEPALIVE void herreg_proxy_cleared();
EMSCRIPTEN_KEEPALIVE int herreg_hit_text_field(double css_x, double css_y);
EMSCRIPTEN_KEEPALIVE const char* herreg_widgets_json();
EMSCRIPTEN_KEEPALIVE int herreg_wheel_scrolls(double dx, double dy, double css_x, double css_y);
EMSCRIPTEN_KEEPALIVE void herreg_embed_visible(double top, double bottom);
EMSCRIPTEN_KEEPALIVE void herreg_storage_changed(const char* key);
EMSCRIPTEN_KEEPALIVE void herreg_page_hidden();
EMSCRIPTEN_KEEPALIVE void herreg_test_crash(int how);
EMSCRIPTEN_KEEPALIVE void herreg_a11y_focus(int index, int edit);
EMSCRIPTEN_KEEPALIVE void herreg_a11y_press(int index);
EMSCRIPTEN_KEEPALIVE void herreg_a11y_type(int index, const char* utf8);
EMSCRIPTEN_KEEPALIVE double herreg_a11y_cost(int what);
// The DOM mirror of the semantics tree (src/platform/a11y_mirror.js, an Emscripten JS library).
void herreg_a11y_install();
void herreg_a11y_sync(const char* json, int len);
void herreg_a11y_shift(double dy);
void herreg_a11y_place(const char* json, int len);
}

// ---------------------------------------------------------------- JavaScript side
// The page side of this file is src/platform/web_platform.js, an Emscripten JS library
// (--js-library; `node --check` in the test command), where each function is described.
// Strings cross as (pointer, byte length) and are decoded with TextDecoder, so they may hold
// any byte, NUL included. Strings coming back are _malloc'ed there and freed by the C++ side.
extern "C" {
void herreg_js_set_canvas_size(int width, int height);
void herreg_js_prepare_graphics();
void herreg_js_install();
void herreg_js_proxy_place(float x, float y, float line_height, int focus);
int herreg_js_prefers(int which);
void herreg_js_proxy_name(const char* name, int multiline);
int herreg_js_proxy_value(const char* text, int len, int from, int to);
void herreg_js_proxy_release();
char* herreg_js_url_param(const char* name, int name_len, int* out_len);
char* herreg_js_address_part(int which, int* out_len);
void herreg_js_clear_fragment();
int herreg_js_requested_language();
void herreg_js_remember_language(const char* code_utf8);
void herreg_js_remember_theme(const char* theme_utf8);
void herreg_js_today(char* out);
char* herreg_js_storage_get(const char* key, int key_len, int* out_len);
int herreg_js_storage_set(const char* key, int key_len, const char* value, int value_len);
void herreg_js_tab_id(char* out);
void herreg_js_storage_remove(const char* key, int key_len);
void herreg_js_download(const char* name, int name_len, const char* mime, int mime_len, const char* data, int data_len);
void herreg_js_make_pdf(const char* name, int name_len, const char* document, int document_len);
void herreg_js_fetch_site_file(const char* path, int path_len);
void herreg_js_console_warn(const char* text, int len);
void herreg_js_open_file_picker(const char* accept, int accept_len);
void herreg_js_copy_to_clipboard(const char* text, int text_len, int report);
void herreg_js_mirror_text(const char* text, int text_len);
void herreg_js_frame_drawn(unsigned rasterised);
void herreg_js_show_fatal(const char* message_utf8);
int herreg_js_embed_install();
void herreg_js_embed_post(int what, double value);
void herreg_js_set_idle(int idle);
}  // extern "C"

namespace herreg::platform {
namespace {

// Frames drawn after an event: ImGui needs a few to settle hover, clicks, scrolling and
// auto-sized windows (two or three; popups and auto-fit windows take one more). A frame runs
// ImGui (a few ms); only one whose picture changed is rasterised (end_frame), which without a
// GPU was most of the cost (8 frames rasterised took 400 ms a click at 1280x900, now 165 ms,
// the browser's own frame rate); a held key keeps waking the app through the browser's
// repeated keydown events, a drag through its pointer moves.
constexpr int kSettleFrames = 8;
// Frames without text input before the keyboard focus leaves the proxy: between a press
// and ImGui activating the field, or moving from one field to the next, there may be one.
constexpr int kTextInputGrace = 3;
constexpr std::size_t kMaxQueuedFiles = 8;

// A widget of the map, with what the mirror needs to focus and press it in ImGui.
struct Widget : WidgetEntry {
    ImGuiID item = 0;               // ImGui's id of it (0: none, as a check box group's label)
    ImGuiWindow* window = nullptr;  // the window it was drawn in
};

GLFWwindow* g_window = nullptr;
bool g_frame_started = false;  // the GL backend creates its device objects on the first frame
int g_frames_left = kSettleFrames;  // the first frames after start are drawn
// The picture last put on the canvas (picture_hash.h), and whether the canvas must be drawn
// whatever the next picture is (it was cleared by a resize, the font texture changed).
std::uint64_t g_rasterised = 0;
bool g_must_rasterise = true;
unsigned g_rasterised_count = 0;  // window.herregRasterised (tests/browser/platform.test.mjs)
Viewport g_viewport;                // as last measured
float g_css_scale = 1.0f;           // canvas pixels per CSS pixel, as last measured
float g_shown_css_scale = 1.0f;     // ... of the frame on screen (the widget map's)

// The DOM mirror (a11y_mirror.js): the tree it was last given, and what a person did on one of
// its elements, for the next frame: focus a widget (a field starts editing), press it.
std::string g_mirrored_tree;
bool g_mirrored_tree_stale = false;   // the mirror was only moved since (a scroll): rebuilt when asked
struct MirrorRequest {
    ImGuiID item = 0;
    ImGuiWindow* window = nullptr;
    ImRect rect;
    bool press = false;   // a click, Enter or Space on it
    bool edit = false;    // a text field: editing starts
};
std::optional<MirrorRequest> g_mirror_request;
// A field to be edited that was out of view: it was scrolled to, and ImGui activates only a
// field it drew (not clipped). Tried again on the next frames until it is being edited.
ImGuiID g_mirror_edit = 0;
int g_mirror_edit_tries = 0;
// Text typed into a field's element before that field was being edited (a screen reader's
// forms mode types into the element itself), in the order typed. Each goes into its field
// before the mirror's next move: "22-11-2026" typed and Tab pressed within a frame had lost
// the text (the Tab's move won over the field's editing start).
struct TypedInto {
    ImGuiID item = 0;
    std::string text;
    int tries = 4;   // frames to wait for the field to be edited (it may be gone)
};
std::deque<TypedInto> g_typed_into;
double g_mirror_ms_total = 0, g_mirror_ms_max = 0;   // what the tree costs (window.herregA11yCost)
long g_mirror_frames = 0, g_mirror_syncs = 0;

std::vector<Widget> g_widgets;        // being noted in this frame
std::vector<Widget> g_shown_widgets;  // of the frame on screen: valid between frames

std::deque<OpenedFile> g_opened;
std::string g_mirrored;

// Other tabs and leaving the page.
std::vector<std::string> g_storage_changes;   // keys another tab changed, not yet taken
constexpr std::size_t kMaxStorageChanges = 64;
std::function<void()> g_page_hidden;
bool g_in_page_hidden = false;
int g_test_crash = 0;   // herreg_test_crash(): how the next frame fails

// Text input proxy.
bool g_proxy_focused = false;
bool g_text_input = false;       // ImGui wanted text input in the last frame
ImGuiID g_text_field = 0;        // ... for this (active) widget
int g_frames_without_text = kTextInputGrace;
ImVec2 g_ime_pos(-1.0f, -1.0f);  // where ImGui's text cursor is (top left of its line)
ImVec2 g_placed_pos(-1.0f, -1.0f);
// What the proxy was last given to hold: the text of the field being edited and its selection,
// so that a screen reader reads what the field holds while it is typed into.
ImGuiID g_proxy_value_field = 0;
std::string g_proxy_value;
int g_proxy_select[2] = {-1, -1};

// Keyboard, text and mouse-button input, handed to ImGui in new_frame(). ImGui 1.86 reads keys
// and buttons as arrays once a frame (the event queue came with 1.87): a key pressed and
// released between two frames (a quick tap, Playwright's press(), a slow frame) would never be
// seen, and "ab", Backspace, "c" in one frame would give "ab". So each frame takes events in
// order until one would hide an earlier one (see feed_input()); the rest waits for the next
// frame. Buttons are in the same queue because an active text field takes all of a frame's
// text before it sees a click elsewhere: "3" typed right after a click on the next field
// went into the field before it (and, had that made it invalid, its error line moved the
// next field away from under the click, so the rest of the typing went nowhere).
struct InputEvent {
    bool is_text = false;
    bool pasted = false;  // is_text from a paste: fitted to its field when handed over
    std::string text;  // is_text
    // >= 0: the proxy's text changed other than by typing at the cursor (composition, a phone
    // keyboard, autocorrect): the field's selection becomes [select_from, select_to) (UTF-16
    // units, ImGui's ImWchar units) before the text or Backspace that follows replaces it, if
    // `select_in` is still the field being edited.
    int select_from = -1, select_to = -1;
    ImGuiID select_in = 0;
    int button = -1;   // >= 0: a mouse button (action GLFW_PRESS / GLFW_RELEASE)
    int key = 0, scancode = 0, action = 0, mods = 0;
};
std::deque<InputEvent> g_input;
bool g_text_fed = false;   // feed_input() handed ImGui text this frame
constexpr std::size_t kMaxQueuedInput = 1024;
// The buttons as ImGui is told them (ImGui_ImplGlfw would read GLFW's live state instead):
// down, and pressed since the last frame (a click whose release came in the same frame).
bool g_button_down[ImGuiMouseButton_COUNT] = {};
bool g_button_pressed[ImGuiMouseButton_COUNT] = {};
bool g_tab_moving_focus = false;  // a Tab press was handed over in the last frame
// Escape in a text field: the field is left at the start of the next frame, keeping its text.
bool g_leave_field = false;
bool g_escape_swallowed = false;  // that Escape press was; so is its release
bool g_enter_as_space = false;    // an Enter press went to ImGui as Space: its release goes too
// A finger on the canvas (herreg_touch): until it is known to be a tap or a swipe, its press
// waits in the queue; a swipe's press and release never reach ImGui.
bool g_touch_undecided = false;
bool g_touch_swiping = false;
float g_swipe_pixels = 0.0f;      // the swipe's movement since the last frame, canvas pixels

// ---------------------------------------------------------------- embedding (C++ side)
bool g_embedded = false;               // inside web/embed.js' iframe (herreg_js_embed_install)
float g_reported_height = -1.0f;       // CSS px, as last posted to the host
// The part of the iframe inside the host's window, in CSS px from the canvas' top; y1 < 0
// until the host told (then the whole display counts).
float g_visible_y0 = 0.0f, g_visible_y1 = -1.0f;

// Embedded, the canvas is as tall as the content. On a phone (pixel ratio 3) a long result
// page would ask for a drawing surface beyond what the GPU draws (MAX_VIEWPORT_DIMS) or the
// browser allows (iOS Safari: about 16.7 million pixels a canvas), and nothing would show.
// Then the app draws at a lower pixel ratio instead (text a little softer). The GPU's limit
// counts everywhere, the pixel count only embedded (a 6K desktop screen would pass it, and
// is no phone). The content's height in CSS px shifts a little with the ratio (font sizes
// are whole device pixels), so the ratio must not flip back and forth: it goes down in steps
// of 0.25, back up one step only when two fit, and to the full ratio only with 10 % to spare.
float g_max_canvas_side = 16384.0f;    // device px; lowered to the GPU's limit once the context exists
constexpr double kMaxCanvasPixels = 16.0e6;
float g_ratio_cap = 0.0f;              // 0: the device's own ratio

float fitting_pixel_ratio(double css_w, double css_h, float dpr) {
    if (!(css_w > 0.0) || !(css_h > 0.0)) return dpr;
    double fit = std::min(g_max_canvas_side / css_w, g_max_canvas_side / css_h);
    if (g_embedded) fit = std::min(fit, std::sqrt(kMaxCanvasPixels / (css_w * css_h)));
    if (dpr <= fit && (g_ratio_cap == 0.0f || dpr * 1.1 <= fit)) {
        g_ratio_cap = 0.0f;
        return dpr;
    }
    const double stepped = std::max(0.25, std::floor(fit * 4.0) / 4.0);
    if (g_ratio_cap > 0.0f && g_ratio_cap <= fit && stepped < g_ratio_cap + 0.5) return g_ratio_cap;
    g_ratio_cap = std::min(dpr, static_cast<float>(stepped));
    return g_ratio_cap;
}

// Dialogs are centred on ImGui's work area (platform.h): embedded, the visible part.
void apply_visible_area() {
    if (!g_embedded || g_visible_y1 < 0.0f) return;
    ImGuiViewport* vp = ImGui::GetMainViewport();
    const float y0 = std::clamp(g_visible_y0 * g_css_scale, 0.0f, vp->Size.y);
    const float y1 = std::clamp(g_visible_y1 * g_css_scale, 0.0f, vp->Size.y);
    if (y1 - y0 < ImGui::GetFontSize()) return;  // (nearly) out of sight: the whole display then
    vp->WorkPos.y = vp->Pos.y + y0;
    vp->WorkSize.y = y1 - y0;
}

Viewport measure() {
    double css_w = 0.0, css_h = 0.0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    Viewport vp;
    vp.pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (!(vp.pixel_ratio > 0.0f)) vp.pixel_ratio = 1.0f;
    vp.pixel_ratio = fitting_pixel_ratio(css_w, css_h, vp.pixel_ratio);
    vp.width = std::max(1, static_cast<int>(std::lround(css_w * vp.pixel_ratio)));
    vp.height = std::max(1, static_cast<int>(std::lround(css_h * vp.pixel_ratio)));
    g_css_scale = css_w > 0.0 ? static_cast<float>(vp.width / css_w) : vp.pixel_ratio;
    return vp;
}

// window.herregIdle, told to the page only when it changes; the page then pauses or resumes
// the loop. Every event reaches wake(), so a paused loop misses none.
bool g_idle_shown = false;
void show_idle(bool idle) {
    if (idle == g_idle_shown) return;
    g_idle_shown = idle;
    herreg_js_set_idle(idle ? 1 : 0);
}

// Every event comes through here (input, resize, a file, request_redraw()): from now on the
// page is busy until the settle frames are drawn.
void wake() {
    g_frames_left = std::max(g_frames_left, kSettleFrames);
    show_idle(false);
}

// herreg_test_crash(): fails inside a frame, the way a bug in the app would.
[[noreturn]] void crash_for_test(int how) {
    if (how == 2) throw std::runtime_error("herreg_test_crash: an exception nobody catches");
    if (how == 3) __builtin_trap();
    std::abort();
}

void on_glfw_error(int code, const char* description) {
    std::fprintf(stderr, "GLFW error %d: %s\n", code, description);
}

// ImGui's own clipboard is synchronous, the browser's is not: reading gives nothing (the
// browser's paste into the proxy brings the text instead), writing goes to the system.
const char* get_clipboard_text(void*) { return ""; }
// Ctrl+C or Ctrl+X in a field: the proxy's own copy of the same selection (the browser's, inside
// the key event) is what reaches the clipboard where a later write is refused (Safari), so a
// refusal here is not reported.
void set_clipboard_text(void*, const char* text) {
    const std::string_view t = text != nullptr ? text : "";
    herreg_js_copy_to_clipboard(t.data(), static_cast<int>(t.size()), 0);
}

// ImGui 1.86 reports the text cursor through ImeSetInputScreenPosFn (SetPlatformImeDataFn
// came with 1.87): the top left of the cursor's line, when it moved.
void on_ime_position(int x, int y) { g_ime_pos = ImVec2(static_cast<float>(x), static_cast<float>(y)); }

// Takes a string _malloc'ed by the JS side (may be null).
std::string take_js_string(char* p, int len) {
    if (p == nullptr) return {};
    std::string s(p, static_cast<std::size_t>(std::max(0, len)));
    std::free(p);
    return s;
}

void queue_input(InputEvent e) {
    if (g_input.size() >= kMaxQueuedInput) g_input.pop_front();  // no frames for a long time
    g_input.push_back(std::move(e));
    wake();
}

void queue_text(std::string text, bool pasted = false) {
    if (text.empty()) return;
    InputEvent e;
    e.is_text = true;
    e.pasted = pasted;
    e.text = std::move(text);
    queue_input(std::move(e));
}

ImGuiID g_rows_field = 0;   // text_field_takes_rows(): the import box being edited
std::optional<RefusedPaste> g_refused_paste;   // take_refused_paste()
bool g_copy_failed = false;                    // take_copy_failed()
std::deque<PdfOutcome> g_pdf_outcomes;         // take_pdf_outcome(): two may come before a frame
std::string g_last_copy;                       // what copy_to_clipboard() gave the browser last

// Keys that edit or move in a text field (or are shortcuts): their order against typed
// text matters. Letter keys do not: their text comes as text.
bool is_editing_key(const InputEvent& e) {
    if (e.mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) return true;
    switch (e.key) {
        case GLFW_KEY_BACKSPACE: case GLFW_KEY_DELETE: case GLFW_KEY_ENTER: case GLFW_KEY_KP_ENTER:
        case GLFW_KEY_TAB: case GLFW_KEY_ESCAPE: case GLFW_KEY_LEFT: case GLFW_KEY_RIGHT: case GLFW_KEY_UP:
        case GLFW_KEY_DOWN: case GLFW_KEY_HOME: case GLFW_KEY_END: case GLFW_KEY_PAGE_UP: case GLFW_KEY_PAGE_DOWN:
            return true;
        default:
            return false;
    }
}

// The selection of an edit the proxy reports (herreg_text_select): set on the field directly,
// as a person's selection would be, when that field is still the one being edited.
void select_in_field(const InputEvent& e) {
    if (e.select_in == 0 || GImGui->ActiveId != e.select_in) return;
    ImGuiInputTextState* st = ImGui::GetInputTextState(e.select_in);
    if (st == nullptr) return;
    st->Stb.select_start = std::min(e.select_from, st->CurLenW);
    st->Stb.select_end = st->Stb.cursor = std::min(std::max(e.select_from, e.select_to), st->CurLenW);
    st->Stb.has_preferred_x = 0;
    st->CursorAnimReset();
}

// Hands this frame's share of the queued input to ImGui, in order, stopping before an event
// that ImGui could not tell apart from an earlier one in the same frame: a second change of
// the same key (press and release would cancel out), an editing key after text, text after
// an editing key, a button press after text or an editing key (the text belongs to the field
// before the click), text or an editing key after a press (it belongs to the field after the
// click, which is active from the next frame on), a second press of a button.
// Tab moves the focus a frame late (ImGui 1.86 finds the next field while drawing the frame
// after the press, and the field left still takes that frame's text first): the frame after
// a Tab gets nothing, or "Tab 3" typed quickly lost the "3".
void feed_input() {
    if (g_tab_moving_focus) {
        g_tab_moving_focus = false;
        if (!g_input.empty()) g_frames_left = std::max(g_frames_left, 2);
        return;
    }
    int keys[16];
    int nkeys = 0;
    bool text = false, editing = false, modifiers_lifted = false, clicked = false;
    bool pressed[ImGuiMouseButton_COUNT] = {};
    while (!g_input.empty()) {
        const InputEvent& e = g_input.front();
        if (e.button >= 0) {
            const int b = e.button;
            if (e.action == GLFW_PRESS) {
                if (text || editing || pressed[b] || g_touch_undecided) break;
                pressed[b] = clicked = true;
                g_button_down[b] = g_button_pressed[b] = true;
            } else {
                g_button_down[b] = false;  // a press this frame still counts (g_button_pressed)
            }
        } else if (e.select_from >= 0) {
            // Set before this frame's text: the text typed before it must be in first.
            if (text || editing || clicked || nkeys > 0) break;
            select_in_field(e);
        } else if (e.is_text) {
            if (editing || clicked) break;
            ImGuiIO& io = ImGui::GetIO();
            // Text the proxy received is text, whatever keys are held: a paste by Ctrl+V comes
            // while Ctrl is still down (its keyup follows the paste), and ImGui drops characters
            // typed with Ctrl held (a shortcut's letter): rows pasted from a spreadsheet were
            // lost. Ctrl counts as up for this frame, and no key event follows the text in it
            // (the backend's key callback would set Ctrl again from the keys held).
            if ((io.KeyCtrl && !io.KeyAlt) || io.KeySuper) {
                io.KeyCtrl = io.KeySuper = false;
                modifiers_lifted = true;
            }
            // A paste goes to the field active now (a click waits for a frame of its own).
            const bool rows = g_rows_field != 0 && g_rows_field == GImGui->ActiveId;
            // Any one text event: a paste, and also a drop or a keyboard's clipboard suggestion
            // (an 'input' event) or text typed into the accessibility mirror's field.
            if (e.text.size() > paste_limit(rows))
                g_refused_paste = RefusedPaste{e.text.size(), paste_limit(rows)};   // the field keeps its text
            else
                io.AddInputCharactersUTF8(!e.pasted ? e.text.c_str() : (rows ? paste_as_rows(e.text) : paste_as_line(e.text)).c_str());
            text = true;
        } else {
            if (modifiers_lifted) break;
            if (std::find(keys, keys + nkeys, e.key) != keys + nkeys || nkeys == 16) break;
            const bool edit_press = e.action == GLFW_PRESS && is_editing_key(e);
            if (edit_press && (text || clicked)) break;
            keys[nkeys++] = e.key;
            editing = editing || edit_press;
            // Escape in a text field: ImGui 1.86 would undo all that was typed since the field
            // was entered. People press it to get out of a field (it was the only way out by
            // keyboard), so it leaves the field and keeps the text (g_leave_field).
            // Its release goes where its press went (ImGui would hold a key whose release it never got).
            if (e.key == GLFW_KEY_ESCAPE && (e.action == GLFW_PRESS ? g_text_input && e.mods == 0 : g_escape_swallowed)) {
                g_escape_swallowed = e.action == GLFW_PRESS;
                if (g_escape_swallowed) g_leave_field = true;
                g_input.pop_front();
                break;
            }
            // Enter outside a text field presses the focused button, as on a web page (ImGui
            // 1.86 takes only Space for that).
            int key = e.key;
            if ((key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) && (e.action == GLFW_PRESS ? !g_text_input : g_enter_as_space)) {
                g_enter_as_space = e.action == GLFW_PRESS;
                key = GLFW_KEY_SPACE;
            }
            ImGui_ImplGlfw_KeyCallback(g_window, key, e.scancode, e.action, e.mods);
            if (e.key == GLFW_KEY_TAB && e.action == GLFW_PRESS) {
                g_tab_moving_focus = true;
                g_input.pop_front();
                break;
            }
        }
        g_input.pop_front();
    }
    // More frames for what waits, unless it is a finger's press waiting to be a tap or a
    // swipe: the touch events wake the app when that is decided.
    const bool touch_waits = g_touch_undecided && !g_input.empty() && g_input.front().button >= 0;
    if (!g_input.empty() && !touch_waits) g_frames_left = std::max(g_frames_left, 2);
    g_text_fed = text;
}

// GLFW's key and character callbacks (in place of the backend's): into the queue.
void on_glfw_key(GLFWwindow*, int key, int scancode, int action, int mods) {
    if (action == GLFW_REPEAT) return;  // ImGui repeats held keys itself
    InputEvent e;
    e.key = key;
    e.scancode = scancode;
    e.action = action;
    e.mods = mods;
    queue_input(std::move(e));
}

// GLFW's mouse-button callback (in place of the backend's): into the queue.
void on_glfw_mouse_button(GLFWwindow*, int button, int action, int) {
    if (button < 0 || button >= ImGuiMouseButton_COUNT || (action != GLFW_PRESS && action != GLFW_RELEASE)) return;
    if (g_touch_swiping) return;
    InputEvent e;
    e.button = button;
    e.action = action;
    queue_input(std::move(e));
}

// After the backend's new frame, which set the buttons from GLFW's live state: the buttons as
// the queue has handed them out so far.
void apply_buttons() {
    ImGuiIO& io = ImGui::GetIO();
    for (int b = 0; b < ImGuiMouseButton_COUNT; ++b) {
        io.MouseDown[b] = g_button_down[b] || g_button_pressed[b];
        g_button_pressed[b] = false;
    }
}

void on_glfw_char(GLFWwindow*, unsigned int c) {
    if (c == 0 || c > 0x10FFFF) return;
    std::string utf8;
    utf8_append(utf8, c);
    queue_text(std::move(utf8));
}

// The proxy holds the text of the field being edited, and its selection, as ImGui has them
// after the frame (typing, Backspace, the arrows and a paste all went through ImGui): so a
// screen reader reads the field's text and cursor while it is typed into, and an input method
// composes within the text. Sent when it changed.
void sync_proxy_value(ImGuiID field) {
    const ImGuiInputTextState* st = ImGui::GetInputTextState(field);
    if (st == nullptr || st->CurLenW > st->TextW.Size) return;
    std::string text(static_cast<std::size_t>(st->CurLenW) * 3 + 1, '\0');
    text.resize(static_cast<std::size_t>(
        ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), st->TextW.Data, st->TextW.Data + st->CurLenW)));
    const int from = std::min(st->Stb.select_start, st->Stb.select_end);
    const int to = st->HasSelection() ? std::max(st->Stb.select_start, st->Stb.select_end) : st->Stb.cursor;
    const int at = st->HasSelection() ? from : st->Stb.cursor;
    if (field == g_proxy_value_field && text == g_proxy_value && at == g_proxy_select[0] && to == g_proxy_select[1])
        return;
    // Not taken while an input method composes: sent again after its text came in.
    if (herreg_js_proxy_value(text.data(), static_cast<int>(text.size()), at, to) == 0) return;
    g_proxy_value_field = field;
    g_proxy_value = std::move(text);
    g_proxy_select[0] = at;
    g_proxy_select[1] = to;
}

// Text input proxy, after each frame: follow ImGui's wish for text input.
void sync_text_input() {
    ImGuiContext& g = *GImGui;
    const bool want = g.WantTextInputNextFrame == 1;  // set by this frame's active InputText
    // A field's input starts when there was none, or when a click went straight from one
    // field to another: the press on the canvas may have taken the focus from the proxy.
    const ImGuiID field = want ? g.ActiveId : 0;
    const bool started = want && (!g_text_input || field != g_text_field);
    if (field != g_text_field) {   // named before it is focused, so the focus announces the name
        std::string name;
        bool multiline = false;
        for (const Widget& w : g_shown_widgets)
            if (w.editing) {
                name = w.name;
                multiline = w.state.multiline;
            }
        herreg_js_proxy_name(name.c_str(), multiline ? 1 : 0);   // and empties it
        g_proxy_value_field = 0;
    }
    g_text_input = want;
    g_text_field = field;
    if (want) {
        g_frames_without_text = 0;
        // Focus only when text input starts: if the user took the focus elsewhere meanwhile
        // (a tap beside the field, iOS's "Done"), ImGui learns it from the click; refocusing
        // would fight the user and flash the phone keyboard.
        const bool focus = started && !g_proxy_focused;
        const ImVec2 pos = g_ime_pos.x >= 0.0f ? g_ime_pos : ImVec2(0.0f, 0.0f);
        if (focus || pos.x != g_placed_pos.x || pos.y != g_placed_pos.y) {
            g_placed_pos = pos;
            herreg_js_proxy_place(pos.x, pos.y, ImGui::GetFontSize(), focus ? 1 : 0);
        }
        // While input waits, ImGui's text is behind the proxy's: it would undo the typing.
        if (g_input.empty()) sync_proxy_value(field);
    } else if (g_frames_without_text < kTextInputGrace) {
        ++g_frames_without_text;
    } else if (g_proxy_focused) {
        herreg_js_proxy_release();  // also when the proxy was focused for a field that never activated
    }
}

// The mirror's request, before ImGui::NewFrame() (it takes activation requests there): a press
// activates the widget as Space would, a field to be edited starts text input.
// Before feed_input(): text typed into a field's element goes in once its field is being
// edited, ahead of anything typed after it (through the proxy, which takes the keyboard when
// the field starts): it was typed first ("22-11-2026" came out as "122-1-2026").
void deliver_typed_into() {
    if (g_typed_into.empty()) return;
    TypedInto& t = g_typed_into.front();
    if (GImGui->ActiveId != t.item || ImGui::GetInputTextState(t.item) == nullptr) return;
    InputEvent e;
    e.is_text = true;
    e.text = std::move(t.text);
    g_input.push_front(std::move(e));
    g_typed_into.pop_front();
    wake();
}

void activate_for_mirror() {
    // A field typed into before it was edited starts editing (deliver_typed_into gives it the text).
    if (!g_typed_into.empty()) {
        TypedInto& t = g_typed_into.front();
        if (GImGui->ActiveId == t.item) {
            // being edited: its text goes in before the next frame's input
        } else if (!g_input.empty() || g_text_fed) {
            // the field before takes what was typed into it first
        } else if (--t.tries < 0) {
            g_typed_into.pop_front();   // the field is no longer drawn
        } else {
            ImGui::ActivateItem(t.item);
            GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        }
        wake();
        return;
    }
    // Typed text still waiting in the input queue (ImGui takes a character a frame), or handed
    // to ImGui in this frame, belongs to the field being edited: the move waits until it is in
    // ("01-12-2021" and a quick Tab put "-2021" into the next field).
    if (!g_input.empty() || g_text_fed) {
        if (g_mirror_request) wake();
        return;
    }
    if (g_mirror_request && g_mirror_request->edit) {
        g_mirror_edit = g_mirror_request->item;
        g_mirror_edit_tries = 3;
    }
    if (g_mirror_edit != 0 && (GImGui->ActiveId == g_mirror_edit || g_mirror_edit_tries <= 0)) g_mirror_edit = 0;
    if (g_mirror_edit != 0) {
        --g_mirror_edit_tries;
        ImGui::ActivateItem(g_mirror_edit);
        GImGui->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        wake();   // the next frame tries again if this one did not draw it
        return;
    }
    if (g_mirror_request && g_mirror_request->press) ImGui::ActivateItem(g_mirror_request->item);
}

// ... and after it: the widget takes the keyboard focus with its ring, as if the arrows had
// moved there, and is scrolled into view. A field being edited elsewhere is left (text kept).
void focus_for_mirror() {
    if (!g_mirror_request || !g_input.empty() || g_text_fed || !g_typed_into.empty()) return;
    const MirrorRequest r = *g_mirror_request;
    g_mirror_request.reset();
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.ActiveId != r.item) ImGui::ClearActiveID();
    ImGui::FocusWindow(r.window);
    ImGui::SetFocusID(r.item, r.window);
    r.window->NavRectRel[g.NavLayer] = ImGui::WindowRectAbsToRel(r.window, r.rect);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    ImGui::ScrollToBringRectIntoView(r.window, r.rect);
}

// The tree as JSON (the mirror's and the widget map's).
void build_tree(std::string& out) {
    out = "[";
    int i = 0;
    for (const Widget& w : g_shown_widgets) {
        if (i > 0) out += ',';
        append_widget_json(out, w, i++, g_shown_css_scale);
    }
    out += ']';
}

// Whether `now` is `synced` (the widgets the mirror was last built from) with only their
// heights on the page changed (a scroll): the same widgets, in the same order, saying the same.
bool only_moved(std::vector<WidgetEntry>& synced, const std::vector<Widget>& now) {
    if (synced.empty() || synced.size() != now.size()) return false;
    for (std::size_t i = 0; i < synced.size(); ++i) {
        WidgetEntry& a = synced[i];   // compared at the new heights, in place (no copy of its words)
        const float y0 = a.y0, y1 = a.y1;
        a.y0 = now[i].y0;
        a.y1 = now[i].y1;
        const bool same = a == static_cast<const WidgetEntry&>(now[i]);
        a.y0 = y0;
        a.y1 = y1;
        if (!same) return false;
    }
    return true;
}

// After a frame: the mirror gets the semantics tree when it differs from what it has. Most
// frames draw the same widgets as the frame before (the mouse moved, ImGui settles): compared
// as they are, they cost no JSON. A scroll moves them all by about one distance: the mirror
// moves as one (a transform), and the few that moved by a pixel or more else (ImGui rounds
// some positions, text near the window's edge) are placed again one by one. An idle page draws
// no frames, so it costs nothing then.
void sync_mirror() {
    const double start = emscripten_get_now();
    static std::vector<WidgetEntry> previous;   // the frame before
    static std::vector<WidgetEntry> synced;     // what the mirror shows: the tree it was built
                                                // from, at the heights it shows them
    static float scale = 0.0f;
    const bool same_scale = scale == g_shown_css_scale;
    const auto unchanged = [](const WidgetEntry& a, const Widget& b) { return a == static_cast<const WidgetEntry&>(b); };
    if (!same_scale || previous.size() != g_shown_widgets.size() ||
        !std::equal(previous.begin(), previous.end(), g_shown_widgets.begin(), unchanged)) {
        previous.assign(g_shown_widgets.begin(), g_shown_widgets.end());
        const float css = g_shown_css_scale > 0.0f ? g_shown_css_scale : 1.0f;
        if (same_scale && only_moved(synced, g_shown_widgets)) {
            const float dy = g_shown_widgets.front().y0 - synced.front().y0;
            if (dy != 0.0f) herreg_a11y_shift(dy / css);
            std::string placed = "[";
            for (std::size_t i = 0; i < synced.size(); ++i) {
                WidgetEntry& a = synced[i];
                const Widget& b = g_shown_widgets[i];
                a.y0 += dy;
                a.y1 += dy;
                if (std::fabs(a.y0 - b.y0) < css && std::fabs(a.y1 - b.y1) < css) continue;
                a.y0 = b.y0;
                a.y1 = b.y1;
                char buf[96];
                std::snprintf(buf, sizeof buf, "%s[%zu,%.1f,%.1f]", placed.size() > 1 ? "," : "", i, b.y0 / css,
                              (b.y1 - b.y0) / css);
                placed += buf;
            }
            placed += ']';
            if (placed.size() > 2) herreg_a11y_place(placed.data(), static_cast<int>(placed.size()));
            g_mirrored_tree_stale = true;
        } else {
            synced.assign(g_shown_widgets.begin(), g_shown_widgets.end());
            scale = g_shown_css_scale;
            std::string tree;
            build_tree(tree);
            if (tree != g_mirrored_tree || g_mirrored_tree_stale) {
                g_mirrored_tree.swap(tree);
                g_mirrored_tree_stale = false;
                herreg_a11y_sync(g_mirrored_tree.data(), static_cast<int>(g_mirrored_tree.size()));
                ++g_mirror_syncs;
            }
        }
    }
    const double ms = emscripten_get_now() - start;
    g_mirror_ms_total += ms;
    g_mirror_ms_max = std::max(g_mirror_ms_max, ms);
    ++g_mirror_frames;
}

}  // namespace

bool init() {
    herreg_js_install();  // before glfwInit(): its listeners must come first
    herreg_a11y_install();
    g_embedded = herreg_js_embed_install() != 0;
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        show_fatal("herreg kon niet starten (GLFW). / herreg could not start (GLFW).");
        return false;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // window positions are not worth storing
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames forever
    return true;
}

Viewport viewport() { return measure(); }

bool init_graphics() {
    herreg_js_prepare_graphics();  // the page makes the context the app then draws with
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // ImGui draws with neither; web/boot.js makes the context (above) with the same attributes.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);

    const Viewport vp = measure();
    g_viewport = vp;
    g_window = glfwCreateWindow(vp.width, vp.height, "herreg", nullptr, nullptr);
    if (g_window == nullptr) {
        show_fatal(
            "Deze browser ondersteunt geen WebGL 2, dat herreg nodig heeft. "
            "Probeer een recente versie van Firefox, Chrome, Edge of Safari. / "
            "This browser lacks WebGL 2, which herreg needs.");
        return false;
    }
    glfwMakeContextCurrent(g_window);
    // No glfwSwapInterval: in the browser requestAnimationFrame sets the pace.
    GLint max_dims[2] = {0, 0}, max_renderbuffer = 0;  // the largest drawing surface (fitting_pixel_ratio)
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_dims);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_renderbuffer);
    for (const GLint limit : {max_dims[0], max_dims[1], max_renderbuffer})
        if (limit > 0) g_max_canvas_side = std::min(g_max_canvas_side, static_cast<float>(limit));

    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // Keys, characters and mouse buttons go through the input queue; the backend gets them there.
    glfwSetKeyCallback(g_window, on_glfw_key);
    glfwSetCharCallback(g_window, on_glfw_char);
    glfwSetMouseButtonCallback(g_window, on_glfw_mouse_button);
    // After the GLFW backend, which installs GLFW's (empty in Emscripten) clipboard.
    io.GetClipboardTextFn = get_clipboard_text;
    io.SetClipboardTextFn = set_clipboard_text;
    io.ClipboardUserData = nullptr;
    io.ImeSetInputScreenPosFn = on_ime_position;
    return true;
}

Poll poll() {
    if (g_test_crash != 0) crash_for_test(std::exchange(g_test_crash, 0));
    glfwPollEvents();
    Poll p;
    p.viewport = measure();
    int w = 0, h = 0;
    glfwGetWindowSize(g_window, &w, &h);
    if (w != p.viewport.width || h != p.viewport.height) {
        herreg_js_set_canvas_size(p.viewport.width, p.viewport.height);  // clears the canvas
        g_must_rasterise = true;
        wake();
    }
    // Also catches a pixel-ratio change that came without a resize event.
    if (p.viewport.width != g_viewport.width || p.viewport.height != g_viewport.height ||
        p.viewport.pixel_ratio != g_viewport.pixel_ratio)
        wake();
    g_viewport = p.viewport;
    p.draw = g_frames_left > 0;
    if (p.draw) --g_frames_left;
    else show_idle(true);
    return p;  // a browser tab is closed by the browser, never by us: quit stays false
}

void new_frame() {
    deliver_typed_into();
    feed_input();
    g_widgets.clear();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // Frames drawn back to back (the page-hidden handler's, or any two within the browser's
    // coarsened clock, 0.1 ms) would give ImGui a zero time step, and it aborts on that.
    if (!(ImGui::GetIO().DeltaTime > 0.0f)) ImGui::GetIO().DeltaTime = 1.0f / 10000.0f;
    apply_buttons();
    activate_for_mirror();
    ImGui::NewFrame();
    if (std::exchange(g_leave_field, false)) ImGui::ClearActiveID();   // Escape: out, text kept
    focus_for_mirror();
    apply_visible_area();
    g_frame_started = true;
}

void end_frame() {
    ImGui::Render();
    // Most frames drawn to settle after an event show what the one before showed: those are
    // not rasterised (the canvas keeps its picture, as between events). Without a GPU that is
    // most of a frame's cost, on a phone its battery.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const std::uint64_t picture = picture_hash(*ImGui::GetDrawData(), bg);
    if (g_must_rasterise || picture != g_rasterised) {
        int w = 0, h = 0;
        glfwGetFramebufferSize(g_window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        g_rasterised = picture;
        g_must_rasterise = false;
        ++g_rasterised_count;
    }

    g_shown_widgets.swap(g_widgets);
    g_shown_css_scale = g_css_scale;
    sync_mirror();
    sync_text_input();
    herreg_js_frame_drawn(g_rasterised_count);  // the browser presents the canvas when this callback returns
}

void request_redraw() { wake(); }
void resend_text_proxy() { g_proxy_value_field = 0; }   // sync_proxy_value() then sends

void fonts_changed() {
    if (!g_frame_started) return;  // the first new_frame() uploads the atlas anyway
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g_must_rasterise = true;  // the same vertices, another texture
}

void shutdown() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(g_window);
    g_window = nullptr;
    glfwTerminate();
}

std::string font_dir() { return "/fonts"; }

std::string url_param(std::string_view name) {
    int len = 0;
    char* p = herreg_js_url_param(name.data(), static_cast<int>(name.size()), &len);
    return take_js_string(p, len);
}

std::string url_fragment() {
    int len = 0;
    char* p = herreg_js_address_part(0, &len);
    return take_js_string(p, len);
}

void clear_url_fragment() { herreg_js_clear_fragment(); }

std::string page_address() {
    int len = 0;
    char* p = herreg_js_address_part(1, &len);
    return take_js_string(p, len);
}

std::string requested_language() {
    switch (herreg_js_requested_language()) {
        case 1: return "nl";
        case 2: return "en";
        default: return "";
    }
}

void remember_language(std::string_view code) {
    const std::string s(code);
    herreg_js_remember_language(s.c_str());
}

void remember_theme(std::string_view theme) {
    const std::string s(theme);
    herreg_js_remember_theme(s.c_str());
}

bool prefers(Preference which) { return herreg_js_prefers(which == Preference::more_contrast ? 0 : 1) != 0; }

std::string today_iso() {
    char buf[16] = {};
    herreg_js_today(buf);
    return buf;
}

std::optional<std::string> storage_get(std::string_view key) {
    int len = 0;
    char* p = herreg_js_storage_get(key.data(), static_cast<int>(key.size()), &len);
    if (p == nullptr) return std::nullopt;
    return take_js_string(p, len);
}

StoreResult storage_set(std::string_view key, std::string_view value) {
    switch (herreg_js_storage_set(key.data(), static_cast<int>(key.size()), value.data(),
                                  static_cast<int>(value.size()))) {
        case 0: return StoreResult::ok;
        case 1: return StoreResult::full;
        default: return StoreResult::unavailable;
    }
}

void storage_remove(std::string_view key) { herreg_js_storage_remove(key.data(), static_cast<int>(key.size())); }

std::string tab_id() {
    static const std::string id = [] {
        char buf[24] = {};
        herreg_js_tab_id(buf);
        return std::string(buf);
    }();
    return id;
}

std::vector<std::string> take_storage_changes() {
    std::vector<std::string> out;
    out.swap(g_storage_changes);
    return out;
}

void on_page_hidden(std::function<void()> handler) { g_page_hidden = std::move(handler); }

bool input_pending() { return !g_input.empty(); }

float take_swipe() { return std::exchange(g_swipe_pixels, 0.0f); }

void download_file(std::string_view filename, std::string_view mime_type, std::string_view contents) {
    herreg_js_download(filename.data(), static_cast<int>(filename.size()), mime_type.data(),
                       static_cast<int>(mime_type.size()), contents.data(), static_cast<int>(contents.size()));
}

void open_file_picker(std::string_view accept) {
    herreg_js_open_file_picker(accept.data(), static_cast<int>(accept.size()));
}

void fetch_site_file(std::string_view path) { herreg_js_fetch_site_file(path.data(), static_cast<int>(path.size())); }

void console_warn(std::string_view text) {
    const std::string line = "herreg: " + std::string(text);
    herreg_js_console_warn(line.data(), static_cast<int>(line.size()));
}

std::optional<OpenedFile> take_opened_file() {
    if (g_opened.empty()) return std::nullopt;
    OpenedFile f = std::move(g_opened.front());
    g_opened.pop_front();
    if (!g_opened.empty()) wake();  // the next one on a later frame
    return f;
}

void copy_to_clipboard(std::string_view text) {
    g_last_copy.assign(text);
    herreg_js_copy_to_clipboard(text.data(), static_cast<int>(text.size()), 1);
}

void mirror_text(std::string_view text) {
    if (text == g_mirrored) return;  // called every frame: touch the DOM only on a change
    g_mirrored.assign(text);
    herreg_js_mirror_text(g_mirrored.data(), static_cast<int>(g_mirrored.size()));
}

void note_widget(std::string_view id, WidgetKind kind, float x0, float y0, float x1, float y1) {
    // Called right after the widget: ImGui's last item is it. Keyboard focus as ImGui draws it.
    const ImGuiContext& g = *GImGui;
    const ImGuiID item = ImGui::GetItemID();
    Widget w;
    w.id.assign(id);
    w.kind = kind;
    w.x0 = std::min(x0, x1);
    w.y0 = std::min(y0, y1);
    w.x1 = std::max(x0, x1);
    w.y1 = std::max(y0, y1);
    w.focused = item != 0 && item == g.NavId && !g.NavDisableHighlight && g.ActiveId != item;
    w.editing = kind == WidgetKind::text_field && item != 0 && g.ActiveId == item;
    w.nav = item != 0 && item == g.NavId;
    w.state.role = default_role(kind);
    w.item = item;
    w.window = g.CurrentWindow;
    g_widgets.push_back(std::move(w));
}

void text_field_takes_rows() {
    if (ImGui::IsItemActive()) g_rows_field = ImGui::GetItemID();
}

std::optional<RefusedPaste> take_refused_paste() { return std::exchange(g_refused_paste, std::nullopt); }
void make_pdf(std::string_view filename, std::string_view document_json) {
    herreg_js_make_pdf(filename.data(), static_cast<int>(filename.size()), document_json.data(),
                       static_cast<int>(document_json.size()));
}

std::optional<PdfOutcome> take_pdf_outcome() {
    if (g_pdf_outcomes.empty()) return std::nullopt;
    PdfOutcome first = std::move(g_pdf_outcomes.front());
    g_pdf_outcomes.pop_front();
    return first;
}

std::optional<std::string> take_copy_failed() {
    if (!std::exchange(g_copy_failed, false)) return std::nullopt;
    return g_last_copy;
}

void note_widget_text(WidgetText which, std::string_view text) {
    if (!g_widgets.empty()) set_widget_text(g_widgets.back(), which, text);
}

void note_widget_state(const WidgetState& state) {
    if (!g_widgets.empty()) set_widget_state(g_widgets.back(), state);
}

void show_fatal(std::string_view message) {
    const std::string s(message);
    std::fprintf(stderr, "herreg: %s\n", s.c_str());
    herreg_js_show_fatal(s.c_str());
}

// ---------------------------------------------------------------- embedding
void report_content_height(float device_px) {
    if (!g_embedded || !(device_px > 0.0f)) return;
    // Whole CSS pixels, rounded up: a fraction short would show the app's scrollbar.
    const float css = std::ceil(device_px / (g_css_scale > 0.0f ? g_css_scale : 1.0f) - 0.01f);
    if (css == g_reported_height) return;
    g_reported_height = css;
    herreg_js_embed_post(0, css);
}

void reveal_top() {
    if (g_embedded) herreg_js_embed_post(1, 0.0);
}

}  // namespace herreg::platform

// ---------------------------------------------------------------- called from JavaScript
namespace hp = herreg::platform;

extern "C" {

// Any user event: draw the next frames.
void herreg_wake() { hp::wake(); }

// Another tab changed "herreg.<key>" ("" for the whole storage): noted for the app's next frame.
void herreg_storage_changed(const char* key) {
    std::vector<std::string>& q = hp::g_storage_changes;
    const std::string k = key != nullptr ? key : "";
    if (std::find(q.begin(), q.end(), k) == q.end() && q.size() < hp::kMaxStorageChanges) q.push_back(k);
    hp::wake();
}

// The page is being hidden or closed (see on_page_hidden). Never re-entered: the handler draws
// frames, and a frame could in theory make the browser fire the event again.
void herreg_page_hidden() {
    if (!hp::g_page_hidden || hp::g_in_page_hidden) return;
    hp::g_in_page_hidden = true;
    hp::g_page_hidden();
    hp::g_in_page_hidden = false;
}

// Test hook: the next frame fails, as a bug would. 1: abort() (Module.onAbort); 2: a C++
// exception nobody catches; 3: a WebAssembly trap. From a test or the browser's console only.
void herreg_test_crash(int how) {
    hp::g_test_crash = how;
    hp::wake();
}

// A file chosen in the picker (data may be null when len is 0; error null or empty if read).
void herreg_file_opened(const char* name, const char* data, int len, const char* error) {
    hp::OpenedFile f;
    f.name = name != nullptr ? name : "";
    if (data != nullptr && len > 0) f.contents.assign(data, static_cast<std::size_t>(len));
    f.error = error != nullptr ? error : "";
    if (hp::g_opened.size() >= hp::kMaxQueuedFiles) hp::g_opened.pop_front();  // the UI is not taking them
    hp::g_opened.push_back(std::move(f));
    hp::wake();
}

// A file fetched from the app's own site (herreg_js_fetch_site_file).
void herreg_site_file(const char* name, const char* data, int len, const char* error) {
    herreg_file_opened(name, data, len, error);
    hp::g_opened.back().from_site = true;
}

// Text typed, composed or dictated into the proxy ("\n" line ends).
void herreg_text_input(const char* utf8) {
    if (utf8 != nullptr) hp::queue_text(utf8);
}

// What became of a make_pdf() (herreg_js_make_pdf): result 0 offered as a download, 1 the PDF
// writer's Worker could not be loaded, 2 it failed (`error` says why).
void herreg_pdf_outcome(const char* name, int result, const char* error) {
    using Result = hp::PdfOutcome::Result;
    hp::g_pdf_outcomes.push_back(hp::PdfOutcome{name != nullptr ? name : "",
                                                 result == 0   ? Result::saved
                                                 : result == 1 ? Result::unavailable
                                                               : Result::failed,
                                                 error != nullptr ? error : ""});
    hp::wake();
}

// The browser would not take what copy_to_clipboard() gave it (web_platform.js says why).
void herreg_copy_failed() {
    hp::g_copy_failed = true;
    hp::wake();
}

// Text pasted ("\n" line ends), as the clipboard held it.
void herreg_paste_input(const char* utf8) {
    if (utf8 != nullptr) hp::queue_text(utf8, true);
}

// 1 Backspace, 2 Delete, 3 Enter, pressed and released (see beforeinput in herreg_js_install):
// through the input queue, so ImGui sees the key down for a frame.
void herreg_key_tap(int key) {
    const int glfw_key = key == 1 ? GLFW_KEY_BACKSPACE : key == 2 ? GLFW_KEY_DELETE : key == 3 ? GLFW_KEY_ENTER : -1;
    if (glfw_key < 0) return;
    for (const int action : {GLFW_PRESS, GLFW_RELEASE}) {
        hp::InputEvent e;
        e.key = glfw_key;
        e.action = action;
        hp::queue_input(std::move(e));
    }
}

// A finger on the canvas (see trackSwipe in herreg_js_install). what: 0 it went down (its press
// waits), 1 it was a tap or the swipe is over (presses count again), 2 it is a swipe (its press
// is dropped, and its release when it comes), 3 the swipe moved by dy CSS px (down > 0).
void herreg_touch(int what, double dy) {
    using namespace hp;
    switch (what) {
        case 0:
            g_touch_undecided = true;
            g_touch_swiping = false;
            break;
        case 1:
            g_touch_undecided = false;
            g_touch_swiping = false;
            break;
        case 2:
            g_touch_undecided = false;
            g_touch_swiping = true;
            g_input.erase(std::remove_if(g_input.begin(), g_input.end(), [](const InputEvent& e) { return e.button >= 0; }),
                          g_input.end());
            break;
        case 3:
            if (std::isfinite(dy)) g_swipe_pixels += static_cast<float>(dy) * g_css_scale;
            break;
        default:
            break;
    }
    wake();
}

// Wheel steps (1.0 a notch; positive: up / left, as ImGui wants them).
void herreg_wheel(double dx, double dy) {
    if (ImGui::GetCurrentContext() != nullptr) {
        ImGuiIO& io = ImGui::GetIO();
        io.MouseWheelH += static_cast<float>(dx);
        io.MouseWheel += static_cast<float>(dy);
    }
    hp::wake();
}

// The proxy's text was edited in place (see flush in herreg_js_install): the edit replaced
// [from, to) of the text it was last given; the text or Backspace that replaces it follows.
void herreg_text_select(int from, int to) {
    if (from < 0 || to < 0 || hp::g_proxy_value_field == 0) return;
    hp::InputEvent e;
    e.select_from = from;
    e.select_to = to;
    e.select_in = hp::g_proxy_value_field;
    hp::queue_input(std::move(e));
}

// The proxy was emptied on a press (focusProxy): the field's text is sent again.
void herreg_proxy_cleared() { hp::g_proxy_value_field = 0; }

void herreg_proxy_focus(int focused) { hp::g_proxy_focused = focused != 0; }

// A person focused (edit: and is to type into) or pressed the mirror element of the widget
// `index` of the tree the mirror was last given (= the frame on screen).
namespace {
void request_for_mirror(int index, bool press, bool edit) {
    if (index < 0 || static_cast<std::size_t>(index) >= hp::g_shown_widgets.size()) return;
    const hp::Widget& w = hp::g_shown_widgets[static_cast<std::size_t>(index)];
    if (w.item == 0 || w.window == nullptr) return;
    hp::g_mirror_request = hp::MirrorRequest{w.item, w.window, ImRect(w.x0, w.y0, w.x1, w.y1), press, edit};
    if (hp::g_mirror_edit != w.item) hp::g_mirror_edit = 0;   // a newer request wins over an edit being retried
    hp::wake();
}
}  // namespace

void herreg_a11y_focus(int index, int edit) { request_for_mirror(index, false, edit != 0); }

// Text typed into the element of the field `index` while that field was not being edited: it
// goes into the field (which starts editing for it) before anything else the mirror asks.
void herreg_a11y_type(int index, const char* utf8) {
    if (utf8 == nullptr || *utf8 == '\0' || index < 0 || static_cast<std::size_t>(index) >= hp::g_shown_widgets.size()) return;
    const hp::Widget& w = hp::g_shown_widgets[static_cast<std::size_t>(index)];
    if (w.item == 0) return;
    if (hp::g_typed_into.empty() || hp::g_typed_into.back().item != w.item) hp::g_typed_into.push_back({w.item, {}});
    hp::g_typed_into.back().text += utf8;
    hp::wake();
}
void herreg_a11y_press(int index) { request_for_mirror(index, true, false); }

// Embedded: 1 when a wheel turn (dx, dy in ImGui's steps) over the canvas would scroll
// something inside the app, judged on the frame on screen the way ImGui 1.86 picks the window
// to scroll (UpdateMouseWheel): the hovered window, or the first parent that can scroll. 0
// lets the host page scroll instead. Called inside the wheel event.
int herreg_wheel_scrolls(double dx, double dy, double css_x, double css_y) {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (g == nullptr) return 0;
    // The pointer (canvas pixels) may have moved since the last frame: its hovered window and
    // widget are then stale, and the window under the pointer now is found as ImGui finds it.
    const ImVec2 pos(static_cast<float>(css_x) * hp::g_shown_css_scale, static_cast<float>(css_y) * hp::g_shown_css_scale);
    const bool moved = css_x < 0 || std::fabs(pos.x - g->IO.MousePos.x) > 1.0f || std::fabs(pos.y - g->IO.MousePos.y) > 1.0f;
    if ((g->ActiveId != 0 && g->ActiveIdUsingMouseWheel) ||
        (!moved && g->HoveredIdPreviousFrame != 0 && g->HoveredIdPreviousFrameUsingMouseWheel))
        return 1;
    const auto window_at = [g](ImVec2 at) -> ImGuiWindow* {   // front to back, as FindHoveredWindow
        for (int i = g->Windows.Size - 1; i >= 0; --i) {
            ImGuiWindow* w = g->Windows[i];
            if (w->Active && !w->Hidden && !(w->Flags & ImGuiWindowFlags_NoMouseInputs) && w->OuterRectClipped.Contains(at)) return w;
        }
        return nullptr;
    };
    ImGuiWindow* const under = !moved ? g->HoveredWindow : css_x < 0 ? nullptr : window_at(pos);
    const auto blocked = [](const ImGuiWindow* w) {
        return (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(w->Flags & ImGuiWindowFlags_NoMouseInputs);
    };
    const auto can_scroll = [&](int axis, double steps) {
        ImGuiWindow* w = g->WheelingWindow != nullptr ? g->WheelingWindow : under;
        if (w == nullptr || w->Collapsed || steps == 0.0) return false;
        while ((w->Flags & ImGuiWindowFlags_ChildWindow) && (w->ScrollMax[axis] == 0.0f || blocked(w)))
            w = w->ParentWindow;
        if (blocked(w) || (w->Flags & ImGuiWindowFlags_NoMouseInputs)) return false;
        // Positive steps scroll towards the start (up, left), as ImGui takes them.
        return steps > 0.0 ? w->Scroll[axis] > 0.5f : w->Scroll[axis] < w->ScrollMax[axis] - 0.5f;
    };
    return can_scroll(1, dy) || can_scroll(0, dx) ? 1 : 0;
}

// The host page scrolled or resized (embed.js): the part of the iframe in its window, CSS px.
void herreg_embed_visible(double top, double bottom) {
    hp::g_visible_y0 = static_cast<float>(top);
    hp::g_visible_y1 = static_cast<float>(bottom);
    // An open dialog follows the host's scrolling; otherwise the next frame takes the new area.
    if (GImGui != nullptr && GImGui->OpenPopupStack.Size > 0) hp::wake();
}

// 1 when (x, y) in CSS pixels from the canvas' top left lies on a text field of the frame on
// screen. Called inside touch and mouse events, so it must not wait for a frame.
int herreg_hit_text_field(double css_x, double css_y) {
    const float x = static_cast<float>(css_x) * hp::g_shown_css_scale;
    const float y = static_cast<float>(css_y) * hp::g_shown_css_scale;
    for (const hp::Widget& w : hp::g_shown_widgets)
        if (w.kind == hp::WidgetKind::text_field && x >= w.x0 && x < w.x1 && y >= w.y0 && y < w.y1) return 1;
    return 0;
}

// [{"id":..., "kind":..., "x":..., "y":..., "w":..., "h":...}, ...] in CSS pixels from the
// canvas' top left (= the page's, the canvas fills it). Valid until the next call.
const char* herreg_widgets_json() {
    if (!hp::g_mirrored_tree_stale) return hp::g_mirrored_tree.c_str();
    // Moved as one since the mirror's last full update: built apart, so that update still comes.
    static std::string moved;
    hp::build_tree(moved);
    return moved.c_str();
}

// What the semantics tree and its mirror cost (window.herregA11yCost(), the page bench):
// 0 ms in all, 1 ms of the dearest frame, 2 frames, 3 frames that changed the mirror.
double herreg_a11y_cost(int what) {
    switch (what) {
        case 0: return hp::g_mirror_ms_total;
        case 1: return hp::g_mirror_ms_max;
        case 2: return static_cast<double>(hp::g_mirror_frames);
        default: return static_cast<double>(hp::g_mirror_syncs);
    }
}

}  // extern "C"
