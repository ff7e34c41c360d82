// @vitest-environment node
// src/api-types.ts is generated from openapi/openapi.json (npm run gen:types), never edited: this
// fails when one changed without the other.
import fs from 'node:fs';
import openapiTS from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

describe('generated API types', () => {
  it('match the checked-in OpenAPI document', async () => {
    const schema = JSON.parse(fs.readFileSync('openapi/openapi.json', 'utf8'));
    const generated = await openapiTS(schema);
    expect(fs.readFileSync('src/api-types.ts', 'utf8')).toBe(generated);
  });
});
