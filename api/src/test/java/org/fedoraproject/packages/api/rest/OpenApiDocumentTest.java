package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document's schemas are generated from the records the answers are made of (the contract's
 * documents, {@link ApiShapes}), its examples merged in from META-INF/openapi.yaml, and the SPA's checked-in
 * copy (frontend/openapi/openapi.json, from which its TypeScript types are generated) is what the API serves.
 */
@QuarkusTest
class OpenApiDocumentTest {
    /** The SPA's copy, from the api module's directory (where Maven runs its tests). */
    static final Path CHECKED_IN = Path.of("..", "frontend", "openapi", "openapi.json");
    static final String REFRESH = "mvn -o -DskipTests package -pl worker/contract,api && (cd frontend && npm run openapi:refresh)";

    private final ObjectMapper mapper = new ObjectMapper();
    private JsonNode served;
    private JsonNode schemas;

    @BeforeEach
    void read() throws IOException {
        served = mapper.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        schemas = served.path("components").path("schemas");
    }

    @Test
    void documentSchemasAreGeneratedFromTheRecords() {
        JsonNode sub = schemas.path("OverviewSubpackage");
        assertThat(schemas.at("/OverviewDocument/properties/subpackages/items/$ref").asText())
                .isEqualTo("#/components/schemas/OverviewSubpackage");
        assertThat(names(sub.path("properties"))).containsExactly("name", "summary", "arch", "packageSize", "installedSize");
        assertThat(texts(sub.path("required"))).containsExactly("name", "summary", "arch", "packageSize", "installedSize");
        assertThat(texts(sub.at("/properties/packageSize/type"))).containsExactly("integer", "null");
        for (String perBranch : List.of("DependenciesDocument", "FilesDocument", "ChangelogDocument")) {
            assertThat(texts(schemas.path(perBranch).path("required"))).as(perBranch).contains("branch", "branches");
            assertThat(schemas.path(perBranch).at("/properties/branches/items/type").asText()).isEqualTo("string");
        }
        // a nullable reference is "the schema or null", a nullable enumeration admits null
        assertThat(schemas.at("/VersionsRelease/properties/testing/anyOf/0/$ref").asText()).isEqualTo("#/components/schemas/Build");
        assertThat(schemas.at("/VersionsRelease/properties/testing/anyOf/1/type").asText()).isEqualTo("null");
        assertThat(schemas.at("/VersionsRelease/properties/testing/type").isMissingNode()).isTrue();
        assertThat(schemas.at("/Dep/properties/flags/enum").toString()).isEqualTo("[\"EQ\",\"LT\",\"LE\",\"GT\",\"GE\",null]");
        // the envelope's data is one of the twelve documents, or null
        JsonNode data = schemas.at("/Envelope/properties/data/oneOf");
        assertThat(data).hasSize(13);
        assertThat(data.get(0).path("$ref").asText()).isEqualTo("#/components/schemas/OverviewDocument");
        assertThat(data.get(12).path("type").asText()).isEqualTo("null");
        assertThat(schemas.at("/Envelope/properties/data").has("x-fp-nullable")).isFalse();
        assertThat(texts(schemas.at("/Envelope/required")))
                .containsExactly("package", "connector", "version", "refreshedAt", "source", "status", "data");
    }

    @Test
    void theApiOwnAnswersAreGeneratedToo() {
        assertThat(texts(schemas.at("/PackageMetadata/required"))).containsExactly("name", "branches", "retired", "connectors");
        assertThat(schemas.at("/PackageMetadata/properties/connectors/additionalProperties/$ref").asText())
                .isEqualTo("#/components/schemas/ConnectorState");
        assertThat(names(schemas.at("/Status/properties"))).containsExactly("packages", "bootstrap");
        assertThat(names(schemas.at("/BootstrapProgress/properties")))
                .containsExactly("state", "done", "total", "startedAt", "finishedAt", "discoveredAt");
        assertThat(names(schemas.at("/Resolution/properties"))).containsExactly("name", "binary", "package");
        assertThat(names(schemas.at("/RefreshEvent/properties")))
                .containsExactly("package", "connector", "version", "refreshedAt", "status");
        assertThat(served.at("/paths/~1api~1v1~1status/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Status");
        assertThat(served.at("/paths/~1api~1v1~1resolve/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Resolutions");
    }

    @Test
    void requiredFieldsAreProperties() {
        schemas.properties().forEach(e -> texts(e.getValue().path("required")).forEach(field ->
                assertThat(e.getValue().path("properties").has(field)).as(e.getKey() + "." + field).isTrue()));
    }

    /** Each example of META-INF/openapi.yaml landed on a generated schema, and names only its fields. */
    @Test
    void examplesAreMergedIntoTheGeneratedSchemas() {
        List<String> withExamples = new ArrayList<>();
        schemas.properties().forEach(e -> {
            JsonNode example = e.getValue().path("example");
            if (example.isMissingNode()) {
                return;
            }
            withExamples.add(e.getKey());
            assertThat(e.getValue().path("properties").isObject()).as(e.getKey() + " is a generated schema").isTrue();
            fieldsOf(e.getKey(), e.getValue(), example);
        });
        assertThat(withExamples).contains("OverviewDocument", "VersionsDocument", "BuildsDocument", "UpdatesDocument",
                "BugsDocument", "DependenciesDocument", "FilesDocument", "SourcesDocument", "MaintainersDocument",
                "UpstreamDocument", "CiDocument", "PackageList", "ReleaseList", "Resolutions");
    }

    @Test
    void theFrontendsCopyIsWhatTheApiServes() throws IOException {
        assertThat(CHECKED_IN).as("the SPA's copy of the OpenAPI document").exists();
        JsonNode checkedIn = mapper.readTree(Files.readString(CHECKED_IN));
        assertThat(checkedIn.equals(served))
                .as("frontend/openapi/openapi.json differs from the OpenAPI document the API serves; refresh it "
                        + "(and src/api-types.ts) with: " + REFRESH)
                .isTrue();
    }

    /** The example's fields (and those of the items of its arrays of objects) are the schema's properties. */
    private void fieldsOf(String where, JsonNode schema, JsonNode example) {
        JsonNode resolved = resolve(schema);
        if (example.isObject() && resolved.path("properties").isObject()) {
            example.properties().forEach(f -> {
                assertThat(resolved.path("properties").has(f.getKey())).as(where + "." + f.getKey()).isTrue();
                fieldsOf(where + "." + f.getKey(), resolved.path("properties").path(f.getKey()), f.getValue());
            });
        } else if (example.isArray() && resolved.has("items")) {
            example.forEach(item -> fieldsOf(where + "[]", resolved.path("items"), item));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null && schema.path("anyOf").isArray()) {
            ref = schema.path("anyOf").get(0).path("$ref").asText(null);
        }
        return ref == null ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
