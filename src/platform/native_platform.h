// The native stand-in's controls for tests (src/platform/native_platform.cpp): what a
// browser, its tabs and its user do around the app, and what the app showed. Not part of
// platform.h: the app never calls these.
//
// A test plays a browser profile: one storage shared by tabs. Each tab holds one page at a
// time with its own Dear ImGui context, widget map, mirror, frame count, page-hidden handler
// and queue of storage changes. The platform functions of platform.h act on the current tab
// (use_tab()); so does everything below unless it says otherwise.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/platform.h"
#include "platform/semantics.h"

namespace herreg::platform {

// ---------------------------------------------------------------- the browser profile
// Everything forgotten, as in a fresh browser profile: storage, quota, every tab with its
// page, clipboard, downloads; the viewport back to HERREG_VIEWPORT (else 1280x800@1). The
// current tab is then HERREG_TAB_ID (else "native"), with no page until init().
void reset();

// The size of every page's drawing surface (device px) and its pixel ratio. A tall one
// (1280x3000) shows a whole step, so tests never need to scroll.
void set_viewport(int width, int height, float pixel_ratio);

// localStorage's quota: storage_set fails with StoreResult::full (the browser's
// QuotaExceededError) when the keys and values stored would then exceed `bytes` in all.
// 0: no limit (the default).
void set_storage_quota(std::size_t bytes);
std::size_t storage_used();   // bytes the quota counts now: keys (with "herreg.") and values

// What storage holds, without going through the app: one key (without "herreg."), or all of
// it (full keys).
std::optional<std::string> peek_storage(std::string_view key);
std::map<std::string, std::string> storage_snapshot();

// ---------------------------------------------------------------- tabs and pages
// Makes `name` the current tab, and its page's ImGui context the current one. A tab not seen
// before opens on the address HERREG_URL_QUERY / HERREG_URL_FRAGMENT, without a page: call
// init() (and start the app) to load one. The page's tab_id() is `name`.
void use_tab(std::string_view name);

// The current tab reloads: its page is gone (ImGui context, widget map, mirror, frame count,
// page-hidden handler, storage changes not yet taken, files not yet taken); storage and the
// address stay. As in a browser the new page gets a new tab_id() ("<name>-2", "<name>-3", ...),
// so its autosave stamps never repeat the old page's. Then init() loads the new page.
void new_page();

// The tab `name` is closed (its page with it). Nothing runs: call hide_page() first for the
// browser's pagehide.
void close_tab(std::string_view name);

// The current tab's address (for the next page loaded in it): the query without '?'
// ("sample=kp-02-dispensation&lang=en"), and what follows '#'.
void set_url_query(std::string_view query);
void set_url_fragment(std::string_view fragment);

// Other tabs' storage changes reach each page one key per frame (take_storage_changes gives
// one), and a page sees a key's new value only from then on, as in Chromium, where each
// page holds a copy of the storage that the events bring up to date. Off: all at once.
void deliver_storage_changes_one_by_one(bool on);

// Another tab, not one of the tabs above, writes or removes a key: every tab gets the change
// (each tab's `storage` event). The quota does not apply.
void other_tab_writes(std::string_view key, std::string_view value);
void other_tab_removes(std::string_view key);

// The current page is hidden (or closed): its on_page_hidden handler runs, as inside the
// browser's visibilitychange / pagehide event.
void hide_page();

// ---------------------------------------------------------------- what the page showed
// A widget of the map (semantics.h); where the keyboard is ("focused", "editing") only the
// browser's map says.
using NativeWidget = WidgetEntry;
long frame_count();                              // frames the current page drew
const std::string& mirrored_text();              // its live-region text, as of its last frame
const std::vector<NativeWidget>& widgets();      // its widget map, of its last finished frame

// The system clipboard (copy_to_clipboard), shared by all tabs.
const std::string& clipboard_text();

// Every download of the profile, oldest first (each is also written to HERREG_DOWNLOAD_DIR
// when that is set).
struct NativeDownload {
    std::string tab;   // tab_id() of the page that offered it
    std::string name, mime_type, contents;
};
const std::vector<NativeDownload>& downloads();

}  // namespace herreg::platform
