package org.fedoraproject.packages.worker.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.fedoraproject.packages.worker.connector.mdapi.SourceNames;
import org.fedoraproject.packages.worker.refresh.SourcePackages;

/**
 * Binary → source package: the catalog's index answers without a request; mdapi answers for a binary
 * no catalog has yet (a repository update announces it before discovery re-read the repository).
 */
@ApplicationScoped
public class CatalogSourceNames implements SourcePackages {
    private final CatalogStore store;
    private final SourceNames mdapi;

    public CatalogSourceNames(CatalogStore store, SourceNames mdapi) {
        this.store = store;
        this.mdapi = mdapi;
    }

    @Override
    public String upstream() {
        return mdapi.upstream();
    }

    @Override
    public Uni<Optional<String>> sourceOf(String branch, String binaryName) {
        return store.sourceOfBinary(binaryName).flatMap(source -> source != null ? Uni.createFrom().item(Optional.of(source))
                : mdapi.sourceOf(branch, binaryName));
    }
}
