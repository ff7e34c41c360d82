package org.fedoraproject.packages.worker.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a bus payload into a {@link BusMessage}. Today's fedora-messaging body is plain JSON; older
 * producers and replays wrap it in the fedmsg envelope {@code {topic, msg, …}}, and datagrepper
 * exports in {@code {topic, body, headers}}: both are unwrapped here so routing sees one shape.
 * The AMQP routing key decides the topic whenever there is one: it is what the broker routed on, and
 * an envelope's inner {@code topic} must not send a message down another row's path.
 */
@ApplicationScoped
public class BusMessageParser {
    private final ObjectMapper mapper;

    public BusMessageParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public BusMessage parse(String routingKey, byte[] payload, Map<String, Object> headers) {
        if (payload == null || payload.length == 0) {
            throw new InvalidMessageException("empty body");
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (IOException e) {
            throw new InvalidMessageException("body is not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMessageException("body is not a JSON object");
        }
        Map<String, Object> allHeaders = new HashMap<>(headers == null ? Map.of() : headers);
        String topic = routingKey;
        String innerTopic = root.path("topic").isTextual() ? root.get("topic").asText() : null;
        JsonNode body = root;
        if (root.has("topic") && root.get("msg") != null && root.get("msg").isObject()) {
            body = root.get("msg");
        } else if (root.has("topic") && root.get("body") != null && root.get("body").isObject()) {
            body = root.get("body");
            JsonNode h = root.get("headers");
            if (h != null && h.isObject()) {
                h.fields().forEachRemaining(e -> allHeaders.putIfAbsent(e.getKey(), e.getValue().asText()));
            }
        }
        if (topic == null || topic.isBlank()) {
            topic = innerTopic; // a replay without a routing key (tests, tools): the envelope's topic is all there is
        }
        if (topic == null || topic.isBlank()) {
            throw new InvalidMessageException("no topic");
        }
        return new BusMessage(topic, body, allHeaders);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
