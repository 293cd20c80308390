// The browser side of web_platform.cpp: every call the C++ makes into the page, as an
// Emscripten JS library (--js-library, cmake/web_app.cmake). Pointers arrive as numbers into
// HEAPU8; strings go back _malloc'ed (the C++ frees them). Functions here call each other
// by their linked names (_herreg_js_...).
var HerregWebPlatform = {

  // Sets the canvas' drawing-buffer size and lets GLFW know (its window size follows).
  // Unlike glfwSetWindowSize, this never requests fullscreen when the size equals the screen.
  herreg_js_set_canvas_size: function (width, height) {
    Browser.setCanvasSize(width, height);
  },

  // A string as NUL-terminated UTF-8 in a _malloc'ed buffer, for C++ (the caller frees it).
  $herregMallocString: function (s) {
    var size = lengthBytesUTF8(s) + 1;
    var p = _malloc(size);
    stringToUTF8(s, p, size);
    return p;
  },

  // The page's listeners, installed before glfwInit() so that, on `window` in the capture
  // phase, they run before Emscripten's GLFW listeners.
  herreg_js_install__deps: ["$herregMallocString"],
  herreg_js_install: function () {
    var canvas = Module["canvas"];
    var proxy = document.getElementById("herreg-text");
    if (!proxy) {
        proxy = document.createElement("textarea");
        proxy.id = "herreg-text";
        document.body.appendChild(proxy);
    }
    var wake = function () { _herreg_wake(); };
    var cssToCanvas = function (clientX, clientY) {
        var r = canvas.getBoundingClientRect();
        if (!(r.width > 0) || !(r.height > 0)) return null;
        return { x: (clientX - r.left) * canvas.width / r.width, y: (clientY - r.top) * canvas.height / r.height,
                 cssX: clientX - r.left, cssY: clientY - r.top };
    };
    var onTextField = function (clientX, clientY) {
        var p = cssToCanvas(clientX, clientY);
        return p !== null && _herreg_hit_text_field(p.cssX, p.cssY) !== 0;
    };
    var focusCanvas = function () {
        try { canvas.focus({ preventScroll: true }); } catch (e) { canvas.focus(); }
    };
    // `reopen`: Android keeps the textarea focused when the keyboard is closed with the back
    // button; focusing it again does nothing, blurring first brings the keyboard back.
    var focusProxy = function (reopen) {
        // A press on a field (this one or another): what the proxy holds may be the field
        // left, so it holds nothing until the pressed field's text comes (a "4" typed over a
        // selected "400" of the field before was taken as deleting "00").
        if (Module["herregProxyReset"]) Module["herregProxyReset"]();
        _herreg_proxy_cleared();
        if (document.activeElement === proxy) {
            if (!reopen) return;
            proxy.blur();
        }
        try { proxy.focus({ preventScroll: true }); } catch (e) { proxy.focus(); }
    };
    // A file's name, bytes and error (or null) to C++ (`to`: herreg_file_opened, herreg_site_file);
    // the buffers are _malloc'ed here, copied there, freed here.
    Module["herregDeliverFile"] = function (to, name, bytes, error) {
        var pName = herregMallocString(name);
        var pError = error ? herregMallocString(error) : 0;
        var len = bytes ? bytes.length : 0;
        var pData = len > 0 ? _malloc(len) : 0;
        if (len > 0) HEAPU8.set(bytes, pData);
        to(pName, pData, len, pError);
        _free(pName);
        if (pError) _free(pError);
        if (pData) _free(pData);
    };
    Module["herregFocusCanvas"] = focusCanvas;
    Module["herregFocusProxy"] = focusProxy;
    Module["herregWidgets"] = function () {
        try { return JSON.parse(UTF8ToString(_herreg_widgets_json())); } catch (e) { return []; }
    };

    // Safari (WebKit: every browser on an iPhone) lets a page write to the clipboard only inside
    // the press itself, while the app copies a frame later, once ImGui saw the press. So a press
    // on a copy button (an id ending in ".copy": by pointer, Enter or Space on it with the focus
    // ring, or its element in the accessibility mirror) starts the write at once with a promise
    // of the text (ClipboardItem takes one), which copy_to_clipboard keeps. Unkept, the promise
    // is refused after 2 s and nothing is written.
    var armedCopy = null;
    var armCopy = function () {
        if (armedCopy || !window.ClipboardItem || !navigator.clipboard || !navigator.clipboard.write) return;
        var d = {};
        d.text = new Promise(function (resolve, reject) { d.resolve = resolve; d.reject = reject; });
        try {
            d.done = navigator.clipboard.write([new ClipboardItem({ "text/plain": d.text })]);
        } catch (e) { return; }
        d.done.then(null, function () {});
        d.text.then(null, function () {});   // refused before the browser read it: no unhandled rejection
        armedCopy = d;
        // Long enough for a slow phone's next frames; a press that copies nothing (a drag that
        // ended on the button) writes nothing.
        d.timer = setTimeout(function () {
            if (armedCopy !== d) return;
            armedCopy = null;
            d.reject(new Error("nothing to copy"));
        }, 5000);
    };
    Module["herregTakeArmedCopy"] = function () {
        var d = armedCopy;
        armedCopy = null;
        if (d) clearTimeout(d.timer);
        return d;
    };
    var isCopy = function (id) { return /\.copy$/.test(id || ""); };
    Module["herregArmCopy"] = function (id) { if (isCopy(id)) armCopy(); };
    // The widget map is in CSS px of the page (the canvas fills it: style.css).
    var armAt = function (x, y) {
        var all = Module["herregWidgets"]();
        for (var i = 0; i < all.length; i++) {
            var w = all[i];
            if (isCopy(w.id) && x >= w.x && x < w.x + w.w && y >= w.y && y < w.y + w.h) {
                armCopy();
                return;
            }
        }
    };
    window.addEventListener("pointerup", function (e) {
        if (e.target === canvas) armAt(e.clientX, e.clientY);
    }, true);
    // iOS counts the touch's end as the press.
    window.addEventListener("touchend", function (e) {
        var t = e.changedTouches && e.changedTouches[0];
        if (t && e.target === canvas) armAt(t.clientX, t.clientY);
    }, true);
    window.addEventListener("keydown", function (e) {
        if ((e.key !== "Enter" && e.key !== " ") || document.activeElement === proxy) return;   // typing
        var all = Module["herregWidgets"]();
        for (var i = 0; i < all.length; i++) if (all[i].focused && isCopy(all[i].id)) armCopy();
    }, true);

    // Render on demand: anything the user does draws the next frames.
    var passive = { capture: true, passive: true };
    ["pointerdown", "pointermove", "pointerup", "pointercancel", "mousedown", "mousemove", "mouseup",
     "touchstart", "touchmove", "touchend", "touchcancel", "wheel", "keydown", "keyup",
     "focus", "blur", "resize", "paste"].forEach(function (type) {
        window.addEventListener(type, wake, passive);
    });
    document.addEventListener("visibilitychange", wake);
    // The pixel ratio may change with no resize event (the window moved to another screen);
    // a sleeping loop (herreg_js_set_idle) would not measure it until the next event.
    var watchRatio = function () {
        if (!window.matchMedia) return;
        var query = window.matchMedia("(resolution: " + window.devicePixelRatio + "dppx)");
        if (!query.addEventListener) return;
        query.addEventListener("change", function () { wake(); watchRatio(); }, { once: true });
    };
    watchRatio();
    // Leaving: hidden (another tab, the home screen; often the last event a phone gives) or
    // closed. The app saves at once, inside the event. Not after an abort: the module is dead.
    var leaving = function () {
        if (typeof ABORT !== "undefined" && ABORT) return;
        // The app's second part not joined yet (web/boot.js): saving might need it, and no
        // browser lets a page fetch it while it is being left. What was changed is saved
        // already: the autosave writes in the frame after each change.
        if (window.herregSplit && !window.herregSplit.ready()) return;
        try { _herreg_page_hidden(); } catch (e) { console.warn("herreg: could not save on leaving", e); }
    };
    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") leaving();
    });
    window.addEventListener("pagehide", leaving);
    // Another tab of this origin wrote to localStorage (never fired for this tab's own writes).
    window.addEventListener("storage", function (e) {
        try { if (e.storageArea !== window.localStorage) return; } catch (err) { return; }
        var key = e.key === null ? "" : String(e.key);
        if (key !== "" && key.indexOf("herreg.") !== 0) return;
        key = key.slice(key === "" ? 0 : 7);
        var size = lengthBytesUTF8(key) + 1;
        var p = _malloc(size);
        stringToUTF8(key, p, size);
        _herreg_storage_changed(p);
        _free(p);
    });
    // A share link pasted into the address bar of an open tab changes only the fragment: no
    // reload. Draw a frame so the app sees it (app/app.cpp compares the fragment each frame).
    window.addEventListener("hashchange", wake);

    // Touch. Emscripten's GLFW turns touchstart/touchend into presses but never moves the
    // mouse to the finger (its Browser.calculateMouseEvent only knows SDL's touch events), so
    // a tap pressed wherever the last tap was. Put the mouse under the finger first.
    //
    // A finger that moved more than a few pixels, or a second finger, is a swipe (or a pinch),
    // not a tap. Until that is decided the press waits in the input queue (_herreg_touch 0);
    // a tap hands it over (1), a swipe drops it (2): pressing a field or a button on the way
    // would activate it. Embedded, the browser scrolls the host page (touch-action: pan-y);
    // on its own the app scrolls by the finger's movement (3) and goes on after a flick.
    var swipe = { start: null, moved: false, y: 0, t: 0, v: 0, flick: 0 };
    var stopFlick = function () {
        if (swipe.flick) cancelAnimationFrame(swipe.flick);
        swipe.flick = 0;
    };
    var flick = function () {
        var last = performance.now();
        var step = function (now) {
            var dt = Math.max(0, Math.min(now - last, 50));
            last = now;
            swipe.v *= Math.exp(-dt / 325);
            if (Math.abs(swipe.v) < 0.02) { swipe.flick = 0; return; }
            _herreg_touch(3, swipe.v * dt);
            swipe.flick = requestAnimationFrame(step);
        };
        swipe.flick = requestAnimationFrame(step);
    };
    var trackSwipe = function (e) {
        var t = (e.targetTouches && e.targetTouches[0]) || (e.changedTouches && e.changedTouches[0]);
        if (e.type === "touchstart") {
            stopFlick();
            if (e.targetTouches && e.targetTouches.length === 1 && t) {
                swipe.start = { x: t.screenX, y: t.screenY };
                swipe.moved = false;
                swipe.y = t.clientY;
                swipe.t = e.timeStamp;
                swipe.v = 0;
                _herreg_touch(0, 0);
            } else if (!swipe.moved) {
                swipe.moved = true;
                _herreg_touch(2, 0);
            }
            return swipe.moved;
        }
        if (t && swipe.start && !swipe.moved &&
            (Math.abs(t.screenX - swipe.start.x) > 10 || Math.abs(t.screenY - swipe.start.y) > 10)) {
            swipe.moved = true;
            _herreg_touch(2, 0);
        }
        if (e.type === "touchmove" && swipe.moved && t && e.targetTouches && e.targetTouches.length === 1) {
            var dy = t.clientY - swipe.y, dt = e.timeStamp - swipe.t;
            if (!Module["herregEmbedded"] && dy !== 0) _herreg_touch(3, dy);
            if (dt > 0) swipe.v = 0.8 * (dy / dt) + 0.2 * swipe.v;
            swipe.y = t.clientY;
            swipe.t = e.timeStamp;
        }
        var swiped = swipe.moved;
        // The last finger on the canvas lifted (fingers elsewhere on the page do not count).
        if ((e.type === "touchend" || e.type === "touchcancel") && (!e.targetTouches || e.targetTouches.length === 0)) {
            // No scrolling on after the finger for people who asked for less motion.
            if (swiped && e.type === "touchend" && !Module["herregEmbedded"] && e.timeStamp - swipe.t < 100 &&
                Math.abs(swipe.v) > 0.3 && _herreg_js_prefers(1) === 0) flick();
            // A tap: the press waiting in the queue is handed over. A swipe, or a touch the
            // browser cancelled (a long press's menu, a system gesture), presses nothing: after
            // GLFW's release (its listener runs after this one) is dropped too, the mouse counts again.
            if (!swiped && e.type === "touchend") {
                _herreg_touch(1, 0);
            } else {
                if (!swiped) _herreg_touch(2, 0);
                setTimeout(function () { _herreg_touch(1, 0); }, 0);
            }
            swipe.start = null;
            swipe.moved = false;
        }
        return swiped;
    };
    var leaveTimer = 0;
    var touchToMouse = function (e) {
        if (e.target !== canvas) return null;
        // A swipe: keep the mouse off the widget it started on, so lifting it there is no click.
        if (trackSwipe(e)) {
            Browser.mouseX = -1e7;
            Browser.mouseY = -1e7;
            return null;
        }
        var t = (e.changedTouches && e.changedTouches[0]) || (e.touches && e.touches[0]);
        if (!t) return null;
        var p = cssToCanvas(t.clientX, t.clientY);
        if (p === null) return null;
        Browser.mouseX = p.x;
        Browser.mouseY = p.y;
        return t;
    };
    var touchMove = function (e) {
        if (touchToMouse(e)) clearTimeout(leaveTimer);
    };
    var touchEnd = function (e) {
        var t = touchToMouse(e);
        if (!t) return;
        // The browser would follow with emulated mousedown/mouseup (and click) at the same
        // spot: GLFW would see a second press. preventDefault on touchend cancels them.
        if (e.cancelable) e.preventDefault();
        // Lift the mouse away shortly after the last finger, or ImGui keeps the tapped widget
        // hovered. Not at once: the release must be seen on the widget to count as a click.
        clearTimeout(leaveTimer);
        if (!e.touches || e.touches.length === 0) {
            leaveTimer = setTimeout(function () {
                Browser.mouseX = -1e7;
                Browser.mouseY = -1e7;
                wake();
            }, 250);
        }
        // A tap on a text field focuses the proxy here, inside the touch event: phones open
        // their keyboard only for a focus() made while handling the user's gesture.
        if (e.type === "touchend" && onTextField(t.clientX, t.clientY)) focusProxy(true);
    };
    var active = { capture: true, passive: false };
    window.addEventListener("touchstart", touchMove, active);
    window.addEventListener("touchmove", touchMove, active);
    window.addEventListener("touchend", touchEnd, active);
    window.addEventListener("touchcancel", touchEnd, active);
    // A pen gives pointer and mouse events, no touch events.
    window.addEventListener("pointerup", function (e) {
        if (e.pointerType === "pen" && e.target === canvas && onTextField(e.clientX, e.clientY)) focusProxy(false);
    }, true);
    // Keys go to the app once the page is pressed (or tabbed into): any other press focuses the
    // canvas. Not one on a text field (the proxy takes the focus, below and in touchEnd), nor on
    // the error panel after a crash. Without scrolling (focusCanvas): embedded, a focus() would
    // scroll the host page to show as much of the (tall) canvas as fits, between the press and
    // its release; the release then landed on whatever had moved under the pointer, and the
    // click was lost.
    document.addEventListener("pointerdown", function (e) {
        if (e.target === proxy || document.documentElement.classList.contains("herreg-crashed")) return;
        if (!onTextField(e.clientX, e.clientY)) focusCanvas();
    });
    // A mouse press on a text field: the proxy takes (or keeps) the focus. preventDefault stops
    // the browser from moving the focus to the canvas; GLFW still gets the press.
    window.addEventListener("mousedown", function (e) {
        if (e.target === canvas && e.button === 0 && onTextField(e.clientX, e.clientY)) {
            e.preventDefault();
            focusProxy(false);
        }
    }, true);

    // The wheel. Emscripten 3.1.6's GLFW hands ImGui the raw deltaY: pixels (100 per notch in
    // Chrome) and the wrong way round (the page scrolled up on a turn down). Take it first
    // (window, capture phase: before GLFW's listener on the canvas) and hand ImGui wheel steps:
    // one notch = 1.0, trackpads give fractions.
    window.addEventListener("wheel", function (e) {
        if (e.target !== canvas) return;
        e.stopPropagation();  // GLFW's listener would preventDefault and hand ImGui raw pixels
        var unit = e.deltaMode === 1 ? 3 : e.deltaMode === 2 ? 1 : 100;
        var dx = -e.deltaX / unit, dy = -e.deltaY / unit;
        // Embedded, the host page scrolls (no preventDefault: the browser passes the scroll on
        // from the iframe) unless something inside the app can still scroll that way: a popup,
        // a list, a text box. Ctrl+wheel zooms the host page.
        // Where the pointer is now, not where the last frame saw it: a wheel right after the
        // pointer came in may arrive before the frame that moved it.
        var at = cssToCanvas(e.clientX, e.clientY);
        if (Module["herregEmbedded"] && (e.ctrlKey || !_herreg_wheel_scrolls(dx, dy, at ? at.cssX : -1, at ? at.cssY : -1))) return;
        e.preventDefault();
        if (e.ctrlKey) return;  // pinch on a trackpad, or Ctrl+wheel: no scrolling
        _herreg_wheel(dx, dy);
    }, active);

    // Text arrives through the proxy's 'input' event (typed, composed, dictated) and its
    // 'paste' event.
    // The keypress that typed it never reaches GLFW: index.html stops it on the way (else the
    // character would arrive twice). keydown/keyup do reach GLFW, which gives ImGui Backspace,
    // Enter, the arrows, Tab and the Ctrl shortcuts.
    var composing = false;
    var TAB = String.fromCharCode(9), CR = String.fromCharCode(13), LF = String.fromCharCode(10);
    // A paste goes over as it is (line ends as LF) and is fitted to the field that takes it
    // in C++ (paste_text.h), where the field is known for sure: the proxy can hold the focus
    // for a field ImGui has not activated yet.
    var sendText = function (text, pasted) {
        text = text.split(CR + LF).join(LF).split(CR).join(LF);
        var size = lengthBytesUTF8(text) + 1;
        var p = _malloc(size);
        stringToUTF8(text, p, size);
        if (pasted) _herreg_paste_input(p);
        else _herreg_text_input(p);
        _free(p);
    };
    // The proxy holds the text of the field being edited (`base`, as ImGui had it after the last
    // frame, with its selection `baseFrom`-`baseTo`): a screen reader reads the field and its
    // cursor, an input method composes within it. Until the field's text came (null) it is
    // empty, and what is typed goes to ImGui's cursor as it is.
    var base = null, baseFrom = 0, baseTo = 0;
    var editFrom = -1, editTo = -1;   // the selection an insertion replaces (from beforeinput)
    Module["herregProxyReset"] = function () {
        base = null;
        editFrom = editTo = -1;
        if (!composing && proxy.value !== "") proxy.value = "";
    };
    Module["herregProxyValue"] = function (text, from, to) {
        if (composing) return 0;
        if (proxy.value !== text) proxy.value = text;
        if (proxy.selectionStart !== from || proxy.selectionEnd !== to) proxy.setSelectionRange(from, to);
        base = text;
        baseFrom = from;
        baseTo = to;
        return 1;
    };
    // The textarea's text changed (typed, composed, a phone keyboard's edit, autocorrect): ImGui
    // gets the same edit. The changed stretch lies between the part before it that is unchanged
    // and the part after the cursor that is unchanged ("a" typed between "a" and "a" is the
    // middle one). Text typed at ImGui's cursor goes as text; any other edit first selects what
    // it replaced (herreg_text_select), then its text or a Backspace replaces that.
    var flush = function () {
        if (composing) return;
        var text = proxy.value;
        if (base === null) {
            editFrom = editTo = -1;
            if (!text) return;
            proxy.value = "";
            sendText(text);
            return;
        }
        var from, to, inserted;
        var length = text.length - base.length + (editTo - editFrom);   // of an insertion over editFrom-editTo
        // The same text again may still be an edit: a selected "3" typed over with "3".
        if (text === base && !(editFrom >= 0 && editTo > editFrom)) { editFrom = editTo = -1; return; }
        if (editFrom >= 0 && editTo <= base.length && length >= 0 && text.slice(0, editFrom) === base.slice(0, editFrom) &&
            text.slice(editFrom + length) === base.slice(editTo)) {
            // The textarea said what it replaced: that, not the least change that explains it.
            from = editFrom;
            to = editTo;
            inserted = text.slice(editFrom, editFrom + length);
        } else {
            var caret = proxy.selectionEnd;
            var tail = 0, maxTail = Math.min(base.length, Math.max(0, text.length - caret));
            while (tail < maxTail && base.charCodeAt(base.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) ++tail;
            var head = 0, maxHead = Math.min(base.length, text.length) - tail;
            while (head < maxHead && base.charCodeAt(head) === text.charCodeAt(head)) ++head;
            from = head;
            to = base.length - tail;
            inserted = text.slice(head, text.length - tail);
        }
        editFrom = editTo = -1;
        if (from !== baseFrom || to !== baseTo) _herreg_text_select(from, to);
        if (inserted) sendText(inserted);
        else if (to > from) _herreg_key_tap(1);
        base = text;
        baseFrom = baseTo = from + inserted.length;
    };
    // A table copied from a web page or a spreadsheet that gives no plain text: its cells.
    var tableText = function (html) {
        try {
            var doc = new DOMParser().parseFromString(html, "text/html");
            var rows = [];
            doc.querySelectorAll("tr").forEach(function (tr) {
                var cells = [];
                tr.querySelectorAll("td,th").forEach(function (td) { cells.push(td.textContent.trim()); });
                rows.push(cells.join(TAB));
            });
            return rows.join(LF);
        } catch (e) { return ""; }
    };
    // A paste: the app takes what the clipboard holds itself (also from a paste event a page
    // or a test dispatches, which inserts nothing into the textarea).
    proxy.addEventListener("paste", function (e) {
        var d = e.clipboardData;
        if (!d) return;
        var text = d.getData("text/plain");
        if (!text) { var html = d.getData("text/html"); if (html) text = tableText(html); }
        e.preventDefault();
        flush();
        if (text) sendText(text, true);
        wake();
    });
    proxy.addEventListener("compositionstart", function () { composing = true; });
    proxy.addEventListener("compositionend", function () { composing = false; flush(); wake(); });
    proxy.addEventListener("input", function (e) {
        if (e.isComposing) return;
        flush();
        wake();
    });
    // What the textarea would do itself but ImGui does as keys: inserting Enter or Tab (ImGui
    // gets them from GLFW), undo (the textarea's history is not ImGui's).
    var keyDown = 0;   // the keyCode of the key held (0: none), 229 from an input method or phone
    proxy.addEventListener("keydown", function (e) {
        keyDown = e.keyCode || 229;
        if (e.isComposing || e.keyCode === 229) return;
        if (e.key === "Enter" || e.key === "Tab") e.preventDefault();
    });
    proxy.addEventListener("keyup", function () { keyDown = 0; });
    proxy.addEventListener("blur", function () { keyDown = 0; });
    // Deleting, cutting and line breaks are ImGui's when GLFW had their key (Backspace, Ctrl+X,
    // Enter): the textarea must not do them too. Android keyboards send keydown 229
    // ("Unidentified") for every key, so GLFW sees no Backspace: the textarea's own edit reaches
    // ImGui through flush (with the field's text in it), or, while it holds none, it is turned
    // into a key. Keys: 1 Backspace, 2 Delete, 3 Enter (see herreg_key_tap). Undo is ImGui's.
    proxy.addEventListener("beforeinput", function (e) {
        var type = e.inputType || "";
        if (type.indexOf("insert") === 0 && !composing && editFrom < 0) {
            editFrom = proxy.selectionStart;
            editTo = proxy.selectionEnd;
        }
        if (type === "historyUndo" || type === "historyRedo") { e.preventDefault(); editFrom = editTo = -1; return; }
        if (e.isComposing || composing) return;
        var lineBreak = type === "insertLineBreak" || type === "insertParagraph";
        if (type.indexOf("delete") !== 0 && !lineBreak) return;
        if (keyDown !== 0 && keyDown !== 229) {
            // ImGui deletes (GLFW has the key), the textarea does not: it no longer holds the
            // field's text until the next frame sends it. Empty until then, so what is typed
            // meanwhile goes in at ImGui's cursor as it is (a "3" typed over a deleted "3" was
            // taken for no change at all).
            e.preventDefault();
            Module["herregProxyReset"]();
            return;
        }
        if (!lineBreak && base !== null && proxy.value !== "") return;
        var key = type === "deleteContentBackward" ? 1 : type === "deleteContentForward" ? 2 : lineBreak ? 3 : 0;
        e.preventDefault();
        editFrom = editTo = -1;
        if (key !== 0) _herreg_key_tap(key);
    });
    // Out of the accessibility tree while no field is being edited (each field has its element
    // in the mirror, a11y_mirror.js); while one is, it stands in for that field.
    proxy.setAttribute("aria-hidden", "true");
    proxy.addEventListener("focus", function () { proxy.removeAttribute("aria-hidden"); _herreg_proxy_focus(1); wake(); });
    proxy.addEventListener("blur", function () { proxy.setAttribute("aria-hidden", "true"); _herreg_proxy_focus(0); wake(); });
  },

  // After a frame: moves the proxy onto the active text field (x, y, line height in canvas
  // pixels) and focuses it when ImGui just started text input.
  herreg_js_proxy_place: function (x, y, line_height, focus) {
    var canvas = Module["canvas"];
    var proxy = document.getElementById("herreg-text");
    if (!proxy) return;
    var r = canvas.getBoundingClientRect();
    var s = canvas.width > 0 ? r.width / canvas.width : 1;
    proxy.style.left = Math.round(r.left + x * s) + "px";
    proxy.style.top = Math.round(r.top + y * s) + "px";
    proxy.style.height = Math.max(16, Math.round(line_height * s)) + "px";
    if (focus && Module["herregFocusProxy"]) Module["herregFocusProxy"](false);
  },

  // The CSS media features of platform::prefers(): 0 prefers-contrast: more, 1
  // prefers-reduced-motion: reduce. Their lists are kept (and their changes draw a frame).
  herreg_js_prefers: function (which) {
    var lists = Module["herregMedia"];
    if (!lists) {
        lists = Module["herregMedia"] = [];
        ["(prefers-contrast: more)", "(prefers-reduced-motion: reduce)"].forEach(function (q) {
            var l = null;
            try { l = window.matchMedia(q); } catch (e) { l = null; }
            if (l && l.addEventListener) l.addEventListener("change", function () { _herreg_wake(); });
            lists.push(l);
        });
    }
    return lists[which] && lists[which].matches ? 1 : 0;
  },

  // The proxy is named after the field being edited (its visible label), so a screen reader
  // says which field it is in; "" gives back the generic name index.html set.
  // It holds no text until the field's is sent (herreg_js_proxy_value).
  herreg_js_proxy_name: function (name, multiline) {
    var proxy = document.getElementById("herreg-text");
    if (!proxy) return;
    if (!proxy.dataset.genericName) proxy.dataset.genericName = proxy.getAttribute("aria-label") || "";
    var text = UTF8ToString(name);
    proxy.setAttribute("aria-label", text !== "" ? text : proxy.dataset.genericName);
    proxy.setAttribute("aria-multiline", multiline ? "true" : "false");
    if (Module["herregProxyReset"]) Module["herregProxyReset"]();
  },

  // The text of the field being edited and its selection (UTF-8 bytes; UTF-16 offsets), into the
  // proxy. 0: not taken, an input method is composing in it.
  herreg_js_proxy_value: function (text, len, from, to) {
    var set = Module["herregProxyValue"];
    return set ? set(UTF8ToString(text, len), from, to) : 0;
  },

  // ImGui stopped text input: the keyboard goes back to the field's element in the accessibility
  // mirror, or to the canvas (and a phone keyboard closes).
  herreg_js_proxy_release: function () {
    var proxy = document.getElementById("herreg-text");
    if (!proxy || document.activeElement !== proxy) return;
    var mirror = Module["herregA11y"];
    if (mirror && mirror.takeBack()) return;
    if (Module["herregFocusCanvas"]) Module["herregFocusCanvas"]();
  },

  herreg_js_url_param: function (name, name_len, out_len) {
    var value = null;
    try {
        var key = new TextDecoder().decode(HEAPU8.subarray(name, name + name_len));
        value = new URLSearchParams(window.location.search).get(key);
    } catch (e) { value = null; }
    if (value === null || value === "") return 0;
    var size = lengthBytesUTF8(value);
    var p = _malloc(size + 1);
    stringToUTF8(value, p, size + 1);
    HEAP32[out_len >> 2] = size;
    return p;
  },

  // which = 0: the fragment (after '#', without it); 1: the address without its fragment.
  herreg_js_address_part: function (which, out_len) {
    var value = "";
    try {
        var href = String(window.location.href);
        var hash = href.indexOf("#");
        value = which === 0 ? (hash < 0 ? "" : href.slice(hash + 1)) : (hash < 0 ? href : href.slice(0, hash));
    } catch (e) { value = ""; }
    if (value === "") return 0;
    var size = lengthBytesUTF8(value);
    var p = _malloc(size + 1);
    stringToUTF8(value, p, size + 1);
    HEAP32[out_len >> 2] = size;
    return p;
  },

  herreg_js_clear_fragment: function () {
    try {
        var url = new URL(window.location.href);
        url.hash = "";
        window.history.replaceState(null, "", url.toString());
    } catch (e) {}
  },

  // 0: none, 1: nl, 2: en
  herreg_js_requested_language: function () {
    var lang = "";
    try { lang = (new URLSearchParams(window.location.search).get("lang") || "").toLowerCase(); } catch (e) {}
    if (lang.startsWith("nl")) return 1;
    if (lang.startsWith("en")) return 2;
    return 0;
  },

  herreg_js_remember_language: function (code_utf8) {
    var code = UTF8ToString(code_utf8);
    document.documentElement.lang = code;
    try {
        var url = new URL(window.location.href);
        url.searchParams.set("lang", code);
        window.history.replaceState(null, "", url.toString());
    } catch (e) {}
  },

  // data-theme on <html> switches the page colours in index.html (what shows around and
  // before the canvas: the loading box, overscroll, the moment before a resize is drawn).
  herreg_js_remember_theme: function (theme_utf8) {
    var theme = UTF8ToString(theme_utf8);
    document.documentElement.setAttribute("data-theme", theme);
    try {
        var url = new URL(window.location.href);
        url.searchParams.set("theme", theme);
        window.history.replaceState(null, "", url.toString());
    } catch (e) {}
  },

  // Writes "YYYY-MM-DD" (10 bytes + NUL) to out: the date on the device's own clock and zone.
  herreg_js_today: function (out) {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var y = String(d.getFullYear());
    while (y.length < 4) y = "0" + y;
    stringToUTF8(y.slice(-4) + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()), out, 11);
  },

  // Every access in try/catch: reading window.localStorage itself throws (SecurityError) in a
  // sandboxed iframe, with storage disabled, or in some private modes.
  herreg_js_storage_get: function (key, key_len, out_len) {
    var value = null;
    try {
        var k = "herreg." + new TextDecoder().decode(HEAPU8.subarray(key, key + key_len));
        value = window.localStorage.getItem(k);
    } catch (e) { value = null; }
    if (value === null) return 0;
    var size = lengthBytesUTF8(value);
    var p = _malloc(size + 1);
    stringToUTF8(value, p, size + 1);
    HEAP32[out_len >> 2] = size;
    return p;
  },

  // 0: ok, 1: full (quota exceeded), 2: unavailable
  herreg_js_storage_set: function (key, key_len, value, value_len) {
    var storage = null;
    try { storage = window.localStorage; } catch (e) { return 2; }
    if (!storage) return 2;
    try {
        var k = "herreg." + new TextDecoder().decode(HEAPU8.subarray(key, key + key_len));
        storage.setItem(k, new TextDecoder().decode(HEAPU8.subarray(value, value + value_len)));
        return 0;
    } catch (e) {
        var full = e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
                         e.code === 22 || e.code === 1014);
        return full ? 1 : 2;
    }
  },

  // 16 hex digits from the browser's random source (Math.random where there is none).
  herreg_js_tab_id: function (out) {
    var bytes = new Uint8Array(8);
    try { window.crypto.getRandomValues(bytes); } catch (e) {
        for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    var hex = "";
    for (var j = 0; j < bytes.length; j++) hex += (bytes[j] < 16 ? "0" : "") + bytes[j].toString(16);
    stringToUTF8(hex, out, 17);
  },

  herreg_js_storage_remove: function (key, key_len) {
    try {
        window.localStorage.removeItem("herreg." + new TextDecoder().decode(HEAPU8.subarray(key, key + key_len)));
    } catch (e) {}
  },

  // Offers bytes as a download: a Blob's address, clicked (nothing leaves the device).
  // Callers hand it HEAPU8.slice copies (a view of wasm memory would change under the Blob).
  $herregOfferDownload: function (filename, bytes, type) {
    var url = URL.createObjectURL(new Blob([bytes], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    // Not at once: some browsers (Safari) start reading the Blob after click() returns.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },

  herreg_js_download__deps: ["$herregOfferDownload"],
  herreg_js_download: function (name, name_len, mime, mime_len, data, data_len) {
    try {
        var decoder = new TextDecoder();
        var filename = decoder.decode(HEAPU8.subarray(name, name + name_len));
        var type = decoder.decode(HEAPU8.subarray(mime, mime + mime_len)) || "application/octet-stream";
        herregOfferDownload(filename, HEAPU8.slice(data, data + data_len), type);
    } catch (e) {
        console.warn("herreg: download failed", e);
    }
  },

  // The PDF writer is a module of its own (src/pdf/pdf_worker.cpp: libharu, zlib, the fonts),
  // run in a Worker made when a PDF is first asked for, so that the page does not fetch it on
  // every visit. The document goes there as JSON bytes, the PDF comes back and is offered as a
  // download here; the outcome reaches C++ through herreg_pdf_outcome (0 offered, 1 the Worker
  // could not be loaded, 2 it failed). A Worker that could not load or broke down is dropped,
  // and the next PDF makes a new one; so is one that is not ready after READY_MS (its wasm's
  // download hangs or failed in a way that never reaches it), so that no PDF waits for ever.
  herreg_js_make_pdf__deps: ["$herregOfferDownload", "$herregMallocString"],
  herreg_js_make_pdf: function (name, name_len, doc, doc_len) {
    var filename = new TextDecoder().decode(HEAPU8.subarray(name, name + name_len));
    var bytes = HEAPU8.slice(doc, doc + doc_len);
    var report = function (file, result, error) {
        var pName = herregMallocString(file);
        var pError = error ? herregMallocString(error) : 0;
        _herreg_pdf_outcome(pName, result, pError);
        _free(pName);
        if (pError) _free(pError);
    };
    var READY_MS = 60000;
    var state = Module["herregPdf"] ||
        (Module["herregPdf"] = { worker: null, ready: false, watchdog: 0, next: 1, waiting: {} });
    var dropWorker = function (result, why) {
        var waiting = state.waiting;
        state.waiting = {};
        if (state.worker) state.worker.terminate();
        state.worker = null;
        state.ready = false;
        clearTimeout(state.watchdog);
        for (var id in waiting) report(waiting[id], result, why);
    };
    try {
        if (!state.worker) {
            var worker = new Worker("pdf-worker.js");
            worker.onmessage = function (e) {
                if (state.worker !== worker) return;   // a Worker dropped before it answered
                var m = e.data || {};
                if (m.ready) {   // its wasm is in: a failure now is the writer's
                    state.ready = true;
                    clearTimeout(state.watchdog);
                }
                if (m.abort !== undefined) {       // it stopped (its wasm could not be fetched?)
                    dropWorker(state.ready ? 2 : 1, String(m.abort));
                    return;
                }
                var file = state.waiting[m.id];
                if (file === undefined) return;
                delete state.waiting[m.id];
                if (m.pdf) {
                    try {
                        herregOfferDownload(file, new Uint8Array(m.pdf), "application/pdf");
                        report(file, 0, null);
                    } catch (err) {
                        report(file, 2, String(err && err.message ? err.message : err));
                    }
                } else {
                    report(file, 2, String(m.error || "no PDF"));
                }
            };
            // Before it said it was ready, its script or wasm could not be fetched (offline before
            // the first PDF); after, it stopped (an abort). Every PDF it was making fails.
            worker.onerror = function (e) {
                if (e && e.preventDefault) e.preventDefault();
                if (state.worker !== worker) return;
                dropWorker(state.ready ? 2 : 1, e && e.message ? String(e.message) : "");
            };
            state.worker = worker;
            state.watchdog = setTimeout(function () {
                if (state.worker === worker && !state.ready) dropWorker(1, "not ready after " + READY_MS / 1000 + " s");
            }, READY_MS);
        }
        var id = state.next++;
        state.waiting[id] = filename;
        try {
            state.worker.postMessage({ id: id, doc: bytes }, [bytes.buffer]);
        } catch (e) {
            delete state.waiting[id];   // reported here, not again when the Worker is dropped
            throw e;
        }
    } catch (e) {
        report(filename, 1, String(e && e.message ? e.message : e));
    }
  },

  // A file of the app's own site (an association's rules file, data-rules): same origin only,
  // no cookies sent elsewhere, at most 5 MB; it reaches C++ through herreg_site_file.
  herreg_js_fetch_site_file: function (path, path_len) {
    var maxBytes = 5 * 1024 * 1024;
    var raw = new TextDecoder().decode(HEAPU8.subarray(path, path + path_len));
    var deliver = function (name, bytes, error) { Module["herregDeliverFile"](_herreg_site_file, name, bytes, error); };
    var url = null;
    try { url = new URL(raw, window.location.href); } catch (e) { url = null; }
    if (url === null || url.origin !== window.location.origin) {
        deliver(raw, null, "not on the app's own site (" + window.location.origin + ")");
        return;
    }
    var name = url.pathname.split("/").pop() || raw;
    try { name = decodeURIComponent(name); } catch (e) {}   // "100%.json": the name as it is
    fetch(url.href, { credentials: "same-origin", cache: "no-cache", redirect: "error" }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.arrayBuffer();
    }).then(function (buf) {
        if (buf.byteLength > maxBytes) deliver(name, null, "over 5 MB");
        else deliver(name, new Uint8Array(buf), null);
    }).catch(function (e) {
        deliver(name, null, String(e && e.message ? e.message : e));
    });
  },

  herreg_js_console_warn: function (text, len) {
    console.warn(new TextDecoder().decode(HEAPU8.subarray(text, text + len)));
  },

  // One hidden <input type=file>, made on first use. The chosen file goes to C++ through
  // herreg_file_opened (buffers _malloc'ed here, copied there, freed here).
  herreg_js_open_file_picker: function (accept, accept_len) {
    var input = Module["herregFileInput"];
    if (!input) {
        var maxBytes = 5 * 1024 * 1024;
        var deliver = function (name, bytes, error) { Module["herregDeliverFile"](_herreg_file_opened, name, bytes, error); };
        input = document.createElement("input");
        input.type = "file";
        input.id = "herreg-file";
        input.tabIndex = -1;
        input.style.display = "none";
        input.setAttribute("aria-hidden", "true");
        input.addEventListener("change", function () {
            var file = input.files && input.files[0];
            input.value = "";  // choosing the same file again must fire 'change' again
            if (!file) return;
            if (file.size > maxBytes) {
                deliver(file.name, null, "Het bestand is te groot (max 5 MB). / The file is too large (max 5 MB).");
                return;
            }
            var reader = new FileReader();
            reader.onload = function () { deliver(file.name, new Uint8Array(reader.result), ""); };
            reader.onerror = function () {
                deliver(file.name, null, "Het bestand kon niet worden gelezen. / The file could not be read.");
            };
            reader.readAsArrayBuffer(file);
        });
        document.body.appendChild(input);
        Module["herregFileInput"] = input;
    }
    input.accept = new TextDecoder().decode(HEAPU8.subarray(accept, accept + accept_len));
    input.click();
  },

  // The write started by the press itself (armCopy in herreg_js_install) takes the text; else
  // writeText. A refusal (no permission, not a secure page, outside a press in Safari) is told
  // to C++, whose message then says so instead of "copied".
  // report = 0: ImGui's Ctrl+C/Ctrl+X, whose refusal is not told (set_clipboard_text).
  herreg_js_copy_to_clipboard: function (text, text_len, report) {
    var s = new TextDecoder().decode(HEAPU8.subarray(text, text + text_len));
    var failed = function (e) {
        if (!report) return;
        console.warn("herreg: the browser did not copy", e);
        try { _herreg_copy_failed(); } catch (err) {}
    };
    var plain = function () {
        try {
            var done = navigator.clipboard.writeText(s);
            return done && done.then ? done : Promise.resolve();
        } catch (e) { return Promise.reject(e); }
    };
    var armed = Module["herregTakeArmedCopy"] ? Module["herregTakeArmedCopy"]() : null;
    if (armed) {
        armed.resolve(new Blob([s], { type: "text/plain" }));
        armed.done.then(null, function () { plain().then(null, failed); });
    } else {
        plain().then(null, failed);
    }
  },

  // One <p> per line: screen readers and innerText keep the lines apart.
  herreg_js_mirror_text: function (text, text_len) {
    var live = document.getElementById("herreg-live");
    if (!live) return;
    var lines = new TextDecoder().decode(HEAPU8.subarray(text, text + text_len)).split(String.fromCharCode(10));
    while (live.firstChild) live.removeChild(live.firstChild);
    for (var i = 0; i < lines.length; i++) {
        if (lines[i] === "") continue;
        var p = document.createElement("p");
        p.textContent = lines[i];
        live.appendChild(p);
    }
  },

  herreg_js_frame_drawn: function (rasterised) {
    window.herregFrames = (window.herregFrames || 0) + 1;
    window.herregRasterised = rasterised;
    if (window.herregFrames === 1) {
      document.documentElement.classList.add("herreg-ready");
      if (typeof Module.onFirstFrame === "function") Module.onFirstFrame();   // web/boot.js
    }
  },

  // The WebGL context, made by the page (web/boot.js) with the attributes and size the app
  // wants (-sGL_PREINITIALIZED_CONTEXT); GLFW then draws with it. Without the page's function
  // (another page around app.js), GLFW makes one itself.
  herreg_js_prepare_graphics: function () {
    if (typeof herregPrepareGraphics === "function") herregPrepareGraphics();
  },

  herreg_js_show_fatal: function (message_utf8) {
    var message = UTF8ToString(message_utf8);
    var box = document.getElementById("status");
    if (box) box.textContent = message;
    document.documentElement.classList.add("herreg-failed");
  },

  // ---------------------------------------------------------------- embedding (JavaScript side)
  // Inside web/embed.js' iframe: ?embed=1 and a parent window (the same address opened on its
  // own is not embedded). <html class="herreg-embedded"> (index.html sets it already before
  // app.js loads; its CSS lets vertical finger pans through to the browser). Messages:
  //   to the host    {type: "herreg:size", height}   the content height in CSS px, when it changed
  //                  {type: "herreg:top"}            a new wizard step: show the iframe's top
  //   from the host  {type: "herreg:visible", top, bottom}   the part of the iframe inside the
  //                  host's window, in the iframe's CSS px (dialogs are centred on it)
  // The host's origin is unknown (any association's site), so messages go out to "*": they
  // carry a height, nothing of the user's. Incoming ones count only from window.parent, and
  // only as two numbers. Returns 1 when embedded.
  herreg_js_embed_install: function () {
    var embedded = false;
    try {
        embedded = window.parent !== window && new URLSearchParams(window.location.search).get("embed") === "1";
    } catch (e) { embedded = false; }
    Module["herregEmbedded"] = embedded;
    if (!embedded) return 0;
    document.documentElement.classList.add("herreg-embedded");
    window.addEventListener("message", function (e) {
        if (e.source !== window.parent) return;
        var d = e.data;
        if (!d || typeof d !== "object" || d.type !== "herreg:visible") return;
        var top = Number(d.top), bottom = Number(d.bottom);
        if (!isFinite(top) || !isFinite(bottom) || bottom <= top) return;
        _herreg_embed_visible(top, bottom);
    });
    return 1;
  },

  // what = 0: {type: "herreg:size", height: value}; 1: {type: "herreg:top"}.
  herreg_js_embed_post: function (what, value) {
    try {
        window.parent.postMessage(what === 0 ? { type: "herreg:size", height: value } : { type: "herreg:top" }, "*");
    } catch (e) {}
  },

  // ---------------------------------------------------------------- C++ side
  // Idle: the loop stops asking for animation frames (each request costs CPU even when the
  // frame draws nothing) until wake() in C++ says an event came; resume() asks for the next
  // frame at once.
  herreg_js_set_idle: function (idle) {
    window.herregIdle = idle !== 0;
    var loop = Browser.mainLoop;
    if (!loop.func || (idle !== 0) === !!Module["herregAsleep"]) return;
    Module["herregAsleep"] = idle !== 0;
    if (idle !== 0) loop.pause();
    else loop.resume();
  },
};

mergeInto(LibraryManager.library, HerregWebPlatform);
