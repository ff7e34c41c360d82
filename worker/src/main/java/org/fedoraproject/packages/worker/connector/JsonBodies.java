package org.fedoraproject.packages.worker.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Upstream bodies are read as text and parsed here, so that a body that is not JSON becomes a
 * {@code malformed} failure instead of a generic client error, and a 404 becomes "absent".
 */
public final class JsonBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    public static JsonNode parse(String upstream, String body) {
        if (body == null || body.isBlank()) {
            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, upstream, "empty body", null);
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw UpstreamException.of(UpstreamException.Kind.MALFORMED, upstream,
                    "body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A GET whose 404 means "the upstream does not have it". Other failures are classified. */
    public static Uni<Optional<JsonNode>> optional(String upstream, Uni<String> call) {
        return call.map(body -> Optional.of(parse(upstream, body)))
                .onFailure(UpstreamErrors::isNotFound).recoverWithItem(Optional.empty())
                .onFailure().transform(t -> UpstreamErrors.classify(upstream, t));
    }

    /** A GET whose text body is wanted as is; 404 means "none". */
    public static Uni<Optional<String>> optionalText(String upstream, Uni<String> call) {
        return call.map(Optional::ofNullable)
                .onFailure(UpstreamErrors::isNotFound).recoverWithItem(Optional.empty())
                .onFailure().transform(t -> UpstreamErrors.classify(upstream, t));
    }

    /** Text of a field, or null when missing or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
