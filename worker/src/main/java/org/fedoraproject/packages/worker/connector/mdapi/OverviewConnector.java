package org.fedoraproject.packages.worker.connector.mdapi;

import static org.fedoraproject.packages.worker.connector.JsonBodies.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.OverviewDocument;
import org.fedoraproject.packages.contract.document.OverviewDocument.Subpackage;
import org.fedoraproject.packages.worker.catalog.CatalogOverviews;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.repodata.PrimaryXml;

/** Summary, description, upstream URL and sub-packages, from mdapi's srcpkg and pkg answers. */
@ApplicationScoped
public class OverviewConnector implements Connector {
    private final Mdapi mdapi;
    private final PackageLocator locator;
    private final CatalogOverviews catalog;

    public OverviewConnector(Mdapi mdapi, PackageLocator locator, CatalogOverviews catalog) {
        this.mdapi = mdapi;
        this.locator = locator;
        this.catalog = catalog;
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.OVERVIEW;
    }

    @Override
    public String upstream() {
        return Mdapi.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        // The catalog (read from the same repository metadata mdapi serves) answers without a request;
        // mdapi answers for what no catalog has yet (a package whose first compose is minutes old).
        return catalog.overview(packageName).flatMap(found -> found.isPresent() ? Uni.createFrom().item(found.get())
                : locator.describeWhereFound(packageName, this::describe));
    }

    private Uni<FetchResult> describe(PackageLocator.Located located) {
        JsonNode src = located.srcpkg();
        return Multi.createFrom().iterable(located.subpackages())
                .onItem().transformToUniAndConcatenate(sub -> mdapi.pkg(located.branch(), sub)
                        .map(pkg -> subpackage(sub, pkg)))
                .collect().asList()
                .map(subs -> FetchResult.ok(located.source(), new OverviewDocument(
                        text(src, "basename") != null ? text(src, "basename") : packageNameOf(located),
                        located.branch(), text(src, "summary"), text(src, "description"), text(src, "url"),
                        text(src, "license"), text(src, "epoch"), text(src, "version"), text(src, "release"), subs)));
    }

    private static String packageNameOf(PackageLocator.Located located) {
        String source = located.source();
        return source.substring(source.lastIndexOf('/') + 1);
    }

    private static Subpackage subpackage(String name, Optional<JsonNode> pkg) {
        return new Subpackage(name, pkg.map(p -> text(p, "summary")).orElse(null),
                pkg.map(p -> text(p, "arch")).orElse(null),
                pkg.map(p -> PrimaryXml.bytes(text(p, "package-size"))).orElse(null),
                pkg.map(p -> PrimaryXml.bytes(text(p, "installed-size"))).orElse(null));
    }
}
