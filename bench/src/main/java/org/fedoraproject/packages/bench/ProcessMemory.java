package org.fedoraproject.packages.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A process's resident memory from /proc/&lt;pid&gt;/status: what the kernel charges it, heap or not. */
record ProcessMemory(long rssKb, long peakKb) {

    static ProcessMemory of(long pid) {
        try {
            long rss = -1, hwm = -1;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
            return new ProcessMemory(rss, hwm);
        } catch (IOException e) {
            return new ProcessMemory(-1, -1); // gone: printed as "?"
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    static String mib(long kb) {
        return kb < 0 ? "?" : String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
    }

    @Override
    public String toString() {
        return "RSS " + mib(rssKb) + " (peak so far " + mib(peakKb) + ")";
    }
}
