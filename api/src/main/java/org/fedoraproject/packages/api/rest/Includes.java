package org.fedoraproject.packages.api.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fedoraproject.packages.contract.ConnectorName;

/**
 * The {@code include} query parameter: which documents to embed in a package's answer, {@code all} or a
 * comma-separated list of connector ids; anything else is a 400 naming the values allowed.
 */
final class Includes {
    /** For OpenAPI (annotations take constants); {@code IncludesTest} checks it names every connector. */
    static final String PATTERN = "^(all|(overview|versions|builds|updates|bugs|dependencies|files|changelog|sources|maintainers|upstream|ci)"
            + "(,(overview|versions|builds|updates|bugs|dependencies|files|changelog|sources|maintainers|upstream|ci))*)$";
    static final String ALL = "all";

    private Includes() {
    }

    /** The connectors asked for, in connector order, each once. */
    static List<ConnectorName> parse(String text) {
        List<ConnectorName> asked = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String id = part.strip();
            if (id.equals(ALL)) {
                return List.of(ConnectorName.values());
            }
            asked.add(ConnectorName.fromId(id).orElseThrow(() -> QueryParams.bad("include must be " + ALL
                    + " or a comma-separated list of " + String.join(", ", ids()) + "; '" + abbreviate(id) + "' is none")));
        }
        return Arrays.stream(ConnectorName.values()).filter(asked::contains).toList();
    }

    /** The parameter as the answer understood it, for a redirect that keeps it. */
    static String query(List<ConnectorName> connectors) {
        return connectors.size() == ConnectorName.values().length ? ALL
                : String.join(",", connectors.stream().map(ConnectorName::id).toList());
    }

    static List<String> ids() {
        return Arrays.stream(ConnectorName.values()).map(ConnectorName::id).toList();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
