package org.fedoraproject.packages.worker.connector.repodata;

import java.io.InputStream;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A repository's index, {@code repodata/repomd.xml}: where its primary metadata is and the checksums
 * that say whether it changed ({@code open-checksum}, of the uncompressed file, does not depend on the
 * compression chosen).
 */
public final class Repomd {
    /** The {@code <data type="primary">} entry. {@code checksum} is of the file as served (compressed). */
    public record Primary(String href, String checksumType, String checksum, String openChecksum, long size) {
        /** What identifies this content: the open checksum when given, else the file's. */
        public String identity() {
            return openChecksum != null ? openChecksum : checksum;
        }
    }

    private Repomd() {
    }

    /** The primary entry, or empty when the index lists none. */
    public static Optional<Primary> primary(InputStream xml) throws XMLStreamException {
        XMLStreamReader r = RepoXml.factory().createXMLStreamReader(xml);
        try {
            boolean inPrimary = false;
            String href = null;
            String checksumType = null;
            String checksum = null;
            String openChecksum = null;
            long size = -1;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if ("data".equals(name)) {
                        inPrimary = "primary".equals(r.getAttributeValue(null, "type"));
                    } else if (inPrimary && "location".equals(name)) {
                        href = r.getAttributeValue(null, "href");
                    } else if (inPrimary && "checksum".equals(name)) {
                        checksumType = r.getAttributeValue(null, "type");
                        checksum = r.getElementText().strip();
                    } else if (inPrimary && "open-checksum".equals(name)) {
                        openChecksum = r.getElementText().strip();
                    } else if (inPrimary && "size".equals(name)) {
                        size = parseLong(r.getElementText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && inPrimary && "data".equals(r.getLocalName())) {
                    return href == null ? Optional.empty()
                            : Optional.of(new Primary(href, checksumType, checksum, openChecksum, size));
                }
            }
            return Optional.empty();
        } finally {
            r.close();
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
