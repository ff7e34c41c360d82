package org.fedoraproject.packages.api.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code names} of a resolve request: dependency names as rpm writes them, which are more than package
 * names ({@code libc.so.6()(64bit)}, {@code /usr/bin/sh}, {@code perl(Foo::Bar)}, {@code config(vim-common)},
 * {@code /usr/bin/[}, even a rich dependency such as {@code (foo if bar)}). So: printable ASCII without the
 * comma that separates them, at most {@link #MAX_LENGTH} characters; anything else is no dependency name.
 */
final class DependencyNames {
    static final int MAX_NAMES = 100;
    static final int MAX_LENGTH = 256;
    private static final Pattern VALID = Pattern.compile("[\\x20-\\x2B\\x2D-\\x7E]{1," + MAX_LENGTH + "}");

    private DependencyNames() {
    }

    /** The names in request order (duplicates kept: one answer per name asked); a 400 problem when invalid. */
    static List<String> parse(String text) {
        if (text == null) {
            throw QueryParams.bad("names is required: 1 to " + MAX_NAMES + " dependency names, comma-separated");
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!VALID.matcher(name).matches()) {
                throw QueryParams.bad("'" + (name.length() > 60 ? name.substring(0, 60) + "…" : name)
                        + "' is not a dependency name: printable ASCII other than ',', at most " + MAX_LENGTH + " characters");
            }
            names.add(name);
            if (names.size() > MAX_NAMES) {
                throw QueryParams.bad("names must list 1 to " + MAX_NAMES + " dependency names, comma-separated");
            }
        }
        if (names.isEmpty()) {
            throw QueryParams.bad("names must list 1 to " + MAX_NAMES + " dependency names, comma-separated");
        }
        return names;
    }
}
