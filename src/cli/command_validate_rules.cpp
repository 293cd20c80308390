// herreg validate-rules DIR: every problem of every rules file, with its JSON path.
#include "cli_io.h"
#include "commands.h"
#include "input/input_error.h"

#include <iostream>

namespace herreg::cli {

int command_validate_rules(const Args& args) {
    if (args.size() != 1) {
        std::cerr << "usage: herreg validate-rules DIR\n";
        return 2;
    }
    try {
        int problems = 0;
        const auto files = read_rules_dir(args[0]);
        for (const auto& f : files) {
            for (const InputError& problem : validate_rules(f.text, f.name)) {
                std::cout << f.name << ": " << problem.what() << "\n";
                ++problems;
            }
        }
        std::cout << files.size() << (files.size() == 1 ? " file" : " files") << " checked, " << problems
                  << (problems == 1 ? " problem\n" : " problems\n");
        return problems == 0 ? 0 : 1;
    } catch (const InputError& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace herreg::cli
