package org.fedoraproject.packages.worker.refresh;

/**
 * Who asked for a refresh, in the order the scheduler serves them: a person waiting on a cold page
 * first, then bus events, then the bootstrap, then the safety-net sweep. Within one priority the
 * oldest request goes first.
 */
public enum Priority {
    COLD_PAGE, EVENT, BOOTSTRAP, SWEEP;

    /** Scores are {@code rank · 10^13 + time in ms}: 10^13 ms is about 300 years, so ranks never overlap. */
    static final double RANK_SPAN = 1e13;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    long score(long epochMillis) {
        return (long) (ordinal() * RANK_SPAN) + epochMillis;
    }

    static Priority ofScore(double score) {
        int rank = (int) Math.floor(score / RANK_SPAN);
        return values()[Math.max(0, Math.min(values().length - 1, rank))];
    }

    static long timeOfScore(double score) {
        return (long) (score - ofScore(score).ordinal() * RANK_SPAN);
    }
}
