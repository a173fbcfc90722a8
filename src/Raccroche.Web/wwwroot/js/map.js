// Shows the places of a sheet on a Leaflet map; the list above the map already gives every address.
(function () {
  "use strict";
  var el = document.getElementById("carte");
  if (!el || typeof L === "undefined") { return; }
  var points = Array.prototype.map.call(document.querySelectorAll(".places li[data-lat]"), function (li) {
    return { lat: parseFloat(li.dataset.lat), lon: parseFloat(li.dataset.lon), nom: li.dataset.nom };
  });
  if (points.length === 0) { return; }
  el.classList.add("map-ready");
  var map = L.map(el, { scrollWheelZoom: false });
  L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: el.dataset.attribution }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    // Leaflet renders a string popup as HTML: give it an element whose text is the name, so a name
    // such as <a href=...> stays text.
    var contenu = document.createElement("p");
    contenu.textContent = p.nom;
    L.marker([p.lat, p.lon], { title: p.nom, alt: p.nom }).addTo(map).bindPopup(contenu);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length === 1) { map.setView(bounds[0], 12); } else { map.fitBounds(bounds, { padding: [20, 20] }); }
})();
