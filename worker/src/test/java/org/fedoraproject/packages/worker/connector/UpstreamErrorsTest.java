package org.fedoraproject.packages.worker.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamErrorsTest {
    @Test
    void whatTheProtectionsThrowIsClassifiedUnderTheUpstreamGiven() {
        UpstreamException timeout = UpstreamErrors.classify("mdapi", new TimeoutException("Timeout[…] timed out"));
        assertThat(timeout.kind()).isEqualTo(UpstreamException.Kind.TIMEOUT);
        assertThat(timeout.upstream()).isEqualTo("mdapi");
        UpstreamException open = UpstreamErrors.classify("pagure", new CircuitBreakerOpenException("open"));
        assertThat(open.kind()).isEqualTo(UpstreamException.Kind.UNAVAILABLE);
        assertThat(open.upstream()).isEqualTo("pagure");
        assertThat(UpstreamErrors.isNotCalledNow(open)).isTrue();
        UpstreamException full = UpstreamErrors.classify("koji", new BulkheadException("full"));
        assertThat(full.kind()).isEqualTo(UpstreamException.Kind.UNAVAILABLE);
        assertThat(UpstreamErrors.isNotCalledNow(full)).isTrue();
    }

    @Test
    void aFailureAlreadyClassifiedKeepsItsUpstream() {
        // the versions connector runs on Koji's lane and also calls Bodhi: Bodhi's failure stays Bodhi's
        UpstreamException bodhi = UpstreamException.of(UpstreamException.Kind.TIMEOUT, "bodhi", "timed out", null);
        assertThat(UpstreamErrors.classify("koji", bodhi)).isSameAs(bodhi);
        assertThat(UpstreamErrors.classify("ci", new IllegalStateException("boom")).upstream()).isEqualTo("ci");
    }
}
