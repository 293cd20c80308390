// The app's largest file first: app.wasm is fetched and compiled from the top of <head>, before
// the stylesheet and the page's other scripts, while they and app.js download; app.js then
// instantiates it with its imports (Module.instantiateWasm in boot.js). Asked for only from
// boot.js, at the end of the body, its bytes came after app.js had run, and the compile after
// them (README, "Page size and start-up time"). A script, not <link rel="preload">: Safari
// does not hand a preloaded file to fetch(), and would download it twice.

// Each step of the start leaves a performance mark "herreg:..." (bench/page_bench.mjs prints them).
function herregMark(name) {
  try { performance.mark("herreg:" + name); } catch (e) {}
}

// A file of the site's folder as bytes; rejects on an error status ("HTTP 404").
function herregFetchBytes(url) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.arrayBuffer();
  });
}

var herregAppModule = (function () {
  // No WebAssembly (some locked-down browsers): app.js says so, through the error panel.
  if (typeof WebAssembly !== "object") {
    var none = Promise.reject(new Error("this browser runs no WebAssembly"));
    none.catch(function () {});
    return none;
  }
  function fromBytes() {
    return herregFetchBytes("app.wasm").then(function (bytes) { return WebAssembly.compile(bytes); });
  }
  // Streaming where the server sends application/wasm; otherwise from the bytes.
  var compiled = typeof WebAssembly.compileStreaming === "function"
    ? WebAssembly.compileStreaming(fetch("app.wasm", { credentials: "same-origin" })).catch(fromBytes)
    : fromBytes();
  compiled.then(function () { herregMark("app.wasm compiled"); }, function () {});   // a failure: told by instantiateWasm
  return compiled;
})();
