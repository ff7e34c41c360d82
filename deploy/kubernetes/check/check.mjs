// Checks rendered Kustomize overlays against what the services read (deploy/kubernetes/test.sh runs it).
// node check.mjs --root REPO --overlay NAME=RENDERED.yml ... [--generated MODULE=target.yml BASE=base.yml ...]
// Prints one line per check and ends with "N passed, N failed"; exits 1 if any failed.
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const args = process.argv.slice(2);
let root = '.';
const overlays = [];
const generated = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') root = args[++i];
  else if (args[i] === '--overlay') overlays.push(args[++i].split('='));
  else if (args[i] === '--generated') generated.push(args[++i].split('='));
  else throw new Error(`unknown argument ${args[i]}`);
}

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? ` (${detail})` : ''}`);
}
const load = (file) => parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);

// The services and what they read: their application.properties (keys, with %profile. stripped, and
// ${...} expressions), and Quarkus's own runtime keys that the manifests set without the file naming them.
const SERVICES = {
  'fedora-packages-api': { module: 'api', port: 8080 },
  'fedora-packages-worker': { module: 'worker', port: 8082 },
};
const QUARKUS_RUNTIME = new Set([
  'quarkus.redis.password', 'quarkus.redis.client-type', 'quarkus.redis.master-name',
  'quarkus.hibernate-search-standalone.elasticsearch.username',
  'quarkus.hibernate-search-standalone.elasticsearch.password',
]);
// Attributes of the smallrye-rabbitmq connector, set per channel (mp.messaging.incoming.<channel>.<attr>).
const CONNECTOR_ATTRIBUTES = ['queue.x-queue-type', 'dead-letter-queue-type'];
// Read by code the lead is adding concurrently (issue 11 brief): a warning until the module reads it.
const PENDING = { FP_ADMIN_TOKEN: 'fp.admin.token' };
const envName = (key) => key.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();

function readSettings(module) {
  const text = fs.readFileSync(path.join(root, module, 'src/main/resources/application.properties'), 'utf8');
  const keys = new Set();
  const channels = new Set();
  for (const line of text.split('\n')) {
    const m = line.match(/^\s*([^#\s=][^=\s]*)\s*=/);
    if (!m) continue;
    const key = m[1].replace(/^%[a-z,]+\./, '');
    keys.add(key);
    const ch = key.match(/^mp\.messaging\.incoming\.([^.]+)\.connector$/);
    if (ch) channels.add(ch[1]);
  }
  const expressions = new Set([...text.matchAll(/\$\{([A-Za-z0-9_.-]+)/g)].map((m) => m[1]));
  const sources = [];
  const walk = (dir) => fs.existsSync(dir) && fs.readdirSync(dir, { withFileTypes: true }).forEach((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.java') && sources.push(fs.readFileSync(path.join(dir, e.name), 'utf8')));
  walk(path.join(root, module, 'src/main/java'));
  const settingsText = text.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
  return { keys, channels, expressions, text: settingsText + sources.join('\n') };
}

function propertyFor(env, settings) {
  for (const k of [...settings.keys, ...QUARKUS_RUNTIME]) if (envName(k) === env) return k;
  for (const e of settings.expressions) if (e === env || envName(e) === env) return e;
  for (const ch of settings.channels) {
    for (const a of CONNECTOR_ATTRIBUTES) {
      const k = `mp.messaging.incoming.${ch}.${a}`;
      if (envName(k) === env) return k;
    }
  }
  return null;
}

function resolve(env, byKind, secretsExternal) {
  const from = env.valueFrom;
  if (!from) return { value: env.value };
  if (from.configMapKeyRef) {
    const cm = byKind('ConfigMap').find((c) => c.metadata.name === from.configMapKeyRef.name);
    return { cm, value: cm?.data?.[from.configMapKeyRef.key], exists: !!cm && from.configMapKeyRef.key in (cm.data ?? {}) };
  }
  if (from.secretKeyRef) {
    const s = byKind('Secret').find((c) => c.metadata.name === from.secretKeyRef.name);
    if (!s && secretsExternal.has(from.secretKeyRef.name)) {
      return { exists: secretsExternal.get(from.secretKeyRef.name).has(from.secretKeyRef.key), external: true };
    }
    const data = { ...(s?.stringData ?? {}), ...Object.fromEntries(Object.entries(s?.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()])) };
    return { secret: s, value: data[from.secretKeyRef.key], exists: !!s && from.secretKeyRef.key in data };
  }
  if (from.fieldRef) return { value: '(field)', exists: true };
  return { exists: false };
}

// Secrets an overlay expects to exist in the cluster: the keys README.md's `kubectl create secret` names.
function externalSecrets() {
  const readme = fs.readFileSync(path.join(root, 'deploy/kubernetes/README.md'), 'utf8');
  const map = new Map();
  for (const m of readme.matchAll(/kubectl[^\n]*create secret generic ([a-z0-9-]+)((?:[^\n]*\\\n)*[^\n]*)/g)) {
    map.set(m[1], new Set([...m[2].matchAll(/--from-literal=([a-z0-9-]+)=/g)].map((x) => x[1])));
  }
  return map;
}

const settingsOf = Object.fromEntries(Object.values(SERVICES).map((s) => [s.module, readSettings(s.module)]));

for (const [overlay, file] of overlays) {
  const docs = load(file);
  const byKind = (k) => docs.filter((d) => d.kind === k);
  const p = (msg) => `${overlay}: ${msg}`;
  const external = overlay === 'dev' ? new Map() : externalSecrets();
  const deployments = byKind('Deployment');
  check(p('exactly the api and worker Deployments'),
    deployments.map((d) => d.metadata.name).sort().join() === Object.keys(SERVICES).sort().join(), deployments.map((d) => d.metadata.name).join());
  const resolved = {};
  for (const d of deployments) {
    const svc = SERVICES[d.metadata.name];
    if (!svc) continue;
    const settings = settingsOf[svc.module];
    const q = (msg) => p(`${d.metadata.name}: ${msg}`);
    const pod = d.spec.template.spec;
    const cs = pod.containers;
    check(q('one container'), cs.length === 1);
    const c = cs[0];
    const image = c.image ?? '';
    check(q(`image ${image} is ghcr.io/fedora-packages/${d.metadata.name} with a tag`),
      new RegExp(`^ghcr\\.io/fedora-packages/${d.metadata.name}:[A-Za-z0-9._-]+$`).test(image));
    if (overlay === 'prod') check(q('image is a release (no latest, no SNAPSHOT)'), !/:(latest|.*SNAPSHOT)$/.test(image));
    const http = (c.ports ?? []).find((x) => x.name === 'http');
    check(q(`container port http = quarkus.http.port ${svc.port}`), http?.containerPort === svc.port);
    for (const [probe, p2] of [['livenessProbe', '/q/health/live'], ['readinessProbe', '/q/health/ready'], ['startupProbe', '/q/health/started']]) {
      const g = c[probe]?.httpGet;
      check(q(`${probe} GET ${p2} on ${svc.port}`), g?.path === p2 && g?.port === svc.port, JSON.stringify(g));
    }
    for (const r of ['requests', 'limits']) {
      check(q(`resources.${r} cpu and memory`), !!c.resources?.[r]?.cpu && !!c.resources?.[r]?.memory);
    }
    check(q('runAsNonRoot, a non-root user, seccomp RuntimeDefault'),
      pod.securityContext?.runAsNonRoot === true && pod.securityContext?.runAsUser > 0 && pod.securityContext?.seccompProfile?.type === 'RuntimeDefault');
    const sc = c.securityContext ?? {};
    check(q('readOnlyRootFilesystem, no privilege escalation, not privileged, capabilities dropped'),
      sc.readOnlyRootFilesystem === true && sc.allowPrivilegeEscalation === false && sc.privileged !== true && (sc.capabilities?.drop ?? []).includes('ALL'));
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
    check(q('/tmp is a writable emptyDir'), !!tmp && (pod.volumes ?? []).some((v) => v.name === tmp.name && v.emptyDir));
    check(q('no service account token'), pod.automountServiceAccountToken === false);
    check(q('no envFrom (every variable named)'), !c.envFrom);
    const values = {};
    for (const e of c.env ?? []) {
      if (e.name === 'KUBERNETES_NAMESPACE') continue;
      const r = resolve(e, byKind, external);
      check(q(`${e.name} comes from a ConfigMap or Secret key that exists`), r.exists === true, JSON.stringify(e.valueFrom));
      const prop = propertyFor(e.name, settings);
      if (!prop && PENDING[e.name]) {
        const read = settings.text.includes(PENDING[e.name]) || settings.text.includes(e.name);
        if (read) check(q(`${e.name} is read (${PENDING[e.name]})`), true);
        else console.log(`warn ${q(`${e.name}: ${PENDING[e.name]} is not read by ${svc.module} yet`)}`);
      } else {
        check(q(`${e.name} is a setting ${svc.module} reads${prop ? ` (${prop})` : ''}`), !!prop);
      }
      if (r.secret && overlay !== 'dev') check(q(`${e.name}: no secret value committed`), false);
      if (r.secret && r.value) check(q(`${e.name}: a dev placeholder`), r.value.startsWith('dev-only-'), r.value);
      values[e.name] = r.value;
    }
    resolved[svc.module] = values;
  }
  const api = resolved.api ?? {};
  const worker = resolved.worker ?? {};
  const same = ['FP_INSTANCE', 'QUARKUS_REDIS_HOSTS', 'QUARKUS_REDIS_CLIENT_TYPE', 'RABBITMQ_HOST', 'RABBITMQ_PORT', 'RABBITMQ_VIRTUAL_HOST',
    'QUARKUS_HIBERNATE_SEARCH_STANDALONE_ELASTICSEARCH_HOSTS'];
  for (const k of same) {
    check(p(`api and worker agree on ${k} (${api[k]})`), api[k] !== undefined && api[k] === worker[k], `${api[k]} / ${worker[k]}`);
  }
  const instance = worker.FP_INSTANCE ?? '';
  check(p(`fp.instance "${instance}" is a name, not a local stack's (dev/e2e/test are the machine's)`),
    /^[a-z0-9-]+$/.test(instance) && !(overlay === 'prod' && instance !== 'prod'));
  console.log(`     ${overlay}: queues fedora-packages.${instance}.worker and .refresh (+ .dlq), routing key fedora-packages.${instance}.refresh, channel refreshed:${instance}, index fp-${instance}-packages`);
  const redisUrl = worker.QUARKUS_REDIS_HOSTS ?? '';
  check(p(`quarkus.redis.hosts ${redisUrl} is a redis URL with a database`), /^rediss?:\/\/[^/]+:\d+\/\d+$/.test(redisUrl));
  const clientType = worker.QUARKUS_REDIS_CLIENT_TYPE;
  check(p(`quarkus.redis.client-type ${clientType} is standalone, sentinel or cluster`), ['standalone', 'sentinel', 'cluster'].includes(clientType));
  if (clientType === 'cluster') check(p('Redis Cluster has database 0 only'), redisUrl.endsWith('/0'));
  if (clientType === 'sentinel') check(p('sentinel: hosts on the sentinel port, master-name set'), /:26379\//.test(redisUrl) && !!worker.QUARKUS_REDIS_MASTER_NAME);
  const qt = ['MP_MESSAGING_INCOMING_BUS_QUEUE_X_QUEUE_TYPE', 'MP_MESSAGING_INCOMING_BUS_DEAD_LETTER_QUEUE_TYPE',
    'MP_MESSAGING_INCOMING_REFRESH_REQUESTS_QUEUE_X_QUEUE_TYPE', 'MP_MESSAGING_INCOMING_REFRESH_REQUESTS_DEAD_LETTER_QUEUE_TYPE'].map((k) => worker[k]);
  check(p(`worker queues and dead-letter queues share one type (${qt[0]})`), ['quorum', 'classic'].includes(qt[0]) && qt.every((t) => t === qt[0]), qt.join());
  check(p('RabbitMQ port is a number'), /^\d+$/.test(worker.RABBITMQ_PORT ?? ''));

  // Around the Deployments: Services, Ingress, HPA, PDB, NetworkPolicies.
  const podLabels = Object.fromEntries(deployments.map((d) => [d.metadata.name, d.spec.template.metadata.labels]));
  const selects = (sel, labels) => !!sel && Object.entries(sel).every(([k, v]) => labels?.[k] === v);
  for (const s of byKind('Service')) {
    const target = Object.keys(podLabels).find((n) => selects(s.spec.selector, podLabels[n]));
    check(p(`Service ${s.metadata.name} selects a Deployment's pods`), !!target);
    if (target) check(p(`Service ${s.metadata.name} targets port ${SERVICES[target].port}`), s.spec.ports.every((x) => x.targetPort === SERVICES[target].port));
  }
  const apiReplicas = deployments.find((d) => d.metadata.name === 'fedora-packages-api')?.spec.replicas ?? 0;
  check(p(`API replicas ${apiReplicas} >= 2`), apiReplicas >= 2);
  check(p('worker replicas >= 1'), (deployments.find((d) => d.metadata.name === 'fedora-packages-worker')?.spec.replicas ?? 0) >= 1);
  const hpa = byKind('HorizontalPodAutoscaler');
  check(p('one HPA, on the API Deployment, minReplicas >= 2 and = replicas'), hpa.length === 1 && hpa[0].spec.scaleTargetRef.name === 'fedora-packages-api'
    && hpa[0].spec.minReplicas >= 2 && hpa[0].spec.minReplicas === apiReplicas && hpa[0].spec.maxReplicas >= hpa[0].spec.minReplicas);
  const pdb = byKind('PodDisruptionBudget');
  check(p('one PDB on the API pods, minAvailable below replicas'), pdb.length === 1 && selects(pdb[0].spec.selector.matchLabels, podLabels['fedora-packages-api'])
    && pdb[0].spec.minAvailable >= 1 && pdb[0].spec.minAvailable < apiReplicas);
  const ing = byKind('Ingress');
  check(p('one Ingress to the API Service with a host'), ing.length === 1 && !!ing[0].spec.rules?.[0]?.host
    && ing[0].spec.rules.every((r) => r.http.paths.every((x) => x.backend.service.name === 'fedora-packages-api')));
  const nps = byKind('NetworkPolicy');
  for (const d of deployments) {
    const mine = nps.filter((n) => selects(n.spec.podSelector.matchLabels ?? {}, podLabels[d.metadata.name]));
    const types = new Set(mine.flatMap((n) => n.spec.policyTypes));
    check(p(`${d.metadata.name}: NetworkPolicies cover ingress and egress`), types.has('Ingress') && types.has('Egress'));
    check(p(`${d.metadata.name}: a default deny selects it`), mine.some((n) => !n.spec.ingress && !n.spec.egress));
    const egressPorts = new Set(mine.flatMap((n) => (n.spec.egress ?? []).flatMap((e) => (e.ports ?? []).map((x) => x.port))));
    const vals = resolved[SERVICES[d.metadata.name].module] ?? {};
    const need = [53, Number((vals.QUARKUS_REDIS_HOSTS ?? '').match(/:(\d+)\//)?.[1]), Number(vals.RABBITMQ_PORT),
      ...(vals.QUARKUS_HIBERNATE_SEARCH_STANDALONE_ELASTICSEARCH_HOSTS ?? '').split(',').map((h) => Number(h.split(':')[1]))];
    check(p(`${d.metadata.name}: egress allows DNS, Redis, RabbitMQ and search ports ${need.join(',')}`), need.every((x) => egressPorts.has(x)));
    const ingressPorts = mine.flatMap((n) => (n.spec.ingress ?? []).flatMap((i) => (i.ports ?? []).map((x) => x.port)));
    check(p(`${d.metadata.name}: ingress only on its HTTP port`), ingressPorts.length > 0 && ingressPorts.every((x) => x === SERVICES[d.metadata.name].port));
  }
  if (overlay !== 'dev') check(p('no Secret rendered (created in the cluster, README step)'), byKind('Secret').length === 0);
}

// The committed base against what quarkus-kubernetes generated at the last `mvn package`.
for (const [gen, base] of generated) {
  if (!fs.existsSync(gen)) {
    console.log(`skip ${path.relative(root, base)}: no ${path.relative(root, gen)} (build first to compare)`);
    continue;
  }
  // Key order is not stable from one build to the next (labels come from a hash map): compare sorted.
  const canon = (v) => Array.isArray(v) ? v.map(canon)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v;
  const a = JSON.stringify(canon(load(gen)));
  const b = JSON.stringify(canon(load(base)));
  check(`${path.relative(root, base)} is what quarkus-kubernetes generated (${path.relative(root, gen)}; run deploy/kubernetes/sync-base.sh)`, a === b);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
