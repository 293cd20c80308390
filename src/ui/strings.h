// User-facing text, one table per language (Dutch first: it is the default).
// Every field must be filled for every language (tests/unit/unit-ui-strings.cpp checks);
// strings are UTF-8. "{}" marks a value filled in by ui::fill(), in order.
#pragma once

#include <array>
#include <string_view>

namespace herreg::ui {

enum class Lang { nl, en };
inline constexpr std::array<Lang, 2> kLanguages{Lang::nl, Lang::en};

// Only `const char*` members (and arrays of them): the completeness test walks them as such.
struct Strings {
    const char* code;
    const char* language_name;
    const char* subtitle;
    const char* tagline;
    const char* how_title;
    std::array<const char*, 3> steps;
    const char* start_button;
    const char* continue_button;
    std::array<const char*, 2> promises;
    const char* disclaimer;
    const char* step_register;
    const char* step_dates;
    const char* step_hours;
    const char* step_activities;
    const char* step_result;
    const char* mirror_step;
    const char* theme_dark;
    const char* theme_light;
    const char* menu_file;
    const char* menu_save;
    const char* menu_open;
    const char* menu_examples;
    const char* menu_clear;
    const char* saved_as;
    const char* loaded_from;
    const char* save_failed;
    const char* load_failed;
    const char* dismiss;
    const char* restore_question;
    const char* restore_note;
    const char* restore_yes;
    const char* restore_no;
    const char* restore_source;
    const char* clear_question;
    const char* clear_yes;
    const char* cancel;
    const char* cleared;
    const char* back;
    const char* next;
    const char* to_result;
    const char* register_title;
    const char* register_intro;
    const char* profession_label;
    const char* profession_single;
    const char* choose;
    const char* dates_title;
    const char* registered_question;
    const char* registered_yes;
    const char* registered_no;
    const char* not_registered_note;
    const char* period_start_label;
    const char* period_start_help;
    const char* period_end_label;
    const char* period_end_help;
    const char* period_end_default;
    const char* check_date_label;
    const char* check_date_help;
    const char* last_worked_label;
    const char* last_worked_help;
    const char* date_invalid;
    const char* circumstances_title;
    const char* circumstances_help;
    const char* hours_title;
    const char* hours_intro;
    const char* hours_need_dates;
    const char* go_to_dates;
    const char* hours_total_of;
    const char* hours_total_unknown;
    const char* window_line;
    const char* hours_per_year;
    const char* col_year;
    const char* col_hours;
    const char* col_counted;
    const char* year_part;
    const char* number_invalid;
    const char* ranges_title;
    const char* ranges_help;
    const char* unit_hours;
    const char* unit_points;
    const char* remove;
    const char* remove_short;
    const char* range_reversed;
    const char* add_range;
    const char* import_title;
    const char* hours_import_help;
    const char* import_button;
    const char* import_file;
    const char* import_done;
    const char* import_problem;
    const char* activities_title;
    const char* activities_intro;
    const char* choose_register_first;
    const char* go_to_register;
    const char* points_totals;
    const char* caps_title;
    const char* cap_line;
    const char* add_activity;
    const char* edit_activity;
    const char* planned_note;
    const char* planned;
    const char* no_activities;
    const char* col_date;
    const char* col_title;
    const char* col_provider;
    const char* col_category;
    const char* col_kind;
    const char* kind_none;
    const char* col_points;
    const char* col_accredited;
    const char* col_accredited_short;
    const char* yes;
    const char* no;
    const char* edit;
    const char* duplicate;
    const char* duplicate_short;
    const char* done;
    const char* activities_import_help;
    const char* result_title;
    const char* cannot_assess;
    const char* fix_it;
    const char* checked_on;
    const char* criteria_title;
    const char* with_planned;
    const char* then_met;
    const char* then_short;
    const char* threshold_help;
    const char* projection_line;
    const char* projection_meets;
    const char* projection_short;
    const char* scheme_title;
    const char* temporary_months;
    const char* definitive_years;
    const char* source;
    const char* plan_title;
    const char* points_missing;
    const char* hours_missing;
    const char* hours_required;
    const char* pace_line;
    const char* dates_timeline;
    const char* today_marker;
    const char* next_steps_title;
    const char* copy_summary;
    const char* figures_of;
    const char* figures_unknown;
    const char* copied;
    const char* autosave_full;
    const char* autosave_unavailable;
};

const Strings& strings(Lang lang);

// "nl" / "en" (any case, also "nl-NL") to a language; anything else gives `fallback`.
Lang parse_lang(std::string_view code, Lang fallback = Lang::nl);

}  // namespace herreg::ui
