package org.fedoraproject.packages.api.refresh;

import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The API's one way to ask the worker for something: a persistent JSON message on the worker's
 * refresh-request queue (the API writes nothing itself). Shapes are those the worker's
 * RefreshRequestConsumer reads: {@code {"package","connectors"}} or {@code {"command":"bootstrap"}}.
 */
@ApplicationScoped
public class RefreshRequests {
    private static final Logger LOG = Logger.getLogger(RefreshRequests.class);

    private final Emitter<byte[]> requests;

    public RefreshRequests(@Channel("refresh-requests") Emitter<byte[]> requests) {
        this.requests = requests;
    }

    /** Sends the request; false when the bus cannot take it now (the caller decides what to answer). */
    public boolean send(String json) {
        try {
            requests.send(Message.of(json.getBytes(StandardCharsets.UTF_8),
                    Metadata.of(OutgoingRabbitMQMetadata.builder().withContentType("application/json")
                            .withDeliveryMode(2).build())));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("cannot send %s to the worker: %s", json, e.toString());
            return false;
        }
    }
}
