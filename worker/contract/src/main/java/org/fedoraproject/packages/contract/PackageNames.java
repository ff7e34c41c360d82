package org.fedoraproject.packages.contract;

import java.util.regex.Pattern;

/**
 * What counts as a syntactically valid package name, checked by the API before any lookup and by
 * the worker before it trusts a name taken from a bus message.
 * RPM names are letters, digits and {@code . _ + -}; dist-git adds nothing else. 200 characters is
 * far above the longest Fedora name and keeps keys small.
 */
public final class PackageNames {
    /** The rule as a regular expression (also what the OpenAPI document gives as the names' pattern). */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9._+-]{0,199}";
    private static final Pattern VALID = Pattern.compile(REGEX);

    private PackageNames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
