package org.fedoraproject.packages.worker.bus;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * How every consumer ends a message: acknowledged once its work is recorded, or dead-lettered with
 * its reason. Our own store failing is never a reason: the hand-off is retried with back-off while
 * the message stays unacknowledged, so the consumer stops taking more (its prefetch is full) until the
 * store is back, and a crash meanwhile lets the broker redeliver it.
 */
@ApplicationScoped
public class Settlement {
    private static final Logger LOG = Logger.getLogger(Settlement.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final DeadLetters deadLetters;
    private final BusMetrics metrics;

    public Settlement(DeadLetters deadLetters, BusMetrics metrics) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** Runs {@code handOff} until it succeeds, then acknowledges. */
    public Uni<Void> afterHandOff(Message<?> message, String what, Uni<?> handOff) {
        return handOff
                .onFailure().invoke(t -> LOG.warnf("cannot record %s yet (%s); retrying", what, t.toString()))
                .onFailure().retry().withBackOff(FIRST_RETRY, MAX_RETRY).indefinitely()
                .flatMap(done -> ack(message));
    }

    public Uni<Void> ack(Message<?> message) {
        return Uni.createFrom().completionStage(message.ack());
    }

    /** Dead-letters with a reason; if even that fails, a nack lets the broker dead-letter it (without one). */
    public Uni<Void> deadLetter(Message<byte[]> message, DeadLetters.Source source, String topic, String reason) {
        LOG.warnf("dead-lettering a %s message (%s): %s", source.name().toLowerCase(java.util.Locale.ROOT), topic, reason);
        metrics.deadLettered(source);
        return deadLetters.send(source, message.getPayload(), topic, reason)
                .flatMap(sent -> ack(message))
                .onFailure().call(t -> Uni.createFrom().completionStage(message.nack(t)))
                .onFailure().recoverWithNull();
    }
}
