package org.fedoraproject.packages.contract.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the real recordings of Fedora's APIs in {@code ../shared/fixtures/real/}. They belong to other
 * projects and are never copied into this repository; a test that needs them is skipped, with the
 * reason, on a machine without {@code ../shared}.
 */
public final class SharedFixtures {
    private SharedFixtures() {
    }

    /** The {@code fixtures/real} folder, or a skipped test when it is missing. */
    public static Path realDir() {
        Path dir = sharedDir().resolve("fixtures/real");
        assumeTrue(Files.isDirectory(dir),
                "../shared/fixtures/real is absent (" + dir + "): test skipped; set -Dfp.shared.dir to run it");
        return dir;
    }

    public static Path real(String relative) {
        Path file = realDir().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "recording missing: " + file);
        return file;
    }

    public static String realText(String relative) {
        try {
            return Files.readString(real(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] realBytes(String relative) {
        try {
            return Files.readAllBytes(real(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sharedDir() {
        String configured = System.getProperty("fp.shared.dir", System.getenv("FP_SHARED_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Walk up from the working directory to the folder that has ../shared beside the checkout.
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("fixtures"))) {
                return candidate;
            }
        }
        return Path.of("../shared").toAbsolutePath().normalize();
    }
}
