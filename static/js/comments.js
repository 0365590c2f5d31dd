// Comments on a plan, action, meeting or agenda item, kept up to date
// live. A comment posted here arrives twice, by its own answer and by the
// push, in either order: keep one. A push draws the author's controls
// hidden, the same for everyone; this page shows them on its user's own
// comments (the server checks every change anyway).
(function () {
  "use strict";

  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var fragment = event.detail.fragment;
    var incoming = fragment && fragment.firstElementChild;
    if (!fragment || (incoming && incoming.id && incoming.id === event.detail.target.id)) {
      return;
    }
    fragment.querySelectorAll("li.schakel-comment-thread[id], li.schakel-comment-reply[id]").forEach(function (li) {
      if (document.getElementById(li.id)) {
        li.remove();
      }
    });
  });

  function showOwn() {
    document.querySelectorAll(".schakel-comments[data-user]").forEach(function (section) {
      var me = section.getAttribute("data-user");
      if (!me || me === "0") {
        return;
      }
      section.querySelectorAll('.schakel-comment[data-author="' + me + '"] .schakel-comment__own[hidden]').forEach(function (own) {
        own.hidden = false;
      });
    });
  }
  document.addEventListener("htmx:afterSettle", showOwn);
  document.addEventListener("htmx:wsAfterMessage", showOwn);
  document.addEventListener("htmx:oobAfterSwap", showOwn);
})();
