package org.fedoraproject.packages.contract;

/**
 * The Redis key layout: the single place that names keys, hash fields and channels.
 * The worker is the only writer; the API only reads. Documented for people in docs/redis-layout.md.
 *
 * <p>Per-package keys carry the package name in braces, which Redis Cluster treats as a hash tag:
 * all keys of one package land in one slot, so one Lua script may touch the document and the
 * package's metadata atomically.
 *
 * <ul>
 *   <li>{@code pkg:{name}:doc:<connector>} hash: {@code v} (version, a decimal integer) and
 *       {@code body} (the envelope JSON, served unchanged by the API). A document kept per branch
 *       (dependencies, files, changelog) also has {@code body@<branch>} for every branch that has the
 *       package; {@code body} is then the default branch's (the first in display order, also stored
 *       under its own field). All fields are replaced together.</li>
 *   <li>{@code pkg:{name}:meta} hash: per connector {@code <c>:seq} (version counter),
 *       {@code <c>:version}, {@code <c>:refreshedAt}, {@code <c>:status}, {@code <c>:error}
 *       (JSON of the last failure) and {@code <c>:errorVersion} (its fetch's version; a success of a
 *       later fetch removes both).</li>
 *   <li>{@code packages} sorted set (all scores 0, ordered by name): the known packages.</li>
 *   <li>{@code packages:summary} hash: name → {@code {"name","summary","version"}} JSON.</li>
 *   <li>{@code releases} string: the active releases the versions documents show, in their order, as a JSON
 *       array of {@code {"release","longName","branch","state"}}; written with every versions document.</li>
 *   <li>channel {@code searched:<instance>}: {@code {"search":"updated","change":…}} after every change of the search index ({@link org.fedoraproject.packages.contract.search.SearchChange}).</li>
 *   <li>channel {@code refreshed:<instance>}: {@code {"package","connector","version"}} after every change.
 *       Pub/sub ignores the database number, so the channel carries the instance name: local instances
 *       that share one Redis server in different databases must not wake each other's readers.</li>
 *   <li>The refresh scheduler's durable queue, per upstream ({@code u}; the braces keep one upstream's
 *       keys in one Cluster slot so that one script moves an entry between them):
 *       {@code sched:{u}:ready} sorted set (work item → score {@code priority·10^13 + event time in ms}),
 *       {@code sched:{u}:running} sorted set (claimed item → lease deadline in ms, Redis clock),
 *       {@code sched:{u}:claimed} hash (claimed item → {@code "<score>|<owner>"}) and
 *       {@code sched:{u}:again} hash (item requested again while it ran → its score).</li>
 *   <li>The catalog, read from the repositories' metadata (repomd.xml → primary) of every active branch
 *       {@code b}: {@code catalog:{b}:src} hash (source package → its {@code SourceEntry} JSON: EVR, summary,
 *       description, url, license, sub-packages), {@code catalog:{b}:bin} hash (binary package → source
 *       package) and {@code catalog:{b}:repos} hash (repository URL → the primary's checksum last read).
 *       Each is replaced whole (written under {@code …:new}, then RENAME).</li>
 *   <li>{@code catalog:{b}:prov} hash, the provides index of branch {@code b}: every name a binary of the
 *       branch provides ({@code rpm:provides}) and every file its primary metadata lists, except the
 *       branch's binary names themselves, → the {@link Provider} ({@code "<binary> <source>"}, or
 *       {@code "<binary>"} when both are the same); when several binaries provide a name, the first by
 *       binary name. Replaced whole with the branch's other keys.</li>
 *   <li>{@code catalog:branches} string: the branches discovery read, comma-separated, in the order names
 *       resolve through them (Rawhide first, then the newest branch): the API looks a provide up in each
 *       branch's {@code catalog:{b}:prov} in that order, the way {@code binaries} was built.</li>
 *   <li>{@code binaries} hash: binary package → source package over all branches (Rawhide's answer
 *       first, then the newest branch's): where any sub-package name leads to its source's page.</li>
 *   <li>{@code packages:state} hash: known package → {@code {"branches":[…],"retired":bool,"via":…}}
 *       (where it ships; retired: it left Rawhide, or every branch, and is kept, marked).</li>
 *   <li>{@code refreshed-at:<connector>} sorted set: package → time (ms) it was last refreshed (a document
 *       or a failure written): the sweep's order, oldest first.</li>
 *   <li>{@code bootstrap} hash: {@code state} (running, done), {@code cursor} (the last name handed to
 *       the scheduler), {@code startedAt}, {@code finishedAt}, {@code total}, {@code discoveredAt} (a
 *       discovery found packages: from then on only known packages get entries).</li>
 *   <li>{@code sweep:<connector>} string: the sweep's cursor over the known set, for entries never refreshed.</li>
 *   <li>{@code search:pending} set: packages whose search document must be rebuilt (their overview,
 *       maintainers or state changed); the worker's indexer takes them out only once the engine has the
 *       new document, so a crash or an engine outage loses none.</li>
 *   <li>{@code search:digests} hash: package → digest of its search document as last written (a refresh that
 *       changed nothing searchable writes nothing and leaves the API's cached answers alone).</li>
 *   <li>{@code search:reindex} hash: the last full re-index: {@code state} (running, done, failed),
 *       {@code index}, {@code total}, {@code done}, {@code startedAt}, {@code finishedAt}, {@code error}; {@code search:reindex:lock} string: the running one's lease.</li>
 * </ul>
 */
