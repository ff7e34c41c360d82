package org.fedoraproject.packages.worker.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fedoraproject.packages.worker.support.Bus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged worker (the fast jar after {@code mvn package}, the native executable after
 * {@code -Dnative}) with the settings deploy/kubernetes gives it: ready on Redis and both RabbitMQ
 * channels, its status endpoint, and its queues declared as quorum queues by the connector attributes
 * the ConfigMap sets through the environment.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedServices.class, restrictToAnnotatedClass = true) // else every @QuarkusTest of the module would run as the packaged instance
class WorkerPackagedIT {
    private static final List<String> QUEUES = List.of("worker", "worker.dlq", "refresh", "refresh.dlq");

    @AfterAll
    static void deleteQueues() {
        try (Bus bus = new Bus(PackagedServices.virtualHost())) {
            QUEUES.forEach(q -> bus.delete("fedora-packages." + PackagedServices.instance() + "." + q));
        }
    }

    @Test
    void theProbesAnswerWithRedisAndBothChannelsUp() {
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/status").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void itsQueuesAreQuorumQueues() throws Exception {
        Map<String, String> types = queueTypes();
        for (String q : QUEUES) {
            assertThat(types.get("fedora-packages." + PackagedServices.instance() + "." + q)).as(q).isEqualTo("quorum");
        }
    }

    /** name → type from rabbitmqctl (the broker runs on this machine); skipped where rabbitmqctl cannot answer. */
    private static Map<String, String> queueTypes() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "-p", PackagedServices.virtualHost(), "name", "type")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("rabbitmqctl is not available: " + e.getMessage());
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "rabbitmqctl failed: " + out);
        return out.lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length == 2)
                .collect(Collectors.toMap(f -> f[0], f -> f[1], (a, b) -> a));
    }
}
