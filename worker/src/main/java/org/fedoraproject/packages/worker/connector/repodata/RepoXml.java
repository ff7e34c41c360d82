package org.fedoraproject.packages.worker.connector.repodata;

import javax.xml.stream.XMLInputFactory;

/** StAX readers for repository metadata, safe for documents from the network: no DTDs, no external entities. */
final class RepoXml {
    private RepoXml() {
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
