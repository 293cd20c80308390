// The core's problem with an input, in the user's language. Every InputError carries a message
// from the catalogue (src/core/messages.cpp), worded there in Dutch and in English, so the app
// only has to ask for it in the right language. No ImGui here: the unit tests use it.
#pragma once
#include <string>

#include "input_error.h"
#include "ui/strings.h"

namespace herreg::ui {

// An error's problem, without its field ("moet minstens 0 zijn, maar is -5"), in `lang`.
std::string problem_text(const InputError& e, Lang lang);

}  // namespace herreg::ui
