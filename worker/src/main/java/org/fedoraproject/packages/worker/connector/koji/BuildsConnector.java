package org.fedoraproject.packages.worker.connector.koji;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.BuildsDocument;
import org.fedoraproject.packages.contract.document.BuildsDocument.Build;
import org.fedoraproject.packages.worker.WorkerConfig;
import org.fedoraproject.packages.worker.connector.Connector;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.connector.Urls;

/** The package's newest Koji builds, in every state, with who built them, when and for how long. */
@ApplicationScoped
public class BuildsConnector implements Connector {
    /** How many builds a document keeps (the newest). */
    static final int LIMIT = 50;
    /** Koji's {@code koji.BUILD_STATES}, by number. */
    private static final List<String> STATES = List.of("BUILDING", "COMPLETE", "DELETED", "FAILED", "CANCELED");

    private final Koji koji;
    private final KojiPackageIds packageIds;
    private final String kojiWeb;

    public BuildsConnector(Koji koji, KojiPackageIds packageIds, WorkerConfig config) {
        this.koji = koji;
        this.packageIds = packageIds;
        this.kojiWeb = Urls.trimmed(config.links().koji());
    }

    @Override
    public ConnectorName name() {
        return ConnectorName.BUILDS;
    }

    @Override
    public String upstream() {
        return Koji.UPSTREAM;
    }

    @Override
    public Uni<FetchResult> fetch(String packageName) {
        return packageIds.of(packageName).flatMap(id -> id.isEmpty()
                ? Uni.createFrom().item(FetchResult.absent(koji.hubUrl()))
                : koji.listBuilds(id.get(), LIMIT).map(builds -> FetchResult.ok(koji.hubUrl(), new BuildsDocument(builds.stream()
                        .map(this::build)
                        .filter(b -> b.buildId() != null)
                        // Koji already orders by -build_id; sorting again keeps the order whatever the hub does.
                        .sorted(Comparator.comparing(Build::buildId, Comparator.reverseOrder()))
                        .limit(LIMIT)
                        .toList()))));
    }

    private Build build(Map<String, Object> b) {
        Long buildId = KojiFields.buildId(b);
        Long stateNumber = KojiFields.number(b, "state");
        String state = stateNumber != null && stateNumber >= 0 && stateNumber < STATES.size()
                ? STATES.get(stateNumber.intValue()) : null;
        Instant started = KojiFields.instant(b, "start_ts", "start_time");
        Instant completed = KojiFields.instant(b, "completion_ts", "completion_time");
        Long duration = started != null && completed != null && !completed.isBefore(started)
                ? Duration.between(started, completed).getSeconds() : null;
        Long taskId = KojiFields.number(b, "task_id");
        return new Build(buildId, KojiFields.text(b, "nvr"), KojiFields.text(b, "version"), KojiFields.text(b, "release"),
                KojiFields.number(b, "epoch"), state, KojiFields.text(b, "owner_name"),
                KojiFields.iso(started), KojiFields.iso(completed), duration, taskId,
                taskId == null ? null : kojiWeb + "/taskinfo?taskID=" + taskId,
                buildId == null ? null : kojiWeb + "/buildinfo?buildID=" + buildId);
    }
}
