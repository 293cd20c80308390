#include "ui/autosave_guard.h"

#include <utility>

namespace herreg::ui {

void AutosaveGuard::adopt(Stamp stored) {
    known_ = std::move(stored);
    conflict_ = false;
}

AutosaveGuard::Outcome AutosaveGuard::observe(const Stamp& stored, bool writer, bool same_data) {
    if (conflict_) return Outcome::conflict;   // still waiting for the user's choice
    if (stored == known_) return Outcome::unchanged;
    if (!writer || same_data) {
        known_ = stored;   // nothing of this tab's own is at stake
        return Outcome::followed;
    }
    conflict_ = true;
    return Outcome::conflict;
}

void AutosaveGuard::keep_mine(Stamp stored) {
    adopt(std::move(stored));
    write_requested_ = true;
}

bool AutosaveGuard::take_write_request() {
    return std::exchange(write_requested_, false);
}

std::string AutosaveGuard::next_stamp() {
    return tab_ + "." + std::to_string(++writes_);
}

void AutosaveGuard::wrote(std::string stamp) {
    known_ = std::move(stamp);
    conflict_ = false;
}

}  // namespace herreg::ui
