package org.fedoraproject.packages.worker.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.fedoraproject.packages.contract.document.OverviewDocument;
import org.fedoraproject.packages.contract.document.OverviewDocument.Subpackage;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.mdapi.PackageLocator;
import org.jboss.logging.Logger;

/**
 * A package's overview from the catalog: the same document mdapi's srcpkg and pkg answers give (mdapi
 * serves the same repository metadata), on the first branch in display order that ships the package,
 * without a request. This is what lets the bootstrap fill 34,000 overviews in seconds.
 */
@ApplicationScoped
public class CatalogOverviews {
    private static final Logger LOG = Logger.getLogger(CatalogOverviews.class);

    private final PackageLocator branches;
    private final CatalogStore store;
    private final ObjectMapper mapper;

    public CatalogOverviews(PackageLocator branches, CatalogStore store, ObjectMapper mapper) {
        this.branches = branches;
        this.store = store;
        this.mapper = mapper;
    }

    /** The overview, or empty when no branch's catalog has the package (then mdapi is asked). */
    public Uni<Optional<FetchResult>> overview(String name) {
        return branches.branches().flatMap(list -> Uni.join().all(list.stream().map(b -> store.source(b, name)).toList())
                .andFailFast()
                .map(found -> {
                    for (int i = 0; i < list.size(); i++) {
                        if (found.get(i) != null) {
                            int index = i;
                            return parse(found.get(i)).map(e -> FetchResult.ok(e.repo() + "/repodata/repomd.xml", overview(e,
                                    list.get(index))));
                        }
                    }
                    return Optional.<FetchResult>empty();
                }));
    }

    private static OverviewDocument overview(SourceEntry e, String branch) {
        List<Subpackage> subs = e.subpackages().stream().map(s -> new Subpackage(s.name(), s.summary(), s.arch(), s.packageSize(), s.installedSize())).toList();
        return new OverviewDocument(e.name(), branch, e.summary(), e.description(), e.url(), e.license(), e.epoch(), e.version(),
                e.release(), subs);
    }

    private Optional<SourceEntry> parse(String json) {
        try {
            return Optional.of(mapper.readValue(json, SourceEntry.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("catalog entry unreadable (%s); asking mdapi instead", e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
