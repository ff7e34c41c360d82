package org.fedoraproject.packages.worker.support;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * The build gives test JVMs system properties of its own under {@code fp.}: {@code fp.shared.dir} (where
 * the real recordings are) and {@code fp.worker.jar}. They are not worker settings, so the {@code fp}
 * mapping ({@code WorkerConfig}), which rejects {@code fp.*} keys it does not declare, is told to leave
 * them alone. Registered in META-INF/services, for test JVMs only.
 */
public class BuildPropertiesCustomizer implements SmallRyeConfigBuilderCustomizer {
    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withMappingIgnore("fp.shared.**").withMappingIgnore("fp.worker.**");
    }
}
