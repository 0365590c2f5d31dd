// Searchable organisation pickers: a filter above each select[data-orgpicker]
// narrows its options as one types. Without this script the select alone
// works; with it, the filter shows and says how many organisations match.
(function () {
  "use strict";

  // fold lowers a text and takes the accents off, so that "veilig" finds
  // "Veilig Thuis" and "zorg" finds "Zorg- en Veiligheidshuis".
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp(picker) {
    var filter = picker.querySelector("[data-orgpicker-filter]");
    var input = filter && filter.querySelector("input[type=search]");
    var count = filter && filter.querySelector("[role=status]");
    var select = picker.querySelector("select");
    if (!input || !select || picker.hasAttribute("data-orgpicker-ready")) { return; }
    picker.setAttribute("data-orgpicker-ready", "");
    // Every option and group as the server wrote them, to filter from.
    var original = Array.prototype.map.call(select.children, function (node) { return node.cloneNode(true); });
    filter.hidden = false;

    function apply() {
      var words = fold(input.value.trim()).split(/\s+/).filter(Boolean);
      var chosen = select.value;
      var found = 0;
      var matches = function (option) {
        if (option.value === "" || option.value === chosen) { return true; }
        var name = fold(option.textContent);
        return words.every(function (w) { return name.indexOf(w) >= 0; });
      };
      var nodes = [];
      original.forEach(function (node) {
        if (node.tagName === "OPTGROUP") {
          var group = node.cloneNode(false);
          Array.prototype.forEach.call(node.children, function (option) {
            if (matches(option)) {
              group.appendChild(option.cloneNode(true));
              if (option.value !== "") { found++; }
            }
          });
          if (group.children.length > 0) { nodes.push(group); }
        } else if (matches(node)) {
          nodes.push(node.cloneNode(true));
          if (node.value !== "") { found++; }
        }
      });
      select.replaceChildren.apply(select, nodes);
      select.value = chosen;
      if (words.length === 0) {
        count.textContent = "";
      } else if (found === 0) {
        count.textContent = input.getAttribute("data-count-none");
      } else {
        count.textContent = (found === 1 ? input.getAttribute("data-count-one") : input.getAttribute("data-count-other")).replace("{n}", String(found));
      }
    }

    input.addEventListener("input", apply);
    // Enter in the filter must not send the form: it moves on to the list,
    // choosing the only match when there is one.
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") { return; }
      event.preventDefault();
      var options = Array.prototype.filter.call(select.options, function (o) { return o.value !== ""; });
      if (options.length === 1) { select.value = options[0].value; }
      select.focus();
    });
  }

  function setUpAll(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("[data-orgpicker]"), setUp);
  }

  document.addEventListener("DOMContentLoaded", function () { setUpAll(document); });
  document.addEventListener("htmx:load", function (event) { setUpAll(event.target); });
})();
