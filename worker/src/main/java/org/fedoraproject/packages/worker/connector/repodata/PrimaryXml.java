package org.fedoraproject.packages.worker.connector.repodata;

import java.io.InputStream;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a repository's primary metadata ({@code <metadata xmlns="http://linux.duke.edu/metadata/common">},
 * one {@code <package type="rpm">} per binary rpm) as a stream: Fedora's Everything repository lists
 * some 75,000 packages, so nothing but the current package is held. Dependencies are skipped: the
 * catalog needs names, versions, texts, the source rpm, and the provided names and listed files (for
 * search and the provides index).
 */
public final class PrimaryXml {
    private PrimaryXml() {
    }

    /** Hands every package of the document to {@code each}; returns how many. */
    public static int read(InputStream xml, Consumer<Rpm> each) throws XMLStreamException {
        XMLStreamReader r = RepoXml.factory().createXMLStreamReader(xml);
        int count = 0;
        int depth = 0; // <metadata> is 1; its packages are 2
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (depth == 1 && "package".equals(r.getLocalName())) {
                        Rpm rpm = readPackage(r); // consumes through </package>
                        if (rpm != null) {
                            each.accept(rpm);
                            count++;
                        }
                    } else {
                        depth++;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return count;
        } finally {
            r.close();
        }
    }

    private static Rpm readPackage(XMLStreamReader r) throws XMLStreamException {
        String type = r.getAttributeValue(null, "type");
        String name = null;
        String arch = null;
        String epoch = null;
        String ver = null;
        String rel = null;
        String summary = null;
        String description = null;
        String url = null;
        String license = null;
        String sourceRpm = null;
        Long packageSize = null;
        Long installedSize = null;
        java.util.List<String> provides = new java.util.ArrayList<>();
        StringBuilder provided = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String el = r.getLocalName();
                switch (el) {
                    case "name" -> name = text(r);
                    case "arch" -> arch = text(r);
                    case "version" -> {
                        epoch = r.getAttributeValue(null, "epoch");
                        ver = r.getAttributeValue(null, "ver");
                        rel = r.getAttributeValue(null, "rel");
                        depth++;
                    }
                    case "summary" -> summary = text(r);
                    case "description" -> description = text(r);
                    case "url" -> url = text(r);
                    case "license" -> license = text(r);
                    case "sourcerpm" -> sourceRpm = text(r);
                    case "size" -> {
                        packageSize = bytes(r.getAttributeValue(null, "package"));
                        installedSize = bytes(r.getAttributeValue(null, "installed"));
                        depth++;
                    }
                    case "provides" -> readProvides(r, provides, provided);
                    case "file" -> append(provided, text(r));
                    // requires…: not needed; skipped whole, without building their text
                    case "requires", "conflicts", "obsoletes", "recommends", "suggests", "supplements",
                            "enhances", "changelog" -> skip(r);
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (type != null && !"rpm".equals(type) || name == null || name.isBlank()) {
            return null;
        }
        String own = name;
        provides.removeIf(p -> p.equals(own));
        return new Rpm(name, arch, epoch, ver, rel, summary, description, url, license,
                sourceRpm == null || sourceRpm.isBlank() ? null : sourceRpm, java.util.List.copyOf(provides),
                provided.toString(), packageSize, installedSize);
    }

    /** A size attribute in bytes; null when missing or not a number (the overview then shows none). */
    public static Long bytes(String attribute) {
        if (attribute == null) {
            return null;
        }
        try {
            return Long.valueOf(attribute.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Adds a name to the newline-separated list; a name with a line break (no real one has) is left out. */
    private static void append(StringBuilder list, String name) {
        if (name == null || name.indexOf('\n') >= 0) {
            return;
        }
        if (!list.isEmpty()) {
            list.append('\n');
        }
        list.append(name);
    }

    /**
     * The names of {@code <rpm:provides>}'s entries (no versions), as search terms: {@code python3dist(requests)},
     * {@code perl(JSON::PP)}, {@code libfoo.so.1()(64bit)}. Capped, since a few packages provide thousands;
     * {@code all} gets every one for the provides index.
     */
    private static void readProvides(XMLStreamReader r, java.util.List<String> into, StringBuilder all)
            throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String n = r.getAttributeValue(null, "name");
                if (!"entry".equals(r.getLocalName()) || n == null || n.isBlank()) {
                    continue;
                }
                if (into.size() < Rpm.MAX_PROVIDES && !into.contains(n)) {
                    into.add(n);
                }
                append(all, n);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The element's text, trimmed, or null when empty; leaves the reader on its end tag. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        String t = r.getElementText().strip();
        return t.isEmpty() ? null : t;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
