/*
 * herreg on your own site: turns every
 *
 *   <div data-herreg data-register="nvvpo" data-lang="nl" data-accent="#7a1f5c"></div>
 *   <script src="https://vereniging.nl/tools/herreg/embed.js" async></script>
 *
 * into an <iframe> of the app, as tall as what the app shows (the host page scrolls, not the
 * app). The app is found next to this script: copy the whole site folder to any path.
 *
 * Attributes (all optional): data-register (preselects one), data-registers="nvvpo" or
 * "nvvpo,kp" (offers only these: the choice is locked to them), data-rules="regels/nvvpo.json"
 * (the association's own rules file, on the app's own site: checked as `herreg validate-rules`
 * checks it; refused with its problems listed in this console), data-specialisation, data-profession, data-sample,
 * data-lang ("nl" | "en"), data-theme ("light" | "dark"), data-accent ("#rgb" | "#rrggbb"),
 * data-min-height (CSS px while loading, default 480), data-title (the iframe's title for
 * screen readers), data-loading ("lazy": load only when scrolled near).
 *
 * Later-added placeholders: call window.herregEmbed.scan().
 *
 * No dependencies, no cookies, nothing sent anywhere: the app runs in the visitor's browser.
 */
(function () {
  "use strict";

  if (window.herregEmbed && window.herregEmbed.scan) {  // loaded twice: one is enough
    window.herregEmbed.scan();
    return;
  }

  // ------------------------------------------------------------------ where the app lives
  // document.currentScript is this script while it runs (async too); a loader that runs it
  // another way leaves it null, then the last <script> whose address ends in embed.js.
  function ownScript() {
    if (document.currentScript && document.currentScript.src) return document.currentScript;
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/embed\.js(?:[?#].*)?$/.test(scripts[i].src)) return scripts[i];
    }
    return null;
  }
  var script = ownScript();
  if (!script) {
    console.warn("herreg: embed.js cannot find its own <script src>; nothing embedded.");
    return;
  }
  var base = new URL(".", script.src);            // e.g. https://vereniging.nl/tools/herreg/
  var appOrigin = base.origin;

  // ------------------------------------------------------------------ placeholders -> iframes
  var PARAMS = [  // data-* attribute -> the app's address parameter (README: address parameters)
    ["register", "register"], ["specialisation", "specialisation"], ["profession", "profession"],
    ["sample", "sample"], ["lang", "lang"], ["theme", "theme"], ["registers", "registers"]
  ];
  var DEFAULT_MIN_HEIGHT = 480;
  // Why each sandbox token is there (anything not listed stays forbidden: navigating the
  // host page, forms, pop-ups, alert(), pointer lock, presentation):
  //   allow-scripts      the app is JavaScript and WebAssembly
  //   allow-same-origin  the app keeps its own origin (not the host's, and never more than
  //                      herreg's own): without it the frame's origin is opaque, and then
  //                      - app.wasm cannot load: fetching it becomes a cross-origin request
  //                        that the static server would have to allow with CORS headers;
  //                      - localStorage throws, so there is no autosave and no restore.
  //                      Where the host page is on herreg's own origin (the example page in
  //                      the site folder), a script in the frame could lift its own sandbox;
  //                      the frame only ever runs herreg's own files, so there the sandbox
  //                      guards against mistakes, not against a hostile app.
  //   allow-downloads    saving the portfolio (JSON), the application form and the helpdesk
  //                      summary (PDF) and the dates (ICS) are downloads of blob: URLs
  // The file picker ("open a file", CSV import) needs no token.
  var SANDBOX = "allow-scripts allow-same-origin allow-downloads";
  // Permissions (the iframe's allow=""): writing the clipboard, nothing else. A feature left
  // out of allow keeps its default, which for camera, microphone, geolocation and the like is
  // "the host's own origin" (so a frame on herreg's own origin would get them) and for some
  // (autoplay, the ad and tracking APIs, fetchLater) is "everyone": each is turned off by
  // name, in rough groups: devices and sensors; what could identify or track the visitor;
  // sending later (fetchLater) and paying; the rest of what the app never uses.
  var ALLOW = ["clipboard-write"].concat([
    "camera", "microphone", "geolocation", "display-capture", "captured-surface-control",
    "usb", "serial", "hid", "midi", "gamepad", "accelerometer", "gyroscope", "magnetometer",
    "xr-spatial-tracking", "screen-wake-lock", "idle-detection", "compute-pressure",
    "browsing-topics", "interest-cohort", "private-state-token-issuance",
    "private-state-token-redemption", "local-fonts", "storage-access", "identity-credentials-get",
    "publickey-credentials-get", "publickey-credentials-create", "otp-credentials",
    "deferred-fetch", "deferred-fetch-minimal", "payment",
    "clipboard-read", "autoplay", "encrypted-media", "fullscreen", "picture-in-picture",
    "window-management"
  ].map(function (feature) { return feature + " 'none'"; })).join("; ");
  var frames = [];  // {iframe, minHeight, visible: last rectangle told, ready: the app spoke}

  function warn(el, text) {
    console.warn("herreg: " + text, el);
  }

  function appAddress(el) {
    var query = new URLSearchParams();
    query.set("embed", "1");
    PARAMS.forEach(function (p) {
      var value = (el.getAttribute("data-" + p[0]) || "").trim();
      if (value) query.set(p[1], value);
    });
    var lang = query.get("lang");
    if (lang && lang !== "nl" && lang !== "en") {
      warn(el, 'data-lang="' + lang + '" is not "nl" or "en"; Dutch is used.');
      query.delete("lang");
    }
    var theme = query.get("theme");
    if (theme && theme !== "light" && theme !== "dark") {
      warn(el, 'data-theme="' + theme + '" is not "light" or "dark"; light is used.');
      query.delete("theme");
    }
    var accent = (el.getAttribute("data-accent") || "").trim();
    if (accent) {
      if (/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(accent)) query.set("accent", accent);
      else warn(el, 'data-accent="' + accent + '" is not a colour like #7a1f5c or #a25; herreg\'s own colour is used.');
    }
    // The rules file: relative to the app (where this script is), never on another site: the
    // app fetches it itself, from its own origin only.
    var rules = (el.getAttribute("data-rules") || "").trim();
    if (rules) {
      var at = null;
      try { at = new URL(rules, base); } catch (e) { at = null; }
      if (at && at.origin === appOrigin) query.set("rules", at.pathname + at.search);
      else warn(el, 'data-rules="' + rules + '" is not on the app\'s own site (' + appOrigin + "); herreg's built-in rules are used.");
    }
    return new URL("index.html?" + query.toString(), base).href;
  }

  function minHeightOf(el) {
    var raw = el.getAttribute("data-min-height");
    if (raw === null || raw === "") return DEFAULT_MIN_HEIGHT;
    var n = Number(raw);
    if (isFinite(n) && n >= 100 && n <= 5000) return Math.round(n);
    warn(el, 'data-min-height="' + raw + '" is not a number of pixels between 100 and 5000; ' + DEFAULT_MIN_HEIGHT + " is used.");
    return DEFAULT_MIN_HEIGHT;
  }

  function embed(el) {
    el.setAttribute("data-herreg-ready", "");
    var english = (el.getAttribute("data-lang") || "").trim() === "en";
    var iframe = document.createElement("iframe");
    var minHeight = minHeightOf(el);
    iframe.src = appAddress(el);
    iframe.title = el.getAttribute("data-title") ||
      (english ? "herreg: re-registration check" : "herreg: herregistratiecheck");
    iframe.setAttribute("sandbox", SANDBOX);
    iframe.setAttribute("allow", ALLOW);
    iframe.setAttribute("referrerpolicy", "no-referrer");  // the app needs nothing of the host's address
    iframe.setAttribute("loading", el.getAttribute("data-loading") === "lazy" ? "lazy" : "eager");
    iframe.style.cssText = "display:block;width:100%;border:0;margin:0;padding:0;overflow:hidden;" +
      "min-height:" + minHeight + "px;height:" + minHeight + "px";
    el.appendChild(iframe);
    frames.push({ iframe: iframe, minHeight: minHeight, visible: "", ready: false });
  }

  function scan() {
    var els = document.querySelectorAll("[data-herreg]:not([data-herreg-ready])");
    for (var i = 0; i < els.length; i++) embed(els[i]);
    tellVisible();
  }

  // ------------------------------------------------------------------ messages from the app
  // Only from one of our iframes, and only from the app's origin.
  function frameOf(source) {
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === source) return frames[i];
    }
    return null;
  }

  window.addEventListener("message", function (e) {
    var f = frameOf(e.source);
    if (!f || e.origin !== appOrigin) return;
    var d = e.data;
    if (!d || typeof d !== "object") return;
    if (d.type === "herreg:size") {
      var h = Number(d.height);
      if (!isFinite(h) || h <= 0 || h > 100000) return;
      f.iframe.style.height = Math.max(f.minHeight, Math.ceil(h)) + "px";
      f.ready = true;
      f.visible = "";   // its rectangle changed: tell it again
      tellVisible();
    } else if (d.type === "herreg:top") {
      // A new step of the wizard: if the app's top is above the window, bring it back.
      if (f.iframe.getBoundingClientRect().top < 0) f.iframe.scrollIntoView({ block: "start" });
    }
  });

  // ------------------------------------------------------------------ what the visitor sees
  // Each app learns which part of it is inside the window, so it can put its dialogs there
  // (its own window may be far taller than the screen).
  function tellVisible() {
    var vv = window.visualViewport;
    var top = vv ? vv.offsetTop : 0;
    var bottom = vv ? vv.offsetTop + vv.height : window.innerHeight;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      // Not before the app runs: a message to the blank page before it would be refused.
      if (!f.ready || !f.iframe.contentWindow) continue;
      var r = f.iframe.getBoundingClientRect();
      var y0 = Math.max(0, Math.min(r.height, top - r.top));
      var y1 = Math.max(0, Math.min(r.height, bottom - r.top));
      var key = Math.round(y0) + "," + Math.round(y1);
      if (key === f.visible) continue;
      f.visible = key;
      f.iframe.contentWindow.postMessage({ type: "herreg:visible", top: y0, bottom: y1 }, appOrigin);
    }
  }
  var pending = false;
  function tellVisibleSoon() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      tellVisible();
    });
  }
  var passive = { passive: true, capture: true };
  document.addEventListener("scroll", tellVisibleSoon, passive);  // the page, or a box around us
  window.addEventListener("resize", tellVisibleSoon, passive);
  if (window.visualViewport) {
    window.visualViewport.addEventListener("scroll", tellVisibleSoon, passive);
    window.visualViewport.addEventListener("resize", tellVisibleSoon, passive);
  }

  window.herregEmbed = { scan: scan, base: base.href };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
