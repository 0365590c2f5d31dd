// Printable exports: the Print button opens the browser's print dialog. It
// stays hidden without JavaScript, where the browser's own menu prints.
(function () {
  "use strict";

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
