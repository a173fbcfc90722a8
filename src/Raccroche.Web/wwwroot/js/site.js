// Progressive enhancement only: every form works without this file.
// Commune fields get suggestions from the API as a native <datalist> (keyboard and screen-reader friendly).
(function () {
  "use strict";
  var fields = document.querySelectorAll("input[data-commune-autocomplete]");
  Array.prototype.forEach.call(fields, function (input, i) {
    var list = document.createElement("datalist");
    list.id = "communes-suggestions-" + i;
    input.setAttribute("list", list.id);
    input.parentNode.appendChild(list);
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last || /\(\d{5}\)$/.test(q)) { return; }
      last = q;
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch("/api/v1/communes?taille=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (communes) {
            list.innerHTML = "";
            communes.forEach(function (c) {
              var o = document.createElement("option");
              o.value = c.libelle;
              list.appendChild(o);
            });
          })
          .catch(function () { /* suggestions are a comfort, never a requirement */ });
      }, 150);
    });
  });
})();

// "Print" buttons exist only when script runs (browsers' own print works without it).
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
})();
