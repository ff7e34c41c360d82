package org.fedoraproject.packages.worker.connector;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Normalises the timestamps upstreams send into the one form documents carry: ISO-8601 UTC to the
 * second ({@code 2021-08-13T07:55:29Z}).
 *
 * <p>Accepted inputs: with a zone or offset ({@code 2020-05-29T13:54:01Z}, Bugzilla), and without one,
 * which Fedora's services all mean as UTC: {@code 2021-08-13 07:55:29} (Bodhi) and
 * {@code 2026-11-19T00:55:55.801540} (Koschei, PostgreSQL's JSON rendering).
 */
public final class UtcTimes {
    private UtcTimes() {
    }

    /**
     * @return the instant as ISO-8601 UTC, or null for a missing (null, JSON null or blank) value
     * @throws UpstreamException {@code malformed} when the value is not a timestamp: the upstream's
     *         format changed, and a document with garbage dates is worse than the last good one
     */
    public static String iso(String upstream, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(v).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException withoutOffset) {
            try {
                Instant utc = LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
                return utc.truncatedTo(ChronoUnit.SECONDS).toString();
            } catch (DateTimeParseException e) {
                throw UpstreamException.of(UpstreamException.Kind.MALFORMED, upstream,
                        "not a timestamp: " + value, e);
            }
        }
    }
}
