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
 * Sends a message the worker cannot act on to the dead-letter queue of the queue it came from, with
 * its reason and original topic in headers ({@code x-fp-reason}, {@code x-fp-topic}), so an operator
 * can see why and replay it. The broker's own dead-lettering (a nack) would keep the message but not
 * the reason.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String REASON_HEADER = "x-fp-reason";
    public static final String TOPIC_HEADER = "x-fp-topic";

    /** The queues a message can come from; each has its own dead-letter queue. */
    public enum Source { BUS, REFRESH_REQUESTS }

    private final Emitter<byte[]> emitter;
    private final String busQueue;
    private final String refreshQueue;

    public DeadLetters(@Channel(Channels.DEAD_LETTERS) Emitter<byte[]> emitter,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.BUS + ".queue.name") String busQueue,
            @ConfigProperty(name = "mp.messaging.incoming." + Channels.REFRESH_REQUESTS + ".queue.name") String refreshQueue) {
        this.emitter = emitter;
        this.busQueue = busQueue;
        this.refreshQueue = refreshQueue;
    }

    /** Completes once the broker has the dead letter. */
    public Uni<Void> send(Source source, byte[] payload, String topic, String reason) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                // each DLQ is bound to the dead-letter exchange with its queue's name
                .withRoutingKey(source == Source.BUS ? busQueue : refreshQueue)
                .withHeaders(Map.of(REASON_HEADER, reason, TOPIC_HEADER, topic == null ? "" : topic))
                .withContentType("application/octet-stream")
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.now())
                .build();
        return ConfirmedSend.send(emitter, payload == null ? new byte[0] : payload, metadata);
    }
}
