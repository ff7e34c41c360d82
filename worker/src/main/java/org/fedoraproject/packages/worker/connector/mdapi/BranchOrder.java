package org.fedoraproject.packages.worker.connector.mdapi;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order in which mdapi branches are tried for a package: Rawhide, then Fedora releases newest
 * first, then EPEL newest first, then anything else. So a package retired in Rawhide is still found
 * on the newest Fedora that has it, and an EPEL-only package on the newest EPEL.
 */
public final class BranchOrder {
    private static final Pattern FEDORA = Pattern.compile("f(\\d+)");
    private static final Pattern EPEL = Pattern.compile("epel(\\d+)(?:\\.(\\d+))?");

    private BranchOrder() {
    }

    public static List<String> sort(List<String> branches) {
        return branches.stream().sorted(Comparator.comparingDouble(BranchOrder::rank)).toList();
    }

    /** Lower ranks are tried first. */
    static double rank(String branch) {
        if ("rawhide".equals(branch)) {
            return 0;
        }
        Matcher f = FEDORA.matcher(branch);
        if (f.matches()) {
            return 1_000 - Integer.parseInt(f.group(1));
        }
        Matcher e = EPEL.matcher(branch);
        if (e.matches()) {
            double minor = e.group(2) == null ? 0 : Integer.parseInt(e.group(2)) / 100.0;
            return 10_000 - Integer.parseInt(e.group(1)) - minor;
        }
        return 100_000;
    }
}
