#include "ui/input_problem.h"

namespace herreg::ui {

std::string problem_text(const InputError& e, Lang lang) { return e.problem(lang); }

}  // namespace herreg::ui
