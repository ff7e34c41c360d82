package org.fedoraproject.packages.worker.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A fedora-messaging message as the worker sees it: the topic (AMQP routing key), the JSON body
 * and the AMQP headers (e.g. {@code fedora_messaging_rpm_<name>}).
 */
public record BusMessage(String topic, JsonNode body, Map<String, Object> headers) {
}
