// Dyad's page: filters, a dyad timeline, a map and events with their evidence. Plain DOM and SVG, no libraries;
// text from the store is always set as textContent, never as HTML.
"use strict";

const svgNs = "http://www.w3.org/2000/svg";
let countries = null;

function el(name, attributes = {}, text = null) {
  const node = name.startsWith("svg:") ? document.createElementNS(svgNs, name.slice(4)) : document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== null) node.textContent = text;
  return node;
}

function setStatus(message) { document.getElementById("status").textContent = message; }

async function getJson(url) {
  const response = await fetch(url, { headers: { "Accept": "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new Error(detail);
  }
  return response.json();
}

// The form's fields, in the order they go to the URL; "event" (the opened event) follows them.
const formFields = ["actor", "a", "b", "cameo", "plover", "from", "to", "status", "text", "by"];

function formValues() {
  const form = new FormData(document.getElementById("filters"));
  const values = {};
  for (const key of formFields) values[key] = (form.get(key) || "").trim();
  for (const key of ["actor", "a", "b"]) values[key] = values[key].toUpperCase();
  values.by = values.by || "month";
  return values;
}

function filterParams() {
  const values = formValues();
  const params = new URLSearchParams();
  if (values.a && values.b) params.set("dyad", `${values.a},${values.b}`);
  for (const key of ["actor", "cameo", "plover", "from", "to", "status", "text"]) {
    if (values[key]) params.set(key, values[key]);
  }
  params.set("limit", "500");
  return { params, a: values.a, b: values.b, by: values.by };
}

// The view (filters, dyad, opened event) kept in the address, so that reloading or sharing the link restores it.
let openedEvent = null;

function saveView() {
  const values = formValues();
  const params = new URLSearchParams();
  for (const key of formFields) {
    if (values[key] && !(key === "by" && values[key] === "month")) params.set(key, values[key]);
  }
  if (openedEvent) params.set("event", openedEvent);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function restoreView() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  for (const key of formFields) {
    if (params.has(key) && form.elements[key]) form.elements[key].value = params.get(key);
  }
  return params.get("event");
}

async function search(event) {
  if (event) event.preventDefault();
  const { params, a, b, by } = filterParams();
  setStatus("Loading…");
  saveView();
  try {
    const result = await getJson(`/api/events?${params}`);
    renderEvents(result);
    await renderMap(result.events);
    if (a && b) await renderTimeline(a, b, by);
    else clearTimeline();
    setStatus(`${result.total} events`);
  } catch (error) {
    setStatus(`Error: ${error.message}`);
  }
}

// A code with its name on a second line, the name also as the cell's tooltip.
function codeCell(code, name) {
  const cell = el("td", name ? { title: name } : {});
  cell.append(el("span", { class: "code" }, code || ""));
  if (name) cell.append(el("span", { class: "name" }, name));
  return cell;
}

function renderEvents(result) {
  document.getElementById("count").textContent = `(${result.total})`;
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of result.events) {
    const names = e.names || {};
    const row = el("tr", { "data-id": e.id });
    const plover = e.plover ? e.plover : null;
    row.append(
      el("td", { class: "date" }, e.date ? e.date.start : ""),
      codeCell(e.source ? e.source.code : "", names.source),
      codeCell(e.target ? e.target.code : "", e.target ? names.target : null),
      codeCell(e.cameo, names.cameo),
      codeCell(plover ? plover.type : "", plover ? [plover.mode, plover.context].filter(x => x).join(", ") || null : null),
      el("td", {}, e.attribution ? e.attribution.status : ""),
      el("td", {}, String(e.num_mentions)),
      el("td", {}, e.text.length > 120 ? `${e.text.slice(0, 120)}…` : e.text));
    row.querySelector("td:nth-child(5)").classList.add("plover");
    row.addEventListener("click", () => openEvent(e.id));
    body.append(row);
  }
}

function clearTimeline() {
  document.getElementById("timeline").replaceChildren();
  document.getElementById("timeline-title").textContent = "(choose a dyad)";
}

// A day in UTC; setUTCFullYear because Date.UTC reads the years 0 to 99 as 1900 to 1999.
function utcDay(year, month, day) {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year + Math.floor(month / 12), ((month % 12) + 12) % 12, day);
  return date;
}

