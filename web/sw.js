// herreg's service worker: after the first visit the check loads, and reloads, without a
// network. Registered by boot.js; only the site's own folder is ever fetched.
//
// - Install: the page's files (SHELL) go into a cache named after this build. They are asked
//   with cache: "no-cache": the server confirms the copies the page has just loaded (a 304,
//   no download) where it can, and a new build's files are never taken from an old copy.
//   The code (CODE: the scripts and app.wasm) must be this build's, byte for byte: the build
//   writes their SHA-256 into CODE. A site caught half-way through an update (a new
//   sw.js beside an old app.js) would otherwise be kept as a check that cannot start offline;
//   now the install fails, the worker there stays, and the next visit tries again. The page's
//   text (index.html, style.css, ...) is not compared: a host may rewrite it.
// - Fetch: cache first for the page's own files (SHELL) only, the page itself under any query
//   (?lang=en, ?embed=1). What the first screen does not need (LATER: the app's second part,
//   app.deferred.wasm, fetched at the first input; the PDF writer's Worker, fetched when a PDF
//   is first asked for) is not fetched at install: the first time the page asks for it, under
//   any query (boot.js adds the build's identity), it comes from the network and is kept when it
//   is this build's (CODE), so that the app and its PDFs work offline from then on. An update
//   fetches them at its install when the older build had kept them, so that an update does not
//   take that away. Everything else (the example page, an association's rules file,
//   other pages of a site that serves herreg from its root) is left to the browser, with the
//   caching its server asks for.
// - Versioned by the build: the build writes a hash of the site's files into BUILD
//   (cmake/offline_stamp.cmake). A new build is a new sw.js, which the browser installs; it
//   takes over at once and drops the caches of older builds. An open page keeps the code it
//   runs; the next load gets the new one.
"use strict";

var BUILD = "@HERREG_BUILD@";
var CACHE = "herreg-" + BUILD;
var SHELL = ["./", "index.html", "fetch-app.js", "style.css", "page-options.js", "boot.js", "app.js", "app.wasm",
             "manifest.webmanifest", "icon.svg"];
var LATER = ["app.deferred.wasm", "pdf-worker.js", "pdf-worker.wasm"];
var CODE = {/*@HERREG_DIGESTS@*/};   // file -> SHA-256, written by the build

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
}

// The response as it will be kept: read whole, and for code compared with this build's digest.
function checked(url, response) {
  return response.arrayBuffer().then(function (bytes) {
    var want = CODE[url];
    var same = want ? crypto.subtle.digest("SHA-256", bytes).then(function (d) { return hex(d) === want; }) : Promise.resolve(true);
    return same.then(function (ok) {
      if (!ok) throw new Error("herreg: " + url + " is not this build's (the site is being updated?)");
      // A new Response: also what a redirected one (a host that sends index.html to ./) must
      // become, since browsers refuse to answer a page load with a redirected response.
      return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
    });
  });
}

// This build's copy of `url` from the network, as it will be kept; rejects on an error status or
// on code that is not this build's. "no-cache": the server confirms a copy the browser has (a 304,
// no download), and a new build's files are never taken from an old copy.
function fetchChecked(url) {
  return fetch(new Request(url, { cache: "no-cache" })).then(function (response) {
    if (!response.ok) throw new Error("herreg: " + url + " gave " + response.status);
    return checked(url, response);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(SHELL.map(function (url) {
      return fetchChecked(url).then(function (copy) { return cache.put(url, copy); });
    })).then(function () {
      // An update: what an older build had kept of LATER (the PDF writer) comes now in this
      // build's version, so that PDFs are still made offline; a file that does not come is
      // fetched on first use as before, and fails nothing here.
      return Promise.all(LATER.map(function (url) {
        return caches.match(url).then(function (had) {
          return had && fetchChecked(url).then(function (copy) { return cache.put(url, copy); });
        }).catch(function () {});
      }));
    });
  }).then(function () { return self.skipWaiting(); }, function (error) {
    // A failed install leaves no half-filled cache behind.
    return caches.delete(CACHE).then(function () { throw error; });
  }));
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
  if (LATER.indexOf(name) >= 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(name).then(function (hit) {
        return hit || fetchChecked(name).then(function (copy) {
          // Kept if the cache takes it (a full disk, a private window may not): used anyway.
          return cache.put(name, copy.clone()).then(function () { return copy; }, function () { return copy; });
        }, function () {
          // An error, or not this build's (the site is being updated): the network's answer, not kept.
          return fetch(request);
        });
      });
    }, function () { return fetch(request); }));
    return;
  }
  if (SHELL.indexOf(name) < 0) return;
  // The page under any query (?lang=, ?embed=1): the same file. Other files: as asked.
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(name === "./" || name === "index.html" ? name : request).then(function (hit) {
      return hit || fetch(request);
    });
  }));
});
