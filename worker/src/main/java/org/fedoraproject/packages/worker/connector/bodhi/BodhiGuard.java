package org.fedoraproject.packages.worker.connector.bodhi;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.fedoraproject.packages.worker.connector.UpstreamException;

/**
 * The protections of every Bodhi call: a timeout per attempt, retries with back-off, and one
 * circuit breaker (named {@value Bodhi#UPSTREAM}) and one bulkhead for all of them, so that an open
 * circuit pauses the upstream's whole lane and the bulkhead caps all its fetches together.
 * Tuned per deployment under
 * {@code quarkus.fault-tolerance."org.fedoraproject.packages.worker.connector.bodhi.BodhiGuard".*}.
 * Only {@link Bodhi} calls it, and names its upstream in what the protections throw themselves.
 */
@ApplicationScoped
@Timeout(15_000) // milliseconds: the unit stays when application.properties overrides the value
@Retry(maxRetries = 2, delay = 300, retryOn = {UpstreamException.Retryable.class, TimeoutException.class})
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamException.Retryable.class, TimeoutException.class})
// one worker's lane (8 entries) and the versions connector's release lists must not queue behind its own cap
@Bulkhead(value = 16, waitingTaskQueue = 1000)
public class BodhiGuard {
    /** Runs the request (again on each retry) under the protections. */
    @CircuitBreakerName(Bodhi.UPSTREAM)
    public <T> Uni<T> call(Supplier<Uni<T>> request) {
        return request.get();
    }
}
