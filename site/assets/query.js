// The query page: a small SQL engine over the Parquet files, in the
// browser, with hyparquet (vendored) reading only the columns a query
// names and — through the conditions of its WHERE that it can check on a
// row group's statistics — only the row groups and pages that can hold
// rows found. See docs/query.md for what SQL it takes and why this engine.
import { asyncBufferFromUrl, cachedAsyncBuffer, parquetMetadataAsync, parquetReadObjects, parquetSchema } from "./vendor/hyparquet/index.js";

const SHOWN = 1000; // rows drawn in the table; the download has them all

// ---- tokens and parser -------------------------------------------------

const KEYWORDS = new Set(["SELECT", "DISTINCT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "IS", "NULL",
  "GROUP", "BY", "ORDER", "ASC", "DESC", "LIMIT", "AS", "BETWEEN"]);
const AGGREGATES = new Set(["COUNT", "SUM", "MIN", "MAX", "AVG"]);

export function lex(sql) {
  const out = [];
  const re = /\s+|--[^\n]*|'((?:[^']|'')*)'|"((?:[^"]|"")+)"|(\d+(?:\.\d*)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|<>|!=|[=<>(),*;.+-])/y;
  let m;
  while (re.lastIndex < sql.length) {
    const at = re.lastIndex;
    if (!(m = re.exec(sql))) throw new Error("SQL: unexpected " + JSON.stringify(sql.slice(at, at + 10)) + " at " + (at + 1));
    let tok = null;
    if (m[1] !== undefined) tok = { t: "str", v: m[1].replace(/''/g, "'") };
    else if (m[2] !== undefined) tok = { t: "id", v: m[2].replace(/""/g, '"') };
    else if (m[3] !== undefined) tok = { t: "num", v: Number(m[3]) };
    else if (m[4] !== undefined) {
      const up = m[4].toUpperCase();
      tok = KEYWORDS.has(up) ? { t: "kw", v: up } : { t: "id", v: m[4] };
    } else if (m[5] !== undefined) tok = { t: "op", v: m[5] };
    if (tok) { tok.at = at; tok.end = re.lastIndex; out.push(tok); }
  }
  return out;
}

export function parse(sql) {
  const toks = lex(sql);
  let i = 0;
  const peek = (t, v) => i < toks.length && toks[i].t === t && (v === undefined || toks[i].v === v);
  const take = (t, v) => (peek(t, v) ? toks[i++] : null);
  const need = (t, v) => {
    const tok = take(t, v);
    if (!tok) throw new Error("SQL: expected " + (v || t) + (i < toks.length ? " before " + JSON.stringify(String(toks[i].v)) : " at the end"));
    return tok;
  };
  function select() {
    need("kw", "SELECT");
    const q = { distinct: !!take("kw", "DISTINCT"), cols: [], where: null, groupBy: [], orderBy: [], limit: null };
    do {
      if (take("op", "*")) { q.cols.push({ star: true }); continue; }
      const start = i, e = expr();
      // a column is named as SQLite names it: its alias, else its text
      let name = e.col !== undefined ? e.col : sql.slice(toks[start].at, toks[i - 1].end);
      if (take("kw", "AS")) name = need("id").v;
      else if (peek("id")) name = take("id").v;
      q.cols.push({ e, name });
    } while (take("op", ","));
    need("kw", "FROM");
    q.from = need("id").v;
    if (take("kw", "WHERE")) q.where = expr();
    if (take("kw", "GROUP")) { need("kw", "BY"); do q.groupBy.push(need("id").v); while (take("op", ",")); }
    if (take("kw", "ORDER")) {
      need("kw", "BY");
      do {
        const e = expr();
        const desc = !!take("kw", "DESC");
        if (!desc) take("kw", "ASC");
        q.orderBy.push({ e, desc });
      } while (take("op", ","));
    }
    if (take("kw", "LIMIT")) q.limit = need("num").v;
    return q;
  }
  function expr() { return or(); }
  function or() {
    let l = and();
    while (take("kw", "OR")) l = { op: "OR", l, r: and() };
    return l;
  }
  function and() {
    let l = not();
    while (take("kw", "AND")) l = { op: "AND", l, r: not() };
    return l;
  }
  function not() {
    if (take("kw", "NOT")) return { op: "NOT", e: not() };
    return cmp();
  }
  function cmp() {
    const l = add();
    if (peek("op") && ["=", "<>", "!=", "<", "<=", ">", ">="].includes(toks[i].v)) {
      const op = toks[i++].v;
      return { op: op === "!=" ? "<>" : op, l, r: add() };
    }
    const neg = !!take("kw", "NOT");
    if (take("kw", "LIKE")) return wrap(neg, { op: "LIKE", l, r: add() });
    if (take("kw", "IN")) {
      need("op", "(");
      let node;
      if (peek("kw", "SELECT")) node = { op: "IN", l, sub: select() };
      else {
        const list = [];
        do list.push(add()); while (take("op", ","));
        node = { op: "IN", l, list };
      }
      need("op", ")");
      return wrap(neg, node);
    }
    if (take("kw", "BETWEEN")) {
      const lo = add();
      need("kw", "AND");
      return wrap(neg, { op: "AND", l: { op: ">=", l, r: lo }, r: { op: "<=", l, r: add() } });
    }
    if (neg) throw new Error("SQL: NOT must come before LIKE, IN or BETWEEN here");
    if (take("kw", "IS")) {
      const isNot = !!take("kw", "NOT");
      need("kw", "NULL");
      return { op: isNot ? "NOTNULL" : "ISNULL", e: l };
    }
    return l;
  }
  function wrap(neg, node) { return neg ? { op: "NOT", e: node } : node; }
  function add() {
    let l = primary();
    while (peek("op", "+") || peek("op", "-")) l = { op: toks[i++].v, l, r: primary() };
    return l;
  }
  function primary() {
    if (take("op", "(")) { const e = expr(); need("op", ")"); return e; }
    if (take("op", "-")) { const n = need("num"); return { lit: -n.v }; }
    if (peek("num") || peek("str")) return { lit: toks[i++].v };
    if (take("kw", "NULL")) return { lit: null };
    const id = need("id");
    if (AGGREGATES.has(id.v.toUpperCase()) && take("op", "(")) {
      const agg = id.v.toUpperCase();
      let arg = null;
      if (!take("op", "*")) arg = expr();
      need("op", ")");
      return { agg, arg };
    }
    return { col: id.v };
  }
  const q = select();
  take("op", ";");
  if (i < toks.length) throw new Error("SQL: unexpected " + JSON.stringify(String(toks[i].v)));
  return q;
}

