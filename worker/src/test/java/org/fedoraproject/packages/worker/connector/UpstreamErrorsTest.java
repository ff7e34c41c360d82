package org.fedoraproject.packages.worker.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamErrorsTest {
    @Test
    void faultToleranceFailuresNameTheUpstreamTheyGuard() {
        UpstreamException timeout = UpstreamErrors.classify("changelog",
                new TimeoutException("Timeout[org.fedoraproject.packages.worker.connector.mdapi.Mdapi#changelog] timed out"));
        assertThat(timeout.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT);
        assertThat(timeout.upstream()).isEqualTo("mdapi");
        UpstreamException open = UpstreamErrors.classify("sources", new CircuitBreakerOpenException(
                "CircuitBreaker[org.fedoraproject.packages.worker.connector.pagure.Pagure#project] circuit breaker is open"));
        assertThat(open.kind()).isEqualTo(UpstreamException.Kind.UNAVAILABLE);
        assertThat(open.upstream()).isEqualTo("pagure");
        assertThat(UpstreamErrors.classify("ci", new IllegalStateException("boom")).upstream()).isEqualTo("ci");
        // other exceptions may name client classes too; only the guards' names count
        assertThat(UpstreamErrors.classify("mdapi", new IllegalStateException(
                "org.fedoraproject.packages.worker.connector.mdapi.MdapiClient#srcpkg failed")).upstream()).isEqualTo("mdapi");
    }
}
