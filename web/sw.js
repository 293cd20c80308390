// herreg's service worker: after the first visit the check loads, and reloads, without a
// network. Registered by boot.js; only the site's own folder is ever fetched.
//
// - Install: the page's files (SHELL) go into a cache named after this build. They are asked
//   with cache: "no-cache": the server confirms the copies the page has just loaded (a 304,
//   no download) where it can, and a new build's files are never taken from an old copy.
// - Fetch: cache first for the page's own files (SHELL) only, the page itself under any query
//   (?lang=en, ?embed=1). Everything else (the example page, an association's rules file,
//   other pages of a site that serves herreg from its root) is left to the browser, with the
//   caching its server asks for.
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
    return Promise.all(SHELL.map(function (url) {
      return fetch(new Request(url, { cache: "no-cache" })).then(function (response) {
        if (!response.ok) throw new Error("herreg: " + url + " gave " + response.status);
        // A host that redirects index.html to ./ gives a redirected response, which browsers
        // refuse to answer a page load with: kept as a plain copy.
        if (response.redirected) {
          response = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
        }
        return cache.put(url, response);
      });
    }));
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
  var name = url.pathname.slice(scope.pathname.length) || "./";
  if (SHELL.indexOf(name) < 0) return;
  // The page under any query (?lang=, ?embed=1): the same file. Other files: as asked.
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(name === "./" || name === "index.html" ? name : request).then(function (hit) {
      return hit || fetch(request);
    });
  }));
});
