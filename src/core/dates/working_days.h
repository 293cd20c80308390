// Working days in the Netherlands: Monday to Friday, less the national public
// holidays. Registers state processing times in working days (001 §1.1: 10-15
// working days for the completeness check), so deadlines need this.
#pragma once
#include "dates/civil_date.h"

#include <vector>

namespace herreg {

Date easter_sunday(int year);   // Gregorian computus (anonymous algorithm)
// The public holidays of one year: Nieuwjaarsdag, Eerste en Tweede Paasdag,
// Koningsdag (27 April, 26 April when the 27th is a Sunday), Bevrijdingsdag
// (5 May, a general day off only every fifth year: 2025, 2030, ...),
// Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
// Goede Vrijdag is not a general day off and is left out.
std::vector<Date> dutch_public_holidays(int year);
bool is_dutch_public_holiday(const Date& d);
bool is_working_day(const Date& d);
// The date `n` working days after `d` (d itself not counted). n >= 0.
Date add_working_days(const Date& d, int n);

}  // namespace herreg