// The first day of a period as the API names it (yyyy-mm-dd for a week's Monday, yyyy-mm, yyyy).
function periodStart(period) {
  const [y, m, d] = period.split("-").map(Number);
  return utcDay(y, (m || 1) - 1, d || 1);
}

function nextStart(start, by) {
  const next = new Date(start);
  if (by === "week") next.setUTCDate(next.getUTCDate() + 7);
  else if (by === "year") next.setUTCFullYear(next.getUTCFullYear() + 1);
  else next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

const pad = n => String(n).padStart(2, "0");
const year = date => String(date.getUTCFullYear()).padStart(4, "0");

// Candidate date labels from finest to coarsest: each names a period or not (null). As the PNG chooses them.
function labelCandidates(by) {
  const candidates = [];
  if (by === "week") {
    for (const step of [1, 2, 4]) candidates.push((i, row) => i % step === 0 ? row.period : null);
  }
  const firstOf = (start, end, yearly) => {
    let day = utcDay(start.getUTCFullYear(), yearly ? 0 : start.getUTCMonth(), 1);
    if (day < start) day = yearly ? utcDay(start.getUTCFullYear() + 1, 0, 1) : utcDay(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
    return day < end ? day : null;
  };
  if (by === "week" || by === "month") {
    for (const step of [1, 2, 3, 6]) {
      candidates.push((i, row, start, end) => {
        const first = firstOf(start, end, false);
        return first && first.getUTCMonth() % step === 0 ? `${year(first)}-${pad(first.getUTCMonth() + 1)}` : null;
      });
    }
  }
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]) {
    candidates.push((i, row, start, end) => {
      const first = firstOf(start, end, true);
      return first && first.getUTCFullYear() % step === 0 ? year(first) : null;
    });
  }
  return candidates;
}

// The finest labels that keep a gap between neighbours, measured as the SVG draws them.
function chooseLabels(svg, rows, by, centre) {
  const probe = el("svg:text", { class: "axis" }, "");
  svg.append(probe);
  const widths = new Map();
  const width = text => {
    if (!widths.has(text)) { probe.textContent = text; widths.set(text, probe.getComputedTextLength()); }
    return widths.get(text);
  };
  const starts = rows.map(r => periodStart(r.period));
  let last = [];
  try {
    for (const candidate of labelCandidates(by)) {
      const labels = [];
      rows.forEach((row, i) => {
        const text = candidate(i, row, starts[i], nextStart(starts[i], by));
        if (text !== null) labels.push({ i, text });
      });
      if (labels.length === 0) continue;
      last = labels;
      let fits = true;
      for (let k = 1; k < labels.length && fits; k++) {
        const previousRight = centre(labels[k - 1].i) + width(labels[k - 1].text) / 2;
        const left = centre(labels[k].i) - width(labels[k].text) / 2;
        fits = left - previousRight >= 8;
      }
      if (fits) return labels;
    }
    return last.slice(0, 1);
  } finally {
    probe.remove();
  }
}

// Whole-number ticks from zero past the tallest bar, at most about eight.
function countTicks(max) {
  let step = 1;
  for (const candidate of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000]) {
    step = candidate;
    if (Math.ceil(max / candidate) <= 8) break;
  }
  const top = Math.max(1, Math.ceil(max / step)) * step;
  const ticks = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);
  return ticks;
}

