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

// fetch-app.js did not run (a copy of the site that lacks it): what it defines, so that the page
// goes on far enough to say so (Module.instantiateWasm shows the error panel).
if (typeof herregAppModule !== "object") {
  window.herregMark = function () {};
  window.herregAppModule = Promise.reject(new Error("fetch-app.js did not run"));
  herregAppModule.catch(function () {});   // told by instantiateWasm
}

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
  // The first frame is on screen (web_platform.js): the service worker may now keep the
  // page's files. Not earlier: its install fetches and stores them all, and where the browser
  // draws without a GPU that work would make the first frame wait.
  onFirstFrame: function () {
    herregMark("first frame");
    setTimeout(herregWorkOffline, 0);   // after this frame's callback
  }
};

// ---------------------------------------------------------------- a quick start
// What the app's start waits for:
//  - app.wasm, fetched and compiled by fetch-app.js from the top of <head> (herregAppModule);
//    app.js instantiates it with its imports (Module.instantiateWasm below).
//  - The WebGL context is made by the app, in main() after its start and its fonts (see
//    herregPrepareGraphics below). Asking for a context waits for the browser's GPU process,
//    which is still presenting the page's first frames then; the app rasterises its fonts in
//    that time instead of waiting. Made earlier, while app.js downloads, it held the page's
//    only thread for 80 to 130 ms when the page still had to run app.js and take app.wasm's
//    bytes in (README, "Page size and start-up time").
// Each step leaves a performance mark (herregMark, fetch-app.js).

// The context the app draws with (-sGL_PREINITIALIZED_CONTEXT, cmake/web_app.cmake), made when
// the app asks (platform::init_graphics, src/platform/web_platform.js). The attributes are the
// ones Emscripten's GLFW asks for with the app's hints (the same function): alpha, but no
// multisampling, depth or stencil buffer (ImGui draws without them; the context is made sooner,
// and a phone saves a full-screen depth and stencil buffer). The canvas is sized first as the
// app will size it (measure() in web_platform.cpp: its CSS size times the device's pixel
// ratio), because resizing a context's drawing buffer costs as much again; where the app
// chooses otherwise (a canvas too large for the device) it resizes, as on a resize of the window. No WebGL 2: GLFW asks again right after this, fails
// the same way, and the app says so.
function herregPrepareGraphics() {
  try {
    var canvas = Module.canvas;
    var box = canvas.getBoundingClientRect();
    var ratio = window.devicePixelRatio || 1;
    var width = Math.round(box.width * ratio), height = Math.round(box.height * ratio);
    if (width > 0 && height > 0 && width <= 4096 && height <= 4096) {
      canvas.width = width;
      canvas.height = height;
    }
    herregMark("context asked");
    var gl = canvas.getContext("webgl2", { antialias: false, alpha: true, depth: false, stencil: false });
    herregMark("context made");
    if (gl) Module.preinitializedWebGLContext = gl;
  } catch (e) {}
}

