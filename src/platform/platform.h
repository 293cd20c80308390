// The platform layer: everything the UI needs from its host, and nothing more.
//
//   web_platform.cpp     the browser (Emscripten GLFW + WebGL 2 + Dear ImGui backends)
//   native_platform.cpp  a headless stand-in (no window, no GPU) that runs the app natively:
//                        tests/app drive it through native_platform.h
//
// The UI (src/ui) only calls Dear ImGui and these functions; it never includes a GLFW,
// GL or Emscripten header. All sizes the UI sees are device pixels: the platform sizes the
// drawing surface to CSS size x devicePixelRatio so text stays sharp on HiDPI screens, and the
// UI scales its fonts by pixel_ratio and everything else by the font size (em units).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herreg::platform {

struct Viewport {
    int width = 0;             // drawing surface in device pixels
    int height = 0;
    float pixel_ratio = 1.0f;  // device pixels per CSS pixel (window.devicePixelRatio)
};

// Starting, in two steps, with the app's own start between them (main.cpp):
//   init()           the page's listeners and the Dear ImGui context, no graphics yet;
//   init_graphics()  the window/canvas with its GL context, and ImGui's backends.
// The app rasterises its fonts between the two, and the browser makes the context after that:
// the GPU process, often busy presenting the page's first frames, then answers sooner
// (README, "Page size and start-up time"). On failure each tells the user why (show_fatal, e.g.
// no WebGL 2) and returns false.
bool init();
bool init_graphics();

// The drawing surface as poll() measures it; also before init_graphics(), though then without
// the GPU's largest surface, which may make a very large canvas measure smaller afterwards.
Viewport viewport();

// Each frame, in this order:
//   poll()       input events; follows window resizes and pixel-ratio changes.
//                Returns the viewport, whether a frame should be drawn at all, and whether
//                the user closed the window (native only).
//   (the UI may rebuild its fonts here, then calls fonts_changed())
//   new_frame()  starts the ImGui frame
//   (the UI draws with ImGui)
//   end_frame()  renders and counts the frame (window.herregFrames in the browser)
//
// Render on demand: `draw` is false when nothing happened since the last frames were drawn
// (no input, no resize, no file arriving, no request_redraw()). The app then skips the
// frame entirely, so an idle page draws nothing and costs no battery. After any event the
// platform keeps drawing a short while (ImGui needs a few frames to settle hover, clicks,
// scrolling).
struct Poll {
    Viewport viewport;
    bool draw = true;
    bool quit = false;
};
Poll poll();
void new_frame();
void end_frame();

// Asks for more frames although no input arrived (state changed by code, an animation).
void request_redraw();
// The field being edited goes to the keyboard proxy again after this frame, text and cursor,
// even when they seem unchanged: an edit the field refused is still in the proxy (a phone's
// keyboard typed it there first), and a screen reader or the next keystroke would go by it.
void resend_text_proxy();

// Re-uploads the font atlas after the UI rebuilt its fonts (e.g. new pixel ratio).
void fonts_changed();

void shutdown();

// Path of the embedded subset fonts ("/fonts" in the wasm file system).
std::string font_dir();

// ---------------------------------------------------------------- the page address
// A query parameter of the page address (?register=kp&lang=en), percent-decoded;
// empty when absent. Names used: lang, theme, register, profession, specialisation,
// sample, portfolio, accent (an association's colour), embed (1: inside web/embed.js' iframe).
std::string url_param(std::string_view name);

// Language requested by the page address (?lang=nl / ?lang=en): "nl", "en" or "" if none.
std::string requested_language();

// Remembers the chosen language in the page (address ?lang=, <html lang>) without reloading.
void remember_language(std::string_view code);

// What the person asked their system for (CSS media features). A change while the page is
// open draws a frame. Native: never.
enum class Preference {
    more_contrast,    // prefers-contrast: more (the high-contrast palette)
    reduced_motion,   // prefers-reduced-motion: reduce (no scrolling on after a flick)
};
bool prefers(Preference which);

// Remembers the chosen theme ("light"/"dark") in the address and the page background.
void remember_theme(std::string_view theme);

// ---------------------------------------------------------------- share links (the address fragment)
// A share link carries the portfolio after '#' (#p=...): browsers never send the fragment to
// a server. These read it, and take it away once it was dealt with, so a reload or a
// bookmark does not open the shared data again.
std::string url_fragment();        // what follows '#', as is (empty when none)
void clear_url_fragment();         // the address without its fragment (history.replaceState)
std::string page_address();        // the address without its fragment: what a share link is built on

// The local date on the user's device as "YYYY-MM-DD".
std::string today_iso();

