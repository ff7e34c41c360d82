package org.fedoraproject.packages.worker.bus;

/** The worker's reactive-messaging channels, named once (configured as mp.messaging.*.<name>.*). */
public final class Channels {
    /** Fedora's bus: fedora-messaging messages on amq.topic. */
    public static final String BUS = "bus";
    /** Refresh requests from the API (cold pages) and operators. */
    public static final String REFRESH_REQUESTS = "refresh-requests";
    /** Outgoing: messages that cannot be acted on, with their reason. */
    public static final String DEAD_LETTERS = "dead-letters";

    private Channels() {
    }
}
