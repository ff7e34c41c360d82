package org.fedoraproject.packages.worker.bus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.fedoraproject.packages.contract.ConnectorName;

/**
 * Splits a large refresh plan into one refresh request per package on the worker's own queue. An
 * mdapi.repo.update after a compose names thousands of packages; done inline, one message would hold
 * the bus queue for hours (and outlive RabbitMQ's consumer timeout). Split, the bus message is acked
 * at once, the requests are spread over all worker replicas, and each is retried on its own.
 */
@ApplicationScoped
public class RefreshRequests {
    private final Emitter<byte[]> emitter;
    private final ObjectMapper mapper;

    public RefreshRequests(@Channel("refresh-requests-out") Emitter<byte[]> emitter, ObjectMapper mapper) {
        this.emitter = emitter;
        this.mapper = mapper;
    }

    /** Completes once the broker confirmed a request for every package of the plan (source names). */
    public Uni<Void> publishEach(RefreshPlan plan) {
        if (plan.namesAreBinary()) {
            throw new IllegalArgumentException("map binary names to their source packages first");
        }
        return Multi.createFrom().iterable(plan.packages())
                .onItem().transformToUni(name -> ConfirmedSend.send(emitter, body(plan, name),
                        OutgoingRabbitMQMetadata.builder().withContentType("application/json").withDeliveryMode(2).build()))
                .merge(64)
                .collect().last().replaceWithVoid();
    }

    private byte[] body(RefreshPlan plan, String name) {
        ObjectNode request = mapper.createObjectNode();
        request.put(RefreshRequestConsumer.PACKAGE, name);
        var connectors = request.putArray(RefreshRequestConsumer.CONNECTORS);
        plan.connectors().stream().map(ConnectorName::id).sorted().forEach(connectors::add);
        request.put("cause", plan.topic());
        return request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
