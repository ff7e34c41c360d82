// Refreshes the checked-in copy of the API's OpenAPI document (openapi/openapi.json) from a running
// API (FP_API_URL, default the dev instance). `npm run gen:types` then turns it into src/api-types.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const api = (process.env.FP_API_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'openapi', 'openapi.json');
const res = await fetch(`${api}/q/openapi?format=json`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
if (!res.ok) throw new Error(`GET ${api}/q/openapi answered ${res.status}`);
const doc = await res.json();
fs.writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)} (${Object.keys(doc.paths ?? {}).length} paths) from ${api}`);
