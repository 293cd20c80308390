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

// ---------------------------------------------------------------- app.wasm in two parts
// The build splits the app (cmake/split_app.mjs): app.wasm holds what a first visit runs (the
// welcome screen and the wizard's first steps) and the data; app.deferred.wasm the rest (the
// result page, the application form, the helpdesk's comparison, share links, imports, ...),
// each function behind a placeholder in app.wasm. The page fetches app.deferred.wasm at the
// person's first input (a press, a key, a touch) and joins it to the running app when a
// placeholder is first called. A join is synchronous, since the placeholder must return the
// function's result: with the file fetched and compiled it takes a few milliseconds; when it
// is not there yet (a page opened on a sample's result or a share link, before any input) it
// is fetched there and then, with a synchronous request. Both files carry the same identity
// (custom section "herreg-split"): a part of another build (the site updated while this page
// was open) is never joined; the page says a part could not be loaded instead.
// Offline: the service worker keeps app.deferred.wasm the first time the page fetches it
// (web/sw.js, LATER), and a later load reads it from that cache, without the network, beside
// app.wasm, before the app starts. Browsers send a synchronous request past the service worker:
// after such a join the page fetches the part once more, for the worker to keep.
// window.herregSplit, for tests: fetched is where the part came from ahead of its join
// ("network", "cache"), false if the join fetched it itself.
window.herregSplit = { identity: null, fetched: false, joined: false, joinedBy: null, waitedMs: 0 };
Module.instantiateWasm = function (imports, receive) {
  var split = window.herregSplit;
  var exports = null;
  var table = null;
  var compiled = null;     // app.deferred.wasm, compiled, once the prefetch has it
  var fetching = false;

  function identityOf(module) {
    var sections = WebAssembly.Module.customSections(module, "herreg-split");
    return sections.length ? new TextDecoder().decode(sections[0]) : null;
  }
  // Versioned by the identity, so that no cache in between hands over another build's part.
  function deferredUrl() { return "app.deferred.wasm?v=" + split.identity; }

  function take(module, from) {
    if (compiled || identityOf(module) !== split.identity) return;
    compiled = module;
    split.fetched = from;
  }
  // What the service worker kept on an earlier visit (no network involved), compiled; null if
  // nothing. Never fails.
  function fromCache() {
    try {
      return caches.match("app.deferred.wasm").then(function (response) {
        return response && response.ok ? response.arrayBuffer() : null;
      }).then(function (bytes) {
        return bytes && WebAssembly.compile(bytes);
      }).catch(function () { return null; });
    } catch (e) {
      return Promise.resolve(null);   // no Cache API here (file://, some private windows)
    }
  }
  function prefetch() {
    if (fetching || !split.identity) return;
    if (split.joined || compiled) {
      // Joined by a synchronous request, which the service worker never saw: fetched once more
      // for it to keep, so that the app works offline after this visit.
      if (split.joined && navigator.serviceWorker && navigator.serviceWorker.controller) {
        fetching = true;
        fetch(deferredUrl(), { credentials: "same-origin" }).catch(function () {});
      }
      return;
    }
    fetching = true;
    fetch(deferredUrl(), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.arrayBuffer();
    }).then(function (bytes) {
      return WebAssembly.compile(bytes);
    }).then(function (module) {
      take(module, "network");
    }).catch(function () {
      fetching = false;    // the next input tries again; a join meanwhile fetches it itself
    });
  }
  ["pointerdown", "keydown", "touchstart"].forEach(function (type) {
    window.addEventListener(type, prefetch, { capture: true, passive: true });
  });

  function fail(detail) {
    herregShowError("part", detail);
    throw new Error("herreg: " + detail);   // out of the placeholder: the app stops here
  }
  function fetchNow() {
    var request = new XMLHttpRequest();
    request.open("GET", deferredUrl(), false);
    request.overrideMimeType("text/plain; charset=x-user-defined");   // bytes, as char codes
    request.send(null);   // throws when there is no network
    if (request.status !== 200) throw new Error("HTTP " + request.status);
    var text = request.responseText;
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    return new WebAssembly.Module(bytes);
  }
  function join(by) {
    var began = performance.now();
    var module = compiled;
    if (!module) {
      try {
        module = fetchNow();
      } catch (e) {
        fail("app.deferred.wasm: " + String(e && e.message || e));
      }
    }
    if (identityOf(module) !== split.identity) fail("app.deferred.wasm is not this build's (the site was updated?)");
    // Its element segments put the functions into the shared table over the placeholders.
    new WebAssembly.Instance(module, { primary: exports });
    split.joined = true;
    split.joinedBy = by;
    split.waitedMs = performance.now() - began;
  }
  // Placeholder N stands in table slot N: join, then call what the slot holds now.
  imports.placeholder = new Proxy({}, {
    get: function (target, slot) {
      return function () {
        if (!split.joined) join(String(slot));
        return table.get(Number(slot)).apply(null, arguments);
      };
    }
  });

  function instantiateBytes() {
    return fetch("app.wasm", { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("app.wasm: HTTP " + response.status);
      return response.arrayBuffer();
    }).then(function (bytes) {
      return WebAssembly.instantiate(bytes, imports);
    });
  }
  // Streaming where the server sends application/wasm; otherwise from the bytes.
  var started = typeof WebAssembly.instantiateStreaming === "function"
    ? WebAssembly.instantiateStreaming(fetch("app.wasm", { credentials: "same-origin" }), imports).catch(instantiateBytes)
    : instantiateBytes();
  // The kept part is read beside app.wasm, before the app starts: a page opened on a result
  // joins at its first frame, and offline no request could fetch it then.
  var kept = fromCache();
  started.then(function (result) {
    return kept.then(function (module) {
      exports = result.instance.exports;
      for (var name in exports) if (exports[name] instanceof WebAssembly.Table) table = exports[name];
      split.identity = identityOf(result.module);
      if (module) take(module, "cache");
      receive(result.instance, result.module);
    });
  }, function (e) {
    herregShowError("load", "app.wasm: " + String(e && e.message || e));
  });
  return {};   // the exports come through receive()
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
    lost: "De grafische weergave is weggevallen (WebGL-context verloren). / The graphics stopped working (WebGL context lost).",
    part: "Een deel van herreg kon niet worden geladen. Controleer je internetverbinding en laad de pagina opnieuw. / Part of herreg could not be loaded. Check your internet connection and reload the page."
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
