package org.fedoraproject.packages.api.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the packaged API (production profile) at the machine's Redis, RabbitMQ and OpenSearch, in the
 * test instance's database and virtual host. The same isolation flags as the JVM tests move it:
 * {@code mvn verify -D%test.fp.instance=NAME -D%test.fp.redis-db=N}.
 */
public class PackagedServices implements QuarkusTestResourceLifecycleManager {
    static String instance() {
        return System.getProperty("%test.fp.instance", "test");
    }

    @Override
    public Map<String, String> start() {
        String db = System.getProperty("%test.fp.redis-db", "1");
        return Map.of(
                "fp.instance", instance(),
                "quarkus.redis.hosts", "redis://127.0.0.1:6379/" + db,
                "rabbitmq-virtual-host", "fedora-packages-" + instance(),
                "quarkus.hibernate-search-standalone.elasticsearch.hosts", "127.0.0.1:9200",
                "quarkus.http.host", "127.0.0.1");
    }

    @Override
    public void stop() {
    }
}
