// Shapes of the API's JSON: aliases of the types generated from the API's OpenAPI document
// (api-types.ts: `npm run openapi:refresh` after building the API, or `npm run gen:types` after
// `npm run openapi:fetch`). The OpenAPI's schemas are generated from the records the worker and the API build
// their answers from (worker/contract's org.fedoraproject.packages.contract.document, api's rest/ApiShapes.java),
// so nothing here is written by hand but the constants and helpers, and a few narrowings the SPA relies on.

import type { components } from './api-types';

type Schemas = components['schemas'];

export const CONNECTORS = [
  'overview',
  'versions',
  'builds',
  'updates',
  'bugs',
  'dependencies',
  'files',
  'changelog',
  'sources',
  'maintainers',
  'upstream',
  'ci',
] as const;

export type ConnectorName = (typeof CONNECTORS)[number];

/** Documents the API keeps per branch (`?branch=f43`); the others are per package. */
export const BRANCHED_CONNECTORS: readonly ConnectorName[] = ['dependencies', 'files', 'changelog'];
export const isBranched = (c: ConnectorName): boolean => BRANCHED_CONNECTORS.includes(c);

export function isConnector(s: string): s is ConnectorName {
  return (CONNECTORS as readonly string[]).includes(s);
}

/** GET /api/v1/packages/{name} */
export type ErrorKind = Schemas['ConnectorError']['kind'];
/** kind: an API newer than the SPA may send a kind it does not know (shown as it is). */
export type ConnectorError = Omit<Schemas['ConnectorError'], 'kind'> & { kind: ErrorKind | string };
export type ConnectorMeta = Omit<Schemas['ConnectorState'], 'error'> & { error: ConnectorError | null };
export type PackageMeta = Omit<Schemas['PackageMetadata'], 'connectors'> & {
  connectors: Partial<Record<ConnectorName, ConnectorMeta>>;
};

/** GET /api/v1/status */
export type BootstrapState = Schemas['BootstrapProgress']['state'];
export type Status = Schemas['Status'];

/** GET /api/v1/packages/{name}/{connector}; T: the connector's document (`data`). */
export type Envelope<T = unknown> = Omit<Schemas['Envelope'], 'connector' | 'data'> & {
  connector: ConnectorName;
  data: T | null;
};

/** application/problem+json */
export type Problem = Schemas['Problem'];

// ---- documents (`data`) ----
export type OverviewSubpackage = Schemas['OverviewSubpackage'];
export type OverviewDoc = Schemas['OverviewDocument'];
export type Build = Schemas['Build'];
export type VersionsDoc = Schemas['VersionsDocument'];
export type BuildsDoc = Schemas['BuildsDocument'];
export type UpdatesDoc = Schemas['UpdatesDocument'];
export type BugsDoc = Schemas['BugsDocument'];
export type Dep = Schemas['Dep'];
export type DependenciesDoc = Schemas['DependenciesDocument'];
export type DependenciesSubpackage = Schemas['DependenciesSubpackage'];
export type FilesDoc = Schemas['FilesDocument'];
export type ChangelogDoc = Schemas['ChangelogDocument'];
export type SourcesDoc = Schemas['SourcesDocument'];
export type MaintainersDoc = Schemas['MaintainersDocument'];
export type UpstreamDoc = Schemas['UpstreamDocument'];
export type CiDoc = Schemas['CiDocument'];

export const DEP_RELATIONS = [
  'requires',
  'provides',
  'recommends',
  'suggests',
  'supplements',
  'enhances',
  'obsoletes',
  'conflicts',
] as const;
export type DepRelation = (typeof DEP_RELATIONS)[number];

// ---- search ----
export type SearchPage = Schemas['SearchPage'];
export type SearchHit = Schemas['SearchHit'];
export type Suggestions = Schemas['Suggestions'];
export type Suggestion = Schemas['Suggestion'];

/** GET /api/v1/resolve?names=…: what package each name (binary, soname, capability) is in; nulls when none. */
export type ResolvedName = Schemas['Resolution'];
export type Resolved = Schemas['Resolutions'];

/**
 * One event of /api/v1/packages/{name}/events (a document was refreshed), as live.ts's parseRefresh keeps it:
 * a known connector and a version (events without one are dropped), the time and status filled in when missing.
 */
type RefreshEventData = Schemas['RefreshEvent'];
export type RefreshEvent = {
  connector: ConnectorName;
  version: NonNullable<RefreshEventData['version']>;
  refreshedAt: NonNullable<RefreshEventData['refreshedAt']>;
  status: NonNullable<RefreshEventData['status']>;
};
