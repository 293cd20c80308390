#include "app/app.h"

#include <cmath>
#include <optional>
#include <string>

#include "rules/embedded_rules.h"
#include "text/number_format.h"
#include "imgui.h"
#include "imgui_internal.h"   // the main window's cursor: content_height()
#include "platform/platform.h"
#include "portfolio/portfolio.h"
#include "portfolio/samples.h"
#include "ui/autosave_guard.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::app {
namespace {

namespace platform = herreg::platform;
namespace ui = herreg::ui;

using ui::kAutosaveKey;   // see autosave_guard.h
constexpr const char* kStepKey = "step";
// Frames drawn inside the page-hidden event at most: a sentence typed in the last moment
// before the tab was closed, a character a frame.
constexpr int kMaxHiddenFrames = 256;

herreg::Date today() {
    return herreg::parse_date(platform::today_iso()).value_or(herreg::Date{2026, 1, 1});
}

// Opening data from the address must not silently replace an earlier autosave: it is kept
// until the user changes what was opened.
void guard_autosave(ui::AppState& st) {
    if (!platform::storage_get(kAutosaveKey)) return;
    st.autosave_blocked = true;
    st.address_guard = st.session.revision();
}

// Whether the address's fragment holds a share link (p=..., first or after another part).
bool has_share_link(const std::string& fragment) {
    return fragment.rfind("p=", 0) == 0 || fragment.find("&p=") != std::string::npos;
}

// A share link (#p=...) in the address: held for the "open shared data?" question. Also
// called each frame: a link pasted into the address bar of an open tab changes only the
// fragment, without reloading the page.
bool take_share_fragment(App& app) {
    const std::string fragment = platform::url_fragment();
    if (fragment == app.seen_fragment) return false;
    app.seen_fragment = fragment;
    if (!has_share_link(fragment)) return false;
    return ui::offer_shared_portfolio(app.state, fragment);
}

// Reads the built-in rules if they are not read yet. A broken build cannot read them: the
// page says so, in both languages, and the app stops.
bool read_rules(App& app) {
    if (app.state.session.rules_read()) return true;
    try {
        app.state.session.rulebook();
        return true;
    } catch (const std::exception& e) {
        platform::show_fatal(std::string("herreg: de regels konden niet worden geladen / the rules could not be loaded: ") + e.what());
        app.failed = true;
        return false;
    }
}

// What the address brings that is read against the rules at the start: a sample, a
// portfolio, a share link, registers to offer or preselect, an association's rules file.
// Those pages read them before their first frame (the welcome screen needs none), outside the
// "could not open" messages of what they open: a broken build is said as such.
bool address_needs_rules() {
    for (const char* name : {"sample", "portfolio", "register", "registers", "rules"})
        if (!platform::url_param(name).empty()) return true;
    return has_share_link(platform::url_fragment());
}

// An embedding page's own registers and rules (embed.js: data-registers, data-rules). Read
// before anything is loaded: they hold whatever data comes next.
void embedding_choices(ui::AppState& st) {
    std::string list = platform::url_param("registers");
    for (char& c : list)
        if (c == ';' || c == ' ') c = ',';
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        if (end > start) st.offered_registers.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    const std::string rules = platform::url_param("rules");
    if (!rules.empty()) platform::fetch_site_file(rules);   // arrives in take_file()
    if (st.offered_registers.empty() || !rules.empty()) return;   // own rules may add the registers named
    if (!ui::offers_known_register(st))
        platform::console_warn("registers=\"" + list + "\" names no register herreg knows; all are offered");
}

// The address decides what to start with: a sample, a portfolio, or a register to preselect.
// An autosave is offered for restore only when the address does not bring its own data.
void start_from_address(App& app) {
    ui::AppState& st = app.state;
    embedding_choices(st);
    if (take_share_fragment(app)) return;   // its question comes first; the autosave waits
    const std::string sample = platform::url_param("sample");
    const std::string portfolio = platform::url_param("portfolio");
    if (!sample.empty()) {
        const herreg::Sample* found = herreg::find_sample(sample);
        if (found && ui::load_portfolio_text(st, found->portfolio_json, found->name)) {
            st.banner = {ui::fill(ui::strings(st.lang).sample_loaded, {found->name}), false};
            st.step = ui::Step::result;
            guard_autosave(st);
            return;
        }
        if (!found) st.banner = {ui::fill(ui::strings(st.lang).load_failed, {sample, "sample", "?"}), true};
    }
    if (!portfolio.empty() && ui::load_portfolio_text(st, portfolio, "URL")) {
        st.step = ui::Step::result;
        guard_autosave(st);
        return;
    }
    if (auto saved = platform::storage_get(kAutosaveKey)) {
        st.restore_offer = *saved;
        st.autosave_blocked = true;
    }
    // Preselection for embedding: ?register=nvvpo&profession=...&specialisation=...
    const std::string reg = platform::url_param("register");
    if (!reg.empty()) {
        std::optional<std::string> spec;
        if (const std::string s = platform::url_param("specialisation"); !s.empty()) spec = s;
        if (const herreg::RuleSet* rs = st.session.rulebook().find(reg, spec)) {
            herreg::Portfolio& p = st.session.edit();
            p.register_id = rs->register_id;
            p.specialisation = rs->specialisation;
            p.profession = rs->professions.empty() ? "" : rs->professions.front().id;
            const std::string prof = platform::url_param("profession");
            for (const auto& n : rs->professions)
                if (n.id == prof) p.profession = n.id;
            st.session.take_unsaved();   // a preselection is not something the user entered
        }
    }
    ui::preselect_offered_register(st);
}

// "5,2 MB", "512 kB": a paste's size as the message about it says it.
// Rounded up: a paste just over the limit must not read as the limit itself.
std::string size_text(std::size_t bytes, std::string_view lang) {
    if (bytes >= 1024u * 1024u) return herreg::format_number(std::ceil(bytes / (1024.0 * 102.4)) / 10.0, lang, 1) + " MB";
    return herreg::format_number(std::ceil(bytes / 1024.0), lang, 0) + " kB";
}

// A paste too long for its field was refused by the platform: said in the banner (and so in
// the mirror), the field as it was.
void take_refused_paste(App& app) {
    const auto refused = platform::take_refused_paste();
    if (!refused) return;
    ui::AppState& st = app.state;
    const ui::Strings& s = ui::strings(st.lang);
    st.banner = {ui::fill(s.paste_too_long, {size_text(refused->bytes, s.code), size_text(refused->limit, s.code)}), true};
    platform::request_redraw();
}

// A text field did not take an edit that would pass its limit (widgets.h): said in the banner
// (and so in the mirror), the field as it was.
void take_refused_edit(App& app) {
    const auto refused = ui::take_refused_edit();
    if (!refused) return;
    ui::AppState& st = app.state;
    const ui::Strings& s = ui::strings(st.lang);
    // Named by its label, without the colon some labels end with: the banner is far from the field on a phone.
    std::string name = refused->name;
    while (!name.empty() && (name.back() == ':' || name.back() == ' ')) name.pop_back();
    const std::string field = name.empty() ? std::string(s.field_unnamed) : ui::fill(s.field_named, {name});
    st.banner = {ui::fill(s.edit_too_long, {field, herreg::format_number(double(refused->max_bytes), s.code, 0)}), true};
    platform::resend_text_proxy();
    platform::request_redraw();
}

// The browser refused a copy the UI already said was done: it says so now. A share link's
// dialog opens again, so that the link can be selected and copied by hand.
void take_copy_failed(App& app) {
    const std::optional<std::string> text = platform::take_copy_failed();
    if (!text) return;
    ui::AppState& st = app.state;
    st.banner = {ui::strings(st.lang).copy_failed, true};
    if (!st.copied_share_link.empty() && *text == st.copied_share_link) st.share_link = *text;
    platform::request_redraw();
}

// A PDF asked for (platform::make_pdf) is made: offered as a download, or why not.
void take_pdf_outcome(App& app) {
    const std::optional<platform::PdfOutcome> outcome = platform::take_pdf_outcome();
    if (!outcome) return;
    ui::AppState& st = app.state;
    const ui::Strings& s = ui::strings(st.lang);
    using Result = platform::PdfOutcome::Result;
    if (outcome->result == Result::saved) st.banner = {ui::fill(s.saved_as, {outcome->filename}), false};
    else if (outcome->result == Result::unavailable) st.banner = {s.pdf_unavailable, true};
    else st.banner = {ui::fill(s.pdf_failed, {outcome->error}), true};
    st.pdf_note = outcome->result == Result::saved ? ui::Banner{} : st.banner;   // beside the button too
    st.pdf_note_reveal = !st.pdf_note.text.empty();
    platform::request_redraw();
}

void take_file(App& app) {
    auto file = platform::take_opened_file();
    if (!file) return;
    ui::AppState& st = app.state;
    const ui::Strings& s = ui::strings(st.lang);
    const ui::FilePurpose purpose = st.file_purpose;
    st.file_purpose = ui::FilePurpose::none;
    if (file->from_site) {   // an embedding page's rules file, whatever a picker was open for
        st.file_purpose = purpose;
        ui::open_site_rules(st, *file);
        return;
    }
    if (!file->error.empty()) {
        st.banner = {ui::fill(s.load_failed_file, {file->name, file->error}), true};
        return;
    }
    switch (purpose) {
        case ui::FilePurpose::hours_csv: ui::import_hours(st, file->contents); break;
        case ui::FilePurpose::activities_csv: ui::import_activities(st, file->contents); break;
        case ui::FilePurpose::rules_file: ui::open_rules_file(st, file->name, file->contents); break;
        default:
            if (ui::load_portfolio_text(st, file->contents, file->name) && st.step == ui::Step::welcome)
                st.step = ui::Step::result;
            break;
    }
}

// How tall the app's content is, in device px: where the main window's cursor went, however
// tall the window itself is (view_app.cpp's "##app" fills the display). Embedded in another
// site's page, the iframe is sized to it (platform::report_content_height).
float content_height() {
    const ImGuiWindow* w = ImGui::FindWindowByName("##app");
    return w != nullptr ? w->DC.CursorMaxPos.y - w->Pos.y + w->Scroll.y + w->WindowPadding.y : 0.0f;
}

// The theme for `pixel_ratio` and the colours asked for; true when its fonts were rasterised
// again (the renderer must then upload them).
bool fit_theme(App& app, float pixel_ratio) {
    app.theme.set_more_contrast(app.more_contrast_asked || platform::prefers(platform::Preference::more_contrast));
    if (!app.theme.needs_build(pixel_ratio, app.state.dark)) return false;
    app.theme.build(app.font_dir, pixel_ratio, app.state.dark);
    return true;
}

}  // namespace

