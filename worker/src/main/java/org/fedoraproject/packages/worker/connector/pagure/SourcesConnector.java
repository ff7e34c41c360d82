package org.fedoraproject.packages.worker.connector.pagure;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.SourcesDocument;
import org.fedoraproject.packages.contract.document.SourcesDocument.Commit;
import org.fedoraproject.packages.contract.document.SourcesDocument.Lookaside;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.Parallel;
import org.fedoraproject.packages.worker.connector.Urls;
import org.fedoraproject.packages.worker.connector.mdapi.BranchOrder;

/**
 * The package's dist-git repository: branches, the spec file on rawhide with its patches and sources,
 * the lookaside cache list, and the head commit of the newest branches.
 *
 * <p>Calls (docs/connectors.md): {@code GET /api/0/rpms/{name}} (404: absent), {@code GET
 * /api/0/rpms/{name}/git/branches?with_commits=true}, the raw files {@code /rpms/{name}/raw/rawhide/f/{name}.spec}
 * and {@code …/f/sources} (text; 404 = none), and {@code GET /api/0/rpms/{name}/c/{sha}/info} for the
 * head of up to five branches (rawhide, then Fedora newest first, then EPEL newest first).
 *
 * <p>Shape from docs, there is no recording of these: branches with commits, commit info, raw files.
 * Pagure's API documentation ({@code pagure/api/project.py} in Pagure/pagure: {@code api_git_branches},
 * {@code api_commit_info}): with {@code with_commits} the answer is {@code {"branches": {"<name>":
 * "<sha>"}, "default": {"<name>": "<sha>"}, "total_branches": n}} (without it, a list and a string:
 * the only real recording, which is also accepted); commit info is {@code {"author", "committer",
 * "commit_time" (epoch seconds), "commit_time_offset", "hash", "message", "parent_ids", "tree_id"}}.
 * The raw view is the web UI's {@code /<namespace>/<repo>/raw/<branch>/f/<file>}.
 *
 * <p>The spec text is kept up to {@code fp.sources.max-spec-chars} characters (200 000 by default;
 * the largest Fedora specs, texlive's, are megabytes); beyond that it is cut and {@code specTruncated}
 * is true. Patches and sources are read from the whole text before cutting.
 */
@ApplicationScoped
public class SourcesConnector implements Connector {
    static final String SPEC_BRANCH = "rawhide";
    static final int LAST_COMMITS = 5;
    private static final Pattern RELEASE_BRANCH = Pattern.compile("rawhide|f\\d+|epel\\d+(\\.\\d+)?");

    private final Pagure pagure;
    private final String distGit;
    private final int maxSpecChars;
    private final int fanOut;

    public SourcesConnector(Pagure pagure, WorkerConfig config) {
        this.pagure = pagure;
        this.distGit = Urls.trimmed(config.links().distGit());
        this.maxSpecChars = config.sources().maxSpecChars();
        this.fanOut = config.connector().fanOut();
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.SOURCES;
    }

    @Override
    public int callsPerRefresh() {
        return 9; // project, branches, a commit per branch, spec and sources files
    }

    @Override
    public String upstream() {
        return Pagure.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        String source = pagure.url("/api/0/rpms/" + packageName);
        return pagure.project(packageName).flatMap(project -> project.isEmpty()
                ? Uni.createFrom().item(FetchResult.absent(source))
                : describe(packageName).map(sources -> FetchResult.ok(source, sources)));
    }

    private Uni<SourcesDocument> describe(String name) {
        String specFile = name + ".spec";
        // shared by the document and the commit lookups: one call, one snapshot
        Uni<Branches> branches = pagure.branchesWithCommits(name).map(SourcesConnector::branches).memoize().indefinitely();
        Uni<List<Commit>> commits = branches.flatMap(b -> lastCommits(name, b));
        Uni<Optional<String>> spec = pagure.rawFile(name, SPEC_BRANCH, specFile);
        Uni<Optional<String>> lookaside = pagure.rawFile(name, SPEC_BRANCH, "sources");
        return Uni.combine().all().unis(branches, commits, spec, lookaside).asTuple().map(t -> {
            Branches b = t.getItem1();
            Optional<String> specText = t.getItem3();
            SpecFile.Parsed parsed = specText.map(SpecFile::parse).orElse(new SpecFile.Parsed(List.of(), List.of()));
            boolean truncated = specText.map(s -> s.length() > maxSpecChars).orElse(false);
            String kept = specText.map(s -> truncated ? s.substring(0, maxSpecChars) : s).orElse(null);
            List<Lookaside> files = t.getItem4().map(LookasideFile::parse).orElse(List.of()).stream()
                    .map(e -> new Lookaside(e.file(), e.hash(), e.algorithm())).toList();
            return new SourcesDocument(distGit + "/rpms/" + name, b.defaultBranch(), List.copyOf(b.heads().keySet()),
                    specText.isPresent() ? specFile : null, kept, truncated, parsed.patches(), parsed.sources(),
                    files, t.getItem2());
        });
    }

    /** Branch names in display order (rawhide, Fedora newest first, EPEL newest first, others by name) with their heads. */
    record Branches(String defaultBranch, LinkedHashMap<String, String> heads) {
    }

    static Branches branches(Optional<JsonNode> answer) {
        if (answer.isEmpty()) {
            return new Branches(null, new LinkedHashMap<>());
        }
        JsonNode node = answer.get();
        Map<String, String> heads = new java.util.TreeMap<>();
        JsonNode list = node.path("branches");
        if (list.isArray()) {
            list.forEach(n -> heads.put(n.asText(), null));
        } else if (list.isObject()) {
            list.fields().forEachRemaining(e -> heads.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null));
        }
        LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
        for (String branch : BranchOrder.sort(new ArrayList<>(heads.keySet()))) {
            ordered.put(branch, heads.get(branch));
        }
        JsonNode def = node.path("default");
        String defaultBranch = null;
        if (def.isTextual() && !def.asText().isBlank()) {
            defaultBranch = def.asText();
        } else if (def.isObject()) {
            Iterator<String> names = def.fieldNames();
            defaultBranch = names.hasNext() ? names.next() : null;
        }
        return new Branches(defaultBranch, ordered);
    }

    private Uni<List<Commit>> lastCommits(String name, Branches branches) {
        List<Map.Entry<String, String>> newest = branches.heads().entrySet().stream()
                .filter(e -> e.getValue() != null && RELEASE_BRANCH.matcher(e.getKey()).matches())
                .limit(LAST_COMMITS)
                .toList();
        return Parallel.inOrder(newest, fanOut, head -> pagure.commit(name, head.getValue())
                        .map(info -> info.map(i -> commit(name, head.getKey(), head.getValue(), i))))
                .map(found -> found.stream().flatMap(Optional::stream).toList());
    }

    private Commit commit(String name, String branch, String sha, JsonNode info) {
        String id = text(info, "hash") != null ? text(info, "hash") : text(info, "id") != null ? text(info, "id") : sha;
        String message = text(info, "message");
        String firstLine = message == null ? null : message.strip().lines().findFirst().orElse("").strip();
        JsonNode time = info.get("commit_time");
        String date = time == null || time.isNull() || !(time.isNumber() || time.asText().matches("\\d+"))
                ? null : Instant.ofEpochSecond(time.asLong()).toString();
        return new Commit(branch, id, firstLine, text(info, "author"), date, distGit + "/rpms/" + name + "/c/" + id);
    }
}
