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

function filterParams() {
  const form = new FormData(document.getElementById("filters"));
  const params = new URLSearchParams();
  const a = (form.get("a") || "").trim().toUpperCase();
  const b = (form.get("b") || "").trim().toUpperCase();
  if (a && b) params.set("dyad", `${a},${b}`);
  for (const key of ["actor", "cameo", "from", "to", "status", "text"]) {
    const value = (form.get(key) || "").trim();
    if (value) params.set(key, key === "actor" ? value.toUpperCase() : value);
  }
  params.set("limit", "500");
  return { params, a, b, by: form.get("by") || "month" };
}

async function search(event) {
  if (event) event.preventDefault();
  const { params, a, b, by } = filterParams();
  setStatus("Loading…");
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

function renderEvents(result) {
  document.getElementById("count").textContent = `(${result.total})`;
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of result.events) {
    const row = el("tr", { "data-id": e.id });
    row.append(
      el("td", {}, e.date ? e.date.start : ""),
      el("td", {}, e.source ? e.source.code : ""),
      el("td", {}, e.target ? e.target.code : ""),
      el("td", {}, e.cameo),
      el("td", {}, e.attribution ? e.attribution.status : ""),
      el("td", {}, String(e.num_mentions)),
      el("td", {}, e.text.length > 120 ? `${e.text.slice(0, 120)}…` : e.text));
    row.addEventListener("click", () => openEvent(e.id));
    body.append(row);
  }
}

function clearTimeline() {
  document.getElementById("timeline").replaceChildren();
  document.getElementById("timeline-title").textContent = "(choose a dyad)";
}

async function renderTimeline(a, b, by) {
  const rows = await getJson(`/api/timeline?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&by=${encodeURIComponent(by)}`);
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  document.getElementById("timeline-title").textContent = `${a} – ${b}, by ${by}`;
  if (rows.length === 0) return;
  const width = 800, height = 220, left = 30, bottom = 30, top = 10;
  const max = Math.max(...rows.map(r => r.verbalCooperation + r.materialCooperation + r.verbalConflict + r.materialConflict), 1);
  const step = (width - left - 30) / rows.length;
  const scale = (height - bottom - top) / max;
  rows.forEach((row, i) => {
    let y = height - bottom;
    [["q1", row.verbalCooperation], ["q2", row.materialCooperation], ["q3", row.verbalConflict], ["q4", row.materialConflict]].forEach(([quad, n]) => {
      if (n === 0) return;
      const h = n * scale;
      y -= h;
      const bar = el("svg:rect", { class: `bar ${quad}`, x: left + i * step + 1, y, width: Math.max(1, step - 2), height: h });
      bar.append(el("svg:title", {}, `${row.period}: ${n}`));
      svg.append(bar);
    });
    if (rows.length <= 24 || i % Math.ceil(rows.length / 12) === 0) {
      svg.append(el("svg:text", { class: "axis", x: left + i * step, y: height - 12 }, row.period));
    }
  });
  // Mean Goldstein on its own scale (-10 … 10), as a line.
  const gy = g => top + (10 - g) / 20 * (height - bottom - top);
  const points = rows.map((r, i) => `${left + i * step + step / 2},${gy(r.meanGoldstein)}`).join(" ");
  svg.append(el("svg:polyline", { class: "goldstein-line", points }));
  svg.append(el("svg:text", { class: "axis", x: 0, y: top + 8 }, String(max)));
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
    document.getElementById("event-view").hidden = false;
    document.getElementById("event-id").textContent = record.id;
    highlight(record);
    const facts = document.getElementById("event-facts");
    facts.replaceChildren();
    const fact = (name, value) => { facts.append(el("dt", {}, name), el("dd", {}, value)); };
    fact("who", `${record.source.code} (${record.source.text}) → ${record.target ? `${record.target.code} (${record.target.text})` : "-"}`);
    fact("what", `CAMEO ${record.cameo}, quad ${record.quad}, Goldstein ${record.goldstein}`);
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
search();
