package org.fedoraproject.packages.worker.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.fedoraproject.packages.contract.search.SearchIndexLayout;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.schema.management.ElasticsearchIndexSchemaExport;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;

/**
 * What Hibernate Search does not do for us: index generations and alias moves for a re-index without
 * downtime (Hibernate Search only creates the first generation), through the same low-level client and
 * the same engine address. The new index's settings and mappings are the ones Hibernate Search expects
 * from the code of this build (its schema export), so a changed analyser takes effect.
 * Blocking calls: worker threads only.
 */
@ApplicationScoped
public class SearchEngine {
    private final SearchMapping mapping;
    private final SearchIndexLayout layout;
    private final ObjectMapper json;

    public SearchEngine(SearchMapping mapping, @jakarta.inject.Named("fp-search-layout") SearchIndexLayout layout,
            ObjectMapper json) {
        this.mapping = mapping;
        this.layout = layout;
        this.json = json;
    }

    public SearchIndexLayout layout() {
        return layout;
    }

    /**
     * Creates the first generation with both aliases when there is none (a new deployment). Synchronized:
     * the indexer's start and a re-index both call it, and two "missing, so create" at once made the second
     * fail with resource_already_exists (seen in CI when the corpus re-index was asked right at start).
     */
    public synchronized void createIfMissing() {
        mapping.scope(PackageDocument.class).schemaManager().createIfMissing();
    }

    /** The data index an alias points to, or empty when the alias does not exist. */
    public List<String> indexesOf(String alias) {
        try {
            JsonNode body = send("GET", "/_alias/" + alias, null);
            List<String> out = new ArrayList<>();
            body.fieldNames().forEachRemaining(out::add);
            return out;
        } catch (NotFound e) {
            return List.of();
        }
    }

    /** The highest generation among this prefix's data indexes. */
    public OptionalInt latestGeneration() {
        String pattern = layout.generation(0).replaceAll("\\d{6}$", "*");
        JsonNode rows = send("GET", "/_cat/indices/" + pattern + "?format=json&h=index&expand_wildcards=all", null);
        List<Integer> found = new ArrayList<>();
        rows.forEach(r -> found.add(layout.generationOf(r.path("index").asText())));
        return found.stream().mapToInt(Integer::intValue).filter(n -> n >= 0).max();
    }

    /** Creates a data index with the settings and mappings this build's code expects, without aliases. */
    public void createGeneration(String index) {
        List<ObjectNode> bodies = new ArrayList<>();
        mapping.scope(PackageDocument.class).schemaManager().exportExpectedSchema((backendName, indexName, export) -> {
            for (var part : ((ElasticsearchIndexSchemaExport) export).bodyParts()) {
                try {
                    bodies.add((ObjectNode) json.readTree(part.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        ObjectNode body = bodies.get(0);
        body.remove("aliases");
        send("PUT", "/" + index, body);
    }

    /** Moves {@code alias} from wherever it points to {@code index}, atomically. */
    public void moveAlias(String alias, String index, boolean writeIndex) {
        ObjectNode body = json.createObjectNode();
        var actions = body.putArray("actions");
        for (String old : indexesOf(alias)) {
            actions.addObject().putObject("remove").put("index", old).put("alias", alias);
        }
        ObjectNode add = actions.addObject().putObject("add").put("index", index).put("alias", alias);
        if (writeIndex) {
            add.put("is_write_index", true);
        }
        send("POST", "/_aliases", body);
    }

    public void refresh(String index) {
        send("POST", "/" + index + "/_refresh", null);
    }

    public void delete(String index) {
        try {
            send("DELETE", "/" + index, null);
        } catch (NotFound e) {
            // already gone
        }
    }

    /** Documents in an index or alias (after its last refresh). */
    public long count(String indexOrAlias) {
        return send("GET", "/" + indexOrAlias + "/_count", null).path("count").asLong();
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private JsonNode send(String method, String path, JsonNode body) {
        RestClient client = mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class);
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new NStringEntity(body.toString(), ContentType.APPLICATION_JSON));
        }
        try {
            Response response = client.performRequest(request);
            String text = response.getEntity() == null ? "{}" : EntityUtils.toString(response.getEntity());
            return json.readTree(text.isBlank() ? "{}" : text);
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                throw new NotFound(method + " " + path + ": 404");
            }
            throw new SearchEngineException(method + " " + path + ": " + e.getResponse().getStatusLine(), e);
        } catch (IOException e) {
            throw new SearchEngineException(method + " " + path + ": " + e.getMessage(), e);
        }
    }

    /** The engine refused or could not be reached. */
    public static final class SearchEngineException extends RuntimeException {
        SearchEngineException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
