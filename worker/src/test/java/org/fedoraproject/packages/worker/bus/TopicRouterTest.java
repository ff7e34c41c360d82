package org.fedoraproject.packages.worker.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fedoraproject.packages.contract.ConnectorName.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.refresh.RefreshPlan;
import org.junit.jupiter.api.Test;

/** Every routing row, on the real bus messages recorded in ../shared/fixtures/real/messages. */
class TopicRouterTest {
    private final BusMessageParser parser = new BusMessageParser(new ObjectMapper());
    private final TopicRouter router = new TopicRouter();

    private Optional<RefreshPlan> route(String recording, String topicIfBodyOnly) {
        byte[] bytes = SharedFixtures.realBytes("messages/" + recording);
        return router.route(parser.parse(topicIfBodyOnly, bytes, Map.of()));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String recording) {
        try {
            return new ObjectMapper().readTree(SharedFixtures.realBytes(recording));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void kojiCompleteBuildRefreshesBuildsAndVersions() {
        RefreshPlan plan = route("koji/fedmsg__buildsys.build.state.change__complete.json", "").orElseThrow();
        assertThat(plan.connectors()).containsExactlyInAnyOrder(BUILDS, VERSIONS);
        String expected = readTree("messages/koji/fedmsg__buildsys.build.state.change__complete.json").at("/msg/name").asText();
        assertThat(expected).isNotBlank();
        assertThat(plan.packages()).containsExactly(expected);
    }

    @Test
    void kojiBuildingOnlyRefreshesBuilds() {
        RefreshPlan plan = route("koji/buildsys.build.state.change__building__python-ogr__fedora-messaging.json", "")
                .orElseThrow();
        assertThat(plan.packages()).containsExactly("python-ogr");
        assertThat(plan.connectors()).containsExactly(BUILDS);
    }

    @Test
    void datagrepperExportIsUnwrapped() {
        RefreshPlan plan = route("koji/buildsys.build.state.change__canceled__prusa-slicer__datagrepper_2025-11.json", "")
                .orElseThrow();
        assertThat(plan.packages()).containsExactly("prusa-slicer");
    }

    @Test
    void tagAndUntagRefreshVersions() {
        assertThat(route("koji/buildsys.tag__http-parser__body.json", "org.fedoraproject.prod.buildsys.tag")
                .orElseThrow().packages()).containsExactly("http-parser");
        RefreshPlan untag = route("koji/buildsys.untag__python-twisted__body.json", "org.fedoraproject.prod.buildsys.untag")
                .orElseThrow();
        assertThat(untag.packages()).containsExactly("python-twisted");
        assertThat(untag.connectors()).containsExactly(VERSIONS);
    }

    @Test
    void bodhiUpdatesNameTheirBuilds() {
        RefreshPlan plan = route("bodhi/fedmsg__bodhi.update.edit__dev.json", "").orElseThrow();
        assertThat(plan.connectors()).containsExactlyInAnyOrder(UPDATES, VERSIONS);
        assertThat(plan.packages()).isNotEmpty().allSatisfy(n -> assertThat(n).doesNotMatch(".*-\\d.*\\.fc\\d+"));
        RefreshPlan comment = route("bodhi/fedmsg__bodhi.update.comment__bodhi4.json", "").orElseThrow();
        assertThat(comment.packages()).isNotEmpty();
        RefreshPlan gating = route(
                "bodhi/bodhi.update.status.testing.koji-build-group.build.complete__annobin_2023-05__edited.json", "")
                .orElseThrow();
        assertThat(gating.packages()).contains("annobin");
    }

    @Test
    void distGitPushesRefreshSources() {
        RefreshPlan plan = route("distgit/pagure.git.receive__rpms-buildah__main__edited.json", "").orElseThrow();
        assertThat(plan.packages()).containsExactly("buildah");
        assertThat(plan.connectors()).containsExactly(SOURCES);
        assertThat(route("distgit/fedmsg__git.receive.json", "").orElseThrow().connectors()).containsExactly(SOURCES);
    }

    @Test
    void accessChangesOnlyCountForRpmsRepositories() {
        RefreshPlan removed = route("distgit/fedmsg__pagure.project.user.removed__dev.json", "").orElse(null);
        // pagure.io projects are not in the rpms namespace: valid messages, but no package page
        assertThat(removed).isNull();
        assertThat(route("distgit/fedmsg__pagure.project.user.added__dev.json", "")).isEmpty();
        // the same real message about a dist-git (rpms) repository refreshes its maintainers
        BusMessage inRpms = parser.parse("", SharedFixtures.realBytes("messages/distgit/fedmsg__pagure.project.user.removed__dev.json"), Map.of());
        ((com.fasterxml.jackson.databind.node.ObjectNode) inRpms.body().get("project")).put("namespace", "rpms");
        RefreshPlan rpms = router.route(inRpms).orElseThrow();
        assertThat(rpms.packages()).containsExactly(inRpms.body().at("/project/name").asText());
        assertThat(rpms.connectors()).containsExactly(MAINTAINERS);
    }

    @Test
    void bugsInComponentsThatAreNotPackagesConcernNoPage() {
        BusMessage review = new BusMessage("org.fedoraproject.prod.bugzilla.bug.update", new ObjectMapper().createObjectNode()
                .set("bug", new ObjectMapper().createObjectNode().put("component", "Package Review").put("product", "Fedora")), Map.of());
        assertThat(router.route(review)).isEmpty();
    }

    @Test
    void bugzillaRoutesFedoraComponents() {
        RefreshPlan plan = route("bugzilla/fedmsg__bugzilla.bug.update__0.3.1.json", "").orElseThrow();
        assertThat(plan.connectors()).containsExactly(BUGS);
        assertThat(plan.packages()).containsExactly("pcp");
        assertThat(route("bugzilla/fedmsg__bugzilla.bug.new__legacy.json", "").orElseThrow().packages())
                .containsExactly("rpm");
    }

    @Test
    void anityaRoutesFedoraMappingsOnly() {
        // mypy-boto3 is mapped to a CentOS package only; the other recording has no mapping at all
        assertThat(route("anitya/anitya.project.version.update.v2__mypy-boto3.json", "")).isEmpty();
        assertThat(route("anitya/anitya.project.version.update.v2__no_mapping.json",
                "org.release-monitoring.prod.anitya.project.version.update.v2")).isEmpty();
        // v1 and v2 bodies share message.packages; this one maps project 2ping to Fedora's 2ping
        BusMessage v1 = parser.parse("", SharedFixtures.realBytes("messages/anitya/fedmsg__anitya.project.version.update.json"), Map.of());
        RefreshPlan plan = router.route(new BusMessage("org.release-monitoring.prod.anitya.project.version.update.v2",
                v1.body(), Map.of())).orElseThrow();
        assertThat(plan.packages()).containsExactly("2ping");
        assertThat(plan.connectors()).containsExactly(UPSTREAM);
    }

    @Test
    void mdapiRepoUpdateNamesBinaryPackagesOfABranch() {
        RefreshPlan plan = route("mdapi/fedmsg__mdapi.repo.update.json", "").orElseThrow();
        assertThat(plan.binaryBranch()).isEqualTo("rawhide");
        assertThat(plan.packages()).contains("rpm", "python3-devel", "java-1.8.0-openjdk-devel-debug");
        assertThat(plan.connectors()).containsExactlyInAnyOrder(OVERVIEW, DEPENDENCIES, FILES, CHANGELOG);
    }

    @Test
    void koscheiStateChangeRefreshesCi() {
        RefreshPlan plan = route("koschei/fedmsg__koschei.package.state.change.json", "").orElseThrow();
        assertThat(plan.connectors()).containsExactly(CI);
    }

    @Test
    void unroutedTopicsAreIgnored() {
        assertThat(route("koji/buildsys.rpm.sign__glibc__fedora-messaging-consume_2024-06.json", "")).isEmpty();
        assertThat(route("koschei/fedmsg__koschei.collection.state.change.json", "")).isEmpty();
    }

    @Test
    void aRoutedMessageWithoutItsPackageNameIsInvalid() {
        byte[] body = "{\"build_id\": 1, \"new\": 1}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> router.route(parser.parse("org.fedoraproject.prod.buildsys.build.state.change", body, Map.of())))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("name");
    }

    @Test
    void bodyThatIsNotJsonIsInvalid() {
        assertThatThrownBy(() -> parser.parse("t", "<xml/>".getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parser.parse("t", "[1]".getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void nvrToName() {
        assertThat(TopicRouter.nameFromNvr("python-requre-0.5.0-1.fc33")).isEqualTo("python-requre");
        assertThat(TopicRouter.nameFromNvr("nonvr")).isNull();
    }

    /** The queue's bindings in application.properties are the router's rows, nothing more or less. */
    @Test
    void configuredBindingsMatchTheRoutingTable() throws IOException {
        Properties props = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        List<String> configured = Arrays.stream(props.getProperty("mp.messaging.incoming.bus.routing-keys").split(","))
                .map(String::trim).map(k -> k.replace("${fp.bus.environment}", "ENV")).toList();
        assertThat(configured).containsExactlyInAnyOrderElementsOf(router.bindings("ENV"));
    }
}
