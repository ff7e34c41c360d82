package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fedoraproject.packages.api.refresh.LiveEvents;

/**
 * Builds the server-sent event streams: an opening comment (so the client knows it is connected),
 * what it missed after {@code Last-Event-ID}, then every refresh as it happens, with a heartbeat comment
 * every {@code fp.events.heartbeat} so that proxies keep the connection. Unnamed events, JSON data
 * {@code {package, connector, version, refreshedAt, status}}, ids for resuming.
 */
@ApplicationScoped
public class EventStreams {
    static final String RETRY_AFTER_SECONDS = "30";

    private final LiveEvents events;
    private final ObjectMapper mapper;
    private final Duration heartbeat;

    public EventStreams(LiveEvents events, ObjectMapper mapper,
            @ConfigProperty(name = "fp.events.heartbeat", defaultValue = "PT15S") Duration heartbeat) {
        this.events = events;
        this.mapper = mapper;
        this.heartbeat = heartbeat;
    }

    public Multi<OutboundSseEvent> forPackage(String name, String lastEventId, Sse sse) {
        admit();
        Multi<LiveEvents.Event> missed = lastEventId == null ? Multi.createFrom().empty()
                : Multi.createFrom().uni(events.missedBy(name, lastEventId)).onItem().disjoint();
        return stream(sse, missed, events.live().filter(e -> e.packageName().equals(name)));
    }

    public Multi<OutboundSseEvent> forAll(String lastEventId, Sse sse) {
        admit();
        Multi<LiveEvents.Event> missed = Multi.createFrom().empty();
        boolean reset = false;
        if (lastEventId != null) {
            List<LiveEvents.Event> list = events.missedByAll(lastEventId);
            if (list == null) {
                reset = true; // further back than this instance remembers: the client must resynchronise
            } else {
                missed = Multi.createFrom().iterable(list);
            }
        }
        Multi<OutboundSseEvent> out = stream(sse, missed, events.live());
        return reset ? Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().name("reset").data("{\"reason\":\"events after Last-Event-ID are no longer known\"}").build()),
                out) : out;
    }

    private void admit() {
        if (!events.open()) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                    "This instance holds as many event streams as it may (fp.events.max-streams); retry later", RETRY_AFTER_SECONDS);
        }
    }

    private Multi<OutboundSseEvent> stream(Sse sse, Multi<LiveEvents.Event> missed, Multi<LiveEvents.Event> live) {
        Multi<OutboundSseEvent> data = Multi.createBy().merging().streams(missed, live).map(e -> event(sse, e));
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .map(t -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> opening = Multi.createFrom().item(sse.newEventBuilder().comment("open").build());
        return Multi.createBy().concatenating().streams(opening, Multi.createBy().merging().streams(data, beats))
                .onTermination().invoke(events::closed);
    }

    private OutboundSseEvent event(Sse sse, LiveEvents.Event e) {
        try {
            var body = new ApiShapes.RefreshEvent(e.packageName(), e.connector(), e.version(), e.refreshedAt(), e.status());
            return sse.newEventBuilder().id(e.id()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(mapper.writeValueAsString(body)).build();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
