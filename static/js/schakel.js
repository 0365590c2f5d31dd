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
})();
