// Sharing without a server: "Delen als link" packs the portfolio into the address fragment
// (#p=..., share_link.h), which browsers never send anywhere; opening such a link asks first
// and says what happens to the data already on the device. Nothing is loaded silently.
#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"
#include "input/input_error.h"
#include "platform/platform.h"
#include "portfolio/portfolio.h"
#include "share/share_link.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

// Beyond this many characters some mail programs and chat apps cut a link: say so.
constexpr std::size_t kLongLink = 8000;

std::string describe(const Portfolio& p, const Rulebook& book, const Strings& s) {
    std::string reg = s.no_register;
    if (const RuleSet* rs = p.register_id.empty() ? nullptr : book.find(p.register_id, p.specialisation))
        reg = rs->name.in(s.code);
    else if (!p.register_id.empty())
        reg = p.register_id;
    std::string out = fill(s.incoming_summary, {reg, std::to_string(p.activities.size()), std::to_string(p.hours.size())}) + ".";
    // Whose data it is, as the helpdesk noted it or the member typed it on the form.
    const std::string& name = p.helpdesk.member.empty() ? p.application.name : p.helpdesk.member;
    if (!name.empty()) out += "\n" + fill(s.incoming_member, {name});
    if (p.helpdesk.what_if_json) out += "\n" + std::string(s.incoming_has_what_if);
    if (!p.helpdesk.notes.empty()) out += "\n" + std::string(s.incoming_has_notes);
    return out;
}

