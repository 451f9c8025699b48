// Catalog filters: every row carries its searchable text in data-search
// (department, region, title, id), so search works on Chinese text without
// word splitting, offline and from file://.
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("#catalog tbody tr"));
  var count = document.getElementById("count");
  function norm(s) { return (s || "").toLowerCase().replace(/\s+/g, ""); }
  function apply() {
    var q = norm(form.q.value), region = form.region.value, year = form.year.value, kind = form.kind.value, shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.dataset.search.indexOf(q) >= 0) && (!region || r.dataset.region === region) &&
        (!year || r.dataset.year === year) && (!kind || r.dataset.kind === kind);
      r.classList.toggle("hidden", !ok);
      if (ok) shown++;
    });
    count.textContent = String(shown);
    // the same words among the figures and findings (search.html)
    var full = document.getElementById("fulltext");
    if (full) full.href = "search.html" + (form.q.value.trim() ? "?q=" + encodeURIComponent(form.q.value.trim()) : "");
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { form.q.value = params.get("q"); }
  apply();
})();
