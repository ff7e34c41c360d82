package org.fedoraproject.packages.api.rest;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a release's names mean, read from Bodhi's names as the versions documents carry them: {@code F43}
 * (whose branch is {@code rawhide} while it is Rawhide), {@code EPEL-10.0} (branch {@code epel10}). One place for
 * the kind, the number and the short label that badges show, and for the order releases are listed in.
 */
final class ReleaseNames {
    private static final Pattern FEDORA = Pattern.compile("F(\\d+)");
    private static final Pattern EPEL = Pattern.compile("EPEL-(\\d+)(?:\\.(\\d+))?");
    private static final Pattern FEDORA_BRANCH = Pattern.compile("f(\\d+)");
    private static final Pattern EPEL_BRANCH = Pattern.compile("epel(\\d+(?:\\.\\d+)?)");

    enum Kind {
        RAWHIDE, FEDORA, EPEL, OTHER;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One release: Bodhi's name, its dist-git branch, and what they say. {@code version} is "43" or "10.0". */
    record Release(String release, String branch, Kind kind, int major, int minor, String version) {
    }

    private ReleaseNames() {
    }

    static Release of(String release, String branch) {
        String name = release == null ? "" : release;
        Matcher f = FEDORA.matcher(name);
        Matcher e = EPEL.matcher(name);
        if (f.matches()) {
            Kind kind = "rawhide".equals(branch) ? Kind.RAWHIDE : Kind.FEDORA;
            return new Release(name, branch, kind, Integer.parseInt(f.group(1)), 0, f.group(1));
        }
        if (e.matches()) {
            int minor = e.group(2) == null ? 0 : Integer.parseInt(e.group(2));
            return new Release(name, branch, Kind.EPEL, Integer.parseInt(e.group(1)), minor,
                    e.group(2) == null ? e.group(1) : e.group(1) + "." + e.group(2));
        }
        return new Release(name, branch, "rawhide".equals(branch) ? Kind.RAWHIDE : Kind.OTHER, 0, 0, null);
    }

    /** Rawhide, then Fedora newest first, then EPEL newest first, as the versions matrix shows them. */
    static final Comparator<Release> DISPLAY_ORDER = Comparator.comparingInt((Release r) -> r.kind().ordinal())
            .thenComparing(Comparator.comparingInt(Release::major).reversed())
            .thenComparing(Comparator.comparingInt(Release::minor).reversed())
            .thenComparing(Release::release);

    /** A badge's label for a branch name: "rawhide", "fedora 43", "epel 10"; any other name as it is. */
    static String label(String branch) {
        Matcher f = FEDORA_BRANCH.matcher(branch);
        if (f.matches()) {
            return "fedora " + f.group(1);
        }
        Matcher e = EPEL_BRANCH.matcher(branch);
        return e.matches() ? "epel " + e.group(1) : branch;
    }
}
