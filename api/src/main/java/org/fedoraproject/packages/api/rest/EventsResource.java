package org.fedoraproject.packages.api.rest;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every refresh of every package, as server-sent events: for tools that mirror the data. */
@Path("/api/v1/events")
@Tag(name = "events")
public class EventsResource {
    private final EventStreams streams;

    public EventsResource(EventStreams streams) {
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "allEvents", summary = "Server-sent events: one per refresh of any document of any package",
            description = "Data {package, connector, version, refreshedAt, status}; heartbeat comments every 15 s. With "
                    + "Last-Event-ID, the events after it this instance still remembers; a 'reset' event when it does not "
                    + "remember that far back (fetch what you need again).")
    @APIResponse(responseCode = "200", description = "An event stream (text/event-stream)")
    @APIResponse(responseCode = "503", description = "This instance holds its maximum of open streams; retry later")
    public Multi<OutboundSseEvent> all(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        return streams.forAll(lastEventId, sse);
    }
}
