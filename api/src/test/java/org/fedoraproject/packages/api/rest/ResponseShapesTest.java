package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API answers is what its OpenAPI document says, field by field: every answer of the read
 * endpoints is checked against the schema of its operation's 200 response (no field the schema does not
 * declare, every required one present, types, enums, nulls only where allowed). The documents stored are
 * the SPA's test envelopes (frontend/src/test-fixtures/curl); only their envelope is checked, not their data
 * (some are in older shapes on purpose).
 */
@QuarkusTest
class ResponseShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("../frontend/src/test-fixtures/curl");

    @Inject
    RedisDataSource redis;

    private JsonNode openapi;

    @BeforeEach
    void seed() throws IOException {
        StoredData stored = new StoredData(redis);
        stored.clear();
        for (ConnectorName c : ConnectorName.values()) {
            Path file = FIXTURES.resolve(c.id() + ".json");
            if (Files.isRegularFile(file)) {
                JsonNode env = JSON.readTree(file.toFile());
                stored.document("curl", c, env.path("version").asLong(), env.path("refreshedAt").asText(),
                        env.path("status").asText(), env.path("data").toString());
            }
        }
        stored.summary("curl", "A utility for getting files from remote servers", "8.11.1-1.fc44");
        stored.error("curl", ConnectorName.BUGS,
                "{\"kind\":\"timeout\",\"upstream\":\"bugzilla\",\"message\":\"bugzilla: timed out\",\"at\":\"2026-11-25T11:00:00Z\"}");
        stored.known("zsh");
        stored.releases("[{\"release\":\"F44\",\"longName\":\"Fedora 44\",\"branch\":\"rawhide\",\"state\":\"pending\"}]");
        openapi = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
    }

    @Test
    void everyReadAnswerHasTheShapeItsOperationDescribes() throws IOException {
        check("/api/v1/packages", "/api/v1/packages");
        check("/api/v1/packages?names=curl,zsh,nosuch", "/api/v1/packages");
        check("/api/v1/packages/curl", "/api/v1/packages/{name}");
        check("/api/v1/packages/curl?include=all", "/api/v1/packages/{name}");
        check("/api/v1/status", "/api/v1/status");
        check("/api/v1/releases", "/api/v1/releases");
        check("/api/v1/resolve?names=curl,nosuch", "/api/v1/resolve");
        for (ConnectorName c : ConnectorName.values()) {
            if (Files.isRegularFile(FIXTURES.resolve(c.id() + ".json"))) {
                check("/api/v1/packages/curl/" + c.id(), "/api/v1/packages/{name}/{connector}");
            }
        }
    }

    private void check(String url, String path) throws IOException {
        JsonNode schema = openapi.path("paths").path(path).path("get").path("responses").path("200").path("content")
                .path("application/json").path("schema");
        assertThat(schema.isMissingNode()).as("a 200 schema for GET %s", path).isFalse();
        JsonNode answer = JSON.readTree(given().get(url).then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        conform(answer, schema, "$", problems);
        assertThat(problems).as("GET %s against the schema of GET %s", url, path).isEmpty();
    }

    /** A small JSON-Schema check for what this document uses: $ref, type lists, properties, required, items, enum, oneOf. */
    private void conform(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            if (name.equals("Envelope") && value.isObject() && value.hasNonNull("data")) {
                // the envelope is the API's; its data is the worker's record serialised, whose schema is
                // generated from that same record (checked by OpenApiDocumentTest): only the wrapper here
                value = ((com.fasterxml.jackson.databind.node.ObjectNode) value.deepCopy()).putNull("data");
            }
            conform(value, openapi.path("components").path("schemas").path(name), at, problems);
            return;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            List<String> closest = null;
            for (JsonNode option : schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")) {
                List<String> theirs = new ArrayList<>();
                conform(value, option, at, theirs);
                if (theirs.isEmpty()) {
                    return;
                }
                if (closest == null || theirs.size() < closest.size()) {
                    closest = theirs;
                }
            }
            problems.add(at + ": matches none of its schemas; the closest: " + closest);
            return;
        }
        if (!typeAllows(schema, value)) {
            problems.add(at + ": " + value.getNodeType() + " where the schema says " + schema.path("type"));
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.equals(value);
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    problems.add(at + ": required '" + r.asText() + "' is missing");
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (properties.has(field)) {
                    conform(value.get(field), properties.get(field), at + "." + field, problems);
                } else if (additional.isObject()) {
                    conform(value.get(field), additional, at + "." + field, problems);
                } else if (properties.size() > 0 || !additional.isMissingNode()) {
                    problems.add(at + ": '" + field + "' is not in the schema");
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                conform(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeAllows(JsonNode schema, JsonNode value) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return !value.isNull() || Boolean.TRUE.equals(schema.path("nullable").asBoolean(false) ? true : null);
        }
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return switch (value.getNodeType()) {
            case NULL -> types.contains("null");
            case STRING -> types.contains("string");
            case BOOLEAN -> types.contains("boolean");
            case NUMBER -> types.contains("number") || types.contains("integer") && value.canConvertToExactIntegral();
            case ARRAY -> types.contains("array");
            case OBJECT -> types.contains("object");
            default -> false;
        };
    }
}
