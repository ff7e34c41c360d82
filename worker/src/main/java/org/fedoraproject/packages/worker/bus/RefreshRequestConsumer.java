package org.fedoraproject.packages.worker.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.fedoraproject.packages.contract.ConnectorName;
import org.fedoraproject.packages.contract.PackageNames;
import org.fedoraproject.packages.worker.refresh.Refresher;
import org.jboss.logging.Logger;

/**
 * Refresh requests that are not bus events: the API asking for a document nobody has fetched yet
 * (a cold page), the worker splitting a large bus event ({@link RefreshRequests}), or an operator.
 * Body {@code {"package": "curl", "connectors": ["builds"]}}; without {@code connectors} every
 * document of the package is refreshed. Same guarantees as the bus: acknowledged
 * after the writes, invalid requests to the dead-letter queue with their reason.
 */
@ApplicationScoped
public class RefreshRequestConsumer {
    private static final Logger LOG = Logger.getLogger(RefreshRequestConsumer.class);
    static final String PACKAGE = "package";
    static final String CONNECTORS = "connectors";

    private final ObjectMapper mapper;
    private final Refresher refresher;
    private final DeadLetters deadLetters;

    public RefreshRequestConsumer(ObjectMapper mapper, Refresher refresher, DeadLetters deadLetters) {
        this.mapper = mapper;
        this.refresher = refresher;
        this.deadLetters = deadLetters;
    }

    @Incoming("refresh-requests")
    public Uni<Void> consume(Message<byte[]> message) {
        String routingKey = message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(IncomingRabbitMQMetadata::getRoutingKey).orElse("refresh-request");
        RefreshPlan plan;
        try {
            plan = parse(routingKey, message.getPayload());
        } catch (InvalidMessageException e) {
            LOG.warnf("dead-lettering a refresh request: %s", e.getMessage());
            return deadLetters.send(message.getPayload(), routingKey, e.getMessage())
                    .call(() -> Uni.createFrom().completionStage(message.ack()))
                    .onFailure().call(t -> Uni.createFrom().completionStage(message.nack(t)))
                    .onFailure().recoverWithNull();
        }
        return refresher.execute(plan).replaceWithVoid()
                .call(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().call(t -> {
                    LOG.errorf("could not store the refresh of %s: %s", plan.packages(), t.toString());
                    return Uni.createFrom().completionStage(message.nack(t));
                })
                .onFailure().recoverWithNull();
    }

    RefreshPlan parse(String routingKey, byte[] payload) {
        JsonNode body;
        try {
            body = payload == null ? null : mapper.readTree(payload);
        } catch (IOException e) {
            throw new InvalidMessageException("refresh request is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw new InvalidMessageException("refresh request is not a JSON object");
        }
        String pkg = body.path(PACKAGE).asText(null);
        if (!PackageNames.isValid(pkg)) {
            throw new InvalidMessageException("refresh request without a valid 'package'");
        }
        Set<ConnectorName> connectors = EnumSet.noneOf(ConnectorName.class);
        JsonNode requested = body.get(CONNECTORS);
        if (requested == null || requested.isNull() || requested.isEmpty()) {
            connectors.addAll(Arrays.asList(ConnectorName.values()));
        } else {
            for (JsonNode c : requested) {
                connectors.add(ConnectorName.fromId(c.asText()).orElseThrow(
                        () -> new InvalidMessageException("refresh request names unknown connector '" + c.asText() + "'")));
            }
        }
        return RefreshPlan.sources(routingKey, List.of(pkg), connectors);
    }
}
