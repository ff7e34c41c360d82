package org.fedoraproject.packages.api.openapi;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fedoraproject.packages.api.rest.ApiShapes;
import org.fedoraproject.packages.contract.document.BugsDocument;
import org.fedoraproject.packages.contract.document.BuildsDocument;
import org.fedoraproject.packages.contract.document.ChangelogDocument;
import org.fedoraproject.packages.contract.document.CiDocument;
import org.fedoraproject.packages.contract.document.DependenciesDocument;
import org.fedoraproject.packages.contract.document.Envelope;
import org.fedoraproject.packages.contract.document.FilesDocument;
import org.fedoraproject.packages.contract.document.MaintainersDocument;
import org.fedoraproject.packages.contract.document.OverviewDocument;
import org.fedoraproject.packages.contract.document.SourcesDocument;
import org.fedoraproject.packages.contract.document.UpdatesDocument;
import org.fedoraproject.packages.contract.document.UpstreamDocument;
import org.fedoraproject.packages.contract.document.VersionsDocument;

/**
 * The schemas the OpenAPI document always has, generated from the records that make the
 * answers: the documents (the contract's records, which the worker builds) and the API's own shapes. Resources
 * name them with {@code @Schema(ref = "<name>")} or by return type. Examples come from META-INF/openapi.yaml (merged
 * into the generated schemas of the same names), null alternatives from {@link NullableSchemas}. The annotation
 * requires an {@code info}; Quarkus takes the document's from {@code quarkus.smallrye-openapi.info-*} in
 * application.properties.
 */
@OpenAPIDefinition(
        info = @Info(title = "Fedora Packages API", version = "1"),
        components = @Components(schemas = {
            @Schema(name = "Envelope", implementation = Envelope.class),
            @Schema(name = "OverviewDocument", implementation = OverviewDocument.class),
            @Schema(name = "VersionsDocument", implementation = VersionsDocument.class),
            @Schema(name = "BuildsDocument", implementation = BuildsDocument.class),
            @Schema(name = "UpdatesDocument", implementation = UpdatesDocument.class),
            @Schema(name = "BugsDocument", implementation = BugsDocument.class),
            @Schema(name = "DependenciesDocument", implementation = DependenciesDocument.class),
            @Schema(name = "FilesDocument", implementation = FilesDocument.class),
            @Schema(name = "ChangelogDocument", implementation = ChangelogDocument.class),
            @Schema(name = "SourcesDocument", implementation = SourcesDocument.class),
            @Schema(name = "MaintainersDocument", implementation = MaintainersDocument.class),
            @Schema(name = "UpstreamDocument", implementation = UpstreamDocument.class),
            @Schema(name = "CiDocument", implementation = CiDocument.class),
            @Schema(name = "PackageList", implementation = ApiShapes.PackageList.class),
            @Schema(name = "PackageMetadata", implementation = ApiShapes.PackageMetadata.class),
            @Schema(name = "ReleaseList", implementation = ApiShapes.ReleaseList.class),
            @Schema(name = "Resolutions", implementation = ApiShapes.Resolutions.class),
            @Schema(name = "Status", implementation = ApiShapes.Status.class),
            @Schema(name = "RefreshEvent", implementation = ApiShapes.RefreshEvent.class),
        }))
final class OpenApiDocument {
    private OpenApiDocument() {
    }
}
