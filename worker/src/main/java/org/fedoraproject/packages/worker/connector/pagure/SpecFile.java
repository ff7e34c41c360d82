package org.fedoraproject.packages.worker.connector.pagure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patch and source lines of an RPM spec file, read as text: no macro is expanded (that would need
 * rpm itself), values are kept as written. Tags count only where rpm reads them (the preamble and
 * {@code %package} sections), so a "Patch1:" quoted in a description or the changelog is not a patch;
 * the entries of {@code %patchlist} and {@code %sourcelist} sections (rpm 4.15+) count too.
 */
public final class SpecFile {
    /** What was found: patch file names, and source lines ({@code Source0: value}, or the bare value of a {@code %sourcelist} entry). */
    public record Parsed(List<String> patches, List<String> sources) {
    }

    private static final Pattern PATCH = Pattern.compile("^(Patch\\d*)\\s*:\\s*(\\S.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCE = Pattern.compile("^(Source\\d*)\\s*:\\s*(\\S.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile(
            "^%(package|description|prep|conf|generate_buildrequires|build|install|check|clean|files|changelog"
                    + "|pre|post|preun|postun|pretrans|posttrans|preuntrans|postuntrans|verifyscript"
                    + "|trigger\\w*|filetrigger\\w*|transfiletrigger\\w*|patchlist|sourcelist)(\\s.*)?$");

    private enum Section { TAGS, PATCHLIST, SOURCELIST, OTHER }

    private SpecFile() {
    }

    public static Parsed parse(String spec) {
        List<String> patches = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Section section = Section.TAGS;
        for (String raw : spec.split("\\R")) {
            String line = raw.strip();
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                section = switch (s.group(1)) {
                    case "package" -> Section.TAGS;
                    case "patchlist" -> Section.PATCHLIST;
                    case "sourcelist" -> Section.SOURCELIST;
                    default -> Section.OTHER;
                };
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            switch (section) {
                case TAGS -> {
                    Matcher p = PATCH.matcher(line);
                    if (p.matches()) {
                        patches.add(fileName(p.group(2)));
                        continue;
                    }
                    Matcher src = SOURCE.matcher(line);
                    if (src.matches()) {
                        sources.add(src.group(1) + ": " + src.group(2));
                    }
                }
                case PATCHLIST -> {
                    if (!line.startsWith("%")) { // %if/%endif around entries
                        patches.add(fileName(line));
                    }
                }
                case SOURCELIST -> {
                    if (!line.startsWith("%")) {
                        sources.add(line);
                    }
                }
                default -> {
                }
            }
        }
        return new Parsed(patches, sources);
    }

    /**
     * The name rpm gives the file in the source tree: after {@code #/} when the URL names it that way,
     * else the last path segment of a URL or path.
     */
    static String fileName(String value) {
        int renamed = value.lastIndexOf("#/");
        if (renamed >= 0 && renamed + 2 < value.length()) {
            return value.substring(renamed + 2);
        }
        int slash = value.lastIndexOf('/');
        return slash >= 0 && slash + 1 < value.length() ? value.substring(slash + 1) : value;
    }
}
