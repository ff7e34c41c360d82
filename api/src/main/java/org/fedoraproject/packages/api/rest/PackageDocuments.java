package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fedoraproject.packages.api.refresh.ColdPages;
import org.fedoraproject.packages.api.store.PackageReader;
import org.fedoraproject.packages.api.store.PackageReader.StoredDocument;
import org.fedoraproject.packages.contract.ConnectorName;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The documents a view of a package is made from (the feed: builds and updates; badges: versions and
 * upstream), found by the rules of the document endpoint: an invalid name is 400, a binary (sub-)package
 * answers 308 to its source package's view, an unknown name is 404, and a known package's document that
 * nothing fetched yet is asked of the worker (a cold page) and awaited briefly. A document still missing
 * after that is left out: the view shows what there is, and its ETag changes once the document comes.
 */
@ApplicationScoped
public class PackageDocuments {
    /** The envelopes found, by connector; a connector without one has none stored. */
    public record Found(String pkg, Map<ConnectorName, JsonNode> envelopes) {
        /** The document's data when its status is ok; a missing node when absent upstream or not stored. */
        public JsonNode data(ConnectorName c) {
            JsonNode e = envelopes.get(c);
            return e != null && "ok".equals(e.path("status").asText()) ? e.path("data") : MissingNode.getInstance();
        }

        /** The document's version, the part of an ETag it stands for ({@code -}: none stored). */
        public String version(ConnectorName c) {
            JsonNode e = envelopes.get(c);
            return e == null ? "-" : e.path("version").asText("-");
        }

        public Optional<Instant> refreshedAt(ConnectorName c) {
            JsonNode e = envelopes.get(c);
            return e == null ? Optional.empty() : instant(e.path("refreshedAt").asText(null));
        }

        public boolean any() {
            return !envelopes.isEmpty();
        }
    }

    private final PackageReader reader;
    private final ColdPages coldPages;
    private final ObjectMapper mapper;

    public PackageDocuments(PackageReader reader, ColdPages coldPages, ObjectMapper mapper) {
        this.reader = reader;
        this.coldPages = coldPages;
        this.mapper = mapper;
    }

    /**
     * Answers with {@code view} of the package's documents, or with the 308 to its source package (whose
     * location ends with {@code rest}, e.g. {@code /feed.atom}); an unknown name fails with a 404 problem.
     */
    public <T> Uni<RestResponse<T>> answer(String name, String rest, List<ConnectorName> connectors,
            Function<Found, RestResponse<T>> view) {
        PackageResource.checkName(name);
        return reader.isKnown(name).flatMap(known -> known ? load(name, connectors).map(view) : toSource(name, rest));
    }

    private Uni<Found> load(String name, List<ConnectorName> connectors) {
        List<Uni<Optional<StoredDocument>>> reads = connectors.stream()
                .map(c -> reader.document(name, c).flatMap(found -> found.isPresent()
                        ? Uni.createFrom().item(found) : coldPages.fill(name, c)))
                .toList();
        return Uni.join().all(reads).andFailFast().map(docs -> {
            Map<ConnectorName, JsonNode> envelopes = new EnumMap<>(ConnectorName.class);
            for (int i = 0; i < connectors.size(); i++) {
                ConnectorName c = connectors.get(i);
                docs.get(i).map(this::json).ifPresent(envelope -> envelopes.put(c, envelope));
            }
            return new Found(name, envelopes);
        });
    }

    /**
     * A name that is no source package may be a binary one (vim-X11 is built from vim): 308 to the source's
     * {@code rest} (e.g. {@code /files?branch=f43}), whose Location clients follow with the same method; else 404.
     * The one place every package endpoint answers a sub-package name.
     */
    public <T> Uni<RestResponse<T>> toSource(String name, String rest) {
        return reader.sourceOfBinary(name).map(source -> {
            if (source.isEmpty()) {
                throw ProblemException.unknownPackage(name);
            }
            return RestResponse.ResponseBuilder.<T>create(308)
                    .location(URI.create("/api/v1/packages/" + source.get() + rest))
                    .header("X-Binary-Package-Of", source.get()).build();
        });
    }

    private JsonNode json(StoredDocument doc) {
        try {
            return mapper.readTree(doc.json());
        } catch (IOException e) {
            // a damaged document is treated as none rather than failing the whole view
            return MissingNode.getInstance();
        }
    }

    /** An upstream's timestamp, when it is one. */
    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
