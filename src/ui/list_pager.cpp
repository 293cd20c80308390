#include "ui/list_pager.h"

#include <algorithm>
#include <string>

#include "text/number_format.h"
#include "ui/widgets.h"

namespace herreg::ui {

ListRange list_pager(const char* id, std::size_t total, int& page, const Strings& s) {
    const std::size_t pages = std::max<std::size_t>(1, (total + kListPage - 1) / kListPage);
    page = std::clamp(page, 0, int(pages) - 1);
    ListRange r;
    r.first = std::size_t(page) * kListPage;
    r.last = std::min(total, r.first + kListPage);
    if (pages == 1) return r;

    const std::string base = id;
    ImGui::AlignTextToFramePadding();
    text_muted(fill(s.list_rows, {format_number(double(r.first + 1), s.code, 0), format_number(double(r.last), s.code, 0),
                                  format_number(double(total), s.code, 0)}));
    ImGui::BeginDisabled(page == 0);
    if (button(s.list_previous, (base + ".prev").c_str())) --page;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(std::size_t(page) + 1 >= pages);
    if (button(s.list_next, (base + ".next").c_str())) ++page;
    ImGui::EndDisabled();
    return r;
}

}  // namespace herreg::ui
