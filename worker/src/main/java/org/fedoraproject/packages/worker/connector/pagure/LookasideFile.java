package org.fedoraproject.packages.worker.connector.pagure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dist-git's {@code sources} file: the tarballs kept in the lookaside cache and their checksums. Two
 * forms exist: today's BSD-style {@code SHA512 (curl-8.11.1.tar.xz) = 3f0b…} and the old md5sum form
 * {@code 4c1a…  vim-8.0-1587.tar.bz2}. Other lines are ignored.
 */
public final class LookasideFile {
    public record Entry(String file, String hash, String algorithm) {
    }

    private static final Pattern TAGGED = Pattern.compile("^([A-Za-z0-9-]+)\\s*\\((.+)\\)\\s*=\\s*([0-9A-Fa-f]+)$");
    private static final Pattern MD5SUM = Pattern.compile("^([0-9A-Fa-f]{32})\\s+\\*?(\\S.*)$");

    private LookasideFile() {
    }

    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            Matcher t = TAGGED.matcher(line);
            if (t.matches()) {
                entries.add(new Entry(t.group(2), t.group(3).toLowerCase(java.util.Locale.ROOT), t.group(1).toUpperCase(java.util.Locale.ROOT)));
                continue;
            }
            Matcher m = MD5SUM.matcher(line);
            if (m.matches()) {
                entries.add(new Entry(m.group(2), m.group(1).toLowerCase(java.util.Locale.ROOT), "MD5"));
            }
        }
        return entries;
    }
}
