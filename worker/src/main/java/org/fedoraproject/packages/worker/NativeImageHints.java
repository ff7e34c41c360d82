package org.fedoraproject.packages.worker;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.fedoraproject.packages.worker.catalog.PackageState;
import org.fedoraproject.packages.worker.catalog.SourceEntry;
import org.fedoraproject.packages.worker.connector.anitya.UpstreamConnector;
import org.fedoraproject.packages.worker.connector.bodhi.UpdatesConnector;
import org.fedoraproject.packages.worker.connector.bugzilla.BugsConnector;
import org.fedoraproject.packages.worker.connector.koji.BuildsConnector;
import org.fedoraproject.packages.worker.connector.koji.VersionsConnector;
import org.fedoraproject.packages.worker.connector.koschei.CiConnector;
import org.fedoraproject.packages.worker.connector.mdapi.ChangelogConnector;
import org.fedoraproject.packages.worker.connector.mdapi.DependenciesConnector;
import org.fedoraproject.packages.worker.connector.mdapi.FilesConnector;
import org.fedoraproject.packages.worker.connector.mdapi.OverviewConnector;
import org.fedoraproject.packages.worker.connector.pagure.MaintainersConnector;
import org.fedoraproject.packages.worker.connector.pagure.SourcesConnector;

/**
 * What a native executable must keep that Quarkus does not find by itself (read at build time by
 * {@code mvn package -Dnative}; nothing to run):
 * <ul>
 * <li>the documents, written by Jackson through {@code ObjectMapper.valueToTree} (DocumentStore), and the
 * catalog's entries and package states, written and read back as JSON in Redis;</li>
 * <li>the JDK's XML parsers behind {@code DocumentBuilderFactory.newInstance()} (Koji's XML-RPC answers)
 * and {@code XMLInputFactory.newFactory()} (repository metadata), found by name at run time.</li>
 * </ul>
 * The Lua scripts are resources: {@code quarkus.native.resources.includes=lua/*.lua} in
 * application.properties, and META-INF/native-image/.../resource-config.json.
 */
@RegisterForReflection(targets = {
        OverviewConnector.Overview.class, OverviewConnector.Subpackage.class,
        VersionsConnector.Versions.class, VersionsConnector.Release.class, VersionsConnector.Build.class,
        BuildsConnector.Builds.class, BuildsConnector.Build.class,
        UpdatesConnector.Updates.class, UpdatesConnector.Update.class,
        BugsConnector.Bugs.class, BugsConnector.Bug.class,
        DependenciesConnector.Dependencies.class, DependenciesConnector.Subpackage.class, DependenciesConnector.Dep.class,
        FilesConnector.Files.class, FilesConnector.Subpackage.class,
        ChangelogConnector.Changelog.class, ChangelogConnector.Entry.class,
        SourcesConnector.Sources.class, SourcesConnector.Commit.class, SourcesConnector.Lookaside.class,
        MaintainersConnector.Maintainers.class, MaintainersConnector.Groups.class,
        UpstreamConnector.Upstream.class,
        CiConnector.Ci.class, CiConnector.Collection.class,
        SourceEntry.class, SourceEntry.Sub.class, PackageState.class, PackageDocument.class,
}, classNames = {
        "org.fedoraproject.packages.worker.connector.mdapi.ChangelogConnector$Author",
        "org.fedoraproject.packages.worker.connector.pagure.SourcesConnector$Branches",
        "org.fedoraproject.packages.worker.connector.koji.VersionsConnector$ActiveRelease",
        "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
        "com.sun.xml.internal.stream.XMLInputFactoryImpl",
})
final class NativeImageHints {
    private NativeImageHints() {
    }
}
