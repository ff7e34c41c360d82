package org.fedoraproject.packages.worker.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Talks to the real local RabbitMQ the way Fedora's bus does: publishes to {@code amq.topic} with
 * fedora-messaging's properties (JSON, a content encoding, persistent), and reads dead letters.
 */
public final class Bus implements AutoCloseable {
    private final Connection connection;
    private final Channel channel;

    public Bus() {
        this(virtualHost());
    }

    public Bus(String virtualHost) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost("127.0.0.1");
            factory.setPort(5672);
            factory.setUsername("guest");
            factory.setPassword("guest");
            factory.setVirtualHost(virtualHost);
            connection = factory.newConnection("fedora-packages-tests");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (Exception e) {
            throw new IllegalStateException("RabbitMQ on 127.0.0.1:5672 with virtual host " + virtualHost
                    + " is needed (deploy/local/services.sh starts it and creates the virtual host)", e);
        }
    }

    /** The test profile's virtual host (application.properties), so tests talk to the worker under test only. */
    public static String virtualHost() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("rabbitmq-virtual-host", String.class).orElse("/");
    }

    public void publish(String topic, byte[] body, Map<String, Object> headers) {
        Map<String, Object> all = new HashMap<>(headers);
        all.putIfAbsent("sent-at", Instant.now().toString());
        all.putIfAbsent("fedora_messaging_schema", "base.message");
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json").contentEncoding("utf-8").deliveryMode(2)
                .messageId(UUID.randomUUID().toString()).headers(all).build();
        try {
            channel.basicPublish("amq.topic", topic, props, body);
            channel.waitForConfirmsOrDie(5_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void publish(String topic, String body) {
        publish(topic, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Removes a queue left by an earlier run (its bindings and messages with it). */
    public void delete(String queue) {
        try {
            channel.queueDelete(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public long depth(String queue) {
        try {
            return channel.messageCount(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void purge(String queue) {
        try {
            channel.queuePurge(queue);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to {@code timeout} for one message on {@code queue} and acknowledges it. */
    public Optional<GetResponse> take(String queue, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        try {
            while (Instant.now().isBefore(end)) {
                GetResponse r = channel.basicGet(queue, true);
                if (r != null) {
                    return Optional.of(r);
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // closing at the end of a test: nothing to keep
        }
    }
}
