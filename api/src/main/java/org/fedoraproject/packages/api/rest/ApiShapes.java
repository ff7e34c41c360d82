package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the API's own endpoints answer (the documents themselves are the contract's records,
 * {@code org.fedoraproject.packages.contract.document}). The OpenAPI schemas are generated from these
 * records; the resources that build their answers from them ({@link StatusResource}, {@link ResolveResource},
 * {@link EventStreams}) cannot drift from them.
 */
public final class ApiShapes {
    private ApiShapes() {
    }

    @Schema(name = "PackageList", description = "GET /api/v1/packages: one page of known packages, sorted by name; "
            + "with ?names=: just those (offset and limit left out, unknown added)")
    public record PackageList(
            @Schema(required = true, description = "Known packages in all; with ?names=: how many of them are known") long total,
            @Schema(description = "Only when paging") Integer offset,
            @Schema(description = "Only when paging") Integer limit,
            @Schema(required = true) List<PackageSummary> items,
            @Schema(description = "Only with ?names=: the names asked that are no known package") List<String> unknown) {
    }

    @Schema(name = "PackageSummary", description = "One package of a list")
    public record PackageSummary(
            @Schema(required = true) String name,
            @Schema(required = true, nullable = true) String summary,
            @Schema(required = true, nullable = true, description = "version-release on the package's branch") String version,
            @Schema(description = DOCUMENTS) Map<String, org.fedoraproject.packages.contract.document.Envelope> documents) {
    }

    static final String DOCUMENTS = "Only with ?include=: the stored documents asked for, by connector, each exactly as "
            + "GET /api/v1/packages/{name}/{connector} answers it (default branch); a document not fetched yet is left out";

    @Schema(name = "PackageMetadata", description = "GET /api/v1/packages/{name}: where the package ships and the state "
            + "of each of its documents")
    public record PackageMetadata(
            @Schema(required = true) String name,
            @Schema(required = true, description = "Branches the package ships in (rawhide, f43, epel10, …), from the "
                    + "repositories; empty before the first discovery") List<String> branches,
            @Schema(required = true, description = "It left Rawhide, or every branch") boolean retired,
            @Schema(required = true, description = "One entry per connector (overview, versions, …, ci), by name")
            Map<String, ConnectorState> connectors,
            @Schema(description = DOCUMENTS) Map<String, org.fedoraproject.packages.contract.document.Envelope> documents) {
    }

    @Schema(name = "ConnectorState", description = "One document's state in the package's metadata")
    public record ConnectorState(
            @Schema(required = true, enumeration = {"ok", "absent", "missing"}, description = "missing: never fetched yet")
            String status,
            @Schema(required = true, nullable = true, description = "The stored document's version (its ETag)") Long version,
            @Schema(required = true, nullable = true, format = "date-time") String refreshedAt,
            @Schema(required = true, nullable = true, description = "The last failed refresh; the last good document stays")
            ConnectorError error) {
    }

    @Schema(name = "ConnectorError", description = "Why the last refresh of a document failed")
    public record ConnectorError(
            @Schema(required = true, enumeration = {"timeout", "server-error", "unavailable", "client-error", "malformed",
                "fault"}) String kind,
            @Schema(description = "Which upstream failed (mdapi, koji, bodhi, …): one connector may ask several; errors "
                    + "recorded before it was added lack it") String upstream,
            @Schema(required = true) String message,
            @Schema(required = true, format = "date-time") String at) {
    }

    @Schema(name = "Resolutions", description = "GET /api/v1/resolve: one item per name asked, in request order")
    public record Resolutions(@Schema(required = true) List<Resolution> items) {
    }

    @Schema(name = "Resolution", description = "What one dependency name leads to")
    public record Resolution(
            @Schema(required = true, description = "The dependency name as asked") String name,
            @Schema(required = true, nullable = true, description = "The binary package of that name, or the one that "
                    + "provides it; null for a source-only name or an unknown one") String binary,
            @JsonProperty("package")
            @Schema(name = "package", required = true, nullable = true, description = "The source package whose page to "
                    + "link to; null: nothing provides the name") String packageName) {
    }

    @Schema(name = "Status", description = "GET /api/v1/status: known packages and the bootstrap's progress")
    public record Status(
            @Schema(required = true, description = "Known packages") long packages,
            @Schema(required = true) Bootstrap bootstrap) {
    }

    @Schema(name = "BootstrapProgress", description = "The bootstrap's progress")
    public record Bootstrap(
            @Schema(required = true, enumeration = {"none", "running", "done"}, description = "none: never ran") String state,
            @Schema(required = true, description = "Known packages that have an overview") long done,
            @Schema(required = true, description = "Known packages") long total,
            @Schema(required = true, nullable = true, format = "date-time") String startedAt,
            @Schema(required = true, nullable = true, format = "date-time") String finishedAt,
            @Schema(required = true, nullable = true, format = "date-time", description = "The last discovery of the "
                    + "repositories") String discoveredAt) {
    }

    @Schema(name = "RefreshEvent", description = "The data of one server-sent event of /api/v1/events and "
            + "/api/v1/packages/{name}/events: a document was refreshed (id: <refreshedAt ms>-<n>)")
    public record RefreshEvent(
            @JsonProperty("package") @Schema(name = "package", required = true) String packageName,
            @Schema(required = true, description = "The connector whose document changed: overview, versions, …") String connector,
            @Schema(required = true, nullable = true, description = "The document's new version") Long version,
            @Schema(required = true, nullable = true, format = "date-time") String refreshedAt,
            @Schema(required = true, nullable = true, enumeration = {"ok", "absent"}) String status) {
    }

    @Schema(name = "ReleaseList", description = "GET /api/v1/releases: the active releases the versions documents show, "
            + "Rawhide first, then Fedora and EPEL newest first")
    public record ReleaseList(@Schema(required = true) List<ReleaseItem> items) {
    }

    @Schema(name = "ReleaseItem", description = "One active release")
    public record ReleaseItem(
            @Schema(required = true, description = "The branch: rawhide, f43, epel10 (what versions documents and badges use)")
            String name,
            @Schema(required = true, description = "Bodhi's name: F44, F43, EPEL-10.0") String release,
            @Schema(required = true, nullable = true) String longName,
            @Schema(required = true, enumeration = {"rawhide", "fedora", "epel", "other"}) String kind,
            @Schema(required = true, nullable = true, description = "The major version (Rawhide's is the Fedora it will become)")
            Integer number,
            @Schema(required = true, nullable = true, description = "The number as Bodhi gives it: 43, 10.0") String version,
            @Schema(required = true, nullable = true, enumeration = {"current", "pending", "frozen"}) String state) {
    }
}
