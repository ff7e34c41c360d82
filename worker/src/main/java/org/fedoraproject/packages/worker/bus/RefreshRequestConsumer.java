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
import org.fedoraproject.packages.worker.refresh.Priority;
import org.fedoraproject.packages.worker.refresh.RefreshPlan;
import org.fedoraproject.packages.worker.refresh.RefreshScheduler;

/**
 * Refresh requests that are not bus events: the API asking for a document nobody has fetched yet
 * (a cold page) or an operator. Body {@code {"package": "curl", "connectors": ["builds"]}}; without
 * {@code connectors} every document of the package is refreshed. They go to the scheduler ahead of bus
 * events; acknowledged once recorded, invalid ones to the refresh dead-letter queue with their reason.
 * An operator's {@code {"command": "bootstrap"}} (the API's admin endpoint) starts or resumes the bootstrap.
 */
@ApplicationScoped
public class RefreshRequestConsumer {
    static final String PACKAGE = "package";
    static final String CONNECTORS = "connectors";
    static final String COMMAND = "command";
    private static final String ROUTE = "refresh-request";

    private final ObjectMapper mapper;
    private final RefreshScheduler scheduler;
    private final Settlement settlement;
    private final BusMetrics metrics;
    private final org.fedoraproject.packages.worker.catalog.Bootstrap bootstrap;

    public RefreshRequestConsumer(ObjectMapper mapper, RefreshScheduler scheduler, Settlement settlement,
            BusMetrics metrics, org.fedoraproject.packages.worker.catalog.Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.settlement = settlement;
        this.metrics = metrics;
    }

    @Incoming(Channels.REFRESH_REQUESTS)
    public Uni<Void> consume(Message<byte[]> message) {
        String routingKey = message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(IncomingRabbitMQMetadata::getRoutingKey).orElse(ROUTE);
        RefreshPlan plan;
        try {
            if (isBootstrapCommand(message.getPayload())) {
                return bootstrap.startOrResume().invoke(what -> metrics.event(ROUTE, "bootstrap-" + what))
                        .onFailure().recoverWithItem("failed")
                        .flatMap(what -> Uni.createFrom().completionStage(message.ack()));
            }
            plan = parse(routingKey, message.getPayload());
        } catch (InvalidMessageException e) {
            metrics.event(ROUTE, "dead-lettered");
            return settlement.deadLetter(message, DeadLetters.Source.REFRESH_REQUESTS, routingKey, e.getMessage());
        }
        return settlement.afterHandOff(message, "a refresh request for " + plan.packages(),
                scheduler.submit(plan, Priority.COLD_PAGE, System.currentTimeMillis())
                        .invoke(() -> metrics.event(ROUTE, "scheduled")));
    }

    /** {@code {"command": "bootstrap"}}; any other command is invalid (dead-lettered by parse). */
    boolean isBootstrapCommand(byte[] payload) {
        try {
            JsonNode body = payload == null ? null : mapper.readTree(payload);
            if (body == null || !body.has(COMMAND)) {
                return false;
            }
            if (!"bootstrap".equals(body.get(COMMAND).asText())) {
                throw new InvalidMessageException("unknown command " + body.get(COMMAND) + "; the only one is \"bootstrap\"");
            }
            return true;
        } catch (IOException e) {
            return false; // parse says why
        }
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
        JsonNode pkg = body.get(PACKAGE);
        if (pkg == null || !pkg.isTextual() || !PackageNames.isValid(pkg.asText())) {
            throw new InvalidMessageException("refresh request needs 'package', a valid package name as a string");
        }
        Set<ConnectorName> connectors = EnumSet.noneOf(ConnectorName.class);
        JsonNode requested = body.get(CONNECTORS);
        if (requested == null || requested.isNull()) {
            connectors.addAll(Arrays.asList(ConnectorName.values()));
        } else if (!requested.isArray() || requested.isEmpty()) {
            throw new InvalidMessageException("refresh request's 'connectors' must be a non-empty array of connector names");
        } else {
            for (JsonNode c : requested) {
                if (!c.isTextual()) {
                    throw new InvalidMessageException("refresh request's 'connectors' holds a non-string: " + c);
                }
                connectors.add(ConnectorName.fromId(c.asText()).orElseThrow(
                        () -> new InvalidMessageException("refresh request names unknown connector '" + c.asText() + "'")));
            }
        }
        return RefreshPlan.sources(routingKey, List.of(pkg.asText()), connectors);
    }
}
