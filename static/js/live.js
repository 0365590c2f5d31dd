// Live updates on a plan page: catch up after (re)connecting, report which
// field this person edits, and put moved actions in their place. Keeping
// open editors from being replaced by pushes is schakel.js's work.
(function () {
  "use strict";

  var socket = null;
  var lastPresence = "";

  function board() {
    return document.getElementById("plan-board") || document.querySelector("[data-live-board]");
  }

  function me() {
    var b = board();
    return b ? b.getAttribute("data-user") : null;
  }

  // The versions this page holds, so the server can send what changed since.
  function versions() {
    var v = {};
    document.querySelectorAll("li.schakel-action[data-id], li.schakel-agenda-item[data-id]").forEach(function (li) {
      v[li.getAttribute("data-id")] = parseInt(li.getAttribute("data-version"), 10) || 0;
    });
    var b = board();
    if (b && b.hasAttribute("data-plan-version")) {
      v["0"] = parseInt(b.getAttribute("data-plan-version"), 10) || 0;
    }
    return v;
  }

  // The field being edited here: an action's, or the plan's own (sent with
  // "plan_" in front of its name).
  function editedField() {
    var el = document.activeElement;
    var field = el && el.closest ? el.closest("[data-field]") : null;
    if (!field || !field.classList.contains("schakel-field--editing")) {
      return null;
    }
    if (field.hasAttribute("data-action") || field.hasAttribute("data-item")) {
      var id = field.getAttribute("data-action") || field.getAttribute("data-item");
      return { type: "focus", id: parseInt(id, 10), field: field.getAttribute("data-field") };
    }
    if (field.hasAttribute("data-meeting")) {
      return { type: "focus", id: parseInt(field.getAttribute("data-meeting"), 10), field: "meeting_" + field.getAttribute("data-field") };
    }
    if (field.hasAttribute("data-plan")) {
      return { type: "focus", id: parseInt(field.getAttribute("data-plan"), 10), field: "plan_" + field.getAttribute("data-field") };
    }
    return null;
  }

  function reportPresence() {
    if (!socket) {
      return;
    }
    var f = editedField();
    var msg = JSON.stringify(f || { type: "blur" });
    if (msg !== lastPresence) {
      lastPresence = msg;
      socket.send(msg);
    }
  }

  document.addEventListener("htmx:wsOpen", function (event) {
    socket = event.detail.socketWrapper;
    lastPresence = "";
    socket.send(JSON.stringify({ type: "hello", versions: versions() }));
    reportPresence();
  });
  document.addEventListener("htmx:wsClose", function () {
    socket = null;
  });
  document.addEventListener("focusin", reportPresence);
  document.addEventListener("focusout", function () {
    setTimeout(reportPresence, 0);
  });
  document.addEventListener("htmx:afterSwap", function () {
    setTimeout(reportPresence, 0);
  });

  // A filtered board takes in a new action only if it passes the filter.
  function passesFilter(li) {
    var b = board();
    if (!b || !b.hasAttribute("data-filter-theme")) {
      return true;
    }
    var want = {
      theme: b.getAttribute("data-filter-theme"),
      status: b.getAttribute("data-filter-status"),
      org: b.getAttribute("data-filter-org"),
      owner: b.getAttribute("data-filter-mine"),
      overdue: b.getAttribute("data-filter-overdue")
    };
    return Object.keys(want).every(function (k) {
      return !want[k] || li.getAttribute("data-" + k) === want[k];
    });
  }

  // An action whose theme, status, owner or overdue state changed may
  // leave a filtered board or come into it. One being edited here stays
  // until it is left.
  var filterKeys = ["theme", "status", "org", "owner", "overdue"];
  function refilter(li, marker) {
    if (li) {
      filterKeys.forEach(function (k) {
        li.setAttribute("data-" + k, marker.getAttribute("data-" + k) || "");
      });
      if (!passesFilter(li) && !li.contains(document.activeElement)) {
        li.remove();
      }
      return;
    }
    var b = board();
    if (!b || !b.hasAttribute("data-filter-theme") || !passesFilter(marker)) {
      return;
    }
    var list = document.getElementById("theme-" + marker.getAttribute("data-theme") + "-actions");
    if (list && window.htmx) {
      htmx.ajax("GET", marker.getAttribute("data-item"), { target: list, swap: "beforeend" });
    }
  }

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var fragment = event.detail.fragment;
    var target = event.detail.target;
    if (!fragment || !target || !target.matches || !target.matches("ol.schakel-actions")) {
      return;
    }
    var li = fragment.querySelector ? fragment.querySelector("li.schakel-action") : null;
    if (li && !passesFilter(li)) {
      event.detail.shouldSwap = false;
    }
  });

  // An action added here can arrive twice, by its own answer and by the
  // push, in either order; keep one.
  function dropDuplicates() {
    var seen = {};
    document.querySelectorAll("li.schakel-action[id]").forEach(function (li) {
      if (seen[li.id] && !li.contains(document.activeElement)) {
        li.remove();
      } else {
        seen[li.id] = true;
      }
    });
  }
  document.addEventListener("htmx:afterSettle", dropDuplicates);
  document.addEventListener("htmx:wsAfterMessage", dropDuplicates);

  // Put the actions of every theme in the order the server sent, moving the
  // items around the one being edited so that its focus and typing stay.
  function applyOrder(spec) {
    var active = document.activeElement;
    var start = active && "selectionStart" in active ? active.selectionStart : null;
    var end = active && "selectionEnd" in active ? active.selectionEnd : null;
    spec.split("|").forEach(function (part) {
      var eq = part.indexOf("=");
      var key = part.slice(0, eq);
      var list = document.getElementById(key) || document.getElementById("theme-" + key + "-actions");
      if (!list) {
        return;
      }
      part.slice(eq + 1).split(",").forEach(function (id) {
        var li = id && document.getElementById((list.id === "agenda-items" ? "item-" : "action-") + id);
        if (li && (li.parentNode !== list || li !== list.lastElementChild)) {
          list.appendChild(li);
        }
      });
    });
    if (active && document.activeElement !== active && document.contains(active)) {
      active.focus();
      if (start !== null) {
        try { active.setSelectionRange(start, end); } catch (e) { /* not a text field */ }
      }
    }
  }

  // Someone else's change is told to screen readers in the polite live
  // region, which never takes the focus; nobody is told what they did
  // themselves.
  function announce(news) {
    var region = document.getElementById("live-status");
    var by = news.getAttribute("data-by");
    if (region && by && by !== me()) {
      region.textContent = news.textContent;
    }
  }

  // The filter's count ("3 of 7 actions shown") follows live changes: the
  // push brings the sentence with the plan's new total, the page counts
  // the rows it shows that pass its filter.
  function updateFilterCount() {
    var count = document.getElementById("filter-count");
    var template = document.getElementById("filter-count-template");
    var b = board();
    if (!count || !template || !b) {
      return;
    }
    var shown = 0;
    b.querySelectorAll("li.schakel-action[data-id]").forEach(function (li) {
      if (passesFilter(li)) {
        shown++;
      }
    });
    var text = (template.getAttribute("data-text") || "").replace("{shown}", String(shown));
    if (text && count.textContent !== text) {
      count.textContent = text;
    }
  }
  document.addEventListener("htmx:wsAfterMessage", updateFilterCount);
  document.addEventListener("htmx:afterSettle", updateFilterCount);

  // What a colleague just changed is shown to the eye for a moment: the
  // row, the cells that changed and who changed it. Screen readers hear the
  // same from the live region. The marker comes before the row's new line
  // in a push, so the highlight waits for the whole message.
  var highlights = [];
  var cells = {
    title: ".schakel-field--title", status: ".schakel-summary__status", progress: ".schakel-summary__progress",
    due_date: ".schakel-summary__due", owner_organisation: ".schakel-summary__org", owner: ".schakel-summary__owner"
  };
  function highlight(marker) {
    var by = marker.getAttribute("data-by");
    if (by && by !== me()) {
      highlights.push({ id: marker.getAttribute("data-id"), name: marker.getAttribute("data-by-name") || "", fields: (marker.getAttribute("data-fields") || "").split(",") });
    }
  }
  function showHighlights() {
    highlights.splice(0).forEach(function (h) {
      var li = document.getElementById("action-" + h.id);
      if (!li) {
        return;
      }
      var row = li.querySelector(".schakel-action__row");
      li.classList.remove("schakel-action--changed");
      void li.offsetWidth; // restart the animation of an earlier change
      li.classList.add("schakel-action--changed");
      h.fields.forEach(function (f) {
        var cell = cells[f] && li.querySelector(cells[f]);
        if (cell) {
          cell.classList.add("schakel-changed");
        }
      });
      var tag = li.querySelector(".schakel-action__changed-by");
      if (!tag && row && h.name) {
        tag = document.createElement("span");
        tag.className = "schakel-action__changed-by";
        tag.setAttribute("aria-hidden", "true");
        row.appendChild(tag);
      }
      if (tag) {
        tag.textContent = h.name;
      }
      clearTimeout(li.schakelHighlight);
      li.schakelHighlight = setTimeout(function () {
        li.classList.remove("schakel-action--changed");
        li.querySelectorAll(".schakel-changed").forEach(function (c) { c.classList.remove("schakel-changed"); });
        var t = li.querySelector(".schakel-action__changed-by");
        if (t) {
          t.remove();
        }
      }, 6000);
    });
  }
  document.addEventListener("htmx:wsAfterMessage", showHighlights);

  document.addEventListener("htmx:oobAfterSwap", function (event) {
    var el = event.target;
    if (!el || !el.id) {
      return;
    }
    if (el.id === "live-order") {
      applyOrder(el.getAttribute("data-order") || "");
    } else if (el.id === "live-news") {
      announce(el);
    } else if (el.id === "live-version") {
      var li = document.getElementById("action-" + el.getAttribute("data-id")) || document.getElementById("item-" + el.getAttribute("data-id"));
      var v = parseInt(el.getAttribute("data-version"), 10) || 0;
      if (li && v > (parseInt(li.getAttribute("data-version"), 10) || 0)) {
        li.setAttribute("data-version", String(v));
      }
      if (el.hasAttribute("data-item")) {
        refilter(li, el);
        highlight(el);
      }
      var b = board();
      if (el.getAttribute("data-id") === "0" && b) {
        b.setAttribute("data-plan-version", String(v));
      }
    }
    // Nobody needs to be told that they are editing themselves.
    var self = me();
    if (self) {
      document.querySelectorAll('.schakel-presence__editor[data-user="' + self + '"]').forEach(function (s) {
        s.hidden = true;
      });
    }
  });
})();
