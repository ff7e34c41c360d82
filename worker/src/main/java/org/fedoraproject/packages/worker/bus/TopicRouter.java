package org.fedoraproject.packages.worker.bus;

import static org.fedoraproject.packages.contract.ConnectorName.BUGS;
import static org.fedoraproject.packages.contract.ConnectorName.BUILDS;
import static org.fedoraproject.packages.contract.ConnectorName.CHANGELOG;
import static org.fedoraproject.packages.contract.ConnectorName.CI;
import static org.fedoraproject.packages.contract.ConnectorName.DEPENDENCIES;
import static org.fedoraproject.packages.contract.ConnectorName.FILES;
import static org.fedoraproject.packages.contract.ConnectorName.MAINTAINERS;
import static org.fedoraproject.packages.contract.ConnectorName.OVERVIEW;
import static org.fedoraproject.packages.contract.ConnectorName.SOURCES;
import static org.fedoraproject.packages.contract.ConnectorName.UPDATES;
import static org.fedoraproject.packages.contract.ConnectorName.UPSTREAM;
import static org.fedoraproject.packages.contract.ConnectorName.VERSIONS;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.PackageNames;
import org.fedoraproject.packages.worker.refresh.RefreshPlan;

/**
 * The one table that says which bus topics concern which packages and which of their documents.
 * Topics are matched after their first three segments ({@code org.fedoraproject.<env>.}), so prod,
 * stg and old fedmsg replays route alike; the RabbitMQ bindings are derived from the same rows
 * ({@link #bindings(String)}) so the two cannot drift apart.
 *
 * <p>A route answers empty when the message is valid but not about a package we show (another Koji
 * instance, a non-rpms repository, a bug in another product); it throws
 * {@link InvalidMessageException} when a message of a routed topic lacks the package name.
 */
@ApplicationScoped
public class TopicRouter {
    static final String FEDORA = "org.fedoraproject";
    static final String ANITYA = "org.release-monitoring";

    /** One row: the topic family and suffix, whether the suffix is a prefix, and how to plan. */
    record Route(String family, String suffix, boolean prefix, Function<BusMessage, Optional<RefreshPlan>> plan) {
        boolean matches(String topicSuffix) {
            return prefix ? topicSuffix.startsWith(suffix + ".") : topicSuffix.equals(suffix);
        }

        String binding(String env) {
            return family + "." + env + "." + suffix + (prefix ? ".#" : "");
        }
    }

    private final List<Route> routes = List.of(
            new Route(FEDORA, "buildsys.build.state.change", false, TopicRouter::kojiBuildState),
            new Route(FEDORA, "buildsys.tag", false, m -> kojiTagging(m)),
            new Route(FEDORA, "buildsys.untag", false, m -> kojiTagging(m)),
            new Route(FEDORA, "bodhi.update", true, TopicRouter::bodhiUpdate),
            new Route(FEDORA, "git.receive", false, TopicRouter::gitReceive),
            new Route(FEDORA, "pagure.git.receive", false, TopicRouter::pagureGitReceive),
            new Route(FEDORA, "pagure.project", true, TopicRouter::pagureProject),
            new Route(FEDORA, "bugzilla.bug.new", false, TopicRouter::bugzillaBug),
            new Route(FEDORA, "bugzilla.bug.update", false, TopicRouter::bugzillaBug),
            new Route(ANITYA, "anitya.project.version.update.v2", false, TopicRouter::anityaVersion),
            new Route(FEDORA, "mdapi.repo.update", false, TopicRouter::mdapiRepoUpdate),
            new Route(FEDORA, "koschei.package.state.change", false, TopicRouter::koscheiPackage));

    /** The plan for a message, or empty when it concerns nothing we show. */
    public Optional<RefreshPlan> route(BusMessage message) {
        String suffix = suffix(message.topic());
        for (Route r : routes) {
            if (r.matches(suffix)) {
                return r.plan().apply(message);
            }
        }
        return Optional.empty();
    }

