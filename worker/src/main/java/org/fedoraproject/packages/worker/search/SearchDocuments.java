package org.fedoraproject.packages.worker.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.jboss.logging.Logger;

/**
 * Builds search documents from what Redis holds of a package: its state (branches, retired), its overview
 * document (texts, version, sub-packages; the catalog entry of its first branch when no overview was
 * written yet), its maintainers document, and the names its binaries provide (the catalog). One
 * pipelined round trip per step for a whole batch.
 */
@ApplicationScoped
public class SearchDocuments {
    private static final Logger LOG = Logger.getLogger(SearchDocuments.class);

    /** A batch's outcome: documents to write, names to remove (no longer known). */
    public record Batch(List<PackageDocument> documents, List<String> removed) {
    }

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper mapper;

    public SearchDocuments(ReactiveRedisDataSource redis, ObjectMapper mapper) {
        this.redis = redis;
        this.mapper = mapper;
    }

    public Uni<Batch> build(List<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(new Batch(List.of(), List.of()));
        }
        List<Request> first = new ArrayList<>(names.size() * 4);
        for (String n : names) {
            first.add(Request.cmd(Command.ZSCORE).arg(RedisLayout.KNOWN_PACKAGES).arg(n));
            first.add(Request.cmd(Command.HGET).arg(RedisLayout.PACKAGE_STATES).arg(n));
            first.add(Request.cmd(Command.HGET).arg(RedisLayout.document(n, ConnectorName.OVERVIEW)).arg(RedisLayout.DOC_BODY));
            first.add(Request.cmd(Command.HGET).arg(RedisLayout.document(n, ConnectorName.MAINTAINERS)).arg(RedisLayout.DOC_BODY));
        }
        return redis.getRedis().batch(first).flatMap(r -> {
            List<PackageDocument> docs = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            List<Request> catalog = new ArrayList<>();
            List<PackageDocument> needCatalog = new ArrayList<>();
            List<Boolean> hasOverview = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (r.get(4 * i) == null) {
                    removed.add(name);
                    continue;
                }
                PackageDocument d = new PackageDocument();
                d.name = name;
                JsonNode state = json(r.get(4 * i + 1));
                List<String> branches = new ArrayList<>();
                if (state != null) {
                    state.path("branches").forEach(b -> branches.add(b.asText()));
                    d.retired = state.path("retired").asBoolean(false);
                }
                d.branches = List.copyOf(branches);
                JsonNode overview = data(r.get(4 * i + 2));
                if (overview != null) {
                    texts(d, overview);
                }
                maintainers(d, data(r.get(4 * i + 3)));
                docs.add(d);
                if (!branches.isEmpty()) {
                    catalog.add(Request.cmd(Command.HGET).arg(RedisLayout.catalogSources(branches.get(0))).arg(name));
                    needCatalog.add(d);
                    hasOverview.add(overview != null);
                }
            }
            if (catalog.isEmpty()) {
                return Uni.createFrom().item(new Batch(docs, removed));
            }
            return redis.getRedis().batch(catalog).map(entries -> {
                for (int i = 0; i < entries.size(); i++) {
                    JsonNode entry = json(entries.get(i));
                    if (entry != null) {
                        catalogEntry(needCatalog.get(i), entry, !hasOverview.get(i));
                    }
                }
                return new Batch(docs, removed);
            });
        });
    }

    /** Summary, description, url, version and sub-package names from an overview (or a catalog entry: same fields). */
    private static void texts(PackageDocument d, JsonNode o) {
        d.summary = text(o, "summary");
        d.description = text(o, "description");
        d.url = text(o, "url");
        String version = text(o, "version");
        String release = text(o, "release");
        d.version = version == null ? null : release == null ? version : version + "-" + release;
        Set<String> binaries = new LinkedHashSet<>();
        Set<String> subSummaries = new LinkedHashSet<>();
        o.path("subpackages").forEach(s -> {
            String n = text(s, "name");
            if (n != null && !n.equals(d.name)) {
                binaries.add(n);
            }
            String sum = text(s, "summary");
            if (sum != null && !sum.equals(d.summary)) {
                subSummaries.add(sum);
            }
        });
        d.binaries = List.copyOf(binaries);
        // the sub-packages' own summaries ("… - GVim", "Python 3 bindings") are words people search for too
        if (!subSummaries.isEmpty()) {
            String subs = String.join("\n", subSummaries);
            d.description = d.description == null ? subs : d.description + "\n" + subs;
        }
    }

    private static void catalogEntry(PackageDocument d, JsonNode entry, boolean textsToo) {
        if (textsToo) {
            texts(d, entry);
        }
        Set<String> provides = new LinkedHashSet<>();
        Set<String> binaryNames = new LinkedHashSet<>(d.binaries);
        binaryNames.add(d.name);
        entry.path("subpackages").forEach(s -> s.path("provides").forEach(p -> {
            if (!binaryNames.contains(p.asText())) {
                provides.add(p.asText());
            }
        }));
        d.provides = List.copyOf(provides);
    }

    private static void maintainers(PackageDocument d, JsonNode m) {
        if (m == null) {
            return;
        }
        Set<String> people = new LinkedHashSet<>();
        String poc = text(m, "pointOfContact");
        if (poc != null) {
            people.add(poc);
        }
        m.path("admins").forEach(u -> people.add(u.asText()));
        m.path("committers").forEach(u -> people.add(u.asText()));
        m.path("groups").path("admin").forEach(g -> people.add("@" + g.asText()));
        m.path("groups").path("commit").forEach(g -> people.add("@" + g.asText()));
        d.maintainers = List.copyOf(people);
    }

    /** The {@code data} of a stored document envelope, or null (absent, unreadable, or no data). */
    private JsonNode data(Response body) {
        JsonNode envelope = json(body);
        JsonNode data = envelope == null ? null : envelope.get("data");
        return data == null || !data.isObject() ? null : data;
    }

    private JsonNode json(Response r) {
        if (r == null) {
            return null;
        }
        try {
            return mapper.readTree(r.toString());
        } catch (Exception e) {
            LOG.debugf("unreadable JSON in Redis (%s); field left out of the search document", e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
