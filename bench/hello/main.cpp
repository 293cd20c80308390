// Benchmark baseline: the smallest Dear ImGui page built like herreg's app (see
// cmake/hello_bench.cmake and bench/page_bench.mjs). One "Hello" window, nothing else.
//
// Same platform as src/platform/web_platform.cpp, minus the extras: Emscripten's GLFW + WebGL 2,
// the ImGui GLFW/OpenGL3 backends, canvas sized to CSS size x devicePixelRatio every frame,
// window.herregFrames counting drawn frames and <html class="herreg-ready"> after the first.
//
// Font: if the app's subset fonts are embedded (they are when the app links them: hello copies
// its link options), ui-regular.ttf is used at 16 CSS px, like the app's body text (the app
// rasterises four sizes, hello one). Otherwise ImGui's built-in ProggyClean. The choice is
// published as window.herregHelloFont for the benchmark's printout.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <GLFW/glfw3.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

EM_JS(void, hello_js_set_canvas_size, (int width, int height), {
    Browser.setCanvasSize(width, height);
});

EM_JS(void, hello_js_frame_drawn, (), {
    window.herregFrames = (window.herregFrames || 0) + 1;
    if (window.herregFrames === 1) document.documentElement.classList.add("herreg-ready");
});

EM_JS(void, hello_js_report_font, (const char* name_utf8), {
    window.herregHelloFont = UTF8ToString(name_utf8);
});

namespace {

GLFWwindow* g_window = nullptr;

void canvas_pixels(int& w, int& h, float& ratio) {
    double css_w = 0.0, css_h = 0.0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (!(ratio > 0.0f)) ratio = 1.0f;
    w = std::max(1, static_cast<int>(std::lround(css_w * ratio)));
    h = std::max(1, static_cast<int>(std::lround(css_h * ratio)));
}

void frame() {
    glfwPollEvents();
    int cw = 0, ch = 0, ww = 0, wh = 0;
    float ratio = 1.0f;
    canvas_pixels(cw, ch, ratio);
    glfwGetWindowSize(g_window, &ww, &wh);
    if (ww != cw || wh != ch) hello_js_set_canvas_size(cw, ch);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(40.0f, 40.0f), ImGuiCond_Once);
    ImGui::Begin("Hello");
    ImGui::Text("Hello, world!");
    ImGui::Text("%.1f FPS", static_cast<double>(ImGui::GetIO().Framerate));
    ImGui::End();
    ImGui::Render();

    int fw = 0, fh = 0;
    glfwGetFramebufferSize(g_window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    glClearColor(0.95f, 0.96f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    hello_js_frame_drawn();
}

}  // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    int w = 0, h = 0;
    float ratio = 1.0f;
    canvas_pixels(w, h, ratio);
    g_window = glfwCreateWindow(w, h, "hello", nullptr, nullptr);
    if (g_window == nullptr) return 1;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;

    const char* font = "/fonts/ui-regular.ttf";
    if (std::FILE* f = std::fopen(font, "rb")) {
        std::fclose(f);
        io.Fonts->AddFontFromFileTTF(font, std::round(16.0f * ratio));
        hello_js_report_font("ui-regular.ttf (embedded, same fonts as the app), 1 size");
    } else {
        io.Fonts->AddFontDefault();
        hello_js_report_font("ImGui default (ProggyClean), no fonts embedded");
    }

    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, true);  // requestAnimationFrame; never returns
    return 0;
}
