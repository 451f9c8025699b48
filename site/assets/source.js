// Source pages: each file's text comes once, in its <pre class="source">,
// and only the lines the document cites are marked up (each an element
// with its anchor, #L<n> or #F<f>L<n> for the f-th file), so that every
// link from a figure lands without JavaScript. This numbers every line,
// each number a link to its line, and makes every other line an anchor
// too, in place: the cited lines' elements stay where they are, and so
// does the line the address points at.
(function () {
  Array.prototype.slice.call(document.querySelectorAll("pre.source")).forEach(function (pre) {
    var prefix = pre.getAttribute("data-anchor") || "";
    var n = 0;
    function number(s) {
      var a = document.createElement("a");
      s.className = "l";
      a.className = "ln";
      a.href = "#" + s.id;
      a.textContent = String(n);
      s.insertBefore(a, s.firstChild);
    }
    function line(text) {
      n++;
      var s = document.createElement("span");
      s.id = prefix + "L" + n;
      s.appendChild(document.createTextNode(text));
      number(s);
      return s;
    }
    Array.prototype.slice.call(pre.childNodes).forEach(function (node) {
      if (node.nodeType !== 3) { n++; number(node); return; } // a cited line
      var parts = node.data.split("\n");
      if (node.previousSibling) parts.shift(); // the end of the cited line before
      if (node.nextSibling) parts.pop(); // the start of the cited line after
      var f = document.createDocumentFragment();
      parts.forEach(function (p) { f.appendChild(line(p)); });
      pre.replaceChild(f, node);
    });
    pre.classList.add("numbered");
  });
})();
