package org.fedoraproject.packages.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The instance's bus: publishes like fedora-messaging, measures the raw broker round trip, reads queue depths. */
final class Bus implements AutoCloseable {
    /** fedora-messaging writes {@code datetime.now(timezone.utc).isoformat()}. */
    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    static final String EXCHANGE = "amq.topic";

    private final Connection connection;
    private final Channel publisher;

    Bus(String host, int port, String vhost) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(host);
        f.setPort(port);
        f.setUsername("guest");
        f.setPassword("guest");
        f.setVirtualHost(vhost);
        f.setConnectionTimeout(10_000);
        f.setAutomaticRecoveryEnabled(false);
        try {
            connection = f.newConnection("fedora-packages-bench");
        } catch (IOException e) {
            throw new IOException("cannot open vhost '" + vhost + "' on " + host + ":" + port
                    + " (deploy/local/services.sh rabbitmq creates it): " + e.getCause(), e);
        }
        publisher = connection.createChannel();
        // confirms are collected at the end of a run: waiting for each one would pace the publisher
        publisher.confirmSelect();
    }

    /** Publishes one message as fedora-messaging does (properties, headers, sent-at of now). */
    void publish(String routingKey, Map<String, Object> headers, byte[] body) throws IOException {
        publisher.basicPublish(EXCHANGE, routingKey, false, properties(headers), body);
    }

    static AMQP.BasicProperties properties(Map<String, Object> headers) {
        Map<String, Object> h = new LinkedHashMap<>(headers);
        h.put("sent-at", OffsetDateTime.now(ZoneOffset.UTC).format(SENT_AT));
        return new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(UUID.randomUUID().toString())
                .headers(h)
                .build();
    }

    void waitForConfirms(long timeoutMs) throws Exception {
        publisher.waitForConfirmsOrDie(timeoutMs);
    }

    /**
     * Reference: the same messages through the same broker and vhost, published and consumed by this
     * process on a scratch queue (server-named, exclusive) bound to a routing key that no worker
     * binds. That is the floor any bus consumer pays.
     */
    Stats roundTrip(List<Mix.Planned> messages, double rate) throws Exception {
        String prefix = "fedora-packages-bench." + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(messages.size());
        try (Channel ch = connection.createChannel()) {
            String queue = ch.queueDeclare("", false, true, true, null).getQueue();
            ch.queueBind(queue, EXCHANGE, prefix + ".#");
            ch.basicConsume(queue, true, new DefaultConsumer(ch) {
                @Override
                public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
                    long now = System.nanoTime();
                    Long t = sent.remove(props.getMessageId());
                    if (t != null) {
                        latencies.add(now - t);
                        all.countDown();
                    }
                }
            });
            long t0 = System.nanoTime();
            for (int i = 0; i < messages.size(); i++) {
                Pacing.until(t0 + (long) (i * 1e9 / rate));
                Mix.Planned m = messages.get(i);
                AMQP.BasicProperties props = properties(m.headers());
                sent.put(props.getMessageId(), System.nanoTime());
                publisher.basicPublish(EXCHANGE, prefix + "." + m.topic(), false, props, m.body());
            }
            all.await(30, TimeUnit.SECONDS);
            publisher.waitForConfirmsOrDie(30_000);
        }
        return Stats.ofNanos(latencies);
    }

    /**
     * Copies of every message published with {@code routingKey}, from a scratch queue (server-named,
     * exclusive) bound beside the worker's: amq.topic gives each bound queue its own copy, so this
     * counts what was published without taking anything from the worker. Close the channel to stop.
     */
    Channel tap(String routingKey, java.util.function.Consumer<byte[]> onMessage) throws IOException {
        Channel ch = connection.createChannel();
        String queue = ch.queueDeclare("", false, true, true, null).getQueue();
        ch.queueBind(queue, EXCHANGE, routingKey);
        ch.basicConsume(queue, true, new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
                onMessage.accept(body);
            }
        });
        return ch;
    }

    /** Ready messages of the first of the queues that exists (AMQP passive declare), or null. */
    Long readyMessages(String... queues) {
        for (String q : queues) {
            try (Channel ch = connection.createChannel()) {
                return (long) ch.queueDeclarePassive(q).getMessageCount();
            } catch (Exception e) {
                // 404: not this one (a failed passive declare closes its channel, hence one per try)
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
