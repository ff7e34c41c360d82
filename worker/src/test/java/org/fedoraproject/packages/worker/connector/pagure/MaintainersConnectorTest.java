package org.fedoraproject.packages.worker.connector.pagure;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.document.MaintainersDocument;
import org.fedoraproject.packages.contract.document.MaintainersDocument.Groups;
import org.fedoraproject.packages.worker.connector.FetchResult;
import org.fedoraproject.packages.worker.support.ConnectorTestBase;
import org.fedoraproject.packages.worker.support.FailureChecks;
import org.fedoraproject.packages.worker.support.PagureStubs;
import org.fedoraproject.packages.worker.support.WireMockUpstreams;
import org.junit.jupiter.api.Test;

/** The maintainers connector on dist-git's real project answers (python-requre today; bodhi and vim in 2018). */
@QuarkusTest
class MaintainersConnectorTest extends ConnectorTestBase {
    @Inject
    MaintainersConnector connector;


    @Test
    void pythonRequreFromTodaysDistGit() {
        PagureStubs.real(WireMockUpstreams.server(), "/api/0/rpms/python-requre", "pagure/api0_rpms_python-requre.json");

        FetchResult result = connector.fetch("python-requre").await().indefinitely();

        assertThat(result.status()).isEqualTo(FetchResult.Status.OK);
        assertThat(result.source()).endsWith("/pagure/api/0/rpms/python-requre");
        assertThat(result.data()).isEqualTo(new MaintainersDocument("https://src.fedoraproject.org/rpms/python-requre", "mfocko",
                List.of("lachmanfrantisek", "lbarczio", "mfocko", "mmassari", "ttomecek"), List.of(), List.of(),
                new Groups(List.of(), List.of(), List.of())));
    }

    @Test
    void bodhiAndVimFromTheLegacyProjectShape() {
        var wm = WireMockUpstreams.server();
        PagureStubs.real(wm, "/api/0/rpms/bodhi", "pagure/legacy-2018/api0_rpms_bodhi.json");
        PagureStubs.real(wm, "/api/0/rpms/vim", "pagure/legacy-2018/api0_rpms_vim.json");

        MaintainersDocument bodhi = (MaintainersDocument) connector.fetch("bodhi").await().indefinitely().data();
        assertThat(bodhi.url()).isEqualTo("https://src.fedoraproject.org/rpms/bodhi");
        assertThat(bodhi.pointOfContact()).isEqualTo("lmacken");
        assertThat(bodhi.admins()).containsExactly("bowlofeggs", "jcline");
        assertThat(bodhi.committers()).isEmpty();
        assertThat(bodhi.collaborators()).isEmpty(); // no collaborator level in 2018
        assertThat(bodhi.groups()).isEqualTo(new Groups(List.of(), List.of("infra-sig"), List.of()));

        MaintainersDocument vim = (MaintainersDocument) connector.fetch("vim").await().indefinitely().data();
        assertThat(vim).isEqualTo(new MaintainersDocument("https://src.fedoraproject.org/rpms/vim", "karsten",
                List.of("zdohnal"), List.of(), List.of(), new Groups(List.of(), List.of(), List.of())));
    }

    @Test
    void anOrphanedProjectHasNoPointOfContact() {
        PagureStubs.json(WireMockUpstreams.server(), "/api/0/rpms/orphan",
                "{\"access_users\": {\"owner\": [], \"admin\": [], \"commit\": [\"someone\"], \"collaborator\": [], \"ticket\": []},"
                        + " \"access_groups\": {\"admin\": [], \"commit\": [\"python-sig\"], \"collaborator\": [\"kde-sig\"], \"ticket\": []}}");
        MaintainersDocument m = (MaintainersDocument) connector.fetch("orphan").await().indefinitely().data();
        assertThat(m.pointOfContact()).isNull();
        assertThat(m.committers()).containsExactly("someone");
        assertThat(m.groups()).isEqualTo(new Groups(List.of(), List.of("python-sig"), List.of("kde-sig")));
    }

    @Test
    void aProjectDistGitDoesNotHaveIsAbsent() {
        PagureStubs.notFound(WireMockUpstreams.server(), "/api/0/rpms/no-such-package");
        FetchResult result = connector.fetch("no-such-package").await().indefinitely();
        assertThat(result.status()).isEqualTo(FetchResult.Status.ABSENT);
        assertThat(result.data()).isNull();
    }

    @Test
    void failuresKeepTheLastGoodDocument() throws Exception {
        var wm = WireMockUpstreams.server();
        FailureChecks.assertFailuresKeepTheLastGoodDocument(refresher, redis, "python-requre", ConnectorName.MAINTAINERS,
                () -> PagureStubs.real(wm, "/api/0/rpms/python-requre", "pagure/api0_rpms_python-requre.json"),
                response -> wm.stubFor(get(urlEqualTo("/pagure/api/0/rpms/python-requre")).willReturn(response)),
                FailureChecks.commonFailures());
    }
}