    /** The row a topic falls under ({@code buildsys.tag}, {@code bodhi.update}…), or "unrouted": a bounded metrics label. */
    public String rowOf(String topic) {
        String suffix = suffix(topic == null ? "" : topic);
        return routes.stream().filter(r -> r.matches(suffix)).map(Route::suffix).findFirst().orElse("unrouted");
    }

    /** The routing keys to bind the worker's queue with on {@code amq.topic}, for one environment. */
    public List<String> bindings(String env) {
        return routes.stream().map(r -> r.binding(env)).toList();
    }

    /** Drops {@code org.fedoraproject.<env>.} (or any other three-segment prefix) from a topic. */
    static String suffix(String topic) {
        String[] parts = topic.split("\\.", 4);
        return parts.length == 4 ? parts[3] : topic;
    }

    // --- one method per row -------------------------------------------------------------------

    private static Optional<RefreshPlan> kojiBuildState(BusMessage m) {
        String instance = text(m.body(), "instance");
        if (instance != null && !"primary".equals(instance)) {
            return Optional.empty(); // secondary-architecture Koji instances build the same packages
        }
        Set<ConnectorName> connectors = EnumSet.of(BUILDS);
        if (m.body().path("new").asInt(-1) == 1) { // COMPLETE: a new build may now be tagged
            connectors.add(VERSIONS);
        }
        return plan(m, List.of(required(m, "name")), connectors);
    }

    private static Optional<RefreshPlan> kojiTagging(BusMessage m) {
        String instance = text(m.body(), "instance");
        if (instance != null && !"primary".equals(instance)) {
            return Optional.empty();
        }
        return plan(m, List.of(required(m, "name")), EnumSet.of(VERSIONS));
    }

