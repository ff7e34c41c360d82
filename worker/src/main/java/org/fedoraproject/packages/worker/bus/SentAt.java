package org.fedoraproject.packages.worker.bus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * When a message was sent, from fedora-messaging's {@code sent-at} header (ISO 8601). It orders the
 * scheduler's work within a priority and starts the request-to-write clock. A missing, unreadable or
 * implausible value (a producer's clock far off) counts as now, so it can neither jump the queue by
 * much nor distort the latency figures.
 */
final class SentAt {
    static final String HEADER = "sent-at";
    private static final Duration PLAUSIBLE = Duration.ofHours(1);

    private SentAt() {
    }

    static long millis(Map<String, Object> headers, long nowMillis) {
        Object value = headers == null ? null : headers.get(HEADER);
        if (value == null) {
            return nowMillis;
        }
        long sent;
        try {
            sent = OffsetDateTime.parse(value.toString()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                sent = Instant.parse(value.toString()).toEpochMilli();
            } catch (DateTimeParseException again) {
                return nowMillis;
            }
        }
        return sent > nowMillis || nowMillis - sent > PLAUSIBLE.toMillis() ? nowMillis : sent;
    }
}
