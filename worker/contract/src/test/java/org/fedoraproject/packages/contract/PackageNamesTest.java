package org.fedoraproject.packages.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageNamesTest {
    @Test
    void acceptsRealFedoraNames() {
        assertThat(PackageNames.isValid("curl")).isTrue();
        assertThat(PackageNames.isValid("python3-PyQt4-devel")).isTrue();
        assertThat(PackageNames.isValid("java-1.8.0-openjdk-headless")).isTrue();
        assertThat(PackageNames.isValid("gtk+")).isTrue();
        assertThat(PackageNames.isValid("perl-Text_Diff")).isTrue();
    }

    @Test
    void rejectsNamesThatCouldEscapeKeysOrPaths() {
        assertThat(PackageNames.isValid(null)).isFalse();
        assertThat(PackageNames.isValid("")).isFalse();
        assertThat(PackageNames.isValid("-rf")).isFalse();
        assertThat(PackageNames.isValid("../etc/passwd")).isFalse();
        assertThat(PackageNames.isValid("a}b")).isFalse();
        assertThat(PackageNames.isValid("name with space")).isFalse();
        assertThat(PackageNames.isValid("x".repeat(201))).isFalse();
    }

    @Test
    void keysOfOnePackageShareAClusterHashTag() {
        assertThat(RedisLayout.document("curl", ConnectorName.BUILDS)).isEqualTo("pkg:{curl}:doc:builds");
        assertThat(RedisLayout.meta("curl")).isEqualTo("pkg:{curl}:meta");
        assertThat(ConnectorName.fromId("ci")).contains(ConnectorName.CI);
        assertThat(ConnectorName.fromId("CI")).isEmpty();
    }
}
