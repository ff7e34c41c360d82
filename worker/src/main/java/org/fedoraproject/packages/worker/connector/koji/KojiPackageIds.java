package org.fedoraproject.packages.worker.connector.koji;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Koji's package ids by name, remembered (cache {@code koji-package-ids}): Koji never renumbers or
 * deletes a package, so an id once known stays right, and the builds and versions refreshes of a
 * known package skip the {@code getPackageID} request. A name Koji does not know is not remembered:
 * it is asked again next time, since the package may be created at any moment.
 */
@ApplicationScoped
public class KojiPackageIds {
    private final Koji koji;
    private final Cache cache;

    public KojiPackageIds(Koji koji, @CacheName("koji-package-ids") Cache cache) {
        this.koji = koji;
        this.cache = cache;
    }

    /** The package's id, or empty when Koji has no such package. */
    public Uni<Optional<Long>> of(String packageName) {
        return cache.<String, Optional<Long>>getAsync(packageName, koji::getPackageID)
                .call(id -> id.isEmpty() ? cache.invalidate(packageName) : Uni.createFrom().voidItem());
    }
}
