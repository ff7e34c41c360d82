// Shapes of the API's JSON, mirroring docs/connectors.md (keep the two in step).

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

export function isConnector(s: string): s is ConnectorName {
  return (CONNECTORS as readonly string[]).includes(s);
}

/** GET /api/v1/packages */
export interface PackageListItem {
  name: string;
  summary: string | null;
  version: string | null;
}
export interface PackageList {
  total: number;
  offset: number;
  limit: number;
  items: PackageListItem[];
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

// ---- documents (`data`) ----

export interface OverviewDoc {
  name: string;
  branch: string | null;
  summary: string | null;
  description: string | null;
  url: string | null;
  license: string | null;
  epoch: string | number | null;
  version: string | null;
  release: string | null;
  subpackages: { name: string; summary: string | null; arch: string | null }[];
}

export interface Build {
  nvr: string;
  version: string | null;
  release: string | null;
  epoch: string | number | null;
  buildId: number | null;
  buildUrl: string | null;
  updateUrl: string | null;
}
export interface VersionsDoc {
  releases: {
    release: string;
    longName: string | null;
    branch: string | null;
    state: string | null;
    stable: Build | null;
    testing: Build | null;
  }[];
}

export interface BuildsDoc {
  builds: {
    buildId: number;
    nvr: string;
    version: string | null;
    release: string | null;
    epoch: string | number | null;
    state: string | null;
    owner: string | null;
    startedAt: string | null;
    completedAt: string | null;
    durationSeconds: number | null;
    taskId: number | null;
    taskUrl: string | null;
    buildUrl: string | null;
  }[];
}

export interface UpdatesDoc {
  total: number;
  updates: {
    /** Bodhi updates of old (Bodhi 1) times have no alias: then the title names the update. */
    alias: string | null;
    title: string | null;
    release: string | null;
    status: string | null;
    type: string | null;
    severity: string | null;
    karma: number | null;
    submitter: string | null;
    dateSubmitted: string | null;
    dateTesting: string | null;
    dateStable: string | null;
    dateModified: string | null;
    builds: string[];
    url: string | null;
  }[];
}

export interface BugsDoc {
  total: number;
  byStatus: Record<string, number>;
  bugs: {
    id: number;
    summary: string | null;
    status: string | null;
    severity: string | null;
    priority: string | null;
    assignee: string | null;
    product: string | null;
    version: string | null;
    component: string | null;
    lastChange: string | null;
    created: string | null;
    keywords: string[] | null;
    url: string | null;
  }[];
}

export interface Dep {
  name: string;
  flags: string | null;
  version: string | null;
}
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
export type DependenciesSubpackage = { name: string } & Partial<Record<DepRelation, Dep[] | null>>;
export interface DependenciesDoc {
  branch: string | null;
  subpackages: DependenciesSubpackage[];
  requiredBy: string[];
  recommendedBy: string[];
}

export interface FilesDoc {
  branch: string | null;
  subpackages: { name: string; files: string[] }[];
}

export interface ChangelogDoc {
  branch: string | null;
  entries: {
    date: string | null;
    author: string | null;
    email: string | null;
    version: string | null;
    text: string | null;
  }[];
}

export interface SourcesDoc {
  url: string | null;
  defaultBranch: string | null;
  branches: string[];
  specFile: string | null;
  spec: string | null;
  /** The spec is longer than the worker keeps: `spec` holds its beginning. */
  specTruncated?: boolean;
  patches: string[];
  sources: string[];
  lookaside: { file: string; hash: string | null; algorithm: string | null }[];
  lastCommits: {
    branch: string;
    id: string;
    message: string | null;
    author: string | null;
    date: string | null;
    url: string | null;
  }[];
}

export interface MaintainersDoc {
  url: string | null;
  pointOfContact: string | null;
  admins: string[];
  committers: string[];
  collaborators: string[];
  groups: { admin: string[]; commit: string[]; collaborator: string[] };
}

export interface UpstreamDoc {
  project: string | null;
  projectUrl: string | null;
  ecosystem: string | null;
  latestVersion: string | null;
  stableVersion: string | null;
  rawhideVersion: string | null;
  outdated: boolean | null;
}

export interface CiDoc {
  url: string | null;
  collections: {
    collection: string;
    state: string | null;
    lastBuildTaskId: number | null;
    lastBuildAt: string | null;
    taskUrl: string | null;
  }[];
}
