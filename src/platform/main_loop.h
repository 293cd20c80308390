// run_main_loop(): keeps main() sequential on both targets (the idea of Dear ImGui's
// emscripten_mainloop_stub.h, as a function instead of macros).
//
// Natively it calls frame() until frame() returns false, then returns.
// In the browser the page owns the loop: requestAnimationFrame calls frame(), and this
// function never returns (Emscripten unwinds main's stack to hand control back to the
// browser). So keep app state on the heap or in statics, never in main()'s locals.
#pragma once

#include <functional>
#include <utility>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#endif

namespace herreg::platform {

inline void run_main_loop(std::function<bool()> frame) {
#ifdef __EMSCRIPTEN__
    static std::function<bool()> s_frame;
    s_frame = std::move(frame);
    emscripten_set_main_loop(
        [] {
            if (!s_frame()) emscripten_cancel_main_loop();
        },
        0,      // fps 0: the browser's requestAnimationFrame
        true);  // simulate an infinite loop: does not return
#else
    while (frame()) {
    }
#endif
}

}  // namespace herreg::platform
