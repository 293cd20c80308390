// Platform: native stand-in (headless: no window, no GPU)
//
// Lets the UI code run natively, e.g. a test that draws a few frames and inspects ImGui's
// state, without a browser. Not part of the native build yet; link it with src/ui and Dear
// ImGui (imgui*.cpp, no backends) when such a test arrives.
//
// Implemented features:
//  [X] Fixed viewport: HERREG_VIEWPORT="1280x800@1" (width x height @ pixel ratio)
//  [X] Language from HERREG_LANG ("nl", "en")
//  [X] Fonts from HERREG_FONT_DIR (default build/web/fonts, made by the web build)
//  [X] Frames counted (frame_count()), rendered to draw lists only
// Missing features:
//  [ ] Any real window or input
#include "platform/platform.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "imgui.h"

namespace herreg::platform {
namespace {

Viewport g_viewport{1280, 800, 1.0f};
long g_frames = 0;

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return (v != nullptr && *v != '\0') ? std::string(v) : std::string(fallback);
}

}  // namespace

long frame_count() { return g_frames; }

bool init() {
    const std::string spec = env_or("HERREG_VIEWPORT", "");
    int w = 0, h = 0;
    float r = 1.0f;
    if (!spec.empty() && std::sscanf(spec.c_str(), "%dx%d@%f", &w, &h, &r) >= 2 && w > 0 && h > 0)
        g_viewport = Viewport{w, h, r > 0.0f ? r : 1.0f};
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    return true;
}

Poll poll() { return Poll{g_viewport, false}; }

void new_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(g_viewport.width), static_cast<float>(g_viewport.height));
    io.DeltaTime = 1.0f / 60.0f;
    if (!io.Fonts->IsBuilt()) io.Fonts->Build();
    ImGui::NewFrame();
}

void end_frame() {
    ImGui::Render();
    ++g_frames;
}

void fonts_changed() {
    // No GPU: building the atlas is enough; ImGui only needs a non-null texture id.
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
}

void shutdown() { ImGui::DestroyContext(); }

std::string font_dir() { return env_or("HERREG_FONT_DIR", "build/web/fonts"); }

std::string requested_language() { return env_or("HERREG_LANG", ""); }

void remember_language(std::string_view) {}

void show_fatal(std::string_view message) {
    std::fprintf(stderr, "herreg: %.*s\n", static_cast<int>(message.size()), message.data());
}

}  // namespace herreg::platform
