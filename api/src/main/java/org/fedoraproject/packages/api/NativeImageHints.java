package org.fedoraproject.packages.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.fedoraproject.packages.api.refresh.LiveEvents;
import org.fedoraproject.packages.api.rest.ApiShapes;
import org.fedoraproject.packages.api.rest.Problem;
import org.fedoraproject.packages.api.search.SearchShapes;
import org.fedoraproject.packages.contract.search.PackageDocument;

/**
 * What a native executable must keep for reflection that Quarkus does not find by itself: shapes that
 * Jackson writes through an {@code ObjectMapper} (cached search answers, event-stream data, problems
 * written by filters) rather than as a resource method's declared return type. Nothing to run: the
 * annotation is read at build time ({@code mvn package -Dnative}).
 */
@RegisterForReflection(targets = {
        SearchShapes.Page.class, SearchShapes.Hit.class, SearchShapes.Match.class,
        SearchShapes.Suggestions.class, SearchShapes.Suggestion.class,
        LiveEvents.Event.class, ApiShapes.RefreshEvent.class, Problem.class, PackageDocument.class,
        // HeaderTimeout reads the listening channel from this Vert.x class's private field
        io.vertx.core.net.impl.TCPServerBase.class,
})
final class NativeImageHints {
    private NativeImageHints() {
    }
}
