package org.fedoraproject.packages.worker.connector.koji;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/** Reads fields of Koji's build structs (getBuild, listBuilds, listTagged all share them). */
final class KojiFields {
    /** Koji's {@code *_time} strings: {@code 2021-01-21 15:17:02.903082+00:00}; older hubs omit the offset (UTC). */
    private static final DateTimeFormatter KOJI_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private KojiFields() {
    }

    static String text(Map<String, Object> build, String key) {
        Object v = build.get(key);
        return v == null ? null : String.valueOf(v);
    }

    static Long number(Map<String, Object> build, String key) {
        Object v = build.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code build_id} in listBuilds/listTagged answers, {@code id} in getBuild's. */
    static Long buildId(Map<String, Object> build) {
        Long id = number(build, "build_id");
        return id != null ? id : number(build, "id");
    }

    /**
     * A point in time from the epoch field ({@code start_ts}) or, when the hub does not send it, the
     * text field ({@code start_time}); null when neither is there or readable.
     */
    static Instant instant(Map<String, Object> build, String tsKey, String timeKey) {
        Object ts = build.get(tsKey);
        if (ts instanceof Number n) {
            double seconds = n.doubleValue();
            long whole = (long) Math.floor(seconds);
            long nanos = Math.round((seconds - whole) * 1_000_000) * 1_000; // Koji keeps microseconds
            return Instant.ofEpochSecond(whole, nanos);
        }
        Object time = build.get(timeKey);
        if (time instanceof String s && !s.isBlank()) {
            try {
                TemporalAccessor parsed = KOJI_TIME.parse(s.trim());
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return OffsetDateTime.from(parsed).toInstant();
                }
                return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (time instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    /** ISO-8601 UTC to the second, as every document shows times. */
    static String iso(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
