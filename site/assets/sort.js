// Sortable tables: a click on a column's header sorts the rows by it,
// numbers as numbers (1,234.5 too), a second click the other way.
(function () {
  function num(s) {
    var t = s.replace(/[,\s]/g, "");
    return t !== "" && !isNaN(t) ? parseFloat(t) : null;
  }
  function sortable(table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (x, y) {
          var a = x.cells[col].textContent.trim(), c = y.cells[col].textContent.trim();
          var na = num(a), nc = num(c), r;
          if (na !== null && nc !== null) r = na - nc;
          else if (a === "" || c === "") r = (a === "") - (c === ""); // empty cells last
          else r = a.localeCompare(c, "zh-CN");
          return asc ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  window.budgetpubSortable = sortable; // for tables drawn later (the query page)
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
})();
