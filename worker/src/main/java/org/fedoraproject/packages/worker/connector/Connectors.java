package org.fedoraproject.packages.worker.connector;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedoraproject.packages.contract.ConnectorName;

/** All connector beans by name; adding a connector is adding a bean, nothing else. */
@ApplicationScoped
public class Connectors {
    private final Map<ConnectorName, Connector> byName = new EnumMap<>(ConnectorName.class);

    public Connectors(@All List<Connector> connectors) {
        for (Connector c : connectors) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalStateException("two connectors named " + c.name().id());
            }
        }
    }

    public java.util.Collection<Connector> all() {
        return byName.values();
    }

    public Optional<Connector> get(ConnectorName name) {
        return Optional.ofNullable(byName.get(name));
    }
}
