// Schakel's own behaviour on top of htmx. Everything here is an enhancement:
// every page works without it.
(function () {
  "use strict";

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.target;
    // A form that added something successfully is emptied for the next entry.
    if (form instanceof HTMLFormElement && event.detail.successful && form.hasAttribute("data-reset-on-success")) {
      form.reset();
    }
  });

  // Error fragments are swapped into the live region #alerts; bring it into
  // view without moving keyboard focus away from where the user is working.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target && event.target.id === "alerts") {
      event.target.scrollIntoView({ block: "nearest" });
    }
  });

  // A live connection closed because its session ended (signed out here or
  // elsewhere, password changed, session revoked, account gone) does not
  // come back: the page says so and offers to sign in again. The server
  // closes such a connection with code 4001.
  var sessionEnded = 4001;
  document.addEventListener("htmx:wsClose", function (event) {
    var close = event.detail && event.detail.event;
    if (!close || close.code !== sessionEnded) { return; }
    var notice = document.getElementById("signed-out");
    if (notice && notice.hidden) {
      // An alert from the moment it shows, so that screen readers say it.
      notice.setAttribute("role", "alert");
      notice.classList.add("utrecht-alert", "utrecht-alert--warning", "schakel-alert");
      notice.hidden = false;
      notice.scrollIntoView({ block: "nearest" });
    }
    document.documentElement.setAttribute("data-signed-out", "");
  });

  // --- Action plans: editing in place ------------------------------------

  // A field editor (form[data-autosave]) saves when the focus leaves it with
  // a changed value, as if Save was pressed. Enter saves natively; Escape
  // cancels.
  function formState(form) {
    return new URLSearchParams(new FormData(form)).toString();
  }

  // The value an editor was opened with, kept as soon as it appears.
  function remember(root) {
    var forms = root.matches && root.matches("form[data-autosave]") ? [root] : root.querySelectorAll("form[data-autosave]");
    Array.prototype.forEach.call(forms, function (form) {
      if (!form.hasAttribute("data-initial")) {
        form.setAttribute("data-initial", formState(form));
      }
    });
  }

  // A click on Cancel must not save first (some browsers do not focus a
  // clicked link, so the focus seems to leave for nowhere).
  document.addEventListener("pointerdown", function (event) {
    var cancel = event.target.closest && event.target.closest("[data-cancel]");
    if (cancel) {
      var form = cancel.closest("form[data-autosave]");
      if (form) { form.setAttribute("data-cancelling", ""); }
    }
  });

  document.addEventListener("focusout", function (event) {
    var form = event.target.closest && event.target.closest("form[data-autosave]");
    if (!form) { return; }
    window.setTimeout(function () {
      if (!form.isConnected || form.hasAttribute("data-cancelling") || form.classList.contains("htmx-request") ||
          form.contains(document.activeElement)) {
        return;
      }
      if (form.hasAttribute("data-initial") && formState(form) !== form.getAttribute("data-initial")) {
        form.requestSubmit();
      }
    }, 0);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var form = event.target.closest && event.target.closest("form[data-autosave]");
    var cancel = form && form.querySelector("[data-cancel]");
    if (cancel) {
      event.preventDefault();
      form.setAttribute("data-cancelling", "");
      cancel.click();
    }
  });

  // The focus must not get lost when the element holding it is replaced
  // (after a save, a move, a delete or an undo). htmx itself moves it to the
  // new element with the same id; otherwise it goes to the element named by
  // data-focus-next on whatever made the request, or into the new content.
  var focusable = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]";

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    var elt = event.detail.requestConfig && event.detail.requestConfig.elt;
    var active = document.activeElement;
    if (!target || !event.detail.xhr) { return; }
    var next = elt && elt.closest ? elt.closest("[data-focus-next]") : null;
    // The focus counts as inside when the element it is in goes away: the
    // target, or the element that asked (an answer can land elsewhere).
    event.detail.xhr.schakelFocus = {
      inside: !!active && active !== document.body && (target.contains(active) || (!!elt && !!elt.contains && elt.contains(active))),
      next: next ? next.getAttribute("data-focus-next") : "",
      id: target.id
    };
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var info = event.detail.xhr && event.detail.xhr.schakelFocus;
    if (!info || !info.inside) { return; }
    event.detail.xhr.schakelFocus = null;
    var active = document.activeElement;
    if (active && active !== document.body && active.isConnected) { return; }
    // What came in may ask for the focus (a conflict, its message);
    // otherwise it goes where the request said, or into what came in.
    var around = info.id && document.getElementById(info.id);
    var to = around && around.querySelector("[data-focus-first]");
    if (!to) { to = info.next && document.getElementById(info.next); }
    if (!to && around) { to = around.querySelector(focusable); }
    if (to) { to.focus(); }
  });

  // typedIn says whether someone is typing in form: the focus is in one of
  // its text fields, or one holds text other than it came with.
  function typedIn(form) {
    var active = document.activeElement;
    if (active && form.contains(active) && active.matches("input[type=text], input[type=email], input:not([type]), textarea")) {
      return true;
    }
    return Array.prototype.some.call(form.querySelectorAll("input[type=text], input[type=email], input:not([type]), textarea"), function (field) {
      return field.value !== field.defaultValue;
    });
  }

  // findForm finds in fragment the form that takes the place of form, a
  // form of target: the one with its id, or else the one sent to the same
  // address in the same place among those.
  function findForm(fragment, target, form) {
    if (form.id) { return fragment.querySelector("#" + CSS.escape(form.id)); }
    var action = form.getAttribute("action");
    if (!action) { return null; }
    var same = function (root) {
      return Array.prototype.filter.call(root.querySelectorAll("form"), function (f) { return f.getAttribute("action") === action; });
    };
    var at = same(target).indexOf(form);
    var there = same(fragment);
    return at >= 0 && at < there.length ? there[at] : null;
  }

  // keepFocus gives the focus back to el, which a live update takes out of
  // the page and puts back: at once when the swap is done, in the same
  // turn, so that no key typed meanwhile goes astray.
  var refocus = null;
  function keepFocus(el) {
    refocus = el;
    window.setTimeout(function () {
      if (refocus === el && el.isConnected) { el.focus(); }
      refocus = null;
    }, 0);
  }
  document.addEventListener("htmx:oobAfterSwap", function () {
    var el = refocus;
    if (el && el.isConnected) {
      // Once: a later swap must not pull the focus back from where the
      // person has moved it since.
      refocus = null;
      if (document.activeElement !== el) { el.focus(); }
    }
  });

  // Live updates arrive as out-of-band fragments. They never replace a field
  // someone is editing: the editor stays, says the field changed meanwhile,
  // and saving it then shows both versions. An action the page has already
  // (its own answer added it) is not added twice.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    var fragment = event.detail.fragment;
    if (!target || !fragment) { return; }
    // An action deleted here can come back by push before the answer to
    // the delete, which puts the undo in its place: the push must not take
    // the action away first, or the answer finds nothing to replace.
    if (target.querySelector("form.schakel-action__delete.htmx-request")) {
      event.detail.shouldSwap = false;
      return;
    }
    var incoming = fragment.firstElementChild;
    if (target.matches(".schakel-field--editing") && !(incoming && incoming.matches(".schakel-field--editing"))) {
      event.detail.shouldSwap = false;
      var note = target.querySelector("[data-stale-note]");
      if (note) { note.hidden = false; }
      return;
    }
    target.querySelectorAll(".schakel-field--editing").forEach(function (editor) {
      var replacement = editor.id && fragment.querySelector("#" + CSS.escape(editor.id));
      if (replacement && !replacement.matches(".schakel-field--editing")) {
        var hadFocus = editor.contains(document.activeElement) ? document.activeElement : null;
        replacement.replaceWith(editor);
        if (hadFocus) {
          keepFocus(hadFocus);
        }
      }
    });
    // Nor do they take away what someone is typing in a form of the part
    // they redraw (a guest's name under the attendees, say): that form
    // stays as it is, with its text and the focus, and the rest of the
    // part is redrawn around it.
    target.querySelectorAll("form:not(.schakel-field--editing)").forEach(function (form) {
      if (!typedIn(form)) { return; }
      var replacement = findForm(fragment, target, form);
      if (replacement) {
        var hadFocus = form.contains(document.activeElement) ? document.activeElement : null;
        replacement.replaceWith(form);
        if (hadFocus) {
          keepFocus(hadFocus);
        }
      }
    });
    var replacing = incoming && incoming.id && incoming.id === target.id;
    if (!replacing) {
      fragment.querySelectorAll("li.schakel-action[id]").forEach(function (item) {
        if (document.getElementById(item.id)) { item.remove(); }
      });
    }
  });

  // --- Privacy guard ------------------------------------------------------

  // A form that shows the privacy guard's note has "Pseudonymise for me"
  // as a submit button before its own Save. Enter in a text box submits
  // with the first submit button, so it would pseudonymise instead of
  // saving: here it presses the form's own button. (Without JavaScript
  // Enter pseudonymises for review, which saves nothing.)
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.defaultPrevented || event.isComposing) { return; }
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.form || input.type === "checkbox" || input.type === "radio") { return; }
    var form = input.form;
    if (!form.querySelector("[data-guard-choice]")) { return; }
    var own = Array.prototype.filter.call(form.querySelectorAll("button[type=submit], input[type=submit]"), function (b) {
      return !b.hasAttribute("data-guard-choice");
    })[0];
    if (own) {
      event.preventDefault();
      form.requestSubmit(own);
    }
  });

  // --- Action plans: drag and drop ---------------------------------------

  // Each theme's list of actions can be reordered by dragging an action by
  // its handle, also into another theme. The Up and Down buttons (and the
  // theme field) do the same for keyboards and screen readers.
  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-Csrf-Token"] || "";
    } catch (e) {
      return "";
    }
  }

  function dropped(board, event) {
    var item = event.item;
    if (event.from === event.to && event.oldIndex === event.newIndex) { return; }
    var prev = item.previousElementSibling;
    while (prev && !prev.hasAttribute("data-id")) { prev = prev.previousElementSibling; }
    var body = new URLSearchParams({ theme: event.to.getAttribute("data-theme"), after: prev ? prev.getAttribute("data-id") : "0" });
    var undo = function () {
      item.remove();
      event.from.insertBefore(item, event.from.children[event.oldIndex] || null);
    };
    fetch("/workspaces/" + board.getAttribute("data-workspace") + "/actions/" + item.getAttribute("data-id") + "/move", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "HX-Request": "true", "HX-Current-URL": location.href, "X-Csrf-Token": csrfToken() },
      body: body
    }).then(function (response) {
      return response.text().then(function (html) {
        if (response.ok) {
          window.htmx.swap(document.body, html, { swapStyle: "none" });
          return;
        }
        undo();
        window.htmx.swap("#alerts", html, { swapStyle: "innerHTML" });
      });
    }, undo);
  }

  function sortable(root) {
    if (!window.Sortable || !window.htmx) { return; }
    var board = document.querySelector("#plan-board[data-sortable]");
    if (!board) { return; }
    var lists = root.matches && root.matches("ol.schakel-actions") ? [root] : root.querySelectorAll("ol.schakel-actions");
    Array.prototype.forEach.call(lists, function (list) {
      if (!board.contains(list) || list.schakelSortable) { return; }
      list.schakelSortable = window.Sortable.create(list, {
        group: "schakel-actions",
        handle: ".schakel-drag-handle",
        draggable: "li.schakel-action[data-id]",
        animation: 150,
        onEnd: function (event) { dropped(board, event); }
      });
    });
  }

  // --- Action plans: rows that open, themes that collapse ----------------

  // A row opens by fetching its details (hx-get on its title); an open row
  // closes here, without asking the server. A title redrawn by a save or a
  // push says again whether its row is open.
  document.addEventListener("htmx:confirm", function (event) {
    var toggle = event.detail.elt;
    if (!toggle || !toggle.matches || !toggle.matches(".schakel-action__open") || toggle.getAttribute("aria-expanded") !== "true") { return; }
    event.preventDefault();
    var li = toggle.closest("li.schakel-action");
    var details = li && li.querySelector(".schakel-action__details");
    if (details) {
      if (details.contains(document.activeElement)) { toggle.focus(); }
      details.remove();
    }
    if (li) { li.classList.remove("schakel-action--open"); }
    toggle.setAttribute("aria-expanded", "false");
  });

  function syncRows(root) {
    var toggles = root.matches && root.matches(".schakel-action__open") ? [root] : root.querySelectorAll(".schakel-action__open");
    Array.prototype.forEach.call(toggles, function (toggle) {
      var li = toggle.closest("li.schakel-action");
      var open = !!(li && li.querySelector(".schakel-action__details"));
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // A theme's list collapses under its heading's button; its count and
  // roll-up stay. Which themes are collapsed is kept for the plan while
  // the tab lives, also when a theme is drawn again.
  function collapsedKey() {
    var board = document.getElementById("plan-board");
    return board ? "schakel-collapsed-" + board.getAttribute("data-plan") : null;
  }
  function collapsed() {
    try {
      return JSON.parse(sessionStorage.getItem(collapsedKey()) || "[]");
    } catch (e) {
      return [];
    }
  }
  function setCollapsed(toggle, shut) {
    var body = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.setAttribute("aria-expanded", shut ? "false" : "true");
    if (body) { body.hidden = shut; }
  }
  function syncThemes(root) {
    var key = collapsedKey();
    if (!key) { return; }
    var shut = collapsed();
    var toggles = root.matches && root.matches("[data-theme-toggle]") ? [root] : root.querySelectorAll("[data-theme-toggle]");
    Array.prototype.forEach.call(toggles, function (toggle) {
      setCollapsed(toggle, shut.indexOf(toggle.id) >= 0);
    });
  }
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("[data-theme-toggle]");
    if (!toggle) { return; }
    var shut = toggle.getAttribute("aria-expanded") === "true";
    setCollapsed(toggle, shut);
    var list = collapsed().filter(function (id) { return id !== toggle.id; });
    if (shut) { list.push(toggle.id); }
    try { sessionStorage.setItem(collapsedKey(), JSON.stringify(list)); } catch (e) { /* private mode: not kept */ }
  });

  document.addEventListener("DOMContentLoaded", function () {
    remember(document);
    sortable(document);
    syncThemes(document);
  });
  document.addEventListener("htmx:load", function (event) {
    remember(event.detail.elt);
    sortable(event.detail.elt);
    syncRows(event.detail.elt);
    syncThemes(event.detail.elt);
  });
})();
