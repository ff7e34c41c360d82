package org.fedoraproject.packages.worker.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fedoraproject.packages.contract.PackageNames;
import org.fedoraproject.packages.contract.Provider;
import org.fedoraproject.packages.worker.connector.repodata.Rpm;

/**
 * Gathers the binaries of one branch's repositories and groups them by source package. Repositories
 * are added in order and a later one's binary replaces an earlier one's (updates over the release);
 * within one repository the x86_64 build wins over the i686 multilib one of the same name.
 */
public final class BranchCatalog {
    private record Binary(Rpm rpm, String repo, int order) {
    }

    private final Map<String, Binary> binaries = new HashMap<>();
    private int repoOrder;
    private String currentRepo;

    /** Starts the next repository; its binaries override those of the ones before. */
    public void repository(String repo) {
        currentRepo = repo;
        repoOrder++;
    }

    public void add(Rpm rpm) {
        if ("src".equals(rpm.arch()) || rpm.sourceName() == null || !PackageNames.isValid(rpm.sourceName())
                || !PackageNames.isValid(rpm.name())) {
            return; // a source rpm itself, or a binary that names no usable source
        }
        Binary next = new Binary(rpm, currentRepo, repoOrder);
        binaries.merge(rpm.name(), next, (old, now) -> now.order() > old.order() || "i686".equals(old.rpm().arch())
                && !"i686".equals(now.rpm().arch()) ? now : old);
    }

    /** Source name → its entry, sorted by name. */
    public Map<String, SourceEntry> sources() {
        Map<String, List<Binary>> bySource = new TreeMap<>();
        binaries.values().forEach(b -> bySource.computeIfAbsent(b.rpm().sourceName(), k -> new ArrayList<>()).add(b));
        Map<String, SourceEntry> out = new TreeMap<>();
        bySource.forEach((source, list) -> {
            list.sort(Comparator.comparing(b -> b.rpm().name()));
            // the binary named like the source, else one from the newest repository (its EVR is the source's now)
            Binary main = list.stream().filter(b -> b.rpm().name().equals(source)).findFirst()
                    .orElseGet(() -> list.stream().max(Comparator.comparingInt(Binary::order)
                            .thenComparing(b -> b.rpm().name(), Comparator.reverseOrder())).orElseThrow());
            Rpm m = main.rpm();
            String[] nvr = m.sourceNvr();
            List<SourceEntry.Sub> subs = list.stream()
                    .map(b -> new SourceEntry.Sub(b.rpm().name(), b.rpm().summary(), b.rpm().arch(), b.rpm().provides(),
                            b.rpm().packageSize(), b.rpm().installedSize())).toList();
            out.put(source, new SourceEntry(source, m.epoch() == null ? "0" : m.epoch(), nvr[1], nvr[2], m.summary(),
                    m.description(), m.url(), m.license(), subs, main.repo()));
        });
        return out;
    }

    /** Binary name → source name. */
    public Map<String, String> binaryToSource() {
        Map<String, String> out = new TreeMap<>();
        binaries.forEach((name, b) -> out.put(name, b.rpm().sourceName()));
        return out;
    }

    /**
     * Provided name or listed file → its {@link Provider} (encoded), the branch's provides index, from the
     * binaries that won (an update's build, not the release's it replaced). Binary names are left out: they
     * resolve through the binary index. Among several providers the first binary by name wins, so the
     * answer does not depend on the order the repositories listed them.
     */
    public Map<String, String> provides() {
        Map<String, String> out = new HashMap<>();
        binaries.values().stream().sorted(Comparator.comparing(b -> b.rpm().name())).forEach(b -> {
            String provider = new Provider(b.rpm().name(), b.rpm().sourceName()).encode(); // one string per binary
            for (String name : b.rpm().providedNames()) {
                if (!binaries.containsKey(name)) {
                    out.putIfAbsent(name, provider);
                }
            }
        });
        return out;
    }

    public int binaryCount() {
        return binaries.size();
    }
}
