// User-facing text, one table per language (Dutch first: it is the default).
// Every field must be filled for every language (tests/unit/unit-ui-strings.cpp checks);
// strings are UTF-8. "{}" marks a value filled in by ui::fill(), in order.
#pragma once

#include "text/lang.h"

#include <array>
#include <string_view>

namespace herreg::ui {

using herreg::kLanguages;
using herreg::Lang;
using herreg::parse_lang;

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
    const char* sample_loaded;   // {} the sample's name
    const char* date_hint;       // the empty date field's placeholder
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
    const char* used_before_title;
    const char* used_before_help;
    const char* used_before_question;   // {} = the scheme's name
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
    const char* projection_hours_line;  // {} = hours
    const char* year_so_far;            // {} = the check date's year, {} = the check date
    const char* hours_planned_note;     // {} = hours, {} = the check date
    const char* hours_planned;          // {} = hours
    const char* number_invalid;
    const char* ranges_title;
    const char* ranges_help;
    const char* unit_hours;
    const char* unit_points;
    const char* remove;
    const char* remove_short;
    const char* range_reversed;
    const char* add_range;
    const char* range_from_name;    // a range's fields, named for a screen reader: period number
    const char* range_to_name;
    const char* range_hours_name;
    const char* range_name;        // "Periode {}": what its delete button is for
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
    const char* meetings_label;
    const char* meetings_help;          // {} = points per meeting
    const char* meeting_hours_label;
    const char* meeting_hours_help;     // {} = the minimum in hours
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
    const char* projection_line_one;   // one planned activity
    const char* projection_meets;
    const char* projection_short;
    const char* scheme_title;
    const char* temporary_months;
    const char* definitive_years;
    const char* source;
    const char* plan_title;
    const char* points_missing;
    const char* plan_covers;   // criterion, planned, missing
    const char* plan_short;    // criterion, planned, missing, still to plan
    const char* plan_late;     // points, the proof date
    const char* plan_hours;    // hours a week, hours in all
    const char* hours_missing;
    const char* hours_required;
    const char* pace_line;
    const char* dates_timeline;
    const char* today_marker;
    const char* check_marker;        // the check date when it is not today
    const char* next_steps_title;
    const char* others_title;        // the portfolio's other registrations (format 2)
    const char* others_intro;
    const char* others_failed;       // {field}, {problem}
    const char* others_add_help;     // step 1
    const char* others_add;
    const char* others_remove;
    const char* copy_summary;
    const char* figures_of;
    const char* figures_unknown;
    const char* copied;
    const char* autosave_full;
    const char* autosave_unavailable;
    // The application step (step 6).
    const char* step_application;
    const char* application_not_needed;
    const char* application_title;
    const char* application_intro;
    const char* cta_title;
    const char* cta_text;
    const char* cta_button;
    const char* precheck_title;
    const char* precheck_count;
    const char* precheck_all_ok;
    const char* open_one;
    const char* open_many;
    const char* go_to;
    const char* downloads_title;
    const char* downloads_help;
    const char* download_pdf;
    const char* download_ics;
    const char* copy_text;
    const char* pdf_making;        // the PDF's file name: being made
    const char* pdf_unavailable;   // the PDF writer could not be loaded (offline before the first PDF)
    const char* pdf_failed;
    const char* form_copied;
    const char* applicant_title;
    const char* name_label;
    const char* registration_number_label;
    const char* email_label;
    const char* circumstances_none;
    const char* circumstances_edit;
    const char* from_label;
    const char* until_label;
    const char* reasons_label;
    const char* plan_card_title;
    const char* plan_period;
    const char* planned_title;
    const char* planned_none;
    const char* edit_activities;
    const char* coverage_title;
    const char* col_criterion;
    const char* col_missing;
    const char* col_planned;
    const char* col_covered;
    const char* coverage_line;
    const char* points_plan_label;
    const char* hours_card_title;
    const char* hours_needed;
    const char* hours_per_week_label;
    const char* optional_from;
    const char* optional_until;
    const char* hours_period_help;
    const char* hours_planned_of;
    const char* workplace_label;
    const char* hours_description_label;
    const char* evc_title;
    const char* evc_choose;
    const char* evc_help;
    const char* evc_institution;
    const char* evc_result;
    const char* evc_plan;
    const char* self_title;
    const char* self_help;                // {} = "de vijf vragen", counted (self_evaluation_questions)
    const char* plans_title;
    const char* training_plan_label;
    const char* training_plan_optional;   // {} = the group number
    const char* mentoring_plan_label;
    const char* supervision_title;
    const char* supervisor_name_label;
    const char* supervisor_number_label;
    const char* supervisor_registered_label;
    const char* answer_yes;
    const char* answer_no;
    const char* answer_unknown;
    const char* supervision_hours_label;
    const char* supervision_evaluation_label;
    const char* assessments_help;         // {} = the group number
    const char* interim_label;
    const char* final_label;
    const char* no_form_title;
    // Sharing as a link, and the helpdesk's what-if comparison.
    const char* menu_share;
    const char* share_title;
    const char* share_explain;
    const char* share_length;
    const char* share_long;
    const char* share_copy;
    const char* share_copied;
    const char* share_failed;
    const char* incoming_title;
    const char* incoming_text;
    const char* incoming_summary;
    const char* incoming_own;
    const char* incoming_open;
    const char* incoming_save_own;
    const char* incoming_saved_own;
    const char* incoming_cancel;
    const char* incoming_bad;
    const char* incoming_bad_field;   // the portfolio in the link names a field: {field}, {problem}
    const char* incoming_source;
    const char* no_register;
    const char* menu_compare;
    const char* scenario_label;
    const char* scenario_as_entered;
    const char* scenario_what_if;
    const char* scenario_compare;
    const char* scenario_editing_what_if;
    const char* compare_title;
    const char* compare_intro;
    const char* compare_edit;
    const char* compare_differences;
    const char* compare_one_difference;
    const char* compare_no_difference;
    const char* compare_not_ready;
    const char* change_better;
    const char* change_worse;
    const char* change_different;
    const char* notes_title;
    const char* notes_help;
    const char* notes_member;
    const char* notes_advisor;
    const char* notes_agreements;
    const char* notes_too_long;       // {} the most a file holds
    const char* notes_case;
    const char* share_title_helpdesk;
    const char* share_explain_helpdesk;
    const char* share_pick_what_if;
    const char* share_pick_as_entered;
    const char* share_pick_both;
    const char* share_with_notes;
    const char* incoming_member;       // {} the member's name
    const char* incoming_has_what_if;
    const char* incoming_has_notes;
    const char* quick_title;
    const char* quick_intro;
    const char* quick_courses;
    const char* quick_count;
    const char* quick_points;
    const char* quick_category;
    const char* quick_accredited;
    const char* quick_before;
    const char* quick_course_title;
    const char* quick_hours;
    const char* quick_hours_per_week;
    const char* quick_from;
    const char* quick_to;
    const char* quick_check_date;
    const char* quick_add;
    const char* quick_apply;
    const char* quick_added_courses;   // {count} {points}
    const char* quick_added_hours;     // {hours a week} {from} {to}
    const char* quick_moved_check;     // {date}
    const char* quick_failed;          // {field} {problem}
    const char* site_rules_refused;   // {} the file's name
    const char* list_full;            // {} the most a portfolio holds
    const char* list_rows;            // {first} {last} {total}: the rows of a long list shown
    const char* list_previous;
    const char* list_next;
    const char* edit_as_entered_question;
    const char* edit_as_entered_yes;
    const char* edit_as_entered_no;
    const char* summary_pdf;
    const char* summary_copy;
    const char* summary_copied;
    const char* adopt_what_if;
    const char* adopt_question;
    const char* adopt_yes;
    const char* drop_what_if;
    const char* compare_call_title;
    const char* compare_call_text;
    const char* back_to_result;
    // A file that cannot be opened, and an association's own rules file.
    const char* load_failed_file;
    const char* paste_too_long;   // {size} {limit}
    const char* edit_too_long;    // {field} {limit}
    const char* field_named;      // {label}: the field in edit_too_long
    const char* field_unnamed;
    const char* copy_failed;
    const char* menu_open_rules;
    const char* rules_refused_title;
    const char* rules_refused_intro;
    const char* rules_one_problem;
    const char* rules_problems;
    const char* rules_refused_help;
    const char* rules_copy_list;
    const char* rules_list_copied;
    const char* rules_loaded;
    const char* rules_added;
    const char* own_rules_note;
    // Two tabs, one autosave (view_tab_conflict.cpp).
    const char* tabs_changed;
    const char* tabs_explain;
    const char* tabs_load_theirs;
    const char* tabs_keep_mine;
    const char* tabs_download_mine;
    const char* tabs_source;
    const char* tabs_other_cleared;
    const char* tabs_kept;
};

const Strings& strings(Lang lang);


}  // namespace herreg::ui
