package org.fedoraproject.packages.worker.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Serves package repositories the way dl.fedoraproject.org does: {@code repodata/repomd.xml} in
 * createrepo_c's shape and the primary metadata it points to, named by its checksum. There is no
 * recording of Fedora's repository metadata among the shared fixtures; these follow createrepo_c's
 * format (the elements dnf and mdapi read), with the parts the catalog skips (dependencies, files) too.
 */
public final class RepoStubs {
    /** Where the worker's test profile looks ({@code fp.catalog.mirror} = WireMock + /dl). */
    public static final String MIRROR = "/dl";

    public record Binary(String name, String arch, String epoch, String version, String release, String summary,
            String description, String url, String license, String sourceRpm) {
        public static Binary of(String name, String source, String version, String release, String summary) {
            return new Binary(name, "x86_64", "0", version, release, summary, summary + ". A longer text.",
                    "https://example.org/" + source, "MIT", source + "-" + version + "-" + release + ".src.rpm");
        }
    }

    private RepoStubs() {
    }

    public static String rawhide() {
        return MIRROR + "/pub/fedora/linux/development/rawhide/Everything/x86_64/os";
    }

    public static String release(int n) {
        return MIRROR + "/pub/fedora/linux/releases/" + n + "/Everything/x86_64/os";
    }

    public static String updates(int n) {
        return MIRROR + "/pub/fedora/linux/updates/" + n + "/Everything/x86_64";
    }

    public static String epel(int n) {
        return MIRROR + "/pub/epel/" + n + "/Everything/x86_64";
    }

    /** Serves a repository at {@code path} with these binaries; {@code zstd} as Fedora ≥ 41 compresses it. */
    public static void serve(WireMockServer wm, String path, List<Binary> binaries, boolean zstd) {
        serve(wm, path, binaries, java.util.Map.of(), zstd);
    }

