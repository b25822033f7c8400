// prescreen review workbench: criterion <-> evidence highlighting, adding evidence from a text selection, and
// keyboard navigation. Loaded as a static file (the Content-Security-Policy forbids inline script).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function tokens(el, attr) { return (el.getAttribute(attr) || "").split(" ").filter(Boolean); }

  function initCase() {
    var list = document.getElementById("criteria");
    if (!list) { return; }
    var crits = all("li.crit", list);
    var selected = null;
    var pieces = {};
    all("#pieces li").forEach(function (li) { pieces[li.getAttribute("data-piece")] = li; });

    function clearLit() { all(".lit").forEach(function (el) { el.classList.remove("lit"); }); }

    function light(ids) {
      clearLit();
      var first = null;
      all("[data-ev]").forEach(function (el) {
        if (el.classList.contains("crit")) { return; }
        var mine = tokens(el, "data-ev");
        if (mine.some(function (id) { return ids.indexOf(id) >= 0; })) {
          el.classList.add("lit");
          if (!first || (el.tagName.toLowerCase() === "rect" && first.tagName.toLowerCase() !== "rect")) { first = el; }
        }
      });
      return first;
    }

    function select(li, scroll) {
      if (!li) { return; }
      if (selected) { selected.classList.remove("selected"); }
      all("li.crit.cited").forEach(function (el) { el.classList.remove("cited"); });
      selected = li;
      li.classList.add("selected");
      var first = light(tokens(li, "data-ev"));
      var evSelect = document.getElementById("ev-criterion");
      if (evSelect) { evSelect.value = li.getAttribute("data-crit"); }
      if (scroll !== false) {
        li.scrollIntoView({block: "nearest"});
        all("rect.lit").slice(0, 1).forEach(function (r) { r.scrollIntoView({block: "center"}); });
        all("mark.lit").slice(0, 1).forEach(function (m) { m.scrollIntoView({block: "center"}); });
      }
      if (history.replaceState) { history.replaceState(null, "", "#c-" + li.getAttribute("data-crit")); }
      return first;
    }

    function showCitedBy(evIds) {
      var box = document.getElementById("cited-by");
      var ul = document.getElementById("cited-list");
      if (!box || !ul) { return; }
      while (ul.firstChild) { ul.removeChild(ul.firstChild); }
      var seen = {};
      all("li.crit.cited").forEach(function (el) { el.classList.remove("cited"); });
      evIds.forEach(function (id) {
        var piece = pieces[id];
        if (!piece) { return; }
        tokens(piece, "data-crit").forEach(function (cid) {
          if (seen[cid]) { return; }
          seen[cid] = true;
          var target = document.getElementById("c-" + cid);
          if (target) { target.classList.add("cited"); }
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = "#c-" + cid;
          a.textContent = cid;  // text, never markup
          a.addEventListener("click", function (ev) { ev.preventDefault(); select(target); });
          li.appendChild(a);
          ul.appendChild(li);
        });
      });
      box.hidden = ul.childNodes.length === 0;
      light(evIds);
    }

    crits.forEach(function (li) {
      li.addEventListener("click", function (ev) {
        var t = ev.target;
        if (t.closest && t.closest("form, details, button, a")) { return; }
        select(li);
      });
    });
    all("mark[data-ev], rect[data-ev]").forEach(function (el) {
      el.addEventListener("click", function () { showCitedBy(tokens(el, "data-ev")); });
    });

    // adding evidence from a selection in the packet text
    var textRoot = document.getElementById("packet-text");
    function offsetOf(node, offset) {
      var el = node.nodeType === 3 ? node.parentElement : node;
      if (!el || !el.closest) { return null; }
      var seg = el.closest("[data-s]");
      if (!seg || !textRoot.contains(seg)) { return null; }
      return parseInt(seg.getAttribute("data-s"), 10) + (node.nodeType === 3 ? offset : 0);
    }
    function captureSelection() {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
      var range = sel.getRangeAt(0);
      var start = offsetOf(range.startContainer, range.startOffset);
      var end = offsetOf(range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) { return; }
      document.getElementById("ev-start").value = String(start);
      document.getElementById("ev-end").value = String(end);
      var preview = document.getElementById("selection-preview");
      var text = sel.toString();
      preview.textContent = "Selected: \u201c" + (text.length > 160 ? text.slice(0, 160) + "\u2026" : text) + "\u201d";
    }
    if (textRoot) {
      textRoot.addEventListener("mouseup", captureSelection);
      textRoot.addEventListener("keyup", captureSelection);
    }

    function move(step) {
      var i = selected ? crits.indexOf(selected) : -1;
      var next = crits[Math.max(0, Math.min(crits.length - 1, i + step))];
      select(next);
      if (next) { next.focus({preventScroll: true}); }
    }

    document.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var tag = (ev.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "textarea" || tag === "select" || ev.target.isContentEditable) { return; }
      var key = ev.key;
      if (key === "j" || key === "ArrowDown") { move(1); ev.preventDefault(); }
      else if (key === "k" || key === "ArrowUp") { move(-1); ev.preventDefault(); }
      else if (key === "c" && selected) {
        var f = selected.querySelector("form.confirm-form");
        if (f) { f.submit(); }
      } else if (key === "o" && selected) {
        var d = selected.querySelector("details.override");
        if (d) { d.open = true; var s = d.querySelector("select"); if (s) { s.focus(); } ev.preventDefault(); }
      } else if (key === "e") {
        var b = document.getElementById("ev-criterion");
        if (b) { b.focus(); ev.preventDefault(); }
      } else if (key === "d") {
        var r = document.querySelector("#decision-form input[type=radio]");
        if (r) { r.focus(); r.scrollIntoView({block: "center"}); ev.preventDefault(); }
      } else if (key === "n") {
        var nxt = document.getElementById("next-case");
        if (nxt) { window.location.href = nxt.href; }
      }
    });

    var hash = window.location.hash;
    if (hash && hash.indexOf("#c-") === 0) {
      select(document.getElementById(decodeURIComponent(hash.slice(1))));
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", initCase); }
  else { initCase(); }
}());
