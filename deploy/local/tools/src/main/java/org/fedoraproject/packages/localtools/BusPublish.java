package org.fedoraproject.packages.localtools;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Publishes fedora-messaging messages to RabbitMQ, the way Fedora's bus delivers them.
 *
 * <p>fedora-messaging puts the topic in the routing key on {@code amq.topic} and the body, as UTF-8
 * JSON, in the payload, with the AMQP properties content_type {@code application/json},
 * content_encoding {@code utf-8}, delivery_mode 2 (persistent), a {@code message_id} and its headers
 * ({@code fedora_messaging_schema}, {@code sent-at}, {@code fedora_messaging_rpm_<name>}, ...). This
 * tool does the same, so the worker sees exactly what it would see from Fedora.
 *
 * <pre>
 * BusPublish [options] messages.jsonl          one message a line:
 *     {"topic": "org.fedoraproject.prod.mdapi.repo.update", "headers": {...}, "body": {...}}
 *     optional per line: "id" (becomes message_id; else a random UUID), "priority"
 * BusPublish [options] -                       the same from standard input, each line published
 *                                                (and confirmed) as it arrives: a paced stream
 * BusPublish [options] --topic T --file body.json [--header k=v ...]
 *
 * options: --host 127.0.0.1 --port 5672 --user guest --password guest --exchange amq.topic
 *          --vhost fedora-packages-dev | --instance dev   (the local instance's virtual host)
 * </pre>
 *
 * <p>Publisher confirms are on: the exit status is 0 only when the broker confirmed every message.
 * Messages that no queue was bound for are counted and reported as unroutable (they are still
 * "published", the broker just had nowhere to put them).
 */
public final class BusPublish {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** fedora-messaging writes {@code datetime.now(timezone.utc).isoformat()}. */
    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    record Message(String topic, Map<String, Object> headers, byte[] body, String id, Integer priority, String where) {
    }

    private BusPublish() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (UsageException e) {
            System.err.println("BusPublish: " + e.getMessage());
            usage();
            System.exit(2);
        } catch (Exception e) {
            System.err.println("BusPublish: failed: " + e);
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 5672;
        String user = "guest";
        String password = "guest";
        // each local instance has its own vhost (deploy/local/services.sh creates them); the tool
        // serves the local stack, so the dev instance's is the default, not Fedora's "/"
        String vhost = "fedora-packages-dev";
        String exchange = "amq.topic";
        String topic = null;
        String bodyFile = null;
        String jsonl = null;
        Map<String, Object> extraHeaders = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--host" -> host = value(args, ++i, a);
                case "--port" -> port = Integer.parseInt(value(args, ++i, a));
                case "--user" -> user = value(args, ++i, a);
                case "--password" -> password = value(args, ++i, a);
                case "--vhost" -> vhost = value(args, ++i, a);
                case "--instance" -> vhost = "fedora-packages-" + value(args, ++i, a);
                case "--exchange" -> exchange = value(args, ++i, a);
                case "--topic" -> topic = value(args, ++i, a);
                case "--file" -> bodyFile = value(args, ++i, a);
                case "--header" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--header wants key=value, got " + kv);
                    }
                    extraHeaders.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "-h", "--help" -> {
                    usage();
                    return 0;
                }
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) {
                        throw new UsageException("unknown option " + a);
                    }
                    if (jsonl != null) {
                        throw new UsageException("only one JSONL file, got " + jsonl + " and " + a);
                    }
                    jsonl = a;
                }
            }
        }

        List<Message> messages;
        if (topic != null || bodyFile != null) {
            if (topic == null || bodyFile == null || jsonl != null) {
                throw new UsageException("a single message needs both --topic and --file (and no JSONL file)");
            }
            JsonNode body = JSON.readTree(Path.of(bodyFile).toFile());
            messages = List.of(new Message(topic, withDefaults(extraHeaders), JSON.writeValueAsBytes(body),
                    null, null, bodyFile));
        } else if ("-".equals(jsonl)) {
            messages = null; // streamed: each line of standard input is published as it arrives
        } else if (jsonl != null) {
            messages = readJsonl(Path.of(jsonl), extraHeaders);
        } else {
            throw new UsageException("nothing to publish: give a JSONL file or --topic and --file");
        }

        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost(vhost);
        factory.setConnectionTimeout(10_000);
        factory.setAutomaticRecoveryEnabled(false);

        AtomicInteger unroutable = new AtomicInteger();
        int published = 0;
        long t0 = System.nanoTime();
        try (Connection connection = connect(factory, vhost);
             Channel channel = connection.createChannel()) {
            channel.addReturnListener(r -> unroutable.incrementAndGet());
            channel.confirmSelect();
            if (messages == null) {
                BufferedReader in = new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line;
                for (int n = 1; (line = in.readLine()) != null; n++) {
                    Message m = parseLine(line, "stdin:" + n, extraHeaders);
                    if (m != null) {
                        publish(channel, exchange, m);
                        channel.waitForConfirmsOrDie(30_000);
                        published++;
                    }
                }
            } else {
                for (Message m : messages) {
                    publish(channel, exchange, m);
                }
                channel.waitForConfirmsOrDie(30_000);
                published = messages.size();
            }
        }
        System.out.printf("BusPublish: published %d message(s) to %s on %s:%d vhost %s, all confirmed, in %.2f s%s%n",
                published, exchange, host, port, vhost, (System.nanoTime() - t0) / 1e9,
                unroutable.get() > 0 ? " (" + unroutable.get() + " unroutable: no queue bound for their topic)" : "");
        return 0;
    }

    private static void publish(Channel channel, String exchange, Message m) throws IOException {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .messageId(m.id() != null ? m.id() : UUID.randomUUID().toString())
                .priority(m.priority())
                .headers(m.headers())
                .build();
        channel.basicPublish(exchange, m.topic(), true, props, m.body());
    }

    /** Connects, saying what to run when the vhost is missing (the broker only says "not allowed"). */
    static Connection connect(ConnectionFactory factory, String vhost) throws Exception {
        try {
            return factory.newConnection("fedora-packages-bus-publish");
        } catch (IOException e) {
            String why = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            if (why.contains("vhost") || why.contains("NOT_ALLOWED")) {
                throw new IOException("the broker refused vhost '" + vhost + "' (" + why.strip()
                        + "); create it with deploy/local/services.sh rabbitmq", e);
            }
            throw e;
        }
    }

    static List<Message> readJsonl(Path file, Map<String, Object> extraHeaders) throws IOException {
        List<Message> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                Message m = parseLine(line, file + ":" + ++n, extraHeaders);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** One JSONL line as a message; null for a blank or comment line. */
    static Message parseLine(String line, String where, Map<String, Object> extraHeaders) throws IOException {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("//")) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject() || !node.path("topic").isTextual()) {
            throw new IOException(where + ": expected an object with a string \"topic\"");
        }
        if (!node.has("body")) {
            throw new IOException(where + ": expected a \"body\"");
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        JsonNode h = node.path("headers");
        if (h.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = h.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                headers.put(e.getKey(), toAmqp(e.getValue()));
            }
        } else if (!h.isMissingNode() && !h.isNull()) {
            throw new IOException(where + ": \"headers\" must be an object");
        }
        headers.putAll(extraHeaders);
        JsonNode id = node.path("id");
        JsonNode priority = node.path("priority");
        return new Message(node.get("topic").asText(), withDefaults(headers),
                JSON.writeValueAsBytes(node.get("body")),
                id.isTextual() ? id.asText() : null,
                priority.isIntegralNumber() ? priority.asInt() : null, where);
    }

    /** The headers fedora-messaging always sets; values given by the message win. */
    static Map<String, Object> withDefaults(Map<String, Object> headers) {
        Map<String, Object> h = new LinkedHashMap<>(headers);
        h.putIfAbsent("fedora_messaging_schema", "base.message");
        h.putIfAbsent("sent-at", OffsetDateTime.now(ZoneOffset.UTC).format(SENT_AT));
        return h;
    }

    /** JSON values to AMQP field-table values. */
    static Object toAmqp(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.asLong() : v.asText();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(toAmqp(e)));
            return list;
        }
        if (v instanceof ObjectNode o) {
            Map<String, Object> map = new LinkedHashMap<>();
            o.fields().forEachRemaining(e -> map.put(e.getKey(), toAmqp(e.getValue())));
            return map;
        }
        return v.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("""
                usage: BusPublish [options] messages.jsonl
                       BusPublish [options] -      (JSONL on standard input, each line published as it arrives)
                       BusPublish [options] --topic TOPIC --file body.json [--header key=value ...]
                options: --host 127.0.0.1 --port 5672 --user guest --password guest --exchange amq.topic
                         --vhost fedora-packages-dev (default) | --instance dev|e2e|test
                JSONL: one message a line: {"topic": "...", "headers": {...}, "body": {...}} (optional "id", "priority")""");
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
