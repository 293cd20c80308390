// The rules/*.json files compiled into the binary (library herreg_rules_data).
#pragma once
#include "rules/rulebook.h"

#include <vector>

namespace herreg {

const std::vector<RulesFile>& embedded_rules_files();

}  // namespace herreg
