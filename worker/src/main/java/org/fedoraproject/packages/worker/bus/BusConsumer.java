package org.fedoraproject.packages.worker.bus;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.jboss.logging.Logger;

/**
 * Consumes Fedora's bus. Each message is acknowledged only after everything it asked for is stored
 * (at-least-once; versions make redeliveries harmless), or after it went to the dead-letter queue.
 * A storage failure nacks it, and the broker dead-letters it without losing it. An event about many
 * packages is handed on as one refresh request per package ({@link RefreshRequests}).
 */
@ApplicationScoped
public class BusConsumer {
    private static final Logger LOG = Logger.getLogger(BusConsumer.class);

    private final BusMessageParser parser;
    private final TopicRouter router;
    private final Refresher refresher;
    private final DeadLetters deadLetters;
    private final RefreshRequests refreshRequests;
    private final int inlineMax;

    public BusConsumer(BusMessageParser parser, TopicRouter router, Refresher refresher, DeadLetters deadLetters,
            RefreshRequests refreshRequests,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "fp.refresh.inline-max-packages",
                    defaultValue = "10") int inlineMax) {
        this.parser = parser;
        this.router = router;
        this.refresher = refresher;
        this.deadLetters = deadLetters;
        this.refreshRequests = refreshRequests;
        this.inlineMax = inlineMax;
    }

    @Incoming("bus")
    public Uni<Void> consume(Message<byte[]> message) {
        Optional<IncomingRabbitMQMetadata> amqp = message.getMetadata(IncomingRabbitMQMetadata.class);
        String routingKey = amqp.map(IncomingRabbitMQMetadata::getRoutingKey).orElse("");
        Map<String, Object> headers = amqp.map(IncomingRabbitMQMetadata::getHeaders).orElse(Map.of());
        Optional<RefreshPlan> plan;
        try {
            plan = router.route(parser.parse(routingKey, message.getPayload(), headers));
        } catch (InvalidMessageException e) {
            LOG.warnf("dead-lettering a %s message: %s", routingKey, e.getMessage());
            return deadLetters.send(message.getPayload(), routingKey, e.getMessage())
                    .call(() -> Uni.createFrom().completionStage(message.ack()))
                    .onFailure().call(t -> Uni.createFrom().completionStage(message.nack(t)))
                    .onFailure().recoverWithNull();
        }
        if (plan.isEmpty()) {
            LOG.debugf("%s concerns no package page; acknowledged", routingKey);
            return Uni.createFrom().completionStage(message.ack());
        }
        return refresher.sourcePlan(plan.get())
                .flatMap(sources -> sources.packages().size() > inlineMax
                        ? refreshRequests.publishEach(sources).invoke(() -> LOG.debugf(
                                "%s: %d packages handed on as refresh requests", routingKey, sources.packages().size()))
                        : refresher.execute(sources).invoke(outcomes -> LOG.debugf(
                                "%s: %d entries %s", routingKey, outcomes.size(), outcomes)).replaceWithVoid())
                .call(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().call(t -> {
                    LOG.errorf("could not carry out the refresh for %s: %s", routingKey, t.toString());
                    return Uni.createFrom().completionStage(message.nack(t));
                })
                .onFailure().recoverWithNull();
    }
}
