package org.fedoraproject.packages.localtools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * A real single-node OpenSearch 2.19.6, embedded in a plain JVM, for the local stack and the tests.
 *
 * <p>There is no Docker on the build machines and no OpenSearch distribution in the package
 * repositories, but the server itself is on Maven Central: this starts its {@link Node} with the four
 * plugins the project needs (HTTP over Netty, the common analysers, painless, the extra mapper types).
 * It listens on 127.0.0.1 only.
 *
 * <p>Usage: {@code OpenSearchNode <home> [--http-port 9200] [--transport-port 9300] [--cluster-name n]}.
 * The same settings may come as system properties {@code fp.opensearch.home},
 * {@code fp.opensearch.http-port}, {@code fp.opensearch.transport-port},
 * {@code fp.opensearch.cluster-name}; arguments win. Data, logs and config live under the home folder.
 * The node runs until the JVM is stopped (SIGTERM closes it through a shutdown hook).
 */
public final class OpenSearchNode {

    /** {@link Node}'s constructor that accepts classpath plugins is protected. */
    static final class PluginNode extends Node {
        PluginNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    private OpenSearchNode() {
    }

    public static void main(String[] args) throws Exception {
        String homeArg = System.getProperty("fp.opensearch.home");
        int httpPort = Integer.getInteger("fp.opensearch.http-port", 9200);
        int transportPort = Integer.getInteger("fp.opensearch.transport-port", 9300);
        String clusterName = System.getProperty("fp.opensearch.cluster-name", "fedora-packages-local");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--http-port" -> httpPort = Integer.parseInt(value(args, ++i, a));
                case "--transport-port" -> transportPort = Integer.parseInt(value(args, ++i, a));
                case "--cluster-name" -> clusterName = value(args, ++i, a);
                case "--home" -> homeArg = value(args, ++i, a);
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    if (a.startsWith("-")) {
                        System.err.println("OpenSearchNode: unknown option " + a);
                        usage();
                        System.exit(2);
                    }
                    homeArg = a;
                }
            }
        }
        if (homeArg == null) {
            usage();
            System.exit(2);
        }

        Path home = Path.of(homeArg).toAbsolutePath();
        for (String dir : List.of("config", "data", "logs", "plugins", "modules")) {
            Files.createDirectories(home.resolve(dir));
        }

        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", clusterName)
                .put("node.name", "local-1")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                .put("discovery.type", "single-node")
                // a developer's nearly full disk must not turn every index read-only
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();

        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), home.resolve("config"), () -> "local-1");

        Node node = new PluginNode(environment, List.of(
                org.opensearch.transport.Netty4Plugin.class,
                org.opensearch.analysis.common.CommonAnalysisPlugin.class,
                org.opensearch.painless.PainlessPlugin.class,
                org.opensearch.index.mapper.MapperExtrasPlugin.class));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println("OpenSearchNode: closing");
                node.close();
                System.out.println("OpenSearchNode: closed");
            } catch (IOException | RuntimeException e) {
                System.err.println("OpenSearchNode: error while closing: " + e);
            } finally {
                stopped.countDown();
            }
        }, "opensearch-node-shutdown"));

        node.start();
        System.out.printf("OpenSearchNode: started %.1f s after JVM start: http://127.0.0.1:%d (transport 127.0.0.1:%d, home %s)%n",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3, httpPort, transportPort, home);
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println("OpenSearchNode: " + option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("usage: OpenSearchNode <home> [--http-port 9200] [--transport-port 9300]"
                + " [--cluster-name fedora-packages-local]");
    }
}