    private static Optional<RefreshPlan> bodhiUpdate(BusMessage m) {
        JsonNode update = m.body().has("update") ? m.body().get("update") : m.body().path("comment").path("update");
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode build : update.path("builds")) {
            addIfPresent(names, nameFromNvr(text(build, "nvr")));
        }
        for (JsonNode build : m.body().path("artifact").path("builds")) {
            addIfPresent(names, text(build, "component"));
            addIfPresent(names, nameFromNvr(text(build, "nvr")));
        }
        m.headers().keySet().stream().filter(h -> h.startsWith("fedora_messaging_rpm_"))
                .forEach(h -> names.add(h.substring("fedora_messaging_rpm_".length())));
        if (names.isEmpty() && text(update, "title") != null) { // Bodhi 2 titles list the NVRs
            for (String nvr : text(update, "title").split("[ ,]+")) {
                addIfPresent(names, nameFromNvr(nvr));
            }
        }
        if (names.isEmpty()) {
            throw new InvalidMessageException("bodhi message names no build (update.builds, headers, title)");
        }
        return plan(m, new ArrayList<>(names), EnumSet.of(UPDATES, VERSIONS));
    }

    private static Optional<RefreshPlan> gitReceive(BusMessage m) {
        JsonNode commit = m.body().path("commit");
        String namespace = text(commit, "namespace");
        if (namespace != null && !"rpms".equals(namespace)) {
            return Optional.empty();
        }
        String repo = text(commit, "repo");
        if (repo == null) {
            throw new InvalidMessageException("git.receive without commit.repo");
        }
        return plan(m, List.of(repo), EnumSet.of(SOURCES));
    }

    private static Optional<RefreshPlan> pagureGitReceive(BusMessage m) {
        return distGitProject(m, m.body().path("repo"), EnumSet.of(SOURCES));
    }

    private static Optional<RefreshPlan> pagureProject(BusMessage m) {
        if (m.topic().endsWith(".pagure.project.new")) {
            // a new dist-git repository is a new package: known at once, its pages filled as it gets content
            return distGitProject(m, m.body().path("project"), EnumSet.of(OVERVIEW, SOURCES, MAINTAINERS))
                    .map(p -> p.announcing("dist-git"));
        }
        return distGitProject(m, m.body().path("project"), EnumSet.of(MAINTAINERS));
    }

    /** dist-git repositories live in namespace {@code rpms}; modules, containers, tests are not packages. */
    private static Optional<RefreshPlan> distGitProject(BusMessage m, JsonNode project, Set<ConnectorName> connectors) {
        String namespace = text(project, "namespace");
        String fullname = text(project, "fullname");
        String name = text(project, "name");
        if (namespace == null && fullname != null && fullname.contains("/")) {
            namespace = fullname.substring(0, fullname.indexOf('/'));
            name = name != null ? name : fullname.substring(fullname.indexOf('/') + 1);
        }
        if (project.isMissingNode() || name == null) {
            throw new InvalidMessageException(m.topic() + " without a project name");
        }
        if (!"rpms".equals(namespace)) {
            return Optional.empty();
        }
        return plan(m, List.of(name), connectors);
    }

    private static Optional<RefreshPlan> bugzillaBug(BusMessage m) {
        JsonNode bug = m.body().path("bug");
        String product = nameOrText(bug.get("product"));
        String component = nameOrText(bug.get("component"));
        if (component == null) {
            throw new InvalidMessageException("bugzilla message without bug.component");
        }
        if (product != null && !product.equals("Fedora") && !product.equals("Fedora EPEL")) {
            return Optional.empty();
        }
        return plan(m, List.of(component), EnumSet.of(BUGS));
    }

    private static Optional<RefreshPlan> anityaVersion(BusMessage m) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode p : m.body().path("message").path("packages")) {
            if ("Fedora".equals(text(p, "distro"))) {
                addIfPresent(names, text(p, "package_name"));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty(); // a project with no Fedora package mapping
        }
        return plan(m, new ArrayList<>(names), EnumSet.of(UPSTREAM));
    }

    private static Optional<RefreshPlan> mdapiRepoUpdate(BusMessage m) {
        String branch = text(m.body(), "name");
        JsonNode packages = m.body().get("packages");
        if (branch == null || packages == null || !packages.isArray()) {
            throw new InvalidMessageException("mdapi.repo.update without name and packages");
        }
        List<String> names = new ArrayList<>();
        packages.forEach(p -> {
            if (p.isTextual()) { // a number or an object is not a package name, whatever its text
                names.add(p.asText());
            }
        });
        List<String> valid = names.stream().filter(PackageNames::isValid).distinct().toList();
        if (valid.isEmpty()) {
            throw new InvalidMessageException("mdapi.repo.update lists no valid package name");
        }
        return Optional.of(new RefreshPlan(m.topic(), valid, Set.of(OVERVIEW, DEPENDENCIES, FILES, CHANGELOG), branch));
    }

    private static Optional<RefreshPlan> koscheiPackage(BusMessage m) {
        return plan(m, List.of(required(m, "name")), EnumSet.of(CI));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static Optional<RefreshPlan> plan(BusMessage m, List<String> names, Set<ConnectorName> connectors) {
        List<String> valid = names.stream().filter(PackageNames::isValid).distinct().toList();
        if (valid.isEmpty()) {
            // named, but not a package name (Bugzilla's "Package Review" component, …): no page to refresh
            return Optional.empty();
        }
        return Optional.of(RefreshPlan.sources(m.topic(), valid, connectors));
    }

    private static String required(BusMessage m, String field) {
        JsonNode raw = m.body().get(field);
        if (raw != null && !raw.isNull() && !raw.isTextual()) {
            throw new InvalidMessageException(m.topic() + " message whose '" + field + "' is not a string");
        }
        String value = text(m.body(), field);
        if (value == null || value.isBlank()) {
            throw new InvalidMessageException(m.topic() + " message without '" + field + "'");
        }
        return value;
    }

    /** {@code name-version-release} → {@code name}; null when it does not look like an NVR. */
    static String nameFromNvr(String nvr) {
        if (nvr == null) {
            return null;
        }
        int release = nvr.lastIndexOf('-');
        int version = release > 0 ? nvr.lastIndexOf('-', release - 1) : -1;
        return version > 0 ? nvr.substring(0, version) : null;
    }

    private static String nameOrText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isObject() ? text(node, "name") : node.asText();
    }

    private static void addIfPresent(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name);
        }
    }

    /** A string field; anything else (a number, a boolean, an object) counts as absent, never as a name. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