// ---- evaluation, as SQLite does it --------------------------------------

const isNum = v => typeof v === "number";
const numeric = s => typeof s === "string" && /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(s);

// compare orders two values: NULL first, numbers before text; a number
// and a numeric text compare as numbers (a column's affinity).
function compare(a, b) {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (isNum(a) && numeric(b)) b = Number(b);
  if (isNum(b) && numeric(a)) a = Number(a);
  if (isNum(a) !== isNum(b)) return isNum(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// inKey is what IN compares: a number and a numeric text as the number.
const inKey = v => (isNum(v) || numeric(v) ? "n" + Number(v) : "s" + v);

function likeRegExp(p) {
  return new RegExp("^" + p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, "[\\s\\S]*").replace(/_/g, "[\\s\\S]") + "$", "i");
}

function evaluate(e, row) {
  if ("lit" in e) return e.lit;
  if (e.col !== undefined) {
    if (!(e.col in row)) throw new Error("SQL: no column " + e.col);
    return row[e.col];
  }
  if (e.agg) return row[aggKey(e)];
  switch (e.op) {
    case "AND": {
      const l = evaluate(e.l, row);
      if (l === false) return false;
      const r = evaluate(e.r, row);
      return r === false ? false : l === null || r === null ? null : true;
    }
    case "OR": {
      const l = evaluate(e.l, row);
      if (l === true) return true;
      const r = evaluate(e.r, row);
      return r === true ? true : l === null || r === null ? null : false;
    }
    case "NOT": { const v = evaluate(e.e, row); return v === null ? null : !v; }
    case "ISNULL": return evaluate(e.e, row) === null;
    case "NOTNULL": return evaluate(e.e, row) !== null;
    case "+": case "-": {
      const l = evaluate(e.l, row), r = evaluate(e.r, row);
      if (l === null || r === null) return null;
      return e.op === "+" ? Number(l) + Number(r) : Number(l) - Number(r);
    }
    case "LIKE": {
      const l = evaluate(e.l, row), r = evaluate(e.r, row);
      if (l === null || r === null) return null;
      e.re = e.re && e.rp === r ? e.re : likeRegExp(String(r));
      e.rp = r;
      return e.re.test(String(l));
    }
    case "IN": {
      const l = evaluate(e.l, row);
      if (l === null) return null;
      if (e.values) {
        if (!e.set) e.set = new Set(e.values.filter(v => v !== null).map(inKey));
        return e.set.has(inKey(l)) ? true : e.values.includes(null) ? null : false;
      }
      const list = e.list.map(x => evaluate(x, row));
      let hasNull = false;
      for (const v of list) {
        if (v === null) hasNull = true;
        else if (compare(l, v) === 0) return true;
      }
      return hasNull ? null : false;
    }
    default: {
      const l = evaluate(e.l, row), r = evaluate(e.r, row);
      if (l === null || r === null) return null;
      const c = compare(l, r);
      return { "=": c === 0, "<>": c !== 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0 }[e.op];
    }
  }
}

const aggKey = e => "\u0000" + e.agg + ":" + (e.arg ? JSON.stringify(e.arg) : "*");

function aggregates(e, out = []) {
  if (!e || typeof e !== "object") return out;
  if (e.agg) out.push(e);
  for (const k of ["l", "r", "e", "arg"]) if (e[k]) aggregates(e[k], out);
  return out;
}

function columnsOf(e, out) {
  if (!e || typeof e !== "object") return out;
  if (e.col !== undefined) out.add(e.col);
  for (const k of ["l", "r", "e", "arg"]) if (e[k]) columnsOf(e[k], out);
  if (e.list) e.list.forEach(x => columnsOf(x, out));
  return out;
}

// pushdown is the part of a WHERE that hyparquet can test on a row
// group's statistics: conditions column op literal joined by AND. Rows are
// still tested against the whole WHERE afterwards.
function pushdown(e, columns) {
  if (!e) return null;
  if (e.op === "AND") {
    const parts = [pushdown(e.l, columns), pushdown(e.r, columns)].filter(Boolean);
    return parts.length === 0 ? null : parts.length === 1 ? parts[0] : { $and: parts };
  }
  const ops = { "=": "$eq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte" };
  const typed = (col, v) => {
    const c = columns[col];
    if (!c || v === null) return undefined;
    if (c === "int") return Number.isInteger(v) ? BigInt(v) : numeric(v) && Number.isInteger(Number(v)) ? BigInt(Number(v)) : undefined;
    if (c === "num") return isNum(v) ? v : numeric(v) ? Number(v) : undefined;
    return typeof v === "string" ? v : undefined;
  };
  if (ops[e.op] && e.l.col !== undefined && e.r && "lit" in e.r) {
    const v = typed(e.l.col, e.r.lit);
    return v === undefined ? null : { [e.l.col]: { [ops[e.op]]: v } };
  }
  if (e.op === "IN" && e.l.col !== undefined && e.values && e.values.length <= 200) {
    const vs = e.values.map(v => typed(e.l.col, v));
    return vs.some(v => v === undefined) ? null : { [e.l.col]: { $in: vs } };
  }
  return null;
}

// ---- reading the Parquet files -------------------------------------------

export class Engine {
  constructor(base) {
    this.base = base;
    this.files = {};
    this.bytes = 0;
  }
  async table(name) {
    if (!/^[a-z_]+$/.test(name)) throw new Error("SQL: no table " + name);
    if (!this.files[name]) {
      this.files[name] = (async () => {
        const url = new URL("parquet/" + name + ".parquet", this.base).href;
        let remote;
        try {
          remote = await asyncBufferFromUrl({ url });
        } catch (err) {
          throw new Error("SQL: no table " + name);
        }
        const counted = { byteLength: remote.byteLength, slice: async (s, e) => { const b = await remote.slice(s, e); this.bytes += b.byteLength; return b; } };
        // the footer is read in 64 KB (hyparquet's default is 512 KB: most of a small file)
        const file = cachedAsyncBuffer(counted, { minSize: 1 << 16 });
        const metadata = await parquetMetadataAsync(file, { initialFetchSize: 1 << 16 });
        const columns = {}, order = [];
        for (const c of parquetSchema(metadata).children) {
          const el = c.element;
          order.push(el.name);
          columns[el.name] = el.type === "INT64" && !el.logical_type ? "int" : el.type === "BYTE_ARRAY" ? "str" : "num";
        }
        return { file, metadata, columns, order };
      })();
      this.files[name].catch(() => { delete this.files[name]; });
    }
    return this.files[name];
  }

  // run answers a query: its column names and rows (arrays).
  async run(q) {
    if (typeof q === "string") q = parse(q);
    await this.resolve(q.where);
    const t = await this.table(q.from);
    const need = new Set();
    let star = false;
    for (const c of q.cols) {
      if (c.star) star = true;
      else columnsOf(c.e, need);
    }
    columnsOf(q.where, need);
    q.orderBy.forEach(o => columnsOf(o.e, need));
    q.groupBy.forEach(g => need.add(g));
    for (const c of need) if (!(c in t.columns) && !q.cols.some(x => x.name === c)) throw new Error("SQL: no column " + c + " in " + q.from);
    const read = star ? t.order : t.order.filter(c => need.has(c));
    const filter = pushdown(q.where, t.columns);
    let rows = await parquetReadObjects({ file: t.file, metadata: t.metadata, columns: read.length ? read : [t.order[0]], filter: filter || undefined, filterStrict: false, usePageIndex: true });
    for (const r of rows) for (const k in r) if (typeof r[k] === "bigint") r[k] = Number(r[k]); else if (r[k] === undefined) r[k] = null;
    if (q.where) rows = rows.filter(r => evaluate(q.where, r) === true);
    const aggs = [];
    q.cols.forEach(c => c.e && aggregates(c.e, aggs));
    q.orderBy.forEach(o => aggregates(o.e, aggs));
    let names, out;
    if (aggs.length || q.groupBy.length) {
      if (star) throw new Error("SQL: SELECT * with GROUP BY or an aggregate");
      const groups = new Map();
      for (const r of rows) {
        const key = JSON.stringify(q.groupBy.map(g => r[g]));
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(r);
      }
      if (!groups.size && !q.groupBy.length) groups.set("[]", []);
      const keys = [...groups.keys()].sort((a, b) => { const x = JSON.parse(a), y = JSON.parse(b); for (let i = 0; i < x.length; i++) { const c = compare(x[i], y[i]); if (c) return c; } return 0; });
      rows = keys.map(k => {
        const members = groups.get(k), g = Object.assign({}, members[0] || {});
        for (const a of aggs) g[aggKey(a)] = aggregate(a, members);
        return g;
      });
    }
    names = star ? t.order.slice() : [];
    const proj = rows.map(r => {
      const o = { row: r, vals: [] };
      for (const c of q.cols) {
        if (c.star) o.vals.push(...t.order.map(n => r[n]));
        else o.vals.push(evaluate(c.e, r));
      }
      return o;
    });
    if (!star) names = q.cols.map(c => c.name);
    else names = q.cols.flatMap(c => (c.star ? t.order : [c.name]));
    if (q.orderBy.length) {
      const key = (o, e) => {
        if (e.col !== undefined && names.includes(e.col) && !(e.col in o.row)) return o.vals[names.indexOf(e.col)];
        if ("lit" in e && Number.isInteger(e.lit)) return o.vals[e.lit - 1];
        return evaluate(e, o.row);
      };
      proj.sort((a, b) => {
        for (const { e, desc } of q.orderBy) {
          const c = compare(key(a, e), key(b, e));
          if (c) return desc ? -c : c;
        }
        return 0;
      });
    }
    let vals = proj.map(o => o.vals);
    if (q.distinct) {
      const seen = new Set();
      vals = vals.filter(v => { const k = JSON.stringify(v); if (seen.has(k)) return false; seen.add(k); return true; });
    }
    if (q.limit !== null) vals = vals.slice(0, q.limit);
    return { columns: names, rows: vals };
  }

  // resolve runs the subqueries of a WHERE: x IN (SELECT …) becomes a list.
  async resolve(e) {
    if (!e || typeof e !== "object") return;
    if (e.op === "IN" && e.sub) {
      const r = await this.run(e.sub);
      if (r.columns.length !== 1) throw new Error("SQL: a subquery of IN must select one column");
      e.values = r.rows.map(x => x[0]);
    } else if (e.op === "IN") {
      if (e.list.every(x => "lit" in x)) e.values = e.list.map(x => x.lit);
    }
    for (const k of ["l", "r", "e"]) await this.resolve(e[k]);
  }
}

function aggregate(a, rows) {
  if (a.agg === "COUNT" && !a.arg) return rows.length;
  const vs = rows.map(r => evaluate(a.arg, r)).filter(v => v !== null);
  switch (a.agg) {
    case "COUNT": return vs.length;
    case "SUM": return vs.length ? vs.reduce((s, v) => s + Number(v), 0) : null;
    case "AVG": return vs.length ? vs.reduce((s, v) => s + Number(v), 0) / vs.length : null;
    case "MIN": return vs.length ? vs.reduce((m, v) => (compare(v, m) < 0 ? v : m)) : null;
    case "MAX": return vs.length ? vs.reduce((m, v) => (compare(v, m) > 0 ? v : m)) : null;
  }
}

// ---- the page ------------------------------------------------------------

// show writes a value as SQLite prints it: a float to 15 significant
// digits, so a sum of yuan reads 1234.56, not 1234.5600000000002.
export function show(v) {
  if (v === null || v === undefined) return "";
  if (isNum(v) && !Number.isInteger(v)) return String(Number(v.toPrecision(15)));
  return String(v);
}

function csvCell(v) {
  const s = show(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCSV(result) {
  return [result.columns, ...result.rows].map(r => r.map(csvCell).join(",")).join("\n") + "\n";
}

const quote = s => "'" + String(s).replace(/'/g, "''") + "'";

// filterSQL turns the filter form into a query of the chosen table: the
// disclosure's department, region, year and kind through documents, the
// class (scheme) and code prefix on the table itself.
export function filterSQL(table, columns, f) {
  const doc = [], where = [];
  if (f.department) doc.push("department LIKE " + quote("%" + f.department + "%"));
  if (f.region) doc.push("region = " + quote(f.region));
  if (f.year) doc.push("fiscal_year = " + Number(f.year));
  if (f.kind) doc.push("kind = " + quote(f.kind));
  if (doc.length) {
    if (table === "documents") where.push(...doc);
    else if (columns.includes("document_id")) where.push("document_id IN (SELECT id FROM documents WHERE " + doc.join(" AND ") + ")");
  }
  if (f.scheme && columns.includes("scheme")) where.push("scheme = " + quote(f.scheme));
  if (f.code && columns.includes("code")) where.push("code LIKE " + quote(f.code + "%"));
  return "SELECT * FROM " + table + (where.length ? " WHERE " + where.join(" AND ") : "");
}

function page() {
  const form = document.getElementById("query");
  if (!form) return;
  const engine = new Engine(new URL(".", document.baseURI));
  const status = document.getElementById("status");
  const out = document.getElementById("result");
  const dl = document.getElementById("download");
  let url = null;

  async function execute(sql) {
    history.replaceState(null, "", "?sql=" + encodeURIComponent(sql));
    status.textContent = "查询中… running";
    out.textContent = "";
    dl.hidden = true;
    const t0 = performance.now(), b0 = engine.bytes;
    try {
      const res = await engine.run(sql);
      const ms = Math.round(performance.now() - t0), kb = Math.round((engine.bytes - b0) / 1024);
      const table = document.createElement("table");
      table.className = "sortable";
      table.id = "result-table";
      const cap = table.createCaption();
      cap.textContent = res.rows.length + " 行 rows" + (res.rows.length > SHOWN ? ", 显示前 " + SHOWN + " shown" : "");
      const head = table.createTHead().insertRow();
      res.columns.forEach(c => { const th = document.createElement("th"); th.scope = "col"; th.textContent = c; head.appendChild(th); });
      const body = table.createTBody();
      res.rows.slice(0, SHOWN).forEach(r => {
        const tr = body.insertRow();
        r.forEach(v => { const td = tr.insertCell(); td.textContent = show(v); if (isNum(v)) td.className = "n"; });
      });
      const box = document.createElement("div");
      box.className = "scroll";
      box.appendChild(table);
      out.appendChild(box);
      if (window.budgetpubSortable) window.budgetpubSortable(table);
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([toCSV(res)], { type: "text/csv" }));
      dl.href = url;
      dl.hidden = false;
      status.textContent = res.rows.length + " 行 rows · " + ms + " ms · " + kb + " KB 读取 fetched";
    } catch (err) {
      status.textContent = "错误 error: " + err.message;
    }
  }

  form.addEventListener("submit", e => { e.preventDefault(); execute(form.sql.value); });
  const filters = document.getElementById("filters");
  filters.addEventListener("submit", async e => {
    e.preventDefault();
    const name = filters.table.value;
    try {
      const t = await engine.table(name);
      const f = {};
      for (const k of ["department", "region", "year", "kind", "scheme", "code"]) f[k] = filters[k].value.trim();
      form.sql.value = filterSQL(name, t.order, f);
      execute(form.sql.value);
    } catch (err) {
      status.textContent = "错误 error: " + err.message;
    }
  });
  const sql = new URLSearchParams(location.search).get("sql");
  if (sql) { form.sql.value = sql; execute(sql); }
}

if (typeof document !== "undefined") page();
