package org.fedoraproject.packages.worker.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.search.PackageDocument;
import org.fedoraproject.packages.contract.search.SearchChange;
import org.junit.jupiter.api.Test;

/** What the worker announces of a write: the API keeps every cached answer the change cannot affect. */
class SearchChangesTest {
    private static PackageDocument vips(String summary, String version) {
        PackageDocument d = new PackageDocument();
        d.name = "vips";
        d.summary = summary;
        d.description = "VIPS is an image processing library";
        d.version = version;
        d.binaries = List.of("vips-devel", "vips-tools");
        d.provides = List.of("libvips.so.42()(64bit)");
        d.branches = List.of("rawhide", "f43");
        d.maintainers = List.of("alice");
        return d;
    }

    private static final PackageDocument BEFORE = vips("C/C++ library for processing large images", "8.16.0-1.fc46");

    @Test
    void aNewVersionNamesOnlyThePackage() {
        SearchChange c = SearchChanges.of(Map.of("vips", BEFORE), List.of(vips(BEFORE.summary, "8.17.0-1.fc46")), List.of());
        assertThat(c.all()).isFalse();
        assertThat(c.packages()).containsExactly("vips");
        assertThat(c.keys()).isEmpty();
        assertThat(c.terms()).isEmpty();
        assertThat(c.filters()).isEmpty();
    }

    @Test
    void aNewSummaryNamesTheOldAndNewTermsOfThatFieldOnly() {
        SearchChange c = SearchChanges.of(Map.of("vips", BEFORE),
                List.of(vips("Demand-driven toolkit for gigapixel pictures", "8.16.0-1.fc46")), List.of());
        // as the engine stems them (KStem: processing → process, images → image); not a stop word, nor the
        // name's parts or the untouched description's terms
        assertThat(c.terms()).contains("process", "image", "library", "gigapixel", "pictures", "demand", "driven")
                .doesNotContain("for", "vips", "vip");
        assertThat(c.keys()).isEmpty();
    }

    @Test
    void aNewOrRetiredPackageNamesAllItsNamesAndTerms() {
        SearchChange added = SearchChanges.of(Map.of(), List.of(BEFORE), List.of());
        assertThat(added.keys()).containsExactlyInAnyOrder("vips", "vips-devel", "vips-tools", "libvips.so.42()(64bit)");
        assertThat(added.terms()).contains("vips", "vip", "process", "library");
        PackageDocument retired = vips(BEFORE.summary, BEFORE.version);
        retired.retired = true;
        assertThat(SearchChanges.of(Map.of("vips", BEFORE), List.of(retired), List.of()).keys()).contains("vips", "vips-devel");
        SearchChange removed = SearchChanges.of(Map.of("vips", BEFORE), List.of(), List.of("vips"));
        assertThat(removed.packages()).containsExactly("vips");
        assertThat(removed.keys()).contains("vips-tools");
    }

    @Test
    void newSubPackagesAndFilterFieldsAreNamed() {
        PackageDocument split = vips(BEFORE.summary, BEFORE.version);
        split.binaries = List.of("vips-devel", "vips-tools", "vips-heif");
        split.branches = List.of("rawhide");
        split.maintainers = List.of("Alice", "@image-sig");
        SearchChange c = SearchChanges.of(Map.of("vips", BEFORE), List.of(split), List.of());
        assertThat(c.keys()).contains("vips-heif", "vips-tools");
        assertThat(c.filters()).as("before and after, folded").containsExactlyInAnyOrder("rawhide", "f43", "alice", "@image-sig");
        assertThat(c.terms()).isEmpty();
    }

    @Test
    void aLargeBatchIsAnnouncedAsEverything() {
        List<PackageDocument> many = new ArrayList<>();
        for (int i = 0; i <= SearchChanges.MAX_PACKAGES; i++) {
            PackageDocument d = vips(BEFORE.summary, BEFORE.version);
            d.name = "pkg" + i;
            many.add(d);
        }
        assertThat(SearchChanges.of(Map.of(), many, List.of()).all()).isTrue();
    }
}
