package org.fedoraproject.packages.api.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JDK's DOM parser, strict (namespaces on, no DTDs): what a feed reader or an SVG renderer would accept. */
public final class XmlDocuments {
    private XmlDocuments() {
    }

    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The direct children of {@code parent} named {@code local} in {@code ns}. */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getChildNodes();
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i) instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the only child {@code local} of {@code parent}. */
    public static String text(Element parent, String ns, String local) {
        List<Element> found = children(parent, ns, local);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + local + "> in <" + parent.getLocalName() + ">, found " + found.size());
        }
        return found.get(0).getTextContent();
    }
}
