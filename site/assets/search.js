// Full-text search over the static index in search/ (see site/search.go):
// the query is cut into the same tokens as the index (each pair of adjacent
// Chinese characters, each ASCII word), only the shards holding those
// tokens are fetched, the texts found are checked to hold each word, and
// the texts' files are fetched in id order (best first) until a page of
// results is full. The narratives' sentences are searched apart (sentences),
// their text read from the source pages.
(function () {
  var form = document.getElementById("search");
  if (!form) return;
  var status = document.getElementById("status");
  var list = document.getElementById("results");
  var sentenceStatus = document.getElementById("sentence-status");
  var sentenceList = document.getElementById("sentences");
  var LIMIT = 50, SENTENCES = 20, PAGES = 20; // sentences shown, source pages fetched at most
  var HAN = /\p{Script=Han}/u, ALNUM = /[A-Za-z0-9]/;
  var cache = {};
  var kinds = { department: "部门 department", line_item: "数字 figure", check: "检查 finding" };

  function fold(s) {
    return s.replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); }).toLowerCase();
  }
  // tokens mirrors search.Tokens in Go.
  function tokens(s) {
    var out = [], han = [], word = "";
    function flushHan() {
      if (han.length === 1) out.push(han[0]);
      for (var i = 0; i + 1 < han.length; i++) out.push(han[i] + han[i + 1]);
      han = [];
    }
    function flushWord() { if (word) { out.push(word); word = ""; } }
    Array.from(fold(s)).forEach(function (c) {
      if (HAN.test(c)) { flushWord(); han.push(c); }
      else if (ALNUM.test(c)) { flushHan(); word += c; }
      else { flushHan(); flushWord(); }
    });
    flushHan(); flushWord();
    return out;
  }
  function fnv(s) {
    var h = 0x811c9dc5, b = new TextEncoder().encode(s);
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h;
  }
  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }
  function yuan(s) {
    if (!s) return "";
    var p = s.split("."), neg = p[0].charAt(0) === "-", w = p[0].replace("-", "");
    w = w.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (neg ? "-" : "") + w + (p[1] ? "." + p[1] : "") + " 元";
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function link(kind, occ) {
    var doc = occ[0], line = occ[2];
    if (line > 0 && kind !== "department") return "source/" + encodeURIComponent(doc) + ".html#" + (occ[4] > 0 ? "F" + occ[4] : "") + "L" + line;
    return "doc/" + encodeURIComponent(doc) + ".html";
  }
  function show(kind, t) {
    var li = el("li", "", "result");
    var h = el("p", "", "hit");
    h.appendChild(el("b", t[1]));
    h.appendChild(document.createTextNode(" "));
    h.appendChild(el("span", kinds[kind] + " · " + t[3] + " 份文件 disclosures", "en"));
    if (t[2]) { h.appendChild(el("br")); h.appendChild(el("span", t[2], "en")); }
    li.appendChild(h);
    var ul = el("ul");
    t[4].forEach(function (o) {
      var item = el("li"), a = el("a", o[1]);
      a.href = link(kind, o);
      item.appendChild(a);
      var rest = [];
      if (o[3]) rest.push(yuan(o[3]));
      if (o[2] > 0) rest.push("第" + o[2] + "行 line " + o[2]);
      if (rest.length) item.appendChild(document.createTextNode(" — " + rest.join(" · ")));
      ul.appendChild(item);
    });
    if (t[5] > t[4].length) ul.appendChild(el("li", "… 另有 " + (t[5] - t[4].length) + " 处 more (all of them: budgetpub.sqlite, table fts)", "en"));
    li.appendChild(ul);
    list.appendChild(li);
  }

  function run(q) {
    list.textContent = "";
    sentenceList.textContent = "";
    sentenceStatus.textContent = "";
    var words = q.split(/\s+/).filter(function (w) { return tokens(w).length > 0; });
    if (!words.length) { status.textContent = ""; return Promise.resolve(); }
    status.textContent = "搜索中… searching";
    return get("search/meta.json").then(function (meta) {
      var all = [];
      words.forEach(function (w) { tokens(w).forEach(function (t) { if (all.indexOf(t) < 0) all.push(t); }); });
      sentences(meta.sentences, all, words.map(fold));
      return Promise.all(all.map(function (t) { return get("search/t/" + (fnv(t) % meta.shards) + ".json"); })).then(function (shards) {
        var post = {};
        all.forEach(function (t, i) {
          var gaps = shards[i][t] || [], ids = [], id = 0;
          gaps.forEach(function (g) { id += g; ids.push(id); });
          post[t] = ids;
        });
        var ids = null;
        all.forEach(function (t) { ids = ids === null ? post[t] : intersect(ids, post[t]); });
        var needles = words.map(fold);
        var found = [], k = 0;
        function next() {
          if (found.length >= LIMIT || k >= ids.length) return Promise.resolve();
          var chunk = Math.floor(ids[k] / meta.chunk);
          return get("search/x/" + chunk + ".json").then(function (texts) {
            for (; k < ids.length && Math.floor(ids[k] / meta.chunk) === chunk && found.length < LIMIT; k++) {
              var t = texts[ids[k] - chunk * meta.chunk], hay = fold(t[1] + " " + t[2]);
              if (needles.every(function (n) { return hay.indexOf(n) >= 0; })) found.push(t);
            }
            return next();
          });
        }
        return next().then(function () {
          found.forEach(function (t) { show(t[0], t); });
          status.textContent = found.length ? "找到 " + found.length + (k < ids.length ? "+" : "") + " 项 results" : "未找到 nothing found";
        });
      });
    }).catch(function (e) { status.textContent = "搜索失败 search failed: " + e.message; });
  }

  // sourceSentences reads a document's sentences from its source page,
  // which holds its text once: each file's <pre> says where its sentences
  // stand (data-sentences, see site/sentences.go) in its lines. Each
  // sentence is [file, line, text], or null where the page could not place
  // it.
  function sourceSentences(id) {
    var path = "source/" + encodeURIComponent(id) + ".html";
    if (!cache[path]) {
      cache[path] = fetch(path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.text();
      }).then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html"), out = [];
        var h1 = page.querySelector("h1[data-title]");
        Array.prototype.slice.call(page.querySelectorAll("pre.source")).forEach(function (pre, f) {
          var at = pre.getAttribute("data-sentences");
          if (!at) return;
          var lines = pre.textContent.split("\n"), line = 0;
          at.split(" ").forEach(function (e) {
            var v = e.split(",").map(Number), text = "";
            line += v[0];
            for (var j = 1; j + 1 < v.length; j += 2) text += (lines[line - 1 + (j - 1) / 2] || "").substr(v[j], v[j + 1]);
            out.push(v.length > 1 ? [f, line, text] : null);
          });
        });
        return { title: h1 ? h1.getAttribute("data-title") : id, sentences: out };
      });
    }
    return cache[path];
  }

  // sentences searches the narratives' sentences (search/st, search/sd;
  // see site/sentences.go): the postings of the tokens that are not common
  // are intersected as (document, sentence) pairs, then the source pages of
  // the pairs found are fetched, a batch at a time, until a page of
  // sentences that hold every word is full or 20 pages were fetched (pairs
  // whose tokens do not stand together are no result: this bounds what a
  // query of such words fetches).
  function sentences(meta, all, needles) {
    sentenceStatus.textContent = "搜索中… searching";
    return Promise.all(all.map(function (t) { return get("search/st/" + (fnv(t) % meta.shards) + ".json"); })).then(function (shards) {
      var pairs = null, common = 0;
      all.forEach(function (t, i) {
        var p = shards[i][t];
        if (p === 0) { common++; return; }
        var list = [], doc = 0;
        for (var j = 0; p && j < p.length;) {
          doc += p[j]; var n = p[j + 1], s = 0;
          for (var m = 0; m < n; m++) { s += p[j + 2 + m]; list.push(doc * 1e6 + s); }
          j += 2 + n;
        }
        pairs = pairs === null ? list : intersect(pairs, list);
      });
      if (pairs === null) {
        sentenceStatus.textContent = "这些词出现在超过 " + meta.common + " 份文件中，句子索引未收录；请加上其他词，或用 budgetpub.sqlite 的 fts 表 · every token of these words is in more than " + meta.common + " disclosures, which the sentence index leaves out: add a rarer word, or search budgetpub.sqlite (table fts)";
        return;
      }
      var found = [], k = 0, docs = {}, ndocs = 0;
      function docOf(p) { return Math.floor(p / 1e6); }
      function page(p) {
        var n = docOf(p);
        return get("search/sd/" + Math.floor(n / meta.ids) + ".json").then(function (ids) {
          var id = ids[n % meta.ids];
          return sourceSentences(id).then(function (src) { return [id, src]; });
        });
      }
      function next() {
        var batch = [];
        for (var j = k; j < pairs.length && batch.length < SENTENCES - found.length; j++) {
          var d = docOf(pairs[j]);
          if (!docs[d]) {
            if (ndocs === PAGES) break;
            docs[d] = true; ndocs++;
          }
          batch.push(pairs[j]);
        }
        if (!batch.length) return Promise.resolve();
        return Promise.all(batch.map(page)).then(function (pages) {
          batch.forEach(function (p, i) {
            k++;
            var s = pages[i][1].sentences[p % 1e6];
            if (s && found.length < SENTENCES && needles.every(function (n) { return fold(s[2]).indexOf(n) >= 0; })) found.push([pages[i][0], pages[i][1].title, s]);
          });
          return next();
        });
      }
      return next().then(function () {
        found.forEach(function (f) {
          var li = el("li", "", "result"), s = f[2];
          li.appendChild(el("p", s[2], "hit"));
          var a = el("a", f[1]);
          a.href = link("sentence", [f[0], f[1], s[1], "", s[0]]);
          li.appendChild(a);
          li.appendChild(document.createTextNode(" — 第" + s[1] + "行 line " + s[1]));
          sentenceList.appendChild(li);
        });
        sentenceStatus.textContent = found.length ? "找到 " + found.length + (k < pairs.length ? "+" : "") + " 句 sentences" : "未找到 nothing found";
        if (found.length < SENTENCES && k < pairs.length) sentenceStatus.textContent += " (已查 " + k + " / " + pairs.length + " 候选 checked " + k + " of " + pairs.length + " candidate sentences: add a word to narrow)";
        if (common) sentenceStatus.textContent += " (" + common + " 个常见词元未用 common tokens not used)";
      });
    }).catch(function (e) { sentenceStatus.textContent = "搜索失败 search failed: " + e.message; });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = form.q.value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    run(q);
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { form.q.value = q; run(q); }
})();
