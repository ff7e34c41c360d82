package org.fedoraproject.packages.worker.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Where the repositories of each branch are, and how the bootstrap paces itself ({@code fp.catalog.*}). */
@ConfigMapping(prefix = "fp.catalog")
public interface CatalogConfig {
    /** The mirror the repository paths below are relative to. */
    @WithDefault("https://dl.fedoraproject.org")
    String mirror();

    /** Rawhide's repositories. */
    @WithDefault("/pub/fedora/linux/development/rawhide/Everything/x86_64/os")
    List<String> rawhide();

    /**
     * A Fedora release's repositories, {n} its number: as released, its updates, its updates in testing
     * (later ones win). Testing is included because mdapi's view of a branch, which the other tabs show,
     * is the newest build over all of them.
     */
    @WithDefault("/pub/fedora/linux/releases/{n}/Everything/x86_64/os,/pub/fedora/linux/updates/{n}/Everything/x86_64,"
            + "/pub/fedora/linux/updates/testing/{n}/Everything/x86_64")
    List<String> fedora();

    /** An EPEL release's repositories, {n} its number: stable, then testing. */
    @WithDefault("/pub/epel/{n}/Everything/x86_64,/pub/epel/testing/{n}/Everything/x86_64")
    List<String> epel();

    /** The mirror's budget: requests per second discovery (and so the bootstrap) may make to it; 0 no limit. */
    @WithDefault("5")
    double requestsPerSecond();

    /** How often discovery runs without a message asking (a lost mdapi.repo.update); 0 never. */
    @WithDefault("PT1H")
    Duration rediscoverEvery();

    Bootstrap bootstrap();

    interface Bootstrap {
        /** Start (or resume) the bootstrap when the worker starts and it has not finished yet. */
        @WithDefault("true")
        boolean onStart();

        /** Names handed to the scheduler at a time. */
        @WithDefault("500")
        int chunk();

        /** Waiting bootstrap entries above which it holds back (the scheduler's ready queue stays small). */
        @WithDefault("2000")
        int backlog();

        /** How often progress is logged. */
        @WithDefault("PT5S")
        Duration progressInterval();
    }
}
