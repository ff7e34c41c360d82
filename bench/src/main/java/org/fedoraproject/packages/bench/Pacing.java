package org.fedoraproject.packages.bench;

import java.util.concurrent.locks.LockSupport;

/** Open-loop pacing: message i goes out at t0 + i/rate, whatever the system under test does. */
final class Pacing {
    private Pacing() {
    }

    static void until(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
