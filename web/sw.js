// herreg's service worker: after the first visit the check loads, and reloads, without a
// network. Registered by boot.js; only the site's own folder is ever fetched.
//
// - Install: the page's files (SHELL) go into a cache named after this build. They are asked
//   with cache: "no-cache": the server confirms the copies the page has just loaded (a 304,
//   no download) where it can, and a new build's files are never taken from an old copy.
// - Fetch: cache first for GET requests of this folder; anything else (another origin, a POST)
//   is left to the browser. A file not in the cache (the example page, say) is fetched and
//   kept for next time. A page address with ?lang= or #p= is the same page: the query is
//   ignored for navigations.
// - Versioned by the build: the build writes a hash of the site's files over @HERREG_BUILD@
//   (cmake/offline_stamp.cmake). A new build is a new sw.js, which the browser installs; it
//   takes over at once and drops the caches of older builds. An open page keeps the code it
//   runs; the next load gets the new one.
"use strict";

var BUILD = "@HERREG_BUILD@";
var CACHE = "herreg-" + BUILD;
var SHELL = ["./", "index.html", "style.css", "page-options.js", "boot.js", "app.js", "app.wasm",
             "manifest.webmanifest", "icon.svg"];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SHELL.map(function (url) { return new Request(url, { cache: "no-cache" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("herreg-") === 0 && name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  var scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || url.pathname.indexOf(scope.pathname) !== 0) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: request.mode === "navigate" }).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      });
    });
  }));
});
