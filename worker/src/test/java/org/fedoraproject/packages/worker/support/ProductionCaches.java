package org.fedoraproject.packages.worker.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The worker's in-process caches with their production settings. The test profile keeps nothing
 * (tests change the upstream answers between tests); the tests of the caches themselves run with
 * this profile, all in one application start.
 */
public class ProductionCaches implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "%test.quarkus.cache.caffeine.mdapi-branches.expire-after-write", "PT10M",
                "%test.quarkus.cache.caffeine.koji-package-ids.expire-after-write", "PT10M",
                "%test.quarkus.cache.caffeine.bodhi-active-releases.expire-after-write", "PT10M");
    }
}