App::App() : state([] { return herreg::Rulebook::from_files(herreg::embedded_rules_files()); }) {}

void start(App& app) {
    app.font_dir = platform::font_dir();
    ui::AppState& st = app.state;
    st.today = today();
    const std::string requested = platform::requested_language();
    st.lang = ui::parse_lang(requested, ui::Lang::nl);
    if (!requested.empty()) platform::remember_language(ui::strings(st.lang).code);
    st.dark = platform::url_param("theme") == "dark";
    if (st.dark) platform::remember_theme("dark");
    // An association's own colour (?accent=%237a1f5c, from web/embed.js' data-accent).
    app.theme.set_accent(ui::parse_accent(platform::url_param("accent")));
    // The high-contrast palette: asked for in the address (a test, a helpdesk's link), or by
    // the system's setting (prefers-contrast: more), which may change while the page is open.
    app.more_contrast_asked = platform::url_param("contrast") == "more";
    app.autosave.start(st);
    if (address_needs_rules() && !read_rules(app)) return;
    start_from_address(app);
    app.autosave.started(st);
    // Hidden or closed: what was typed in the last moments may still wait in the input queue
    // for the next frame. Draw it into the session now; the frame's autosave writes it.
    App* const self = &app;
    platform::on_page_hidden([self] {
        // Until all typed input is in (ImGui takes a typed character a frame), at least 3.
        for (int i = 0; i < 3 || (i < kMaxHiddenFrames && platform::input_pending()); ++i) {
            platform::request_redraw();
            frame(*self);
        }
    });
    // The fonts for the first frame, now, before the graphics exist (platform.h: init_graphics).
    // The first frame builds them again only if it measures otherwise (the screen changed, or
    // the GPU allows a smaller canvas than the one measured here).
    fit_theme(app, platform::viewport().pixel_ratio);
}

