// Refreshes the checked-in copy of the API's OpenAPI document (openapi/openapi.json), which
// `npm run gen:types` turns into src/api-types.ts:
//   node scripts/fetch-openapi.mjs --from-build   copies the document the API's build wrote
//       (api/target/openapi/openapi.json, quarkus.smallrye-openapi.store-schema-directory): nothing to run but
//       `mvn -o -DskipTests package -pl worker/contract,api` (`npm run openapi:refresh` does both steps after it);
//   node scripts/fetch-openapi.mjs                asks a running API (FP_API_URL, default the dev instance).
// Either way the file is the JSON indented by two spaces with a final newline; the API's OpenApiDocumentTest
// fails while it differs from what the API serves.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', 'openapi', 'openapi.json');
let doc;
let from;
if (process.argv.includes('--from-build')) {
  from = path.join(here, '..', '..', 'api', 'target', 'openapi', 'openapi.json');
  if (!fs.existsSync(from)) {
    throw new Error(`${from} is missing: build the API first (mvn -o -DskipTests package -pl worker/contract,api)`);
  }
  doc = JSON.parse(fs.readFileSync(from, 'utf8'));
} else {
  const api = (process.env.FP_API_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
  from = api;
  const res = await fetch(`${api}/q/openapi?format=json`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${api}/q/openapi answered ${res.status}`);
  doc = await res.json();
}
fs.writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)} (${Object.keys(doc.paths ?? {}).length} paths) from ${path.relative(process.cwd(), from) || from}`);
