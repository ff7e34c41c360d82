// Changes packages while bench/search.sh measures (--changes R), through the worker's own event path,
// so the API's answer cache sees real change notices: R times a second, for a seeded random active
// package of the read alias, WireMock's dist-git (Pagure) answer for it gains a committer, and a bus
// message naming the package is written to standard output as a BusPublish line (search.sh pipes it into
// `BusPublish -`). The worker refreshes the package's maintainers, its search document changes (the
// maintainers field), and the worker announces the change. On SIGTERM the replaced answers are put back.
//
// Why maintainers: a package's texts and names come from the distribution's repository metadata (the
// catalog), which changes with a compose (mdapi.repo.update: the worker re-reads every branch's metadata,
// ~15 s of a core here, a few times a day in Fedora), not package by package. The message is dist-git's
// pagure.project.new, which refreshes the overview, sources and maintainers of a package.
// What a change of texts drops from the cache is tested by the API's AnswerDependenciesTest and
// BusToApiEndToEndTest.
//
//   node bench/search-changes.mjs --opensearch URL --index ALIAS --wiremock URL --rate R [--seed 7] [--branch rawhide]
import { seeded } from "./seeded.mjs";
import { setTimeout as sleep } from "node:timers/promises";

const opt = { seed: "7", branch: "rawhide" };
for (let i = 2; i < process.argv.length; i += 2) opt[process.argv[i].replace(/^--/, "")] = process.argv[i + 1];
for (const k of ["opensearch", "index", "wiremock", "rate"]) {
  if (!opt[k]) throw new Error(`--${k} is required`);
}
const every = 1000 / Number(opt.rate);
const rand = seeded(opt.seed);

async function json(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${res.status}`);
  return res.json();
}

// a random sample of active packages that the branch's mdapi knows (the same for the same index and seed)
const found = await json(`${opt.opensearch}/${opt.index}/_search`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ size: 2000, sort: [{ name: "asc" }], _source: ["name"],
    query: { bool: { must_not: { term: { retired: true } }, filter: { term: { branches: opt.branch } } } } }),
});
const names = found.hits.hits.map((h) => h._source.name);
if (names.length === 0) throw new Error(`no active package on ${opt.branch} in ${opt.index}`);

const stubs = []; // ids of the answers replaced, removed on exit
let stopping = false;
async function restore() {
  stopping = true;
  await Promise.all(stubs.map((id) => fetch(`${opt.wiremock}/__admin/mappings/${id}`, { method: "DELETE" }).catch(() => {})));
  console.error(`search-changes: ${count} changes made, ${stubs.length} replaced dist-git answers put back`);
  process.exit(0);
}
process.on("SIGTERM", restore);
process.on("SIGINT", restore);

async function replace(path, body) {
  const stub = await json(`${opt.wiremock}/__admin/mappings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ priority: 1, request: { method: "GET", url: path },
      response: { status: 200, headers: { "Content-Type": "application/json" }, jsonBody: body },
      metadata: { "fp-bench": "search-changes" } }),
  });
  stubs.push(stub.id);
}

let count = 0;
let ticks = 0;
const run = Date.now().toString(36); // every change is new, even to a package an earlier run changed
const start = Date.now();
while (!stopping) {
  ticks++;
  const name = names[Math.floor(rand() * names.length)];
  try {
    const path = `/pagure/api/0/rpms/${name}`;
    const answer = await json(`${opt.wiremock}${path}`);
    count++;
    answer.access_users.commit = [...(answer.access_users.commit ?? []), `bench-${run}-${count}`];
    await replace(path, answer);
    process.stdout.write(JSON.stringify({ topic: "org.fedoraproject.prod.pagure.project.new",
      body: { project: { name, namespace: "rpms", fullname: `rpms/${name}` }, agent: "bench-search-changes" } }) + "\n");
  } catch (e) {
    console.error(`search-changes: ${name}: ${e.message}`);
  }
  const next = start + ticks * every;
  if (next > Date.now()) await sleep(next - Date.now());
}
