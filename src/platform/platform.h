// The platform layer: everything the UI needs from its host, and nothing more.
//
//   web_platform.cpp     the browser (Emscripten GLFW + WebGL 2 + Dear ImGui backends)
//   native_platform.cpp  a headless stand-in (no window, no GPU) for running UI code natively
//
// The UI (src/ui) only calls Dear ImGui and these functions; it never includes a GLFW,
// GL or Emscripten header. All sizes the UI sees are device pixels: the platform sizes the
// drawing surface to CSS size x devicePixelRatio so text stays sharp on HiDPI screens, and the
// UI scales its fonts by pixel_ratio and everything else by the font size (em units).
#pragma once

#include <string>
#include <string_view>

namespace herreg::platform {

struct Viewport {
    int width = 0;             // drawing surface in device pixels
    int height = 0;
    float pixel_ratio = 1.0f;  // device pixels per CSS pixel (window.devicePixelRatio)
};

// Creates the window/canvas, the GL context and the Dear ImGui context with its backends.
// On failure it tells the user why (show_fatal, e.g. no WebGL 2) and returns false.
bool init();

// Each frame, in this order:
//   poll()       input events; follows window resizes and pixel-ratio changes.
//                Returns the viewport and whether the user closed the window (native only).
//   (the UI may rebuild its fonts here, then calls fonts_changed())
//   new_frame()  starts the ImGui frame
//   (the UI draws with ImGui)
//   end_frame()  renders and counts the frame (window.herregFrames in the browser)
struct Poll {
    Viewport viewport;
    bool quit = false;
};
Poll poll();
void new_frame();
void end_frame();

// Re-uploads the font atlas after the UI rebuilt its fonts (e.g. new pixel ratio).
void fonts_changed();

void shutdown();

// Path of the embedded subset fonts ("/fonts" in the wasm file system).
std::string font_dir();

// Language requested by the page address (?lang=nl / ?lang=en): "nl", "en" or "" if none.
std::string requested_language();

// Remembers the chosen language in the page (address ?lang=, <html lang>) without reloading.
void remember_language(std::string_view code);

// Tells the user something went wrong that the app cannot recover from.
void show_fatal(std::string_view message);

}  // namespace herreg::platform