async function renderTimeline(a, b, by) {
  const rows = await getJson(`/api/timeline?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&by=${encodeURIComponent(by)}`);
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  document.getElementById("timeline-title").textContent = `${a} – ${b}, by ${by}`;
  if (rows.length === 0) {
    svg.append(el("svg:text", { class: "axis", x: 300, y: 140, "text-anchor": "middle" }, "no dated events between them"));
    return;
  }
  const width = 600, height = 280, left = 40, right = 44, top = 10, bottom = 28;
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const totals = rows.map(r => r.verbalCooperation + r.materialCooperation + r.verbalConflict + r.materialConflict);
  const ticks = countTicks(Math.max(...totals));
  const max = ticks[ticks.length - 1];
  const step = plotWidth / rows.length;
  const x = i => left + i * step + step / 2;
  const y = n => top + plotHeight - n / max * plotHeight;
  const gy = g => top + (10 - g) / 20 * plotHeight;

  // Count scale on the left, with grid lines; Goldstein scale on the right.
  for (const t of ticks) {
    svg.append(el("svg:line", { class: "grid", x1: left, x2: width - right, y1: y(t), y2: y(t) }));
    svg.append(el("svg:text", { class: "axis tick-count", x: left - 5, y: y(t) + 4, "text-anchor": "end" }, String(t)));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    svg.append(el("svg:line", { class: "tick goldstein-tick", x1: width - right, x2: width - right + 4, y1: gy(g), y2: gy(g) }));
    svg.append(el("svg:text", { class: "axis tick-goldstein", x: width - right + 6, y: gy(g) + 4 }, g > 0 ? `+${g}` : String(g)));
  }
  svg.append(el("svg:text", { class: "axis-title", transform: `translate(11 ${top + plotHeight / 2}) rotate(-90)`, "text-anchor": "middle" }, "events"));
  svg.append(el("svg:text", { class: "axis-title", transform: `translate(${width - 6} ${top + plotHeight / 2}) rotate(-90)`, "text-anchor": "middle" }, "mean Goldstein"));
  svg.append(el("svg:line", { class: "axis-line", x1: left, x2: left, y1: top, y2: top + plotHeight }));
  svg.append(el("svg:line", { class: "axis-line", x1: width - right, x2: width - right, y1: top, y2: top + plotHeight }));

  rows.forEach((row, i) => {
    let base = 0;
    [["q1", row.verbalCooperation], ["q2", row.materialCooperation], ["q3", row.verbalConflict], ["q4", row.materialConflict]].forEach(([quad, n]) => {
      if (n === 0) return;
      const bar = el("svg:rect", { class: `bar ${quad}`, x: left + i * step + Math.min(1, step * 0.1), y: y(base + n), width: Math.max(1, step - 2 * Math.min(1, step * 0.1)), height: y(base) - y(base + n) });
      bar.append(el("svg:title", {}, `${row.period}: ${n}`));
      svg.append(bar);
      base += n;
    });
    svg.append(el("svg:line", { class: "tick period-tick", x1: x(i), x2: x(i), y1: top + plotHeight, y2: top + plotHeight + 3 }));
  });
  svg.append(el("svg:line", { class: "axis-line", x1: left, x2: width - right, y1: top + plotHeight, y2: top + plotHeight }));

  for (const label of chooseLabels(svg, rows, by, x)) {
    svg.append(el("svg:line", { class: "tick major", x1: x(label.i), x2: x(label.i), y1: top + plotHeight, y2: top + plotHeight + 6 }));
    svg.append(el("svg:text", { class: "axis period-label", x: x(label.i), y: top + plotHeight + 19, "text-anchor": "middle" }, label.text));
  }

  // Mean Goldstein as a line through the periods with events; an empty period breaks it.
  let run = [];
  const flush = () => {
    if (run.length === 1) svg.append(el("svg:circle", { class: "goldstein-point", cx: run[0][0], cy: run[0][1], r: 3 }));
    if (run.length > 1) svg.append(el("svg:polyline", { class: "goldstein-line", points: run.map(p => p.join(",")).join(" ") }));
    run = [];
  };
  rows.forEach((row, i) => {
    if (row.meanGoldstein === null) flush();
    else run.push([x(i).toFixed(1), gy(row.meanGoldstein).toFixed(1)]);
  });
  flush();
}

async function renderMap(events) {
  if (!countries) countries = (await getJson("/data/countries.json")).countries;
  const svg = document.getElementById("map");
  svg.replaceChildren();
  const x = lon => (lon + 180) * 2, y = lat => (90 - lat) * 2;
  for (const country of countries) {
    const d = country.rings.map(ring => "M" + ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("L") + "Z").join("");
    const path = el("svg:path", { class: "land", d });
    path.append(el("svg:title", {}, country.name));
    svg.append(path);
  }
  for (const e of events) {
    if (!e.place || e.place.lat === null || e.place.lon === null) continue;
    const dot = el("svg:circle", { class: "event", cx: x(e.place.lon).toFixed(1), cy: y(e.place.lat).toFixed(1), r: (2 + 2 * Math.sqrt(e.num_mentions)).toFixed(1), "data-id": e.id });
    dot.append(el("svg:title", {}, `${e.place.name}: ${e.cameo} ${e.source.code} → ${e.target ? e.target.code : "-"} (${e.num_mentions} mentions)`));
    dot.addEventListener("click", () => openEvent(e.id));
    svg.append(dot);
  }
}

