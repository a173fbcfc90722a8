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

// A section marked data-actualiser (a running import) is refreshed in place every N ms; once the server's page no longer
// has it (the import ended), the page reloads to show the report. Without script, the section's own link refreshes.
(function () {
  "use strict";
  var section = document.querySelector("[data-actualiser]");
  if (!section) { return; }
  var delai = parseInt(section.getAttribute("data-actualiser"), 10) || 2000;
  function suivant() {
    setTimeout(function () {
      fetch(window.location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var neuf = new DOMParser().parseFromString(html, "text/html").querySelector("[data-actualiser]");
          if (!neuf) { window.location.reload(); return; }
          var statut = section.querySelector("[role=status]");
          var statutNeuf = neuf.querySelector("[role=status]");
          if (statut && statutNeuf && statut.textContent !== statutNeuf.textContent) { statut.textContent = statutNeuf.textContent; }
          var barre = section.querySelector("progress");
          var barreNeuve = neuf.querySelector("progress");
          if (barreNeuve && !barre) { statut.insertAdjacentElement("afterend", barreNeuve); }
          else if (barre && barreNeuve) { barre.max = barreNeuve.max; barre.value = barreNeuve.value; barre.textContent = barreNeuve.textContent; }
          suivant();
        })
        .catch(function () { suivant(); });
    }, delai);
  }
  suivant();
})();

// A file field with data-taille-max refuses a larger file before it is sent (the server says the same after a long upload).
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-taille-max]"), function (input) {
    var max = parseInt(input.getAttribute("data-taille-max"), 10);
    input.addEventListener("change", function () {
      var f = input.files && input.files[0];
      var mo = function (n) { return (n / 1048576).toLocaleString("fr-FR", { maximumFractionDigits: 1 }) + " Mo"; };
      input.setCustomValidity(f && f.size > max
        ? "Le fichier pèse " + mo(f.size) + " : " + mo(max) + " au plus. Réduisez-le ou donnez plutôt un lien."
        : "");
      if (f && f.size > max) { input.reportValidity(); }
    });
  });
})();

// The results page's filters: folded on a phone, open in the side column on wider screens (CSS does it where
// ::details-content is known; this does it elsewhere). Folding them back stays the user's choice on a phone.
(function () {
  "use strict";
  var large = window.matchMedia("(min-width: 48rem)");
  Array.prototype.forEach.call(document.querySelectorAll("details.filtres-repli"), function (d) {
    var ouvrir = function () { if (large.matches) { d.open = true; } };
    ouvrir();
    large.addEventListener("change", ouvrir);
  });
})();