// ---------------------------------------------------------------- app.wasm in two parts
// The build splits the app (cmake/split_app.mjs): app.wasm holds what a first visit runs (the
// welcome screen, the choice of register) and the data; app.deferred.wasm the rest (the wizard's
// later steps, the result, the application form, the helpdesk's comparison, share links, ...),
// each function behind a placeholder in app.wasm. Joining the part (instantiating it against
// app.wasm's exports) puts its functions into the shared table over the placeholders.
//  - A plain first visit: app.wasm only. The part is fetched at the person's first input (a
//    press, a key, a touch, a click or focus from a screen reader) and joined as soon as it is
//    compiled, asynchronously.
//  - A page that opens beyond the first screen (?sample=, ?rules=, ?portfolio=, a share link
//    #p=..., an autosave to offer back; see beyondFirstScreen): the part is fetched and joined
//    before the app starts.
//  - Kept by the service worker (web/sw.js, LATER, the first time the page fetched it), it is
//    read from that cache, without the network, at every later load.
//  - A placeholder called before the join (the person outran the download) joins there and
//    then, synchronously: the placeholder must return the function's result. That needs
//    browsers' synchronous request and compile, which some refuse for a module this size (older
//    Chrome); they get the error panel, and a reload joins from the cache before the start.
// Both files carry the same identity (custom section "herreg-split"): a part of another build
// (the site updated while this page was open) is never joined; the page says to reload.
// window.herregSplit says how the join went (the tests read it).
window.herregSplit = {
  identity: null,      // app.wasm's; null: a build that is not split
  fetched: false,      // where the part came from ahead of its join: "network", "cache"
  joined: false,
  joinedBy: null,      // "ahead" (asynchronously), or the placeholder's slot (synchronously)
  placeholderCalls: 0, // placeholders called before the join: a stale first-visit list at load
  waitedMs: 0,         // how long a synchronous join held the app up
  hold: false,         // tests: no fetch at input until set back
  failed: false,
  ready: function () { return !this.identity || this.joined; }
};
Module.instantiateWasm = function (imports, receive) {
  herregMark("app.js runs");
  var split = window.herregSplit;
  var exports = null;
  var table = null;
  var joining = null;      // a promise while an asynchronous join runs
  var keptBytes = null;    // this build's part as the service worker kept it, once read
  var fetching = false;
  var keepAsked = false;   // keepWhenControlled() ran
  var stale = false;       // a part of another build came

  function identityOf(module) {
    var sections = WebAssembly.Module.customSections(module, "herreg-split");
    return sections.length ? new TextDecoder().decode(sections[0]) : null;
  }
  // Versioned by the identity, so that no HTTP cache in between hands over another build's part.
  function deferredUrl() { return "app.deferred.wasm?v=" + split.identity; }

  function instantiated() {
    if (split.joined) return;
    split.joined = true;
    split.joinedBy = split.joinedBy || "ahead";
  }
  // The part's bytes, compiled and joined without holding the app up. Resolves when joined (or
  // when this copy cannot be: another build's, a broken one); never rejects.
  function joinAhead(bytes, from) {
    if (split.joined || joining) return joining || Promise.resolve();
    joining = WebAssembly.compile(bytes).then(function (module) {
      if (identityOf(module) !== split.identity) { stale = true; return; }
      split.fetched = from;
      return WebAssembly.instantiate(module, { primary: exports }).then(instantiated);
    }).catch(function () {}).then(function () { joining = null; });
    return joining;
  }
  // From the network (or the service worker, when it is in charge), joined when compiled. Fetched
  // before the worker took the page over (a person quicker than its install, a page that opens
  // beyond the first screen on a first visit), it is asked for once more when the worker takes
  // over, for it to keep.
  function fetchAndJoin() {
    var unseen = "serviceWorker" in navigator && !navigator.serviceWorker.controller;
    return herregFetchBytes(deferredUrl()).then(function (bytes) { return joinAhead(bytes, "network"); })
      .then(function () { if (unseen && split.joined) keepWhenControlled(); });
  }
  // This build's part as the service worker kept it (no network involved); null if none.
  function fromCache() {
    try {
      return caches.keys().then(function (names) {
        var kept = names.filter(function (n) { return n.indexOf("herreg-") === 0; });
        return Promise.all(kept.map(function (n) {
          return caches.open(n).then(function (c) { return c.match("app.deferred.wasm"); })
            .then(function (r) { return r && r.ok ? r.arrayBuffer() : null; });
        }));
      }).catch(function () { return []; });
    } catch (e) {
      return Promise.resolve([]);   // no Cache API here (file://, some private windows)
    }
  }
  // The identity is the file's last 16 bytes (the custom section split_app.mjs appends last).
  function tail(bytes) {
    return bytes && bytes.byteLength > 16 ? new TextDecoder().decode(new Uint8Array(bytes, bytes.byteLength - 16)) : "";
  }

  function prefetch() {
    if (fetching || split.hold || !split.identity || split.failed) return;
    fetching = true;
    if (split.joined) {
      // Joined by a synchronous request, which Chromium and WebKit send past the service worker:
      // fetched once more for the worker to keep, so that the app works offline after this visit.
      if (split.joinedBy !== "ahead") keepWhenControlled();
      return;
    }
    fetchAndJoin().catch(function () { fetching = false; });   // the next input tries again
  }
  // Asks for the part once more for the service worker to keep, once it is in charge.
  function keepWhenControlled() {
    var workers = navigator.serviceWorker;
    if (keepAsked || !workers) return;
    keepAsked = true;
    var ask = function () {
      workers.removeEventListener("controllerchange", ask);
      fetch(deferredUrl(), { credentials: "same-origin" }).catch(function () {});
    };
    if (workers.controller) ask();
    else workers.addEventListener("controllerchange", ask);
  }
  ["pointerdown", "keydown", "touchstart", "click", "focusin", "input"].forEach(function (type) {
    window.addEventListener(type, prefetch, { capture: true, passive: true });
  });

  function fail(reason, detail) {
    split.failed = true;
    herregShowError(reason, detail);
    // Emscripten's abort(): the module is marked dead (its loop and event handlers stop,
    // nothing saves over the autosave with a state cut off mid-call) and it throws.
    if (typeof abort === "function") abort("herreg: " + detail);
    throw new Error("herreg: " + detail);
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
    return bytes;
  }
  function joinNow(slot) {
    if (split.failed) throw new Error("herreg: app.deferred.wasm could not be joined");
    if (stale) fail("updated", "app.deferred.wasm is not this build's (the site was updated)");
    var began = performance.now();
    var module;
    try {
      module = new WebAssembly.Module(keptBytes || fetchNow());   // offline, only the kept copy comes
    } catch (e) {
      fail("part", "app.deferred.wasm: " + String(e && e.message || e));
    }
    if (identityOf(module) !== split.identity) fail("updated", "app.deferred.wasm is not this build's (the site was updated)");
    try {
      new WebAssembly.Instance(module, { primary: exports });
    } catch (e) {
      fail("part", "app.deferred.wasm: " + String(e && e.message || e));
    }
    split.joinedBy = slot;
    split.waitedMs = performance.now() - began;
    instantiated();
  }
  // Placeholder N stands in table slot N: join, then call what the slot holds now.
  imports.placeholder = new Proxy({}, {
    get: function (target, slot) {
      return function () {
        if (!split.joined) {
          split.placeholderCalls++;
          joinNow(String(slot));
        }
        return table.get(Number(slot)).apply(null, arguments);
      };
    }
  });

  // Does the page open beyond the first screen? An address that asks for more than its look and
  // a register chosen ahead (as an association's embedded widget does; the profile covers
  // that), a share link, or an autosave the app will offer back.
  function beyondFirstScreen() {
    try {
      var firstScreen = { lang: 1, theme: 1, embed: 1, accent: 1, contrast: 1, register: 1 };
      var more = false;
      new URLSearchParams(location.search).forEach(function (v, k) { if (!firstScreen[k]) more = true; });
      return more || /^#p=/.test(location.hash) || window.localStorage.getItem("herreg.portfolio") !== null;
    } catch (e) {
      return false;
    }
  }

  var started = herregAppModule.then(function (module) {
    return WebAssembly.instantiate(module, imports).then(function (instance) {
      return { module: module, instance: instance };
    });
  });
  var kept = fromCache();   // beside app.wasm, not after it
  started.then(function (result) {
    exports = result.instance.exports;
    for (var name in exports) if (exports[name] instanceof WebAssembly.Table) table = exports[name];
    split.identity = identityOf(result.module);
    var start = function () {
      herregMark("main starts");
      receive(result.instance, result.module);
    };
    if (!split.identity) return start();
    // The part the service worker kept is joined once read, beside the app's start.
    var fromKept = kept.then(function (copies) {
      var mine = copies.filter(function (b) { return tail(b) === split.identity; })[0];
      if (mine) keptBytes = mine;
      return mine ? joinAhead(mine, "cache") : null;
    });
    // The first screen needs nothing of it: the app starts without waiting for the cache.
    if (!beyondFirstScreen()) return start();
    return fromKept.then(function (ahead) {
      if (!ahead) {
        fetching = true;
        ahead = fetchAndJoin().catch(function () { fetching = false; });
      }
      return ahead.then(start);   // a failure here is the synchronous join's, at its call
    });
  }).catch(function (e) {
    if (!exports) herregShowError("load", "app.wasm: " + String(e && e.message || e));
    else throw e;
  });
  return {};   // the exports come through receive()
};

