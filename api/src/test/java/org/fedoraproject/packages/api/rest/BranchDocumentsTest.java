package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dependencies, files and changelog per branch: ?branch= as a tool would use it. */
@QuarkusTest
class BranchDocumentsTest {
    @Inject
    RedisDataSource redis;

    private StoredData stored;

    @BeforeEach
    void seed() {
        stored = new StoredData(redis);
        stored.clear();
        LinkedHashMap<String, String> files = new LinkedHashMap<>();
        files.put("rawhide", "{\"subpackages\":[{\"name\":\"vim-enhanced\",\"files\":[\"/usr/bin/vim\"]}]}");
        files.put("f43", "{\"subpackages\":[{\"name\":\"vim-enhanced\",\"files\":[\"/usr/bin/vim\",\"/usr/bin/vim-f43\"]}]}");
        files.put("epel10", "{\"subpackages\":[]}");
        stored.perBranch("vim", ConnectorName.FILES, 12, files);
        stored.binary("vim-X11", "vim");
    }

    @Test
    void theDefaultIsTheNewestBranchAndListsEveryBranch() {
        given().when().get("/api/v1/packages/vim/files").then().statusCode(200)
                .header("ETag", "\"12\"")
                .body("data.branch", equalTo("rawhide"))
                .body("data.branches", equalTo(List.of("rawhide", "f43", "epel10")));
    }

    @Test
    void eachBranchHasItsOwnDocumentAndETag() {
        given().when().get("/api/v1/packages/vim/files?branch=f43").then().statusCode(200)
                .header("ETag", "\"12@f43\"")
                .body("data.branch", equalTo("f43"))
                .body("source", containsString("/f43/srcpkg/vim"))
                .body("data.subpackages[0].files", equalTo(List.of("/usr/bin/vim", "/usr/bin/vim-f43")));
        given().when().get("/api/v1/packages/vim/files?branch=epel10").then().statusCode(200)
                .body("data.subpackages.size()", equalTo(0));
        given().header("If-None-Match", "\"12@f43\"").when().get("/api/v1/packages/vim/files?branch=f43").then().statusCode(304);
        // the default's tag is not the branch's: another representation
        given().header("If-None-Match", "\"12\"").when().get("/api/v1/packages/vim/files?branch=f43").then().statusCode(200);
    }

    @Test
    void aBranchThePackageIsNotOnIs404NamingTheBranchesThereAre() {
        given().when().get("/api/v1/packages/vim/files?branch=f41").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("branches: rawhide, f43, epel10"));
    }

    @Test
    void badBranchesAndBranchesOfOneDocumentAre400() {
        for (String bad : List.of("F43", "f43;drop", " ", "a".repeat(40), "../f43")) {
            given().queryParam("branch", bad).when().get("/api/v1/packages/vim/files").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        stored.document("vim", ConnectorName.OVERVIEW, 3, "2026-11-25T10:00:00Z", "ok", "{\"name\":\"vim\"}");
        given().when().get("/api/v1/packages/vim/overview?branch=f43").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("dependencies, files and changelog"));
    }

    @Test
    void aSubPackageNameKeepsItsBranchOnTheWayToItsSource() {
        given().redirects().follow(false).when().get("/api/v1/packages/vim-X11/files?branch=f43").then().statusCode(308)
                .header("Location", containsString("/api/v1/packages/vim/files?branch=f43"));
    }

    @Test
    void aDocumentWrittenBeforeBranchesStillAnswersForItsOwnBranch() {
        stored.document("nano", ConnectorName.CHANGELOG, 5, "2026-11-25T10:00:00Z", "ok", "{\"branch\":\"rawhide\",\"entries\":[]}");
        given().when().get("/api/v1/packages/nano/changelog?branch=rawhide").then().statusCode(200)
                .body("data.branch", equalTo("rawhide"));
        given().when().get("/api/v1/packages/nano/changelog?branch=f43").then().statusCode(404);
    }
}
