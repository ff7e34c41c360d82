package org.fedoraproject.packages.worker.bus;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fedoraproject.packages.worker.catalog.RepositoryUpdates;
import org.fedoraproject.packages.worker.refresh.Priority;
import org.fedoraproject.packages.worker.refresh.RefreshPlan;
import org.fedoraproject.packages.worker.refresh.RefreshScheduler;
import org.jboss.logging.Logger;

/**
 * Consumes Fedora's bus. A message is acknowledged as soon as the entries it asks for are recorded in
 * the scheduler's durable queue (not once they are fetched: one slow upstream never holds the bus),
 * or once it went to the dead-letter queue with its reason. Versions make redeliveries harmless.
 */
@ApplicationScoped
public class BusConsumer {
    private static final Logger LOG = Logger.getLogger(BusConsumer.class);

    private final BusMessageParser parser;
    private final TopicRouter router;
    private final RefreshScheduler scheduler;
    private final Settlement settlement;
    private final BusMetrics metrics;
    private final RepositoryUpdates repositories;

    public BusConsumer(BusMessageParser parser, TopicRouter router, RefreshScheduler scheduler, Settlement settlement,
            BusMetrics metrics, RepositoryUpdates repositories) {
        this.parser = parser;
        this.router = router;
        this.scheduler = scheduler;
        this.settlement = settlement;
        this.metrics = metrics;
        this.repositories = repositories;
    }

    @Incoming(Channels.BUS)
    public Uni<Void> consume(Message<byte[]> message) {
        Optional<IncomingRabbitMQMetadata> amqp = message.getMetadata(IncomingRabbitMQMetadata.class);
        String routingKey = amqp.map(IncomingRabbitMQMetadata::getRoutingKey).orElse("");
        Map<String, Object> headers = amqp.map(IncomingRabbitMQMetadata::getHeaders).orElse(Map.of());
        String route = router.rowOf(routingKey);
        Optional<RefreshPlan> plan;
        try {
            plan = router.route(parser.parse(routingKey, message.getPayload(), headers));
        } catch (InvalidMessageException e) {
            metrics.event(route, "dead-lettered");
            return settlement.deadLetter(message, DeadLetters.Source.BUS, routingKey, e.getMessage());
        }
        if (plan.isEmpty()) {
            LOG.debugf("%s concerns no package page; acknowledged", routingKey);
            metrics.event(route, "ignored");
            return settlement.ack(message);
        }
        long sentAt = SentAt.millis(headers, System.currentTimeMillis());
        if (plan.get().namesAreBinary()) {
            repositories.request(Priority.EVENT); // a repository changed: the catalog reads it again
        }
        return settlement.afterHandOff(message, routingKey,
                scheduler.submit(plan.get(), Priority.EVENT, sentAt).invoke(enqueued -> {
                    metrics.event(route, "scheduled");
                    LOG.debugf("%s: %s", routingKey, enqueued);
                }));
    }
}
