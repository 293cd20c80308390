// The page around the app: the Emscripten Module that app.js reads, the page's own listeners,
// and the error panel. Loaded just before app.js. A file, not an inline script, so the page's
// Content-Security-Policy needs no 'unsafe-inline' (index.html).
//
// The error panel (#herreg-error in index.html). When the app cannot go on (the wasm module
// aborted or threw, the graphics context was lost, or it never started) the canvas would
// stand still showing its last frame, or nothing. Instead the page shows, in Dutch and
// English, what happened, a button that downloads the last autosave straight from
// localStorage (plain JavaScript: the dead module is not needed), and a button to reload,
// after which the app offers the autosave back.

var Module = {
  canvas: (function () {
    var canvas = document.getElementById("canvas");
    // A lost WebGL context cannot be recovered by the app: say so instead of freezing.
    canvas.addEventListener("webglcontextlost", function (e) {
      e.preventDefault();
      herregShowError("lost", "webglcontextlost");
    }, false);
    return canvas;
  })(),
  locateFile: function (path) { return path; },  // app.wasm next to app.js
  print: function (text) { console.log(text); },
  printErr: function (text) { console.error(text); },
  onAbort: function (what) {
    herregShowError(window.herregFrames ? "stopped" : "load", "abort: " + String(what));
  },
  // app.wasm has arrived and compiled: the service worker may now cache the page's files.
  onRuntimeInitialized: function () { herregWorkOffline(); }
};

// ---------------------------------------------------------------- offline (web/sw.js)
// The service worker keeps this folder's files so that the next load, and a reload, work
// without a network. Registered once app.wasm is in: the worker asks for the files the page
// has just loaded from the browser's cache, which must hold them by then. Where it cannot be
// registered (file://, a private window, an embedding page whose browser forbids it), the
// page works as before, online.
function herregWorkOffline() {
  try {
    if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
    navigator.serviceWorker.register("sw.js").catch(function () {});
  } catch (e) {}
}

window.herregFrames = 0;

// ---------------------------------------------------------------- the error panel
var herregShowError = (function () {
  var AUTOSAVE_KEY = "herreg.portfolio";   // what the app autosaves (src/ui/autosave_guard.h)
  var FILE_NAME = "herreg-portfolio.json";
  var REASONS = {
    stopped: "herreg is gestopt door een fout. / herreg stopped after an error.",
    load: "herreg kon niet worden geladen. / herreg could not be loaded.",
    lost: "De grafische weergave is weggevallen (WebGL-context verloren). / The graphics stopped working (WebGL context lost)."
  };
  var shown = false;

  function saved() {
    try { return window.localStorage.getItem(AUTOSAVE_KEY); } catch (e) { return null; }
  }

  function download() {
    var json = saved();
    if (json === null) return;
    var url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = FILE_NAME;
    a.rel = "noopener";
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    // Not at once: some browsers (Safari) start reading the Blob after click() returns.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function byId(id) { return document.getElementById(id); }

  return function (reason, detail) {
    var panel = byId("herreg-error");
    var details = byId("herreg-error-detail");
    // The first few reports: after the first, later ones are mostly echoes of it.
    if (details && detail && details.textContent.split("\n").length < 12)
      details.textContent += (details.textContent ? "\n" : "") + detail;
    if (shown || !panel) return;
    shown = true;
    var root = document.documentElement;
    root.classList.add("herreg-failed", "herreg-crashed");
    byId("herreg-error-reason").textContent = REASONS[reason] || REASONS.stopped;
    var hasData = saved() !== null;
    byId("herreg-error-saved").hidden = !hasData;
    byId("herreg-error-nothing").hidden = hasData;
    var button = byId("herreg-error-download");
    button.disabled = !hasData;
    if (!hasData) {   // nothing to save: reloading is the way on
      button.classList.remove("herreg-primary");
      byId("herreg-error-reload").classList.add("herreg-primary");
    }
    button.addEventListener("click", download);
    byId("herreg-error-reload").addEventListener("click", function () { window.location.reload(); });
    panel.hidden = false;
    // Keys go to the panel now, not to the text proxy of a dead app.
    var proxy = byId("herreg-text");
    if (proxy && document.activeElement === proxy) proxy.blur();
    try { (hasData ? button : byId("herreg-error-reload")).focus({ preventScroll: true }); } catch (e) {}
    // Embedded (web/embed.js): the iframe is as tall as the app was; the host scrolls its top,
    // where the panel is, into view.
    if (root.classList.contains("herreg-embedded")) {
      try { window.parent.postMessage({ type: "herreg:top" }, "*"); } catch (e) {}
    }
  };
})();

// Anything thrown and not caught: before the first frame the app did not start; after it the
// module is in an unknown state (Emscripten stops its main loop on an uncaught exception).
window.addEventListener("error", function (e) {
  var what = e.error && e.error.stack ? String(e.error.stack) : String(e.message || "error");
  herregShowError(window.herregFrames ? "stopped" : "load", what);
});
// app.js itself not loading (a missing file, a server error): seen only in the capture phase.
window.addEventListener("error", function (e) {
  var el = e.target;
  if (el && el !== window && el.tagName === "SCRIPT") herregShowError("load", "could not load " + (el.src || "a script"));
}, true);
window.addEventListener("unhandledrejection", function (e) {
  var r = e.reason;
  herregShowError(window.herregFrames ? "stopped" : "load", "unhandled rejection: " + (r && r.stack ? r.stack : String(r)));
});

// ---------------------------------------------------------------- input
// Keyboard input goes to the app once the page is clicked or tabbed into. Not when the
// press is on a text field: then the text proxy (#herreg-text) takes or keeps the focus
// (web_platform.cpp installs Module.herregTextFieldAt when the app starts). Nor on the panel.
document.addEventListener("pointerdown", function (e) {
  if (e.target && e.target.id === "herreg-text") return;
  if (document.documentElement.classList.contains("herreg-crashed")) return;
  if (typeof Module.herregTextFieldAt === "function" && Module.herregTextFieldAt(e.clientX, e.clientY)) return;
  Module.canvas.focus();
});
// Text typed into the proxy reaches ImGui through its 'input' event only. Emscripten's GLFW
// (listening on window, capture phase, once app.js runs) would also turn the keypress into
// a character: stop it here, first. keydown/keyup still reach GLFW (Backspace, arrows, ...).
window.addEventListener("keypress", function (e) {
  if (e.target && e.target.id === "herreg-text") e.stopImmediatePropagation();
}, true);
// For tests and tools: the widgets of the last drawn frame, [{id, kind, x, y, w, h}] in CSS
// pixels of the page ([] until the app draws).
window.herregWidgets = function () {
  return typeof Module.herregWidgets === "function" ? Module.herregWidgets() : [];
};
