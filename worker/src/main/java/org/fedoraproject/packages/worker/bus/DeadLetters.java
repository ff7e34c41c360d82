package org.fedoraproject.packages.worker.bus;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZonedDateTime;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sends a message the worker cannot act on to the dead-letter queue, with its reason and original
 * topic in headers ({@code x-fp-reason}, {@code x-fp-topic}), so an operator can see why and replay it.
 * The broker's own dead-lettering (a nack) would keep the message but not the reason.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String REASON_HEADER = "x-fp-reason";
    public static final String TOPIC_HEADER = "x-fp-topic";

    private final Emitter<byte[]> emitter;
    private final String routingKey;

    public DeadLetters(@Channel("dead-letters") Emitter<byte[]> emitter,
            @ConfigProperty(name = "mp.messaging.incoming.bus.queue.name") String busQueue) {
        this.emitter = emitter;
        this.routingKey = busQueue; // the DLQ is bound to the dead-letter exchange with the queue's name
    }

    /** Completes once the broker has the dead letter. */
    public Uni<Void> send(byte[] payload, String topic, String reason) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(routingKey)
                .withHeaders(Map.of(REASON_HEADER, reason, TOPIC_HEADER, topic == null ? "" : topic))
                .withContentType("application/octet-stream")
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.now())
                .build();
        return ConfirmedSend.send(emitter, payload == null ? new byte[0] : payload, metadata);
    }
}