bool frame(App& app) {
    if (app.failed) return false;
    const platform::Poll input = platform::poll();
    if (input.quit) return false;
    // Once the first screen shows: the rules every later step needs, before any input is taken.
    if (app.drawn && !read_rules(app)) return false;
    if (!input.draw) return true;   // nothing happened: draw nothing (render on demand)

    ui::AppState& st = app.state;
    take_share_fragment(app);
    app.autosave.notice_other_tabs(st);
    if (fit_theme(app, input.viewport.pixel_ratio)) platform::fonts_changed();
    take_file(app);
    const ui::Step step_before = st.step;
    st.session.refresh(st.today);
    const unsigned long revision_before = st.session.revision();

    platform::new_frame();
    ui::draw_app(st, app.theme);
    platform::report_content_height(content_height());
    platform::end_frame();
    app.drawn = true;
    take_refused_paste(app);
    take_refused_edit(app);
    take_copy_failed(app);
    take_pdf_outcome(app);

    // What this frame changed is computed now and drawn in the next frame.
    st.session.refresh(st.today);
    if (st.session.revision() != revision_before || st.step != step_before) platform::request_redraw();
    if (st.step != step_before) {
        platform::storage_set(kStepKey, std::to_string(static_cast<int>(st.step)));
        st.scroll_to_top = true;   // applied inside the window on the next frame
        platform::reveal_top();    // embedded: the host page shows the iframe's top
    }
    app.autosave.write(st);
    platform::mirror_text(ui::mirror_text(st));

    if (st.lang_changed) {
        st.lang_changed = false;
        platform::remember_language(ui::strings(st.lang).code);
    }
    if (st.theme_changed) {
        st.theme_changed = false;
        platform::remember_theme(st.dark ? "dark" : "light");
    }
    return true;
}

}  // namespace herreg::app