public final class RedisLayout {
    public static final String KNOWN_PACKAGES = "packages";
    public static final String PACKAGE_SUMMARIES = "packages:summary";
    public static final String PACKAGE_STATES = "packages:state";
    public static final String BINARIES = "binaries";
    /**
     * The active releases of the last versions document written (Bodhi's, as the versions connector selects
     * them): what {@code GET /api/v1/releases} serves. The worker holds the list only in memory otherwise.
     */
    public static final String ACTIVE_RELEASES = "releases";
    /** The branches of the last discovery, comma-separated, Rawhide first then the newest: the provides lookup order. */
    public static final String CATALOG_BRANCHES = "catalog:branches";
    public static final String BOOTSTRAP = "bootstrap";
    public static final String SEARCH_PENDING = "search:pending";
    public static final String SEARCH_REINDEX = "search:reindex";
    /** Package → digest of its search document as last written: an unchanged document is not written again. */
    public static final String SEARCH_DIGESTS = "search:digests";
    /** Held (with a lease) by the one worker running a full re-index. */
    public static final String SEARCH_REINDEX_LOCK = "search:reindex:lock";
    /** Written whole under this suffix, then renamed over the live key (same Cluster slot). */
    public static final String REPLACEMENT_SUFFIX = ":new";

    public static final String DOC_VERSION = "v";
    public static final String DOC_BODY = "body";

    /** The field of one branch's envelope in a document kept per branch. */
    public static String branchBody(String branch) {
        return DOC_BODY + "@" + branch;
    }

    private RedisLayout() {
    }

    public static String document(String pkg, ConnectorName connector) {
        return "pkg:{" + pkg + "}:doc:" + connector.id();
    }

    /** The pub/sub channel of the "refreshed" notices of one instance ({@code fp.instance}). */
    public static String refreshedChannel(String instance) {
        return "refreshed:" + instance;
    }

    /**
     * The pub/sub channel on which the worker says {@code {"search":"updated"}} after it changed the search
     * index (a batch written, a re-index switched): the API's cache of search answers is dropped then.
     */
    public static String searchedChannel(String instance) {
        return "searched:" + instance;
    }

    /** The scheduler's keys of one upstream, in the order its Lua scripts take them. */
    public static java.util.List<String> schedulerKeys(String upstream) {
        String prefix = "sched:{" + upstream + "}:";
        return java.util.List.of(prefix + "ready", prefix + "running", prefix + "claimed", prefix + "again");
    }

    /** The upstream named in one of {@link #schedulerKeys}' keys ({@code sched:{u}:ready} → {@code u}). */
    public static String upstreamOfSchedulerKey(String key) {
        return key.substring(key.indexOf('{') + 1, key.lastIndexOf('}'));
    }

    /** Per connector: package → time (ms) of its last refresh, document or failure; the sweep goes oldest first. */
    public static String refreshedIndex(ConnectorName connector) {
        return "refreshed-at:" + connector.id();
    }

    /** The sweep's cursor over the known set, per connector (the last name it looked at). */
    public static String sweepCursor(ConnectorName connector) {
        return "sweep:" + connector.id();
    }

    /** A branch's catalog: source package → SourceEntry JSON. */
    public static String catalogSources(String branch) {
        return "catalog:{" + branch + "}:src";
    }

    /** A branch's catalog: binary package → source package. */
    public static String catalogBinaries(String branch) {
        return "catalog:{" + branch + "}:bin";
    }

    /** A branch's provides index: provided name or listed file → {@link Provider#encode()}. */
    public static String catalogProvides(String branch) {
        return "catalog:{" + branch + "}:prov";
    }

    /** A branch's repositories: URL → checksum of the primary metadata the catalog was read from. */
    public static String catalogRepos(String branch) {
        return "catalog:{" + branch + "}:repos";
    }

    public static String meta(String pkg) {
        return "pkg:{" + pkg + "}:meta";
    }

    /** Field names in the metadata hash, for one connector. */
    public static final class MetaField {
        private MetaField() {
        }

        public static String seq(ConnectorName c) {
            return c.id() + ":seq";
        }

        public static String version(ConnectorName c) {
            return c.id() + ":version";
        }

        public static String refreshedAt(ConnectorName c) {
            return c.id() + ":refreshedAt";
        }

        public static String status(ConnectorName c) {
            return c.id() + ":status";
        }

        public static String error(ConnectorName c) {
            return c.id() + ":error";
        }

        /** The version of the fetch whose failure {@link #error} describes. */
        public static String errorVersion(ConnectorName c) {
            return c.id() + ":errorVersion";
        }
    }
}
