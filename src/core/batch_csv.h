// One CSV row per assessed portfolio, for an office that checks many members at once
// (`herreg batch`). Spreadsheet-safe: fields are quoted when needed (, ; " or a line
// break), and a field that a spreadsheet would run as a formula (=, +, -, @, tab or CR
// first) is defused with a leading quote; a plain negative number ("-12.5") stays a number.
// The figures herreg writes itself (hours, points) are numbers and never pass through it.
#pragma once
#include "assessment.h"

#include <string>
#include <string_view>

namespace herreg {

std::string csv_field(std::string_view value);
// id,register,specialisation,meets,scheme,hours_achieved,hours_required,points_missing,next_deadline,next_deadline_date
std::string batch_csv_header();
std::string batch_csv_row(std::string_view id, const Assessment& a);

}  // namespace herreg
