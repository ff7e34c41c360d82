// Example API documents (docs/connectors.md) for unit tests; the JSON files can also feed a mock API.
import type { ConnectorName, Envelope, PackageMeta, Resolved } from '../types';
import bugs from './curl/bugs.json';
import builds from './curl/builds.json';
import changelog from './curl/changelog.json';
import ciAbsent from './curl/ci-absent.json';
import ci from './curl/ci.json';
import dependencies from './curl/dependencies.json';
import files from './curl/files.json';
import maintainers from './curl/maintainers.json';
import meta from './curl/meta.json';
import overview from './curl/overview.json';
import sources from './curl/sources.json';
import updates from './curl/updates.json';
import upstream from './curl/upstream.json';
import versions from './curl/versions.json';
import branchedDependencies from './curl-branched/dependencies.json';
import branchedFiles from './curl-branched/files.json';
import branchedFilesF43 from './curl-branched/files-f43.json';
import branchedOverview from './curl-branched/overview.json';
import resolved from './curl-branched/resolve.json';

export const curlEnvelopes = {
  overview,
  versions,
  builds,
  updates,
  bugs,
  dependencies,
  files,
  changelog,
  sources,
  maintainers,
  upstream,
  ci,
} as unknown as Record<ConnectorName, Envelope<any>>;

export const curlCiAbsent = ciAbsent as unknown as Envelope<any>;
export const curlMeta = meta as unknown as PackageMeta;

/** Deep copy, so a test can change a fixture without affecting others. */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

// The same package in the documents' newer shape (issues 9/10: per-branch documents with
// `branches`, sub-package sizes) and GET /api/v1/resolve's answer for its dependencies.
export const curlBranched = {
  overview: branchedOverview,
  dependencies: branchedDependencies,
  files: branchedFiles,
  filesF43: branchedFilesF43,
} as unknown as Record<'overview' | 'dependencies' | 'files' | 'filesF43', Envelope<any>>;
export const curlResolved = resolved as Resolved;
