package org.fedoraproject.packages.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.fedoraproject.packages.api.support.StoredData;
import org.fedoraproject.packages.contract.ConnectorName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin endpoints as an operator's script uses them: bearer token (401 without, 403 wrong), a refresh
 * and a bootstrap request that arrive on the worker's queue as the worker reads them, and the status.
 */
@QuarkusTest
class AdminApiTest {
    private static final String TOKEN = "Bearer test-admin-token";

    @Inject
    RedisDataSource redis;

    private Connection connection;
    private Channel channel;
    private String queue;

    @BeforeEach
    void setUp() throws Exception {
        StoredData stored = new StoredData(redis);
        stored.clear();
        stored.known("curl");
        stored.bootstrap(Map.of("state", "running", "cursor", "bash"));
        redis.sortedSet(String.class).zadd("sched:{mdapi}:ready", 1, "curl|overview");
        redis.value(String.class).set("sweep:builds", "bash");
        // what the worker's refresh-request queue would receive: a private queue with the same binding
        ConnectionFactory f = new ConnectionFactory();
        f.setHost("127.0.0.1");
        f.setVirtualHost(ConfigProvider.getConfig().getValue("rabbitmq-virtual-host", String.class));
        connection = f.newConnection();
        channel = connection.createChannel();
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, "amq.topic", ConfigProvider.getConfig()
                .getValue("mp.messaging.outgoing.refresh-requests.default-routing-key", String.class));
    }

    @AfterEach
    void tearDown() throws Exception {
        connection.close();
    }

    @Test
    void withoutATokenIs401WithABearerChallenge() {
        given().post("/api/v1/admin/bootstrap").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Basic Zm9vOmJhcg==").get("/api/v1/admin/status").then().statusCode(401);
    }

    @Test
    void aWrongTokenIs403() {
        given().header("Authorization", "Bearer nope").post("/api/v1/admin/packages/curl/refresh").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("wrong"));
    }

    @Test
    void refreshIsRequestedOnTheWorkersQueue() throws Exception {
        given().header("Authorization", TOKEN).post("/api/v1/admin/packages/curl/refresh?connector=builds&connector=bugs")
                .then().statusCode(202).body("package", equalTo("curl")).body("connectors", hasItems("builds", "bugs"));
        assertEquals("{\"package\":\"curl\",\"connectors\":[\"builds\",\"bugs\"]}", next());
        given().header("Authorization", TOKEN).post("/api/v1/admin/packages/curl/refresh").then().statusCode(202)
                .body("connectors.size()", equalTo(ConnectorName.values().length));
        assertEquals("{\"package\":\"curl\"}", next()); // no list: the worker refreshes every document
    }

    @Test
    void refreshOfBadInputIsAProblem() {
        given().header("Authorization", TOKEN).post("/api/v1/admin/packages/nosuchpkg/refresh").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", TOKEN).post("/api/v1/admin/packages/curl/refresh?connector=nope").then().statusCode(400)
                .body("detail", containsString("nope"));
        given().header("Authorization", TOKEN).post("/api/v1/admin/packages/-x/refresh").then().statusCode(400);
        given().header("Authorization", TOKEN).get("/api/v1/admin/bootstrap").then().statusCode(405).header("Allow", "POST");
    }

    @Test
    void bootstrapIsRequestedOnTheWorkersQueue() throws Exception {
        given().header("Authorization", TOKEN).post("/api/v1/admin/bootstrap").then().statusCode(202)
                .body("bootstrap", equalTo("requested"));
        assertEquals("{\"command\":\"bootstrap\"}", next());
    }

    @Test
    void statusShowsBootstrapQueuesAndSweep() {
        given().header("Authorization", TOKEN).get("/api/v1/admin/status").then().statusCode(200)
                .body("bootstrap.state", equalTo("running")).body("bootstrap.cursor", equalTo("bash"))
                .body("packages", equalTo(1)).body("queues.mdapi.ready", equalTo(1)).body("queues.mdapi.running", equalTo(0))
                .body("sweep.builds", equalTo("bash")).body("searchPending", equalTo(0));
    }

    private String next() throws Exception {
        long until = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < until) {
            GetResponse r = channel.basicGet(queue, true);
            if (r != null) {
                assertNotNull(r.getProps().getContentType());
                return new String(r.getBody(), StandardCharsets.UTF_8);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no request reached the worker's queue within 5 s");
    }
}
