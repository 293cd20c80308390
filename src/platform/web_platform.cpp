// Platform: the browser (Emscripten 3.1 GLFW + WebGL 2 + Dear ImGui GLFW/OpenGL3 backends)
//
// Implemented features:
//  [X] Canvas fills the window and follows resizes (polled each frame, no resize handler)
//  [X] HiDPI: drawing surface = CSS size x devicePixelRatio; ratio changes (zoom, other
//      screen) reported to the UI, which rebuilds its fonts
//  [X] Language from ?lang= in the address; a switch is written back with history.replaceState
//  [X] window.herregFrames counts drawn frames; <html class="herreg-ready"> after the first
//  [X] Fatal errors (no WebGL 2) shown in the page's status box instead of a blank canvas
//  [X] No storage: io.IniFilename = nullptr, no cookies, no localStorage
// Missing features:
//  [ ] Clipboard (the browser's clipboard API is asynchronous; ImGui's is not)
//  [ ] Touch-screen keyboard and IME for text fields
//  [ ] Idle throttling: every animation frame is drawn
#include "platform/platform.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

// ---------------------------------------------------------------- JavaScript side
// `Browser` is Emscripten's own runtime object (pulled in by its GLFW library).

// Sets the canvas' drawing-buffer size and lets GLFW know (its window size follows).
// Unlike glfwSetWindowSize, this never requests fullscreen when the size equals the screen.
EM_JS(void, herreg_js_set_canvas_size, (int width, int height), {
    Browser.setCanvasSize(width, height);
});

// 0: none, 1: nl, 2: en
EM_JS(int, herreg_js_requested_language, (), {
    var lang = "";
    try { lang = (new URLSearchParams(window.location.search).get("lang") || "").toLowerCase(); } catch (e) {}
    if (lang.startsWith("nl")) return 1;
    if (lang.startsWith("en")) return 2;
    return 0;
});

EM_JS(void, herreg_js_remember_language, (const char* code_utf8), {
    var code = UTF8ToString(code_utf8);
    document.documentElement.lang = code;
    try {
        var url = new URL(window.location.href);
        url.searchParams.set("lang", code);
        window.history.replaceState(null, "", url.toString());
    } catch (e) {}
});

EM_JS(void, herreg_js_frame_drawn, (), {
    window.herregFrames = (window.herregFrames || 0) + 1;
    if (window.herregFrames === 1) document.documentElement.classList.add("herreg-ready");
});

EM_JS(void, herreg_js_show_fatal, (const char* message_utf8), {
    var message = UTF8ToString(message_utf8);
    var box = document.getElementById("status");
    if (box) box.textContent = message;
    document.documentElement.classList.add("herreg-failed");
});

// ---------------------------------------------------------------- C++ side
namespace herreg::platform {
namespace {

GLFWwindow* g_window = nullptr;
bool g_frame_started = false;  // the GL backend creates its device objects on the first frame

Viewport measure() {
    double css_w = 0.0, css_h = 0.0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    Viewport vp;
    vp.pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (!(vp.pixel_ratio > 0.0f)) vp.pixel_ratio = 1.0f;
    vp.width = std::max(1, static_cast<int>(std::lround(css_w * vp.pixel_ratio)));
    vp.height = std::max(1, static_cast<int>(std::lround(css_h * vp.pixel_ratio)));
    return vp;
}

void on_glfw_error(int code, const char* description) {
    std::fprintf(stderr, "GLFW error %d: %s\n", code, description);
}

}  // namespace

bool init() {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        show_fatal("herreg kon niet starten (GLFW). / herreg could not start (GLFW).");
        return false;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);

    const Viewport vp = measure();
    g_window = glfwCreateWindow(vp.width, vp.height, "herreg", nullptr, nullptr);
    if (g_window == nullptr) {
        show_fatal(
            "Deze browser ondersteunt geen WebGL 2, dat herreg nodig heeft. "
            "Probeer een recente versie van Firefox, Chrome, Edge of Safari. / "
            "This browser lacks WebGL 2, which herreg needs.");
        return false;
    }
    glfwMakeContextCurrent(g_window);
    // No glfwSwapInterval: in the browser requestAnimationFrame sets the pace.

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing is stored in the browser
    io.LogFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    return true;
}

Poll poll() {
    glfwPollEvents();
    Poll p;
    p.viewport = measure();
    int w = 0, h = 0;
    glfwGetWindowSize(g_window, &w, &h);
    if (w != p.viewport.width || h != p.viewport.height)
        herreg_js_set_canvas_size(p.viewport.width, p.viewport.height);
    return p;  // a browser tab is closed by the browser, never by us: quit stays false
}

void new_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    g_frame_started = true;
}

void end_frame() {
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    herreg_js_frame_drawn();  // the browser presents the canvas when this callback returns
}

void fonts_changed() {
    if (!g_frame_started) return;  // the first new_frame() uploads the atlas anyway
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void shutdown() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(g_window);
    g_window = nullptr;
    glfwTerminate();
}

std::string font_dir() { return "/fonts"; }

std::string requested_language() {
    switch (herreg_js_requested_language()) {
        case 1: return "nl";
        case 2: return "en";
        default: return "";
    }
}

void remember_language(std::string_view code) {
    const std::string s(code);
    herreg_js_remember_language(s.c_str());
}

void show_fatal(std::string_view message) {
    const std::string s(message);
    std::fprintf(stderr, "herreg: %s\n", s.c_str());
    herreg_js_show_fatal(s.c_str());
}

}  // namespace herreg::platform