// ---------------------------------------------------------------- storage (localStorage)
// Everything stays on the device. Keys are prefixed by the platform ("herreg.").
std::optional<std::string> storage_get(std::string_view key);
enum class StoreResult { ok, full, unavailable };   // full: quota exceeded
StoreResult storage_set(std::string_view key, std::string_view value);
void storage_remove(std::string_view key);

// ---------------------------------------------------------------- other tabs, leaving the page
// Two tabs of one browser share the storage (src/ui/autosave_guard.h decides what that means).

// A random id for this page load (this tab): it stamps what the tab autosaves.
std::string tab_id();

// Keys (without "herreg.") that another tab of this origin changed since the last call: the
// browser's `storage` event, which never fires for a tab's own writes. "" when another tab
// cleared the origin's whole storage. Each change also draws a frame, so the app sees it.
std::vector<std::string> take_storage_changes();

// `handler` runs when the page is hidden (another tab chosen, the phone's home screen) or
// closed, synchronously inside the browser's visibilitychange / pagehide event: the last
// chance to save before the tab is frozen or gone. app/app.cpp draws the input still waiting for
// a frame and autosaves there. Native: only when a test calls the stand-in's hide_page().
void on_page_hidden(std::function<void()> handler);

// Input that came in but was not handed to the UI yet (it takes a typed character a frame):
// the page-hidden handler draws frames until there is none.
bool input_pending();

// How far a finger swiped the page since the last call, in ImGui pixels (down > 0: the content
// follows the finger). ImGui 1.86 knows no touch scrolling; the UI scrolls its window by this.
// Embedded, the host page scrolls instead and this stays 0. Native: always 0.
float take_swipe();

// ---------------------------------------------------------------- files
// Offers `contents` as a download named `filename` (a Blob; nothing leaves the device).
void download_file(std::string_view filename, std::string_view mime_type, std::string_view contents);

// Makes `document_json` (a FormDocument as forms/form_document_json.h writes it) into a PDF and
// offers it as the download `filename`. In the browser the PDF writer (libharu, zlib, the fonts)
// is a module of its own run in a Worker: pdf-worker.js and .wasm, fetched from the site's folder
// when a PDF is first asked for, not with the page (the service worker caches them then). So the
// outcome comes later: take_pdf_outcome() returns it once. The native stand-in renders at once,
// with the fonts the CLI compiles in.
void make_pdf(std::string_view filename, std::string_view document_json);
struct PdfOutcome {
    enum class Result { saved, unavailable, failed };
    std::string filename;
    Result result = Result::saved;   // unavailable: the writer could not be loaded (offline?)
    std::string error;               // failed: why (the document's reader or the writer)
};
std::optional<PdfOutcome> take_pdf_outcome();

// Opens the browser's file picker (call it from a click: browsers want a user gesture).
// The chosen file arrives later: take_opened_file() returns it once, on some later frame.
void open_file_picker(std::string_view accept);   // e.g. ".json,application/json"
struct OpenedFile {
    std::string name;
    std::string contents;   // raw bytes; may be anything, the UI validates
    std::string error;      // non-empty when the file could not be read (too big, ...)
    bool from_site = false; // fetched by fetch_site_file, not chosen in the picker
};
std::optional<OpenedFile> take_opened_file();

// Fetches a file from the app's own site (`path` relative to the page, or an address on the
// page's own origin; anything else is refused without a request). It arrives through
// take_opened_file() like a chosen file, marked from_site, with an error when it could not be
// had (another origin, not found, over 5 MB).
void fetch_site_file(std::string_view path);

// A line for whoever looks into the browser's developer console (an association's webmaster):
// console.warn in the browser, stderr natively.
void console_warn(std::string_view text);

// Puts text on the system clipboard. The browser may refuse (no permission, not a secure
// page): take_copy_failed() then gives the text once, a moment later (an event draws the frame).
void copy_to_clipboard(std::string_view text);
std::optional<std::string> take_copy_failed();

// ---------------------------------------------------------------- accessibility mirror
// Replaces the text of the page's ARIA live region (#herreg-live), which mirrors what the
// canvas shows that matters: the verdict, the criteria figures and the deadlines. Screen
// readers, browser search and translation read it. Plain text; lines separated by '\n'.
// Cheap to call every frame: the DOM is touched only when the text changed.
void mirror_text(std::string_view text);

