package org.fedoraproject.packages.worker.bus;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Sends a message on an outgoing RabbitMQ channel and completes once the broker confirmed it
 * (the channel has {@code publish-confirms=true}), so the incoming message it replaces can be acked
 * without a window in which both could be lost.
 */
final class ConfirmedSend {
    private ConfirmedSend() {
    }

    static Uni<Void> send(Emitter<byte[]> emitter, byte[] payload, OutgoingRabbitMQMetadata metadata) {
        return Uni.createFrom().emitter(done -> emitter.send(Message.of(payload, Metadata.of(metadata),
                () -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                error -> {
                    done.fail(error);
                    return CompletableFuture.completedFuture(null);
                })));
    }
}