// The sentence with the trigger (by its offsets), the actors, the date and the place highlighted.
function highlight(record) {
  const text = record.text;
  const spans = [];
  const start = record.sentence_start ?? null;
  if (start !== null && record.evidence) {
    spans.push([record.evidence.start - start, record.evidence.end - start, "trigger"]);
  } else if (record.evidence) {
    const at = text.indexOf(record.evidence.trigger);
    if (at >= 0) spans.push([at, at + record.evidence.trigger.length, "trigger"]);
  }
  const find = (phrase, kind) => {
    if (!phrase) return;
    const at = text.indexOf(phrase);
    if (at >= 0) spans.push([at, at + phrase.length, kind]);
  };
  find(record.source && record.source.text, "source");
  find(record.target && record.target.text, "target");
  find(record.date && record.date.text, "date");
  find(record.place && record.place.text, "place");
  spans.sort((p, q) => p[0] - q[0]);
  const kept = [];
  for (const span of spans) {
    if (span[0] < 0 || span[1] > text.length || span[1] <= span[0]) continue;
    if (kept.length && span[0] < kept[kept.length - 1][1]) continue;
    kept.push(span);
  }
  const paragraph = document.getElementById("event-sentence");
  paragraph.replaceChildren();
  let at = 0;
  for (const [from, to, kind] of kept) {
    if (from > at) paragraph.append(document.createTextNode(text.slice(at, from)));
    paragraph.append(el("mark", { class: `hl hl-${kind}`, title: kind }, text.slice(from, to)));
    at = to;
  }
  if (at < text.length) paragraph.append(document.createTextNode(text.slice(at)));
}

async function openEvent(id) {
  try {
    const record = await getJson(`/api/events/${encodeURIComponent(id)}`);
    openedEvent = record.id;
    saveView();
    document.getElementById("event-view").hidden = false;
    document.getElementById("event-id").textContent = record.id;
    highlight(record);
    const facts = document.getElementById("event-facts");
    facts.replaceChildren();
    const fact = (name, value) => { facts.append(el("dt", {}, name), el("dd", {}, value)); };
    const names = record.names || {};
    const actor = (code, text, name) => `${code} (${text}${name ? `; ${name}` : ""})`;
    fact("who", `${actor(record.source.code, record.source.text, names.source)} → ${record.target ? actor(record.target.code, record.target.text, names.target) : "-"}`);
    const quads = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
    fact("what", `CAMEO ${record.cameo}${names.cameo ? ` “${names.cameo}”` : ""}, quad ${record.quad} (${quads[record.quad] || "?"}), Goldstein ${record.goldstein}`);
    fact("PLOVER", record.plover ? [record.plover.type, record.plover.mode, record.plover.context].filter(x => x).join(", ") : "none (PLOVER does not count this CAMEO code as an event)");
    fact("when", record.date ? `${record.date.start} … ${record.date.end} (${record.date.precision}${record.date.text ? `: "${record.date.text}"` : ""})` : "unknown");
    fact("where", record.place ? `${record.place.name}, ${record.place.country || "?"} (${record.place.precision})` : "not stated");
    const by = record.attribution.by;
    fact("according to", `${record.attribution.status}${by ? ` — ${by.text}${by.anonymous ? " (anonymous)" : ""}${by.code ? ` [${by.code}]` : ""}` : ""}`);
    fact("secret", record.secret ? "yes" : "no");
    fact("rule", record.evidence.rule);
    const disputes = document.getElementById("event-disputes");
    disputes.replaceChildren();
    for (const d of record.disputed) {
      disputes.append(el("li", { class: "dispute" }, `${d.status} by ${d.by ? d.by.text : "?"}${d.doc ? ` in ${d.doc}` : ""}, sentence ${d.sentence}`));
    }
    if (record.disputed.length === 0) disputes.append(el("li", {}, "none"));
    const mentions = document.getElementById("event-mentions");
    mentions.replaceChildren();
    for (const m of record.mentions) {
      mentions.append(el("li", { class: "mention" }, `${m.doc} (${m.publisher || "unknown"}, ${m.attribution.status}): "${m.text}" — ${m.fusion_reason}`));
    }
    document.getElementById("event-view").scrollIntoView();
  } catch (error) {
    setStatus(`Error: ${error.message}`);
  }
}

document.getElementById("filters").addEventListener("submit", search);
(async () => {
  const opened = restoreView();
  await search();
  if (opened) await openEvent(opened);
})();