void centred_modal(float width_em) {
    const ImGuiIO& io = ImGui::GetIO();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - 2 * em, width_em * em), 0));
    ImGui::SetNextWindowPos(dialog_centre(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
}

// What the link carries: with a what-if, the helpdesk's choice (AppState::share_what), the
// conversation's notes only when they are to go along.
Portfolio shared_portfolio(const AppState& st) {
    const Session& se = st.session;
    Portfolio p;
    if (!se.has_what_if()) {
        p = se.portfolio(Scenario::as_entered);
    } else {
        switch (st.share_what) {
            case AppState::ShareWhat::what_if:
                p = se.portfolio(Scenario::what_if);
                p.helpdesk = se.notes();
                break;
            case AppState::ShareWhat::as_entered: p = se.portfolio(Scenario::as_entered); break;
            case AppState::ShareWhat::both: p = se.with_what_if(); break;
        }
    }
    if (!st.share_notes) {
        auto what_if = std::move(p.helpdesk.what_if_json);
        p.helpdesk = {};
        p.helpdesk.what_if_json = std::move(what_if);
    }
    return p;
}

void make_link(AppState& st) {
    const Strings& s = strings(st.lang);
    try {
        st.share_link = share_link(platform::page_address(), write_portfolio(shared_portfolio(st)));
    } catch (const InputError& e) {   // a portfolio too large to share
        st.share_link.reset();
        st.banner = {fill(s.share_failed, {e.problem(st.lang)}), true};
    } catch (const std::exception& e) {   // text that is not UTF-8
        st.share_link.reset();
        st.banner = {fill(s.share_failed, {e.what()}), true};
    }
}

// With a what-if (the helpdesk's side of the call): which scenario goes back to the member,
// and whether the notes go along. A change makes the link again.
void share_choices(AppState& st) {
    const Strings& s = strings(st.lang);
    const Session& se = st.session;
    bool again = false;
    if (se.has_what_if()) {
        const struct {
            const char* label;
            const char* id;
            AppState::ShareWhat what;
        } picks[] = {
            {s.share_pick_both, "share.both", AppState::ShareWhat::both},
            {s.share_pick_what_if, "share.what_if", AppState::ShareWhat::what_if},
            {s.share_pick_as_entered, "share.as_entered", AppState::ShareWhat::as_entered},
        };
        for (const auto& pick : picks)
            if (radio(pick.label, pick.id, st.share_what == pick.what) && st.share_what != pick.what) {
                st.share_what = pick.what;
                again = true;
            }
    }
    const HelpdeskNotes& n = se.notes();
    if (!n.notes.empty() || !n.member.empty() || !n.case_number.empty() || !n.advisor.empty())
        again |= checkbox(s.share_with_notes, "share.notes", &st.share_notes);
    if (again) make_link(st);
}

void share_dialog(AppState& st) {
    const Strings& s = strings(st.lang);
    const float em = ImGui::GetFontSize();
    if (st.share_link && !ImGui::IsPopupOpen("##share")) ImGui::OpenPopup("##share");
    centred_modal(34);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));   // as the other dialogs
    const bool open = ImGui::BeginPopupModal("##share", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    if (!open) return;
    if (!st.share_link) {   // closed from elsewhere (a file opened meanwhile)
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    const bool helpdesk = st.session.has_what_if();
    text(helpdesk ? s.share_title_helpdesk : s.share_title);
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    text(helpdesk ? s.share_explain_helpdesk : s.share_explain);
    ImGui::PopTextWrapPos();
    share_choices(st);
    if (!st.share_link) {   // the new choice could not be made into a link: the banner says why
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    // Read-only, selectable: a phone can long-press it, a desktop can select and copy.
    std::string shown = *st.share_link;
    ImGui::InputTextMultiline("##share.link", shown.data(), shown.size() + 1, ImVec2(w, 4.5f * em),
                              ImGuiInputTextFlags_ReadOnly);
    GImGui->LastItemData.ID = ImGui::GetID("##share.link");   // as text_area() does: the keyboard can reach it
    platform::WidgetState link;
    link.multiline = link.readonly = true;
    note_last("share.link", platform::WidgetKind::text_field, s.share_title, link);
    platform::note_widget_text(platform::WidgetText::value, shown);
    ImGui::PushFont(nullptr);
    text_muted(fill(s.share_length, {std::to_string(st.share_link->size())}));
    if (st.share_link->size() > kLongLink) text_coloured(palette().warn, s.share_long);
    ImGui::PopFont();
    if (primary_button(s.share_copy, "share.copy")) {
        platform::copy_to_clipboard(*st.share_link);
        st.copied_share_link = *st.share_link;
        st.banner = {s.share_copied, false};
        st.share_link.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button(s.dismiss, "share.close") || escape_pressed()) {
        st.share_link.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void incoming_dialog(AppState& st) {
    const Strings& s = strings(st.lang);
    if (st.incoming_share && !ImGui::IsPopupOpen("##incoming")) ImGui::OpenPopup("##incoming");
    centred_modal(32);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));   // as the other dialogs
    const bool open = ImGui::BeginPopupModal("##incoming", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    if (!open) return;
    if (!st.incoming_share) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    AppState::IncomingShare& in = *st.incoming_share;
    const std::optional<std::string> own = platform::storage_get("portfolio");
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
    text(s.incoming_title);
    text(fill(s.incoming_text, {in.summary}));
    if (own) text_muted(s.incoming_own);
    ImGui::PopTextWrapPos();
    bool done = false;
    if (primary_button(s.incoming_open, "incoming.open")) {
        const std::string json = in.json;
        // A link carries what was typed, as the autosave does: a draft, read as one.
        if (load_portfolio_text(st, json, s.incoming_source, ReadMode::draft)) {
            // Both scenarios: the comparison is what the link was sent for.
            st.step = st.session.has_what_if() ? Step::compare : Step::result;
            // The data on the device stays until the user changes what was opened.
            if (own) {
                st.autosave_blocked = true;
                st.address_guard = st.session.revision();
            }
        }
        st.restore_offer.reset();
        done = true;
    }
    if (own) {
        ImGui::SameLine();
        if (in.own_saved) {
            ImGui::BeginDisabled();
            button(s.incoming_saved_own, "incoming.save_own");
            ImGui::EndDisabled();
        } else if (button(s.incoming_save_own, "incoming.save_own")) {
            const std::string name = fill("herreg-{}.json", {to_iso(st.today)});
            platform::download_file(name, "application/json", *own);
            in.own_saved = true;
        }
    }
    ImGui::SameLine();
    if (button(s.incoming_cancel, "incoming.cancel") || escape_pressed()) {
        // Back to what would have happened without the link: offer the saved data.
        if (own && !st.restore_offer) {
            st.restore_offer = *own;
            st.autosave_blocked = true;
        }
        done = true;
    }
    if (done) {
        st.incoming_share.reset();
        platform::clear_url_fragment();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

void open_share_dialog(AppState& state) { make_link(state); }

bool offer_shared_portfolio(AppState& state, const std::string& fragment) {
    const Strings& s = strings(state.lang);
    try {
        const std::string json = decode_share_link(fragment);
        try {
            const Portfolio p = read_portfolio(json, ReadMode::draft);   // what was typed, read as the autosave is
            state.incoming_share = AppState::IncomingShare{json, describe(p, state.session.rulebook(), s)};
            return true;
        } catch (const InputError& e) {   // the portfolio it holds: name the field, as an opened file does
            const std::string& field = e.field();
            // "portfolio"/"document": the text as a whole (not JSON, ...), not one of its fields.
            if (field.empty() || field == "portfolio" || field == "document")
                state.banner = {fill(s.incoming_bad, {e.problem(state.lang)}), true};
            else
                state.banner = {fill(s.incoming_bad_field, {field, e.problem(state.lang)}), true};
        }
    } catch (const InputError& e) {   // the link itself
        state.banner = {fill(s.incoming_bad, {e.problem(state.lang)}), true};
    } catch (const std::exception& e) {
        state.banner = {fill(s.incoming_bad, {e.what()}), true};
    }
    platform::clear_url_fragment();   // a broken link is not asked about again on reload
    return false;
}

void draw_share_dialogs(AppState& state) {
    // The incoming question first: it decides what the restore question (view_app.cpp) is about.
    incoming_dialog(state);
    share_dialog(state);
}

}  // namespace herreg::ui
