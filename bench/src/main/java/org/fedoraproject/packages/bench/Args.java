package org.fedoraproject.packages.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options; every option has a default (EventPathBench.DEFAULTS, ReadApiBench.DEFAULTS). */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    /** Where the dev instance is (the scripts pass the instance's own, from deploy/local/lib.sh). */
    static Map<String, String> instanceDefaults() {
        Map<String, String> d = new java.util.LinkedHashMap<>();
        d.put("instance", "dev");
        d.put("vhost", "fedora-packages-dev");
        d.put("amqp-port", "5672");
        d.put("redis-port", "6379");
        d.put("redis-db", "0");
        d.put("api", "http://127.0.0.1:8080");
        d.put("wiremock", "http://127.0.0.1:8089");
        return d;
    }

    Args(Map<String, String> defaults, String[] argv) {
        values.putAll(defaults);
        Set<String> known = defaults.keySet();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--") || !known.contains(a.substring(2))) {
                throw new IllegalArgumentException("unknown option " + a + " (known: --" + String.join(" --", known.stream().sorted().toList()) + ")");
            }
            if (i + 1 >= argv.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            values.put(a.substring(2), argv[++i]);
        }
    }

    String str(String name) {
        return values.get(name);
    }

    int integer(String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " wants a whole number, got " + values.get(name));
        }
    }

    double number(String name) {
        try {
            return Double.parseDouble(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " wants a number, got " + values.get(name));
        }
    }
}