// ---------------------------------------------------------------- offline (web/sw.js)
// The service worker keeps this folder's files so that the next load, and a reload, work
// without a network. Registered after the first frame: the worker asks for the files the page
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
    part: "Een deel van herreg kon niet worden geladen. Controleer je internetverbinding en laad de pagina opnieuw. / Part of herreg could not be loaded. Check your internet connection and reload the page.",
    updated: "herreg is bijgewerkt terwijl deze pagina openstond. Laad de pagina opnieuw. / herreg was updated while this page was open. Reload the page."
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
    // Keys go to the panel now, not to the text proxy of a dead app; Tab and a screen reader
    // find only the panel.
    var proxy = byId("herreg-text");
    if (proxy && document.activeElement === proxy) proxy.blur();
    ["canvas", "herreg-text", "herreg-live", "herreg-a11y"].forEach(function (id) {
      var behind = byId(id);
      if (behind) { behind.inert = true; behind.setAttribute("aria-hidden", "true"); }   // aria-hidden: browsers before inert
    });
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
// Text typed into the proxy reaches ImGui through its 'input' event only. Emscripten's GLFW
// (listening on window, capture phase, once app.js runs) would also turn the keypress into
// a character: stop it here, first. keydown/keyup still reach GLFW (Backspace, arrows, ...).
window.addEventListener("keypress", function (e) {
  if (e.target && e.target.id === "herreg-text") e.stopImmediatePropagation();
}, true);
// Keys are the error panel's once it shows: GLFW's listeners stay on the window after the app
// stopped, and would keep Tab (and Backspace) from the browser, so that a keyboard user could
// not move from "Mijn gegevens downloaden" to "Herladen"; the accessibility mirror's would take
// Tab into the dead app's widgets (which herregShowError also makes inert).
["keydown", "keypress", "keyup"].forEach(function (type) {
  window.addEventListener(type, function (e) {
    var panel = document.getElementById("herreg-error");
    if (panel && !panel.hidden) e.stopImmediatePropagation();
  }, true);
});
// For tests and tools: the widgets of the last drawn frame, [{id, kind, x, y, w, h}] in CSS
// pixels of the page ([] until the app draws).
window.herregWidgets = function () {
  return typeof Module.herregWidgets === "function" ? Module.herregWidgets() : [];
};