// ---------------------------------------------------------------- widget map
// The UI reports each interactive widget it drew this frame, with a stable id and its
// rectangle in device pixels. Uses:
//   - text fields: a tap on one focuses the HTML input proxy synchronously, inside the
//     touch event, so the phone's on-screen keyboard opens;
//   - browser tests: window.herregWidgets() lists them (id, kind, x, y, w, h in CSS px, and
//     focused: true for the one with the keyboard's focus ring, editing: true for the text
//     field being typed into), so tests click the real UI by name instead of by guessed
//     coordinates, and see where the keyboard is.
// Call it right after the widget (the platform may ask ImGui about its last item).
enum class WidgetKind { button, text_field, checkbox, combo, tab, other };
void note_widget(std::string_view id, WidgetKind kind, float x0, float y0, float x1, float y1);
// Words that go with the widget noted last: its accessible name (name: the words on it or of
// its visible label, what a screen reader says for it), the placeholder a field shows while
// empty (hint), the help text drawn beside it (help). In the map as "name", "hint" and
// "help": tests read what a person reads there without reading pixels; the browser names its
// text proxy after the field being edited.
// value: the text a field holds; error: the message drawn for it while its input is invalid.
enum class WidgetText { name, hint, help, value, error };
void note_widget_text(WidgetText which, std::string_view text);

// What the widget noted last means to assistive technology, beyond its kind: the semantics
// tree is the widget map with these (an ARIA role and states; no ImGui type, so a native
// accessibility adapter could take the same tree). The browser mirrors it as real, invisible
// elements over the canvas (a11y_mirror.js): buttons, labelled inputs, radios, headings, a
// dialog, and the words drawn between them (text: a paragraph, read in order, found by the
// browser's find and reached by its translation). `none` takes the role from the kind (button, text field, check box, combo box, step;
// `other` has none and is not mirrored).
// A widget in a table's cell says which (table, row, column); a table's header cell is a
// columnheader, sortable when its sort is >= 0.
enum class Role { none, button, link, textbox, checkbox, radio, combobox, option, step, menuitem, heading, alert, text,
                  columnheader };
struct WidgetState {
    Role role = Role::none;
    int level = 0;            // a heading's level (1 = the page's title)
    int checked = -1;         // a check box or radio: 1 checked, 0 not; -1: not checkable
    bool selected = false;    // an option: the one chosen
    int expanded = -1;        // a combo box or a section that opens: 1 open, 0 closed; -1: neither
    bool current = false;     // a step: the one shown
    bool disabled = false;
    bool invalid = false;     // a field whose text is not accepted (its message: WidgetText::error)
    bool multiline = false;   // a text box of several lines
    bool readonly = false;    // a text box to read and copy from, not to type into
    unsigned dialog = 0;      // the modal dialog it lies in, 0: the page (dialogs trap the keyboard)
    unsigned table = 0;       // the table whose cell it lies in (0: none), at row, column (from 0;
    int row = -1, column = -1;   // row 0 is the header row)
    int sort = -1;            // a column header: 0 not sorted by, 1 ascending, 2 descending; -1 not sortable
    bool operator==(const WidgetState&) const = default;
};
void note_widget_state(const WidgetState& state);
// The role a widget of `kind` has unless it says otherwise.
Role default_role(WidgetKind kind);
// Called right after a box that takes rows (an import box): a paste into it keeps a
// spreadsheet's rows and puts their cells between semicolons; any other field gets a paste as
// one line of words (paste_text.h).
void text_field_takes_rows();

// A paste longer than the field it went to may take (paste_text.h paste_limit): nothing of it
// was inserted. Its size and the field's limit, in bytes, once; then none until the next.
struct RefusedPaste {
    std::size_t bytes = 0;
    std::size_t limit = 0;
};
std::optional<RefusedPaste> take_refused_paste();

// ---------------------------------------------------------------- embedding (web/embed.js)
// An association's page can hold the app in an <iframe> (index.html?embed=1, made by
// web/embed.js). Then the host page scrolls, not the app: the iframe is made exactly as tall
// as the app's content, so the app's own window never needs to scroll. Outside an iframe
// these do nothing.
//
// What the UI sees of it: ImGui's main viewport work area (GetMainViewport()->WorkPos /
// WorkSize) is the part of the display the user can see. Normally that is the whole display;
// embedded in a tall iframe it is the part of the iframe inside the host's window (embed.js
// reports it as the page scrolls). Dialogs are centred on it, not on the display.

// After the UI drew a frame: how tall its content is, in device pixels. It must not depend on
// the display height (no "fill the rest" layouts), or the iframe would chase its own size.
// Posted to the host page ({type: "herreg:size", height: CSS px}) when it changed.
void report_content_height(float device_px);

// A new page of the wizard starts: if the top of the iframe is scrolled out of the host's
// window, the host scrolls it back into view ({type: "herreg:top"}).
void reveal_top();

// Tells the user something went wrong that the app cannot recover from.
void show_fatal(std::string_view message);

}  // namespace herreg::platform
