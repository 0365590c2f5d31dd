// The meeting page on top of the live updates: dragging agenda items, the
// time left for the item under discussion, and what only some people see.
(function () {
  "use strict";

  function board() {
    return document.getElementById("meeting-board");
  }

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-Csrf-Token"] || "";
    } catch (e) {
      return "";
    }
  }

  // Agenda items are reordered by dragging their handle; the Up and Down
  // buttons do the same for keyboards and screen readers.
  function sortable() {
    var b = board();
    var list = document.getElementById("agenda-items");
    if (!b || !list || !b.hasAttribute("data-sortable") || !window.Sortable || list.schakelSortable) {
      return;
    }
    list.schakelSortable = window.Sortable.create(list, {
      handle: ".schakel-drag-handle",
      draggable: "li.schakel-agenda-item[data-id]",
      animation: 150,
      onEnd: function (event) {
        if (event.oldIndex === event.newIndex) { return; }
        var item = event.item;
        var prev = item.previousElementSibling;
        while (prev && !prev.hasAttribute("data-id")) { prev = prev.previousElementSibling; }
        fetch("/workspaces/" + b.getAttribute("data-workspace") + "/items/" + item.getAttribute("data-id") + "/move", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true", "X-Csrf-Token": csrfToken() },
          body: new URLSearchParams({ after: prev ? prev.getAttribute("data-id") : "0" })
        }).then(function (response) {
          return response.text().then(function (html) {
            window.htmx.swap(response.ok ? document.body : "#alerts", html, { swapStyle: response.ok ? "none" : "innerHTML" });
          });
        });
      }
    });
  }

  // Live fragments are drawn for everyone alike; show each person what is
  // theirs: their own answer buttons, and case notes if they may see them.
  function personalise() {
    var b = board();
    if (!b) { return; }
    var me = b.getAttribute("data-user");
    document.querySelectorAll("[data-self-only]").forEach(function (f) {
      if (f.getAttribute("data-self-only") === me) { f.hidden = false; }
    });
    if (b.hasAttribute("data-case")) {
      document.querySelectorAll(".schakel-case-reveal, .schakel-case-edit").forEach(function (el) {
        if (!b.hasAttribute("data-sortable") && el.classList.contains("schakel-case-edit")) { return; }
        el.hidden = false;
      });
    }
    var now = document.getElementById("agenda-now");
    var current = now ? now.getAttribute("data-current") : "";
    document.querySelectorAll("li.schakel-agenda-item").forEach(function (li) {
      var on = li.getAttribute("data-id") === current;
      li.classList.toggle("schakel-agenda-item--current", on);
      if (on) { li.setAttribute("aria-current", "step"); } else { li.removeAttribute("aria-current"); }
    });
  }

  // Someone changed case notes that are open here: a live update carries
  // no case material, so the page asks for the notes again (which is
  // logged as a view, as every view of them is) instead of closing them.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    if (!target || !target.matches || !target.matches(".schakel-field--case_notes") || !target.querySelector(".schakel-case")) {
      return;
    }
    event.detail.shouldSwap = false;
    var item = target.getAttribute("data-item");
    var b = board();
    if (item && b && window.htmx) {
      window.htmx.ajax("GET", "/workspaces/" + b.getAttribute("data-workspace") + "/items/" + item + "/case", { target: target, swap: "outerHTML" });
    }
  });

  // The time left for the current item counts down each minute.
  var started = Date.now();
  var left = null;
  function tick() {
    var el = document.querySelector("#agenda-now [data-countdown]");
    if (!el) { return; }
    if (left === null || el.getAttribute("data-countdown") !== left.source) {
      left = { source: el.getAttribute("data-countdown"), secs: parseInt(el.getAttribute("data-countdown"), 10) || 0 };
      started = Date.now();
    }
    var secs = left.secs - Math.floor((Date.now() - started) / 1000);
    var mins = secs > 0 ? Math.ceil(secs / 60) : 0;
    var text = el.textContent.replace(/\d+/, String(mins));
    if (text !== el.textContent) { el.textContent = text; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    sortable();
    personalise();
    window.setInterval(tick, 15000);
  });
  document.addEventListener("htmx:load", function () {
    sortable();
    personalise();
  });
  document.addEventListener("htmx:oobAfterSwap", personalise);
})();
