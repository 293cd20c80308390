// The accessibility mirror: real, invisible HTML elements over the canvas, one for each widget
// of the semantics tree the app drew (platform.h: note_widget / note_widget_state), so that a
// screen reader, the keyboard's Tab order, find-in-page and the browser's translation reach
// what the canvas shows. An Emscripten JS library (--js-library), linked into the app.
//
//   button, step, menu item   <button> (a step: aria-current="step" when it is shown)
//   link                      <a href>
//   text field                <input> or <textarea> with a <label>, its value, placeholder,
//                             aria-invalid and aria-describedby (its help and error text)
//   check box, radio          <button role="checkbox"/"radio" aria-checked>
//   combo box, its options    <button role="combobox" aria-expanded>, <div role="option"> in a
//                             role="listbox"
//   heading                   <h2> (its level), focusable by script only
//   alert                     <div role="alert">: a field's error; the field it follows is
//                             described by it
//   text                      <p>: the words between the widgets (intros, help, verdicts), in
//                             order, for reading, find-in-page and translation
//   table                     role="table" > role="row" > role="cell" (aria-colindex) around the
//                             elements of its cells; a header is role="columnheader" with
//                             aria-sort, holding a <button> when its column sorts
//   modal dialog              its widgets inside <div role="dialog" aria-modal="true">; the rest
//                             of the page is inert while it is open (the keyboard stays in it)
//
// Each element lies exactly over its widget (position: absolute, CSS px from the canvas' top
// left), in the order the app drew them, which is the visual order. The mirror is transparent
// and lets the mouse and fingers through to the canvas (pointer-events: none); the canvas
// draws the focus ring.
//
// Both ways:
//   - after a frame that changed the tree (herreg_a11y_sync), elements are created, updated,
//     moved and removed where the tree changed; when the keyboard moved ImGui's focus (the
//     arrows, a step change, a dialog opening) the element under it takes the DOM focus;
//   - focusing an element (Tab, a screen reader) focuses its widget (a text field starts
//     editing: the text proxy, #herreg-text, takes the typing); a click, Enter or Space presses
//     it. Tab, Enter and Space on an element never reach GLFW (ImGui would act on them too);
//     the other keys do (Escape closes a dialog, the arrows move ImGui's focus).
var HerregA11yMirror = {
  herreg_a11y_install: function () {
    var root = document.createElement("div");
    root.id = "herreg-a11y";
    // Its look is in web/style.css (the page's CSP allows no style attributes; the CSSOM is fine).
    document.body.appendChild(root);
    var m = {
      root: root,
      entries: new Map(),   // key (id#n) -> {el, node, json, box, label, help, error}
      byIndex: [],          // tree index -> entry (of the last tree)
      dialogs: new Map(),   // dialog number -> element
      lists: new Map(),     // combo-box list key -> element
      tables: new Map(),    // table, row and cell keys -> element
      programmatic: false,  // a focus() made by the mirror itself, not by a person
      offsetY: 0,           // how far the mirror as a whole is moved down (the page's scrolling)
      serial: 0
    };
    Module["herregA11y"] = m;

    var entryOf = function (el) {
      while (el && el !== root) {
        if (el.herregIndex !== undefined) return m.byIndex[el.herregIndex] || null;
        el = el.parentNode;
      }
      return null;
    };
    var focusables = function (scope) {
      return Array.prototype.filter.call(scope.querySelectorAll("button, a[href], input, textarea"), function (el) {
        return !el.closest("[inert]");
      });
    };
    // Tab from `from` (an element of the mirror) to the next one (back: the one before). In a
    // dialog it goes round; on the page it leaves the app after the last one (no trap).
    var tabFrom = function (from, back) {
      var dialog = from.closest("[role=dialog]");
      var list = focusables(dialog || root);
      if (list.length === 0) return false;
      var at = list.indexOf(from), next;
      if (at >= 0) {
        next = at + (back ? -1 : 1);
      } else {
        // From an element that is no Tab stop (a heading): the first stop after it (before it).
        next = back ? -1 : list.length;
        for (var k = 0; k < list.length; ++k) {
          var after = (from.compareDocumentPosition(list[k]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
          if (after) { next = back ? k - 1 : k; break; }
          if (back) next = k;
        }
      }
      if (dialog) next = (next + list.length) % list.length;
      else if (next < 0 || next >= list.length) return false;
      list[next].focus();
      return true;
    };
    m.tabFrom = tabFrom;
    m.entryOf = entryOf;
    m.focusables = focusables;
    // An element's place: its widget's rectangle, less the offset the whole mirror is moved by
    // (a scroll of the page moves the mirror, not each element: herreg_a11y_shift).
    m.place = function (entry, node) {
      var pos = node.x + " " + (node.y - m.offsetY) + " " + node.w + " " + node.h;
      entry.x = node.x;
      entry.y = node.y;
      entry.w = node.w;
      entry.h = node.h;
      if (entry.pos === pos) return;
      entry.pos = pos;
      var el = entry.box;
      el.style.left = node.x + "px";
      el.style.top = (node.y - m.offsetY) + "px";
      el.style.width = node.w + "px";
      el.style.height = node.h + "px";
    };
    // A focus the mirror gives itself (following ImGui): not passed back to ImGui.
    m.quietFocus = function (el) {
      m.programmatic = true;
      try { el.focus({ preventScroll: true }); } catch (e) { el.focus(); }
      m.programmatic = false;
    };
    // The entry of the last tree whose node says `flag` (focused, editing, nav), or null.
    m.flagged = function (flag) {
      var found = null;
      m.byIndex.forEach(function (entry) { if (entry && entry.node[flag]) found = entry; });
      return found;
    };
    // The text proxy lets go of the keyboard (editing ended): it goes to the element of the
    // widget ImGui focused, the field just left. False when there is none (then the canvas).
    m.takeBack = function () {
      var to = m.flagged("focused");
      if (!to) return false;
      m.quietFocus(to.el);
      return document.activeElement === to.el;
    };

    root.addEventListener("focusin", function (e) {
      if (m.programmatic) return;
      var entry = entryOf(e.target);
      if (!entry) return;
      // A field starts editing; a read-only one (the share link) is read and copied in its
      // element (its text is there), ImGui only shows the ring.
      _herreg_a11y_focus(entry.node.i, entry.node.role === "textbox" && !entry.node.readonly ? 1 : 0);
    });
    root.addEventListener("click", function (e) {
      var entry = entryOf(e.target);
      if (!entry) return;
      e.preventDefault();
      if (entry.node.role === "textbox") _herreg_a11y_focus(entry.node.i, entry.node.readonly ? 0 : 1);
      else {
        if (Module["herregArmCopy"]) Module["herregArmCopy"](entry.node.id);   // inside the press: Safari
        _herreg_a11y_press(entry.node.i);
      }
    });
    // Typed into a field's element before its editing started (a screen reader's forms mode
    // reaches the element first): what the typing replaced or added goes to the field (which
    // starts editing for it, its text selected as after Tab), and the element shows the
    // field's text again.
    root.addEventListener("input", function (e) {
      var entry = entryOf(e.target);
      if (!entry || entry.node.role !== "textbox" || e.isComposing) return;
      var was = entry.shownValue, now = e.target.value;
      var tail = 0, head = 0;
      while (tail < Math.min(was.length, now.length) && was.charCodeAt(was.length - 1 - tail) === now.charCodeAt(now.length - 1 - tail)) ++tail;
      while (head < Math.min(was.length, now.length) - tail && was.charCodeAt(head) === now.charCodeAt(head)) ++head;
      var text = now.slice(head, now.length - tail);
      e.target.value = was;
      if (text) {
        var size = lengthBytesUTF8(text) + 1, p = _malloc(size);
        stringToUTF8(text, p, size);
        _herreg_a11y_type(entry.node.i, p);
        _free(p);
      } else {
        _herreg_a11y_focus(entry.node.i, 1);
      }
    });

    // Keys, on `window` in the capture phase ahead of GLFW's listener (installed later).
    var keys = function (e) {
      var proxy = document.getElementById("herreg-text");
      if (e.target === proxy) {
        // Tab in the field being edited: on in the mirror's order, from the field's element.
        if (e.key !== "Tab" || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
        var editing = m.flagged("editing");
        if (!editing) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        // On the page's last (first) field Tab goes nowhere: the field stays being edited.
        if (e.type === "keydown") tabFrom(editing.el, e.shiftKey);
        return;
      }
      if (e.key === "Tab" && (e.target === Module["canvas"] || e.target === document.body)) {
        // From the canvas (after a click on it) Tab goes on in the mirror's order too: from the
        // widget with ImGui's focus (the one clicked, a new step's heading), else from the
        // start (Shift: the end).
        if (e.ctrlKey || e.altKey || e.metaKey) return;
        e.stopImmediatePropagation();
        if (e.type !== "keydown") return;
        var from = m.flagged("focused") || m.flagged("nav");
        if (from && tabFrom(from.el, e.shiftKey)) { e.preventDefault(); return; }
        var all = focusables(root);
        if (all.length) { e.preventDefault(); all[e.shiftKey ? all.length - 1 : 0].focus(); }
        return;
      }
      if (!root.contains(e.target)) return;
      var entry = entryOf(e.target);
      if (!entry) return;
      var role = entry.node.role, tag = e.target.tagName;
      if (e.key === "Escape") m.escaped = true;
      if (e.key === "Tab") {
        e.stopImmediatePropagation();
        if (e.type === "keydown" && e.target.closest("[role=dialog]")) {
          e.preventDefault();
          tabFrom(e.target, e.shiftKey);
        }
        return;
      }
      if (role === "textbox") {
        // Enter starts editing; Escape and the arrows go to ImGui; what is typed arrives
        // through the element's input event. In a read-only one the arrows, selecting and
        // copying are the element's own.
        if (e.key === "Escape" || (e.key.indexOf("Arrow") === 0 && !entry.node.readonly)) return;
        e.stopImmediatePropagation();
        if (e.key === "Enter" && e.type === "keydown" && !entry.node.readonly) {
          e.preventDefault();
          _herreg_a11y_focus(entry.node.i, 1);
        }
        return;
      }
      if (e.key === "Enter" || e.key === " ") {
        e.stopImmediatePropagation();
        // A button or link activates itself (its click); an option or heading is pressed here.
        if (tag !== "BUTTON" && tag !== "A") {
          e.preventDefault();
          if (e.type === "keydown") {
            if (Module["herregArmCopy"]) Module["herregArmCopy"](entry.node.id);
            _herreg_a11y_press(entry.node.i);
          }
        }
      }
    };
    window.addEventListener("keydown", keys, true);
    window.addEventListener("keypress", keys, true);   // GLFW makes characters of it
    window.addEventListener("keyup", keys, true);
  },

  // The page scrolled by `dy` CSS px and nothing else changed: the mirror moves as one.
  herreg_a11y_shift: function (dy) {
    var m = Module["herregA11y"];
    if (!m) return;
    m.offsetY += dy;
    m.root.style.transform = "translateY(" + m.offsetY + "px)";
    m.entries.forEach(function (entry) {
      if (entry.y !== undefined) entry.y += dy;
      entry.node.y += dy;
    });
  },

  // After a shift: the widgets that moved by another distance ([[index, y, height], ...] in the
  // last tree's numbering, CSS px) are placed again.
  herreg_a11y_place: function (ptr, len) {
    var m = Module["herregA11y"];
    if (!m) return;
    var moved;
    try { moved = JSON.parse(UTF8ToString(ptr, len)); } catch (e) { return; }
    moved.forEach(function (p) {
      var entry = m.byIndex[p[0]];
      if (!entry) return;
      entry.node.y = p[1];
      entry.node.h = p[2];
      m.place(entry, entry.node);
    });
  },

  herreg_a11y_sync: function (ptr, len) {
    var m = Module["herregA11y"];
    if (!m) return;
    var tree;
    try { tree = JSON.parse(UTF8ToString(ptr, len)); } catch (e) { return; }
    var root = m.root;
    var canvas = Module["canvas"];
    if (canvas) {
      var r = canvas.getBoundingClientRect();
      root.style.left = r.left + "px";
      root.style.top = r.top + "px";
    }
    var tagFor = function (node) {
      switch (node.role) {
        case "button": case "step": case "menuitem": case "checkbox": case "radio": case "combobox": return "button";
        case "link": return "a";
        case "textbox": return node.multiline ? "textarea" : "input";
        case "option": return "div";
        case "heading": return "h" + Math.min(6, Math.max(1, node.level || 2));
        case "alert": return "div";
        case "text": return "p";
        case "columnheader": return "div";
      }
      return null;
    };
    var uid = function () { return "herreg-a11y-" + (++m.serial); };
    var focusablesIn = m.focusables;
    var entryOf = m.entryOf;
    var setAttr = function (el, name, value) {
      if (value === null || value === undefined || value === false) {
        if (el.hasAttribute(name)) el.removeAttribute(name);
      } else if (el.getAttribute(name) !== String(value)) {
        el.setAttribute(name, String(value));
      }
    };
    var place = m.place;
    var hiddenText = function (parent, text) {
      var span = document.createElement("span");
      span.id = uid();
      span.hidden = true;
      span.textContent = text;
      parent.appendChild(span);
      return span;
    };
    var build = function (node, tag) {
      var entry = { node: node, json: "", tag: tag, shownValue: "" };
      var el = document.createElement(tag.split("+")[0]);
      entry.el = el;
      entry.box = el;
      if (tag === "button") el.type = "button";
      if (tag === "a") el.href = "#";
      if (node.role === "textbox") {
        // The label lies over the field too: its words are the field's name.
        var box = document.createElement("div");
        var label = document.createElement("label");
        el.id = uid();
        label.htmlFor = el.id;
        label.className = "herreg-a11y-fill";
        if (tag === "input") el.type = "text";
        el.setAttribute("autocomplete", "off");
        el.className = "herreg-a11y-fill";
        box.appendChild(label);
        box.appendChild(el);
        entry.box = box;
        entry.label = label;
        entry.help = hiddenText(box, "");
        entry.error = hiddenText(box, "");
      }
      if (node.role === "columnheader") {
        el.setAttribute("role", "columnheader");
        if (node.sort !== undefined) {
          // A column that sorts: its header holds a button that sorts by it.
          var press = document.createElement("button");
          press.type = "button";
          press.className = "herreg-a11y-fill";
          el.appendChild(press);
          entry.el = press;
        }
      }
      if (node.role === "heading") el.tabIndex = -1;
      if (node.role === "option") el.tabIndex = -1;
      return entry;
    };
    var update = function (entry, node) {
      var el = entry.el;
      entry.node = node;
      // What the element shows besides its place (a scroll moves every element and changes
      // nothing else: that frame touches only positions).
      var json = node.role + "|" + (node.name || "") + "|" + (node.value || "") + "|" + (node.hint || "") + "|" +
        (node.help || "") + "|" + (node.error || "") + "|" + node.checked + node.selected + node.expanded + node.current +
        node.disabled + node.invalid + !!node.readonly + (node.level || "") + !!node.typing + (node.sort === undefined ? "" : node.sort);
      place(entry, node);
      el.herregIndex = node.i;
      if (json === entry.json) return;
      entry.json = json;
      var name = node.name || "";
      switch (node.role) {
        case "textbox":
          if (entry.label.textContent !== name) entry.label.textContent = name;
          entry.shownValue = node.value || "";
          if (el.value !== entry.shownValue) el.value = entry.shownValue;
          setAttr(el, "placeholder", node.hint || null);
          setAttr(el, "aria-invalid", node.invalid ? "true" : null);
          setAttr(el, "readonly", node.readonly ? "" : null);
          entry.help.textContent = node.help || "";
          var described = [];
          if (node.help) described.push(entry.help.id);
          if (node.error) { entry.error.textContent = node.error; described.push(entry.error.id); }
          setAttr(el, "aria-describedby", described.length ? described.join(" ") : null);
          break;
        case "combobox":
          setAttr(el, "role", "combobox");
          setAttr(el, "aria-label", name);
          setAttr(el, "aria-haspopup", "listbox");
          setAttr(el, "aria-expanded", node.expanded ? "true" : "false");
          if (el.textContent !== (node.value || "")) el.textContent = node.value || "";
          break;
        case "checkbox": case "radio":
          setAttr(el, "role", node.role);
          setAttr(el, "aria-checked", node.checked ? "true" : "false");
          if (el.textContent !== name) el.textContent = name;
          break;
        case "option":
          setAttr(el, "role", "option");
          setAttr(el, "aria-selected", node.selected ? "true" : "false");
          if (el.textContent !== name) el.textContent = name;
          break;
        case "columnheader":
          setAttr(entry.box, "aria-sort", node.sort === 1 ? "ascending" : node.sort === 2 ? "descending" : null);
          if (el.textContent !== name) el.textContent = name;
          break;
        case "alert":
          // Announced once the field it belongs to is left, not at each key typed into it.
          setAttr(el, "role", node.typing ? null : "alert");
          if (el.textContent !== name) el.textContent = name;
          break;
        default:
          if (el.textContent !== name) el.textContent = name;
      }
      setAttr(el, "aria-current", node.role === "step" && node.current ? "step" : null);
      if (node.role !== "combobox") setAttr(el, "aria-expanded", node.expanded === undefined ? null : String(node.expanded));
      setAttr(el, "aria-disabled", node.disabled ? "true" : null);
    };

    // Where the DOM focus is among the mirror's stops, in case its element goes (a row deleted).
    var focusedBefore = document.activeElement;
    var stopBefore = root.contains(focusedBefore) && !focusedBefore.closest("[role=dialog]") ?
      focusablesIn(root).indexOf(focusedBefore) : -1;

    // Nodes to elements, reusing the element of the same id (the n-th of that id) and role.
    var seen = new Map();
    var order = [];   // [container key or null, entry]
    m.byIndex = [];
    var lastField = null;
    tree.forEach(function (node) {
      var tag = tagFor(node);
      if (!tag) return;
      // The key of its element: its id and how many of that id came before, in its dialog (the
      // page's paragraphs and the dialog's never trade elements); a field's error by its field.
      var base = (node.dialog || 0) + ":" + (node.role === "alert" && lastField ? lastField.key + "/" : "") + node.id;
      var n = (seen.get(base) || 0) + 1;
      seen.set(base, n);
      var key = base + "#" + n;
      var entry = m.entries.get(key);
      if (node.role === "columnheader" && node.sort !== undefined) tag = "div+button";
      if (entry && entry.tag !== tag) { entry.box.remove(); entry = null; }
      if (!entry) { entry = build(node, tag); m.entries.set(key, entry); }
      entry.node = node;
      entry.key = key;
      entry.used = true;
      if (node.role === "alert" && lastField && !lastField.node.error) {
        lastField.node.error = node.name;   // the field it follows is described by it
        lastField.node.invalid = true;
        node.typing = !!lastField.node.editing;
      }
      if (node.role === "textbox") lastField = entry;
      else if (node.role !== "alert" && node.role !== "text") lastField = null;
      m.byIndex[node.i] = entry;
      order.push(entry);
    });
    // The page scrolled: every element that was there before moved up or down by the same
    // distance, nothing else changed place. The mirror moves as one (a transform), instead of
    // each of its elements (scrolling cost 0.36 ms a frame on the result page that way).
    var shift = null;
    for (var k = 0; k < order.length && shift !== false; ++k) {
      var e = order[k], n = e.node;
      if (e.y === undefined) continue;   // new: placed below
      if (n.x !== e.x || n.w !== e.w || n.h !== e.h) shift = false;
      else if (shift === null) shift = n.y - e.y;
      else if (Math.abs(n.y - e.y - shift) > 0.01) shift = false;
    }
    if (shift) {
      m.offsetY += shift;
      root.style.transform = "translateY(" + m.offsetY + "px)";
    }
    order.forEach(function (entry) { update(entry, entry.node); });
    m.entries.forEach(function (entry, key) {
      if (!entry.used) { entry.box.remove(); m.entries.delete(key); }
      entry.used = false;
    });

    // Containers: a dialog for each modal dialog, a list box for each run of options.
    var containerFor = function (map, key, make) {
      var c = map.get(key);
      if (!c) { c = make(); map.set(key, c); }
      c.used = true;
      return c;
    };
    var top = [];   // root's children in order
    var children = new Map();   // container -> its children in order
    var placed = new Set();   // a container goes where its first element is
    var add = function (parent, child) {
      if (placed.has(child)) return;
      placed.add(child);
      if (parent === root) { top.push(child); return; }
      if (child.inert) child.inert = false;   // was on the page behind a dialog
      var list = children.get(parent);
      if (!list) { list = []; children.set(parent, list); }
      list.push(child);
    };
    var make = function (role) {
      return function () {
        var c = document.createElement("div");
        c.setAttribute("role", role);
        return c;
      };
    };
    var listCount = 0, inList = false;
    order.forEach(function (entry, k) {
      var node = entry.node;
      var parent = root;
      if (node.dialog) {
        var dialog = containerFor(m.dialogs, node.dialog, function () {
          var d = document.createElement("div");
          d.setAttribute("role", "dialog");
          d.setAttribute("aria-modal", "true");
          return d;
        });
        add(root, dialog);
        parent = dialog;
        if (!dialog.herregNamed && (node.role === "heading")) {
          dialog.setAttribute("aria-labelledby", entry.el.id || (entry.el.id = uid()));
          dialog.herregNamed = true;
        }
      }
      if (node.table) {
        // A table's cell: table > row > cell (a header is a cell itself), each column numbered
        // (a cell with nothing to read is left out).
        var t = (node.dialog || 0) + ":" + node.table;
        var table = containerFor(m.tables, t, make("table"));
        add(parent, table);
        var row = containerFor(m.tables, t + "/" + node.row, make("row"));
        add(table, row);
        parent = row;
        if (node.role !== "columnheader") {
          var cell = containerFor(m.tables, t + "/" + node.row + "/" + node.col, make("cell"));
          add(row, cell);
          parent = cell;
        }
        setAttr(node.role === "columnheader" ? entry.box : parent, "aria-colindex", node.col + 1);
      }
      if (node.role === "option") {
        if (!inList) ++listCount;
        inList = true;
        var list = containerFor(m.lists, listCount, function () {
          var l = document.createElement("div");
          l.setAttribute("role", "listbox");
          return l;
        });
        // Named after its combo box: the node after the run of options.
        var j = k + 1;
        while (j < order.length && order[j].node.role === "option") ++j;
        if (j < order.length && order[j].node.role === "combobox") setAttr(list, "aria-label", order[j].node.name || "");
        add(parent, list);
        parent = list;
      } else {
        inList = false;
      }
      add(parent, entry.box);
    });
    [m.dialogs, m.lists, m.tables].forEach(function (map) {
      map.forEach(function (c, key) {
        if (!c.used) { c.remove(); map.delete(key); }
        c.used = false;
      });
    });
    var arrange = function (parent, list) {
      for (var k = 0; k < list.length; ++k) {
        if (parent.children[k] !== list[k]) parent.insertBefore(list[k], parent.children[k] || null);
      }
      while (parent.children.length > list.length) parent.children[parent.children.length - 1].remove();
    };
    arrange(root, top);
    children.forEach(function (list, parent) { arrange(parent, list); });
    // A dialog without a heading is named by its first words (its question, its title), else
    // its first field or button. One that just opened takes the DOM focus (its first element),
    // unless the keyboard put ImGui's focus in it (then that element, below).
    m.dialogs.forEach(function (d) {
      if (!d.herregNamed) {
        var first = d.querySelector("h1, h2, h3, p") || d.querySelector("label, button");
        setAttr(d, "aria-label", first ? first.textContent : null);
      }
      if (!d.herregOpened) {
        d.herregOpened = true;
        var into = focusablesIn(d)[0];
        if (into && !d.contains(document.activeElement)) {
          m.quietFocus(into);
        }
      }
    });
    // A modal dialog: everything else is inert (not focusable, hidden from screen readers).
    var modal = m.dialogs.size > 0;
    top.forEach(function (el) {
      var inert = modal && el.getAttribute("role") !== "dialog";
      if (el.inert !== inert) el.inert = inert;
    });

    // The keyboard moved ImGui's focus: the element under it takes the DOM focus, unless the
    // focus is somewhere else on purpose (the text proxy, the host page's own elements).
    var focused = m.flagged("focused"), editing = m.flagged("editing");
    // The field being edited is typed into through the text proxy, which is named after it:
    // its element steps back meanwhile, so a screen reader finds one textbox for the field.
    m.byIndex.forEach(function (entry) {
      if (entry && entry.node.role === "textbox") setAttr(entry.el, "aria-hidden", entry === editing ? "true" : null);
    });
    var active = document.activeElement;
    // The element with the DOM focus went (its row deleted): the stop that
    // took its place takes the focus, and ImGui's ring goes there, instead of the page's start.
    if (stopBefore >= 0 && !root.contains(focusedBefore) && (!active || active === document.body)) {
      var stops = focusablesIn(root);
      var heir = stops[Math.min(stopBefore, stops.length - 1)];
      var heirEntry = heir ? entryOf(heir) : null;
      if (heir && heirEntry && !focused) {
        m.quietFocus(heir);
        if (heirEntry.node.role !== "textbox") _herreg_a11y_focus(heirEntry.node.i, 0);
        active = heir;
      }
    }
    // Only a move ImGui made itself counts: while a focus a person gave an element is on its way
    // to ImGui (a frame), ImGui still shows the one before, which must not pull it back.
    var moved = focused !== null && focused !== m.lastFocused;
    m.lastFocused = focused;
    if (moved && active !== focused.el &&
        (!active || active === document.body || active === canvas || root.contains(active))) {
      m.quietFocus(focused.el);
    }
    // Escape let ImGui go of the focus while the DOM focus stayed on an element (outside a
    // field, dialog or menu): it takes it back, so the ring shows where the keyboard is.
    if (m.escaped && !focused && !editing && active && root.contains(active)) {
      var held = entryOf(active);
      if (held && held.node.role !== "textbox") _herreg_a11y_focus(held.node.i, 0);
    }
    m.escaped = false;
  },
};

mergeInto(LibraryManager.library, HerregA11yMirror);
