// Shapes of the API's JSON. The documents, search and envelope shapes come from the API's OpenAPI
// document (api-types.ts, generated: `npm run gen:types`); what the OpenAPI does not describe yet
// (the status document, the package metadata's branches/retired, /api/v1/resolve, the documents'
// fields the API is adding) is written here.

import type { components } from './api-types';

type Schemas = components['schemas'];

/**
 * The OpenAPI marks no field of the documents as required, but the worker writes every field of a
 * document (null when unknown; docs/connectors.md). Present<T> says so: keys required, null kept.
 */
export type Present<T> = T extends readonly (infer U)[]
  ? Present<U>[]
  : T extends object
    ? { [K in keyof T]-?: Present<Exclude<T[K], undefined>> }
    : T;


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
export type ErrorKind = 'timeout' | 'server-error' | 'unavailable' | 'client-error' | 'malformed' | 'fault';
export interface ConnectorError {
  kind: ErrorKind | string;
  /** Which upstream failed (mdapi, koji, bodhi, …): one connector may ask several. */
  upstream?: string;
  message: string;
  at: string;
}
export interface ConnectorMeta {
  status: 'ok' | 'absent' | 'missing';
  version: number | null;
  refreshedAt: string | null;
  error: ConnectorError | null;
}
export interface PackageMeta {
  name: string;
  /** Branches the package ships in (rawhide, f43, epel10, …); empty before the first discovery. */
  branches?: string[];
  /** It left Rawhide, or every branch. Older APIs send neither field. */
  retired?: boolean;
  connectors: Partial<Record<ConnectorName, ConnectorMeta>>;
}

/** GET /api/v1/status */
export type BootstrapState = 'none' | 'running' | 'done';
export interface Status {
  /** Known packages. */
  packages: number;
  bootstrap: {
    state: BootstrapState;
    /** Known packages that have an overview. */
    done: number;
    total: number;
    startedAt: string | null;
    finishedAt: string | null;
    discoveredAt: string | null;
  };
}

/** GET /api/v1/packages/{name}/{connector} */
export interface Envelope<T = unknown> {
  package: string;
  connector: ConnectorName;
  version: number;
  refreshedAt: string;
  source: string | null;
  status: 'ok' | 'absent';
  data: T | null;
}

/** application/problem+json */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

// ---- documents (`data`), from the OpenAPI ----

// Until openapi.yaml describes them (then the generated types take over and these go): what the
// API is adding (issues 9/10). Optional, since older documents do not have them.
/** Every branch that has this document, in display order (per-branch documents). */
type BranchList = { branches?: string[] };
/** Sizes in bytes of a sub-package's RPM (download) and of what it installs. */
type SubpackageSizes = { packageSize?: number | null; installedSize?: number | null };

type OverviewSchema = Present<Schemas['OverviewDocument']>;
export type OverviewSubpackage = OverviewSchema['subpackages'][number] & SubpackageSizes;
export type OverviewDoc = Omit<OverviewSchema, 'subpackages'> & { subpackages: OverviewSubpackage[] };
export type Build = Present<Schemas['Build']>;
export type VersionsDoc = Present<Schemas['VersionsDocument']>;
export type BuildsDoc = Present<Schemas['BuildsDocument']>;
export type UpdatesDoc = Present<Schemas['UpdatesDocument']>;
export type BugsDoc = Present<Schemas['BugsDocument']>;
export type Dep = Present<Schemas['Dep']>;
export type DependenciesDoc = Present<Schemas['DependenciesDocument']> & BranchList;
export type DependenciesSubpackage = DependenciesDoc['subpackages'][number];
export type FilesDoc = Present<Schemas['FilesDocument']> & BranchList;
export type ChangelogDoc = Present<Schemas['ChangelogDocument']> & BranchList;
export type SourcesDoc = Present<Schemas['SourcesDocument']>;
export type MaintainersDoc = Present<Schemas['MaintainersDocument']>;
export type UpstreamDoc = Present<Schemas['UpstreamDocument']>;
export type CiDoc = Present<Schemas['CiDocument']>;

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
export interface ResolvedName {
  name: string;
  binary: string | null;
  package: string | null;
}
export interface Resolved {
  items: ResolvedName[];
}

/** One event of /api/v1/packages/{name}/events: a document was refreshed. */
export interface RefreshEvent {
  connector: ConnectorName;
  version: number;
  refreshedAt: string;
  status: 'ok' | 'absent';
}
