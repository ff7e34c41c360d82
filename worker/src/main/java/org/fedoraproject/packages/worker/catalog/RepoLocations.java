package org.fedoraproject.packages.worker.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fedoraproject.packages.worker.connector.Urls;

/** Which repositories make up a branch as mdapi names it (rawhide, f43, epel9…). */
@ApplicationScoped
public class RepoLocations {
    private static final Pattern FEDORA = Pattern.compile("f(\\d+)");
    private static final Pattern EPEL = Pattern.compile("epel(\\d+)");

    private final CatalogConfig config;

    public RepoLocations(CatalogConfig config) {
        this.config = config;
    }

    /** The branch's repository URLs, in the order their packages apply (a later one's win); empty: not read. */
    public List<String> of(String branch) {
        String mirror = Urls.trimmed(config.mirror());
        if ("rawhide".equals(branch)) {
            return config.rawhide().stream().map(p -> mirror + p).toList();
        }
        Matcher f = FEDORA.matcher(branch);
        if (f.matches()) {
            return config.fedora().stream().map(p -> mirror + p.replace("{n}", f.group(1))).toList();
        }
        Matcher e = EPEL.matcher(branch);
        if (e.matches()) {
            return config.epel().stream().map(p -> mirror + p.replace("{n}", e.group(1))).toList();
        }
        return List.of(); // eln, epel9-next…: not a branch pages are about
    }

    /** Fedora branches other than Rawhide: a package in one of them but not in Rawhide was retired. */
    static boolean isFedoraRelease(String branch) {
        return FEDORA.matcher(branch).matches();
    }
}
