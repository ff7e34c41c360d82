package org.fedoraproject.packages.worker.refresh;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** Which names are packages: the scheduler queues entries for known packages only. */
public interface KnownNames {
    /** The known names among {@code names}, in order. Before the first discovery every name passes. */
    Uni<List<String>> knownAmong(List<String> names);

    /** Makes names known that an event announced ({@link RefreshPlan#announcedBy()}). */
    Uni<Void> announce(List<String> names, String via);
}
