package org.fedoraproject.packages.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.fedoraproject.packages.contract.RpmVersion;

/**
 * How a packaged version compares with Rawhide's and upstream's (Anitya), by rpm's ordering. The same
 * rules as the SPA's versions grid and Upstream tab ({@code frontend/src/version-status.ts}), so that a
 * badge and the page it links to never disagree.
 */
final class VersionStanding {
    enum Status { UPSTREAM, RAWHIDE, BEHIND, UNKNOWN }

    /** Rawhide's newest version (stable or testing) and upstream's latest stable, else latest; null: unknown. */
    record References(String rawhide, String upstream) {
    }

    /** Whether the newest packaged version is behind upstream's; {@code behind} null when one of them is unknown. */
    record Comparison(Boolean behind, String packaged, String upstream) {
    }

    private VersionStanding() {
    }

    static References references(JsonNode versions, JsonNode upstream) {
        String rawhide = null;
        for (JsonNode r : versions.path("releases")) {
            if ("rawhide".equals(r.path("branch").asText())) {
                rawhide = newest(version(r.path("stable")), version(r.path("testing")));
            }
        }
        return new References(rawhide != null ? rawhide : text(upstream, "rawhideVersion"), target(upstream));
    }

    /** {@code UPSTREAM}: at least upstream's; {@code RAWHIDE}: at least Rawhide's; {@code BEHIND}: older than one of them. */
    static Status of(String version, References refs) {
        if (version == null) {
            return Status.UNKNOWN;
        }
        if (refs.upstream() != null && RpmVersion.compare(version, refs.upstream()) >= 0) {
            return Status.UPSTREAM;
        }
        if (refs.rawhide() != null && RpmVersion.compare(version, refs.rawhide()) >= 0) {
            return Status.RAWHIDE;
        }
        return refs.upstream() != null || refs.rawhide() != null ? Status.BEHIND : Status.UNKNOWN;
    }

    /**
     * Is the distribution behind upstream? Anitya compares with Rawhide ({@code outdated}); for a package not in
     * Rawhide (EPEL-only) the newest version in any active release is compared instead.
     */
    static Comparison behindUpstream(JsonNode upstream, JsonNode versions) {
        String target = target(upstream);
        String rawhide = text(upstream, "rawhideVersion");
        JsonNode outdated = upstream.path("outdated");
        if (outdated.isBoolean() && rawhide != null) {
            return new Comparison(outdated.asBoolean(), rawhide, target);
        }
        String best = null;
        for (JsonNode r : versions.path("releases")) {
            best = newest(best, newest(version(r.path("stable")), version(r.path("testing"))));
        }
        if (target == null || best == null) {
            return new Comparison(null, best != null ? best : rawhide, target);
        }
        return new Comparison(RpmVersion.compare(best, target) < 0, best, target);
    }

    /** The version a release row shows: its stable build's, else the one in testing. */
    static String shown(JsonNode release) {
        String stable = version(release.path("stable"));
        return stable != null ? stable : version(release.path("testing"));
    }

    private static String target(JsonNode upstream) {
        String stable = text(upstream, "stableVersion");
        return stable != null ? stable : text(upstream, "latestVersion");
    }

    private static String version(JsonNode build) {
        return text(build, "version");
    }

    private static String newest(String a, String b) {
        return Stream.of(a, b).filter(v -> v != null).reduce((x, y) -> RpmVersion.compare(x, y) >= 0 ? x : y).orElse(null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }
}
