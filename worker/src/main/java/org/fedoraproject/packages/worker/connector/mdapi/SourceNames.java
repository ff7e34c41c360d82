package org.fedoraproject.packages.worker.connector.mdapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.fedoraproject.packages.contract.PackageNames;

/**
 * Maps a binary package name to the source package it is built from ({@code basename} in mdapi's
 * {@code /pkg/} answer). mdapi.repo.update lists binary names; pages are per source package.
 */
@ApplicationScoped
public class SourceNames {
    private final Mdapi mdapi;

    public SourceNames(Mdapi mdapi) {
        this.mdapi = mdapi;
    }

    public String upstream() {
        return Mdapi.UPSTREAM;
    }

    /** The source package name, or empty when the branch does not have the binary package (removed). */
    public Uni<Optional<String>> sourceOf(String branch, String binaryName) {
        return mdapi.pkg(branch, binaryName).map(found -> found
                .map(pkg -> pkg.path("basename"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(PackageNames::isValid));
    }
}
