package org.fedoraproject.packages.worker;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.fedoraproject.packages.contract.document.BugsDocument;
import org.fedoraproject.packages.contract.document.BuildsDocument;
import org.fedoraproject.packages.contract.document.ChangelogDocument;
import org.fedoraproject.packages.contract.document.CiDocument;
import org.fedoraproject.packages.contract.document.DependenciesDocument;
import org.fedoraproject.packages.contract.document.Envelope;
import org.fedoraproject.packages.contract.document.FilesDocument;
import org.fedoraproject.packages.contract.document.MaintainersDocument;
import org.fedoraproject.packages.contract.document.OverviewDocument;
import org.fedoraproject.packages.contract.document.SourcesDocument;
import org.fedoraproject.packages.contract.document.UpdatesDocument;
import org.fedoraproject.packages.contract.document.UpstreamDocument;
import org.fedoraproject.packages.contract.document.VersionsDocument;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.fedoraproject.packages.worker.catalog.PackageState;
import org.fedoraproject.packages.worker.catalog.SourceEntry;

/**
 * What a native executable must keep that Quarkus does not find by itself (read at build time by
 * {@code mvn package -Dnative}; nothing to run):
 * <ul>
 * <li>the documents and their envelope (records in the contract, {@code contract.document}), written by Jackson
 * through an {@code ObjectMapper} (DocumentStore), and the
 * catalog's entries and package states, written and read back as JSON in Redis;</li>
 * <li>the JDK's XML parsers behind {@code DocumentBuilderFactory.newInstance()} (Koji's XML-RPC answers)
 * and {@code XMLInputFactory.newFactory()} (repository metadata), found by name at run time.</li>
 * </ul>
 * The Lua scripts are resources: {@code quarkus.native.resources.includes=lua/*.lua} in
 * application.properties, and META-INF/native-image/.../resource-config.json.
 */
@RegisterForReflection(targets = {
        Envelope.class,
        OverviewDocument.class, OverviewDocument.Subpackage.class,
        VersionsDocument.class, VersionsDocument.Release.class, VersionsDocument.Build.class,
        BuildsDocument.class, BuildsDocument.Build.class,
        UpdatesDocument.class, UpdatesDocument.Update.class,
        BugsDocument.class, BugsDocument.Bug.class,
        DependenciesDocument.class, DependenciesDocument.Subpackage.class, DependenciesDocument.Dep.class,
        FilesDocument.class, FilesDocument.Subpackage.class,
        ChangelogDocument.class, ChangelogDocument.Entry.class,
        SourcesDocument.class, SourcesDocument.Commit.class, SourcesDocument.Lookaside.class,
        MaintainersDocument.class, MaintainersDocument.Groups.class,
        UpstreamDocument.class,
        CiDocument.class, CiDocument.Collection.class,
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
