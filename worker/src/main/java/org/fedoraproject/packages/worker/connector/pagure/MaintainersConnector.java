package org.fedoraproject.packages.worker.connector.pagure;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.MaintainersDocument;
import org.fedoraproject.packages.contract.document.MaintainersDocument.Groups;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * Who maintains a package: the dist-git project's access lists ({@code GET /api/0/rpms/{name}},
 * {@code access_users} and {@code access_groups}). The point of contact is the project owner, as in
 * the old app ("Orphaned" when there is none). Projects from before 2019 have no {@code collaborator}
 * level; it is then empty.
 */
@ApplicationScoped
public class MaintainersConnector implements Connector {
    private final Pagure pagure;
    private final String distGit;

    public MaintainersConnector(Pagure pagure, WorkerConfig config) {
        this.pagure = pagure;
        this.distGit = Urls.trimmed(config.links().distGit());
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.MAINTAINERS;
    }

    @Override
    public String upstream() {
        return Pagure.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        String source = pagure.url("/api/0/rpms/" + packageName);
        return pagure.project(packageName).map(found -> found
                .map(project -> FetchResult.ok(source, maintainers(packageName, project)))
                .orElseGet(() -> FetchResult.absent(source)));
    }

    private MaintainersDocument maintainers(String packageName, JsonNode project) {
        JsonNode users = project.path("access_users");
        JsonNode groups = project.path("access_groups");
        List<String> owners = names(users, "owner");
        return new MaintainersDocument(distGit + "/rpms/" + packageName, owners.isEmpty() ? null : owners.get(0),
                names(users, "admin"), names(users, "commit"), names(users, "collaborator"),
                new Groups(names(groups, "admin"), names(groups, "commit"), names(groups, "collaborator")));
    }

    static List<String> names(JsonNode access, String level) {
        List<String> names = new ArrayList<>();
        JsonNode list = access.path(level);
        if (list.isArray()) {
            list.forEach(n -> {
                if (n.isTextual() && !n.asText().isBlank()) {
                    names.add(n.asText());
                }
            });
        }
        return names;
    }
}
