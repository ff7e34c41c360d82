package org.fedoraproject.packages.worker.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packaged worker (production profile) configured as deploy/kubernetes configures it, on the
 * machine's Redis, RabbitMQ and OpenSearch: its own instance ({@code <test instance>-packaged}, so that
 * its durable queues never collect other tests' messages), the test instance's virtual host and Redis
 * database ({@code -D%test.fp.instance=NAME -D%test.fp.redis-db=N} move them), quorum queues as the
 * Kubernetes ConfigMap sets them, and no call to Fedora: no bootstrap, discovery, sweep or indexing.
 */
public class PackagedServices implements QuarkusTestResourceLifecycleManager {
    static String testInstance() {
        return System.getProperty("%test.fp.instance", "test");
    }

    static String instance() {
        return testInstance() + "-packaged";
    }

    static String virtualHost() {
        return "fedora-packages-" + testInstance();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("fp.instance", instance());
        p.put("quarkus.redis.hosts", "redis://127.0.0.1:6379/" + System.getProperty("%test.fp.redis-db", "1"));
        p.put("rabbitmq-virtual-host", virtualHost());
        p.put("quarkus.hibernate-search-standalone.elasticsearch.hosts", "127.0.0.1:9200");
        p.put("quarkus.http.host", "127.0.0.1");
        for (String key : new String[] {"mp.messaging.incoming.bus.queue.x-queue-type",
                "mp.messaging.incoming.bus.dead-letter-queue-type",
                "mp.messaging.incoming.refresh-requests.queue.x-queue-type",
                "mp.messaging.incoming.refresh-requests.dead-letter-queue-type"}) {
            p.put(key, "quorum");
        }
        p.put("fp.catalog.bootstrap.on-start", "false");
        p.put("fp.catalog.rediscover-every", "PT0S");
        p.put("fp.sweep.enabled", "false");
        p.put("fp.search.enabled", "false");
        return p;
    }

    @Override
    public void stop() {
    }
}
