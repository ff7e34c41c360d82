// The search benchmark's query mix (bench/search.sh, bench/README.md): request lists for wrk
// (bench/search-wrk.lua), one request a line, "METHOD<TAB>PATH[<TAB>BODY]".
//
//   node bench/search-queries.mjs --opensearch URL --index ALIAS --relevance FILE --out DIR [--queries 2000] [--seed 42]
//
// The queries come from the instance's own data, so that every exact name and sub-package really
// exists there: a seeded random sample of the active documents of the read alias (name, sub-packages,
// summary), plus every query of the relevance table (api/src/test/resources/search/relevance.tsv:
// typos, several words, filters). The same seed gives the same lists for the same index.
//
// Writes search.tsv, suggest.tsv, reference.tsv (OpenSearch directly: a term query on `name` for the
// names of the search mix) and mix.txt (the shares, printed by search.sh).
import { seeded } from "./seeded.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const opt = { queries: "2000", seed: "42" };
for (let i = 2; i < process.argv.length; i += 2) opt[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
for (const k of ["opensearch", "index", "relevance", "out"]) {
  if (!opt[k]) throw new Error(`--${k} is required`);
}
const N = Number(opt.queries);

const rand = seeded(opt.seed);
const pick = (a) => a[Math.floor(rand() * a.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// Every active document of the index in name order (search_after pages), then a seeded sample of
// them here: the same data gives the same sample whatever the index generation (OpenSearch's own
// random_score salts with the index name).
async function all() {
  const out = [];
  let after;
  for (;;) {
    const res = await fetch(`${opt.opensearch}/${opt.index}/_search`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        size: 5000, sort: [{ name: "asc" }], _source: ["name", "binaries", "summary"],
        query: { bool: { must_not: { term: { retired: true } } } }, ...(after ? { search_after: after } : {}),
      }),
    });
    if (!res.ok) throw new Error(`reading ${opt.index}: HTTP ${res.status} ${await res.text()}`);
    const hits = (await res.json()).hits.hits;
    if (hits.length === 0) return out;
    out.push(...hits.map((h) => h._source));
    after = hits[hits.length - 1].sort;
  }
}
const everything = await all();
if (everything.length < 100) throw new Error(`only ${everything.length} documents in ${opt.index}: index the distribution first`);
const sampleSize = Math.min(everything.length, Math.max(500, N));
for (let i = 0; i < sampleSize; i++) { // partial Fisher-Yates: the first sampleSize are the sample
  const j = i + Math.floor(rand() * (everything.length - i));
  [everything[i], everything[j]] = [everything[j], everything[i]];
}
const docs = everything.slice(0, sampleSize);
const list = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);

const names = docs.map((d) => d.name);
// sub-packages named otherwise than their source (python3-requests of requests): the binary → source path
const subs = docs.flatMap((d) => list(d.binaries).filter((b) => b !== d.name));
// words of summaries, as people type them: 4+ letters, not the words every summary has
const STOP = new Set("with from that this your their into used uses using files file data library libraries package packages module modules support tools tool for the and based".split(" "));
const summaryWords = docs
  .map((d) => (d.summary || "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !STOP.has(w)))
  .filter((w) => w.length > 0);

// The relevance table's queries with their parameters (query TAB params TAB expected TAB how).
const relevance = readFileSync(opt.relevance, "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => {
    const [q, params] = l.split("\t");
    return { q, params: params && params !== "-" ? params : "" };
  });

const get = (path) => `GET\t${path}`;
const search = ({ q, params = "" }) => get(`/api/v1/search?q=${encodeURIComponent(q)}${params ? "&" + params : ""}`);
const suggest = (q) => get(`/api/v1/search/suggest?q=${encodeURIComponent(q)}`);
const prefix = (name) => name.slice(0, Math.min(name.length, between(3, 6)));

// The search mix: kind, share, generator. Shares are of N; relevance rows are cycled in order.
let r = 0;
const SEARCH_MIX = [
  ["exact source name", 0.3, () => ({ q: pick(names) })],
  ["name prefix (3-6 chars)", 0.15, () => ({ q: prefix(pick(names)) })],
  ["sub-package name", 0.15, () => ({ q: pick(subs.length ? subs : names) })],
  ["summary words (1-2)", 0.25, () => {
    const w = pick(summaryWords);
    const i = Math.floor(rand() * w.length);
    return { q: rand() < 0.5 || i + 1 >= w.length ? w[i] : `${w[i]} ${w[i + 1]}` };
  }],
  ["relevance table (typos, filters, words)", 0.15, () => relevance[r++ % relevance.length]],
];
// The suggest mix: what a typeahead sends while a name is typed.
const SUGGEST_MIX = [
  ["name prefix (2-6 chars)", 0.6, () => pick(names).slice(0, between(2, 6))],
  ["sub-package prefix (2-6 chars)", 0.25, () => pick(subs.length ? subs : names).slice(0, between(2, 6))],
  ["whole name", 0.15, () => pick(names)],
];

function build(mix, render) {
  const out = [];
  for (const [, share, gen] of mix) {
    const n = Math.round(share * N);
    for (let i = 0; i < n; i++) out.push(render(gen()));
  }
  // shuffled, so that consecutive requests (and wrk's threads) get different kinds
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const searchLines = build(SEARCH_MIX, search);
const suggestLines = build(SUGGEST_MIX, suggest);
// The reference: OpenSearch answering the simplest search of the same kind, a term query on the
// keyword field `name` of the read alias, for exact names drawn like the search mix's.
const referenceLines = Array.from({ length: N }, () =>
  `POST\t/${opt.index}/_search\t${JSON.stringify({ size: 20, query: { term: { name: pick(names) } } })}`);

writeFileSync(join(opt.out, "search.tsv"), searchLines.join("\n") + "\n");
writeFileSync(join(opt.out, "suggest.tsv"), suggestLines.join("\n") + "\n");
writeFileSync(join(opt.out, "reference.tsv"), referenceLines.join("\n") + "\n");
const uniq = (a) => new Set(a).size;
const shares = (mix) => mix.map(([k, s]) => `${Math.round(s * 100)}% ${k}`).join(", ");
writeFileSync(join(opt.out, "mix.txt"), [
  `sample: ${docs.length} of the ${everything.length} active documents of ${opt.index} (seed ${opt.seed}), ${subs.length} sub-package names, ${relevance.length} relevance-table queries`,
  `search  ${searchLines.length} requests (${uniq(searchLines)} distinct): ${shares(SEARCH_MIX)}`,
  `suggest ${suggestLines.length} requests (${uniq(suggestLines)} distinct): ${shares(SUGGEST_MIX)}`,
  `reference ${referenceLines.length} requests (${uniq(referenceLines)} distinct): POST /${opt.index}/_search {"size":20,"query":{"term":{"name":…}}}`,
].join("\n") + "\n");
