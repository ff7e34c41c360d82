// Every URL the SPA builds, in one place: the human pages of Fedora's services (what a person wants
// to open, rather than the API URLs the worker reads) and this site's own feed, badge and API pages.

const enc = encodeURIComponent;

export interface ExternalLink {
  label: string;
  url: string;
}

/** Human pages upstream, per package. */
export const upstream = {
  kojiPackage: (pkg: string) => `https://koji.fedoraproject.org/koji/search?match=exact&type=package&terms=${enc(pkg)}`,
  bodhiUpdates: (pkg: string) => `https://bodhi.fedoraproject.org/updates/?packages=${enc(pkg)}`,
  bugzillaOpen: (pkg: string) =>
    `https://bugzilla.redhat.com/buglist.cgi?bug_status=__open__&product=Fedora&product=Fedora%20EPEL&component=${enc(pkg)}`,
  bugzillaReport: (pkg: string) => `https://bugzilla.redhat.com/enter_bug.cgi?product=Fedora&component=${enc(pkg)}`,
  bugzillaBug: (id: number | string) => `https://bugzilla.redhat.com/show_bug.cgi?id=${enc(String(id))}`,
  distGit: (pkg: string) => `https://src.fedoraproject.org/rpms/${enc(pkg)}`,
  distGitCommits: (pkg: string) => `https://src.fedoraproject.org/rpms/${enc(pkg)}/commits/rawhide`,
  koschei: (pkg: string) => `https://koschei.fedoraproject.org/package/${enc(pkg)}`,
  anityaSearch: (pkg: string) => `https://release-monitoring.org/projects/search/?pattern=${enc(pkg)}`,
  /** packages.fedoraproject.org shows repository data (dependencies, files, changelog) per release. */
  repoData: (pkg: string) => `https://packages.fedoraproject.org/pkgs/${enc(pkg)}/`,
};

/** This site's own machine-readable pages (the API); adjust here when the API names them otherwise. */
export const own = {
  feed: (pkg: string) => `/api/v1/packages/${enc(pkg)}/feed.atom`,
  badge: (pkg: string, release: string) => `/api/v1/packages/${enc(pkg)}/badge/${enc(release)}.svg`,
  packageApi: (pkg: string) => `/api/v1/packages/${enc(pkg)}`,
  events: (pkg: string) => `/api/v1/packages/${enc(pkg)}/events`,
  apiDocs: '/q/swagger-ui',
  openapi: '/q/openapi',
};
