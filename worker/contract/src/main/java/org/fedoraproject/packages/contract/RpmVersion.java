package org.fedoraproject.packages.contract;

/**
 * RPM's version comparison ({@code rpmvercmp}), so that "is Rawhide behind upstream" means what it
 * means to rpm and dnf, in the worker's upstream document and in the API's badges alike.
 *
 * <p>The rules: a version is split into runs of ASCII digits and runs of ASCII letters; every other
 * character only separates runs, except {@code ~} and {@code ^}. Runs are compared pairwise: digit
 * runs as numbers (leading zeros ignored, so {@code 10.0001} equals {@code 10.1}), letter runs as
 * text; a digit run is newer than a letter run. {@code ~} sorts before everything, even the end
 * ({@code 1.0~rc1 < 1.0}); {@code ^} sorts after the end but before anything else
 * ({@code 1.0 < 1.0^git1 < 1.0.1}). When all runs are equal, the version with something left over
 * is newer. Non-ASCII characters are separators, as in rpm.
 */
public final class RpmVersion {
    private RpmVersion() {
    }

    /** @return a negative number, zero or a positive number as {@code a} is older than, equal to or newer than {@code b} */
    public static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (i < n || j < m) {
            while (i < n && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < m && isSeparator(b.charAt(j))) {
                j++;
            }
            char ca = i < n ? a.charAt(i) : 0;
            char cb = j < m ? b.charAt(j) : 0;

            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (i >= n) {
                    return -1;
                }
                if (j >= m) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= n || j >= m) {
                break;
            }

            boolean numeric = isDigit(ca);
            int endA = i;
            int endB = j;
            if (numeric) {
                while (endA < n && isDigit(a.charAt(endA))) {
                    endA++;
                }
                while (endB < m && isDigit(b.charAt(endB))) {
                    endB++;
                }
            } else {
                while (endA < n && isLetter(a.charAt(endA))) {
                    endA++;
                }
                while (endB < m && isLetter(b.charAt(endB))) {
                    endB++;
                }
            }
            if (endB == j) {
                // the runs are of different kinds: a digit run is newer than a letter run
                return numeric ? 1 : -1;
            }
            int startA = i;
            int startB = j;
            if (numeric) {
                while (startA < endA && a.charAt(startA) == '0') {
                    startA++;
                }
                while (startB < endB && b.charAt(startB) == '0') {
                    startB++;
                }
                int lengths = Integer.compare(endA - startA, endB - startB);
                if (lengths != 0) {
                    return lengths;
                }
            }
            int runs = a.substring(startA, endA).compareTo(b.substring(startB, endB));
            if (runs != 0) {
                return runs < 0 ? -1 : 1;
            }
            i = endA;
            j = endB;
        }
        if (i >= n && j >= m) {
            return 0;
        }
        return i >= n ? -1 : 1;
    }

    private static boolean isSeparator(char c) {
        return !isDigit(c) && !isLetter(c) && c != '~' && c != '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