    /** As above; {@code provided}: binary → what it provides besides its name (paths are listed as its files). */
    public static void serve(WireMockServer wm, String path, List<Binary> binaries,
            java.util.Map<String, List<String>> provided, boolean zstd) {
        byte[] xml = primaryXml(binaries, provided).getBytes(StandardCharsets.UTF_8);
        byte[] file = compress(xml, zstd);
        String sha = sha256(file);
        String href = "repodata/" + sha + "-primary.xml." + (zstd ? "zst" : "gz");
        String repomd = """
                <?xml version="1.0" encoding="UTF-8"?>
                <repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">
                  <revision>1764547200</revision>
                  <data type="primary">
                    <checksum type="sha256">%s</checksum>
                    <open-checksum type="sha256">%s</open-checksum>
                    <location href="%s"/>
                    <timestamp>1764547200</timestamp>
                    <size>%d</size>
                    <open-size>%d</open-size>
                  </data>
                  <data type="filelists">
                    <checksum type="sha256">0000000000000000000000000000000000000000000000000000000000000000</checksum>
                    <location href="repodata/0000-filelists.xml.gz"/>
                    <timestamp>1764547200</timestamp>
                  </data>
                </repomd>
                """.formatted(sha, sha256(xml), href, file.length, xml.length);
        wm.stubFor(get(urlPathEqualTo(path + "/repodata/repomd.xml"))
                .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(repomd)));
        wm.stubFor(get(urlPathEqualTo(path + "/" + href))
                .willReturn(aResponse().withHeader("Content-Type", "application/octet-stream").withBody(file)));
    }

    /**
     * Rawhide (zstd, as Fedora ≥ 41), Fedora 43 as released and its updates (gzip), EPEL 9: vim (vim-X11 and
     * vim-enhanced), curl (libcurl), newpkg (only in Rawhide), oldpkg (in F43, retired from Rawhide),
     * epelonly (only in EPEL 9).
     */
    public static void smallDistribution(WireMockServer wm) {
        MdapiStubs.branches(wm, "[\"epel9\", \"f43\", \"rawhide\"]");
        RepoStubs.serve(wm, RepoStubs.rawhide(), List.of(
                Binary.of("vim-enhanced", "vim", "9.1.1800", "2.fc44", "A version of the VIM editor"),
                Binary.of("vim-X11", "vim", "9.1.1800", "2.fc44", "The VIM version of the vi editor for X"),
                Binary.of("curl", "curl", "8.15.0", "1.fc44", "A utility for getting files from remote servers"),
                Binary.of("libcurl", "curl", "8.15.0", "1.fc44", "A library for getting files from web servers"),
                Binary.of("newpkg", "newpkg", "1.0", "1.fc44", "Only in Rawhide so far")), true);
        RepoStubs.serve(wm, RepoStubs.release(43), List.of(
                Binary.of("vim-enhanced", "vim", "9.1.1700", "1.fc43", "A version of the VIM editor"),
                Binary.of("curl", "curl", "8.14.0", "1.fc43", "A utility for getting files from remote servers"),
                Binary.of("oldpkg", "oldpkg", "0.9", "3.fc43", "Retired in Rawhide")), false);
        RepoStubs.serve(wm, RepoStubs.updates(43), List.of(
                Binary.of("vim-enhanced", "vim", "9.1.1800", "1.fc43", "A version of the VIM editor")), false);
        RepoStubs.serve(wm, RepoStubs.epel(9), List.of(
                Binary.of("epelonly", "epelonly", "2.0", "1.el9", "Only in EPEL")), false);
    }

    public static String primaryXml(List<Binary> binaries) {
        return primaryXml(binaries, java.util.Map.of());
    }

    /**
     * {@code provided}: per binary, more names it provides, as mdapi lists them (which merges the files
     * primary lists into provides): a name starting with '/' becomes a {@code <file>}, others
     * {@code rpm:entry}s of {@code rpm:provides}, as createrepo_c writes them.
     */
    public static String primaryXml(List<Binary> binaries, java.util.Map<String, List<String>> provided) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<metadata xmlns=\"http://linux.duke.edu/metadata/common\" xmlns:rpm=\"http://linux.duke.edu/metadata/rpm\" packages=\""
                + binaries.size() + "\">\n");
        for (Binary b : binaries) {
            String nvra = b.name() + "-" + b.version() + "-" + b.release() + "." + b.arch();
            s.append("<package type=\"rpm\">\n")
                    .append("  <name>").append(esc(b.name())).append("</name>\n")
                    .append("  <arch>").append(b.arch()).append("</arch>\n")
                    .append("  <version epoch=\"").append(b.epoch()).append("\" ver=\"").append(b.version())
                    .append("\" rel=\"").append(b.release()).append("\"/>\n")
                    .append("  <checksum type=\"sha256\" pkgid=\"YES\">").append(sha256(nvra.getBytes(StandardCharsets.UTF_8)))
                    .append("</checksum>\n")
                    .append("  <summary>").append(esc(b.summary())).append("</summary>\n")
                    .append("  <description>").append(esc(b.description())).append("</description>\n")
                    .append("  <packager>Fedora Project</packager>\n")
                    .append("  <url>").append(esc(b.url())).append("</url>\n")
                    .append("  <time file=\"1764500000\" build=\"1764400000\"/>\n")
                    .append("  <size package=\"123456\" installed=\"456789\" archive=\"460000\"/>\n")
                    .append("  <location href=\"Packages/").append(b.name().charAt(0)).append('/').append(nvra).append(".rpm\"/>\n")
                    .append("  <format>\n")
                    .append("    <rpm:license>").append(esc(b.license())).append("</rpm:license>\n")
                    .append("    <rpm:vendor>Fedora Project</rpm:vendor>\n")
                    .append("    <rpm:group>Unspecified</rpm:group>\n")
                    .append("    <rpm:buildhost>buildvm-x86-01.iad2.fedoraproject.org</rpm:buildhost>\n")
                    .append("    <rpm:sourcerpm>").append(esc(b.sourceRpm())).append("</rpm:sourcerpm>\n")
                    .append("    <rpm:header-range start=\"4504\" end=\"30001\"/>\n")
                    .append("    <rpm:provides>\n      <rpm:entry name=\"").append(esc(b.name()))
                    .append("\" flags=\"EQ\" epoch=\"").append(b.epoch()).append("\" ver=\"").append(b.version())
                    .append("\" rel=\"").append(b.release()).append("\"/>\n");
            List<String> more = provided.getOrDefault(b.name(), List.of());
            more.stream().filter(n -> !n.startsWith("/")).forEach(n -> s.append("      <rpm:entry name=\"").append(esc(n)).append("\"/>\n"));
            s.append("    </rpm:provides>\n")
                    .append("    <rpm:requires>\n      <rpm:entry name=\"libc.so.6()(64bit)\"/>\n")
                    .append("      <rpm:entry name=\"rtld(GNU_HASH)\"/>\n    </rpm:requires>\n")
                    .append("    <file>/usr/bin/").append(esc(b.name())).append("</file>\n");
            more.stream().filter(n -> n.startsWith("/")).forEach(n -> s.append("    <file>").append(esc(n)).append("</file>\n"));
            s.append("  </format>\n</package>\n");
        }
        return s.append("</metadata>\n").toString();
    }

    private static byte[] compress(byte[] data, boolean zstd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream c = zstd ? new ZstdOutputStream(out) : new GZIPOutputStream(out)) {
            c.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
