// Long lists a page at a time. A portfolio may hold 10,000 activities or hours ranges (an
// import does that in one go); drawing every row each frame took 645 ms a frame in the
// browser, and the screen reader's mirror held every row too. A list longer than one page
// shows kListPage rows, with "Rij 101–200 van 10.000" and buttons to the pages before and
// after it above the rows. A list that fits on one page looks as it always did.
#pragma once
#include <cstddef>

#include "ui/strings.h"

namespace herreg::ui {

inline constexpr std::size_t kListPage = 100;

struct ListRange {
    std::size_t first = 0, last = 0;   // the rows to draw: [first, last)
};

// Draws the pager of a list of `total` rows when it needs one (ids "<id>.prev", "<id>.next")
// and returns the rows of the current page. `page` is the caller's, kept between frames;
// brought back within the list here (rows removed, another file opened).
ListRange list_pager(const char* id, std::size_t total, int& page, const Strings& s);

}  // namespace herreg::ui
