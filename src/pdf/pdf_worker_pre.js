// The messages of the PDF writer's Worker (src/pdf/pdf_worker.cpp), put before Emscripten's code
// (--pre-js), so that it shares its scope: _malloc, HEAPU8 and the exports are in reach here.
// In:  { id, doc: Uint8Array } (a FormDocument as JSON).
// Out: { ready: true } once its wasm is in; { id, pdf: ArrayBuffer } or { id, error: text };
//      { abort: text } when it stopped (its wasm could not be fetched, for one).
// Messages that come before the wasm is in wait for it, in order.
var herregPdfWaiting = [];
var herregPdfReady = false;

function herregPdfRender(m) {
  var reply;
  try {
    var n = m.doc.length;
    var p = _malloc(n + 1);
    HEAPU8.set(m.doc, p);
    var ok = _herreg_pdf_render(p, n);
    _free(p);
    if (ok) {
      var at = _herreg_pdf_data();
      reply = { id: m.id, pdf: HEAPU8.slice(at, at + _herreg_pdf_size()).buffer };
    } else {
      reply = { id: m.id, error: UTF8ToString(_herreg_pdf_error()) };
    }
  } catch (e) {
    reply = { id: m.id, error: String(e && e.message ? e.message : e) };
  }
  postMessage(reply, reply.pdf ? [reply.pdf] : []);
}

Module["onRuntimeInitialized"] = function () {
  herregPdfReady = true;
  postMessage({ ready: true });
  herregPdfWaiting.splice(0).forEach(herregPdfRender);
};
Module["onAbort"] = function (what) {
  postMessage({ abort: String(what) });
};
// Emscripten 3.1.6 does not catch a network error of its wasm's streaming download (a 404 ends
// in abort(), a dropped connection only in an unhandled rejection): before the wasm is in, that
// is the same as an abort.
self.addEventListener("unhandledrejection", function (e) {
  if (!herregPdfReady) postMessage({ abort: String(e.reason && e.reason.message ? e.reason.message : e.reason) });
});
self.onmessage = function (e) {
  if (herregPdfReady) herregPdfRender(e.data);
  else herregPdfWaiting.push(e.data);
};
