package org.fedoraproject.packages.worker.connector.mdapi;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.FilesDocument;
import org.fedoraproject.packages.contract.document.FilesDocument.Subpackage;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.Parallel;

/**
 * The files of each sub-package, from mdapi {@code /{branch}/files/{sub}}. mdapi stores file lists
 * the way repodata's filelists.sqlite does: one row per directory with the names joined by {@code /}
 * and one type letter per name ({@code f} file, {@code d} directory, {@code g} ghost). Here every
 * entry becomes a full path, directories with a trailing {@code /} (ghosts are files that the
 * package owns but does not ship; they are listed like files), sorted.
 *
 * <p>Sub-packages mdapi has no file list for (404, e.g. a name that is only a source package) are
 * left out. Kept per branch: every branch that has the package gets its own document.
 */
@ApplicationScoped
public class FilesConnector implements Connector {
    private final Mdapi mdapi;
    private final PackageLocator locator;
    private final int fanOut;

    public FilesConnector(Mdapi mdapi, PackageLocator locator, WorkerConfig config) {
        this.mdapi = mdapi;
        this.locator = locator;
        this.fanOut = config.connector().fanOut();
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.FILES;
    }

    @Override
    public int callsPerRefresh() {
        // the package is located on each branch, then each sub-package there
        return 5 * PackageLocator.TYPICAL_BRANCHES;
    }

    @Override
    public String upstream() {
        return Mdapi.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        return locator.describeOnEveryBranch(packageName, this::describe);
    }

    private Uni<FetchResult> describe(PackageLocator.Located located, List<String> branches) {
        return Parallel.inOrder(located.subpackages(), fanOut,
                        sub -> mdapi.files(located.branch(), sub).map(list -> list.map(l -> new Subpackage(sub, paths(l)))))
                .map(subs -> FetchResult.ok(located.source(), new FilesDocument(located.branch(), branches,
                        subs.stream().flatMap(Optional::stream).toList())));
    }

    /** Full, sorted paths from mdapi's {@code {"files": [{dirname, filenames, filetypes}]}}. */
    static List<String> paths(JsonNode answer) {
        TreeSet<String> paths = new TreeSet<>();
        JsonNode files = answer.get("files");
        if (files == null || !files.isArray()) {
            return List.of();
        }
        for (JsonNode row : files) {
            String dir = text(row, "dirname");
            String names = text(row, "filenames");
            String types = text(row, "filetypes");
            if (dir == null || names == null || names.isEmpty()) {
                continue;
            }
            String prefix = dir.endsWith("/") ? dir : dir + "/";
            String[] split = names.split("/", -1);
            for (int i = 0; i < split.length; i++) {
                if (split[i].isEmpty()) {
                    continue;
                }
                boolean directory = types != null && i < types.length() && types.charAt(i) == 'd';
                paths.add(prefix + split[i] + (directory ? "/" : ""));
            }
        }
        return List.copyOf(paths);
    }
}
