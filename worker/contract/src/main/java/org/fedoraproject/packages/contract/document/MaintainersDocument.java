package org.fedoraproject.packages.contract.document;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The maintainers connector's document: dist-git's access lists. */
@Schema(name = "MaintainersDocument", description = "Who maintains the package: dist-git's access_users and access_groups, "
        + "in Pagure's order ([] when a level is missing, as in projects from before 2019)")
public record MaintainersDocument(
        @Schema(required = true, format = "uri", description = "https://src.fedoraproject.org/rpms/<name>") String url,
        @Schema(required = true, nullable = true, description = "access_users.owner[0]; null: orphaned") String pointOfContact,
        @Schema(required = true) List<String> admins,
        @Schema(required = true) List<String> committers,
        @Schema(required = true) List<String> collaborators,
        @Schema(required = true) Groups groups) {

    @Schema(name = "MaintainersGroups", description = "Groups per access level")
    public record Groups(
            @Schema(required = true) List<String> admin,
            @Schema(required = true) List<String> commit,
            @Schema(required = true) List<String> collaborator) {
    }
}
