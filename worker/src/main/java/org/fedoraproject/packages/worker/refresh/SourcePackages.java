package org.fedoraproject.packages.worker.refresh;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Binary package → the source package it is built from; implemented by the upstream that knows. */
public interface SourcePackages {
    /** The upstream the lookups are made of (their scheduler lane). */
    String upstream();

    /** The source package, or empty when the branch does not have the binary (any more). */
    Uni<Optional<String>> sourceOf(String branch, String binaryName);
}
