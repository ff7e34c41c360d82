package org.fedoraproject.packages.worker.connector.repodata;

import io.airlift.compress.zstd.ZstdInputStream;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.UpstreamException.Kind;

/**
 * Fedora's package repositories as dnf reads them: {@code <repo>/repodata/repomd.xml}, then the primary
 * metadata it points to, streamed (tens of megabytes uncompressed for Everything) and checked against
 * the index's checksum. Served by plain HTTP file servers (dl.fedoraproject.org and its mirrors), so
 * the JDK's client streams it rather than a REST client that would buffer the body.
 */
@ApplicationScoped
@Retry(maxRetries = 2, delay = 2000, retryOn = {UpstreamException.Retryable.class, TimeoutException.class})
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamException.Retryable.class, TimeoutException.class})
public class Repodata {
    public static final String UPSTREAM = "repodata";

    private final RequestPacing pacing;

    public Repodata(org.fedoraproject.packages.worker.catalog.CatalogConfig config) {
        this.pacing = new RequestPacing(config.requestsPerSecond());
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL) // mirrors redirect
            .build();

    /** The repository's primary entry; empty when the repository does not exist (404) or lists no primary. */
    @Timeout(30_000)
    public Uni<Optional<Repomd.Primary>> primaryOf(String repo) {
        return blocking(() -> {
            try (InputStream body = get(repo + "/repodata/repomd.xml")) {
                return body == null ? Optional.<Repomd.Primary>empty() : Repomd.primary(body);
            } catch (XMLStreamException e) {
                throw UpstreamException.of(Kind.MALFORMED, UPSTREAM, repo + "/repodata/repomd.xml: " + e.getMessage(), e);
            } catch (IOException e) {
                throw UpstreamException.of(Kind.UNAVAILABLE, UPSTREAM, repo + "/repodata/repomd.xml: " + e, e);
            }
        });
    }

    /**
     * Streams the primary metadata's packages to {@code each}; returns their number. Fails (MALFORMED) when
     * the file does not match the index's checksum, after {@code each} saw its packages: callers keep what
     * they collected only once this succeeds.
     */
    @Timeout(600_000)
    public Uni<Integer> packages(String repo, Repomd.Primary primary, Consumer<Rpm> each) {
        return blocking(() -> {
            String url = repo + "/" + primary.href();
            MessageDigest digest = digest(primary.checksumType());
            try (InputStream raw = get(url)) {
                if (raw == null) {
                    throw UpstreamException.of(Kind.SERVER_ERROR, UPSTREAM, url + ": 404, though repomd.xml lists it", null);
                }
                InputStream counted = digest == null ? raw : new DigestInputStream(raw, digest);
                // the JDK's StAX parser closes its input at the end of the document; the rest is still to be digested
                int n = PrimaryXml.read(unclosable(decompressed(primary.href(), counted)), each);
                counted.transferTo(java.io.OutputStream.nullOutputStream()); // the digest covers the whole file
                if (digest != null && primary.checksum() != null
                        && !HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(primary.checksum())) {
                    throw UpstreamException.of(Kind.MALFORMED, UPSTREAM, url + ": checksum differs from repomd.xml's", null);
                }
                return n;
            } catch (XMLStreamException e) {
                throw UpstreamException.of(Kind.MALFORMED, UPSTREAM, url + ": " + e.getMessage(), e);
            } catch (java.util.zip.ZipException e) {
                throw UpstreamException.of(Kind.MALFORMED, UPSTREAM, url + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw UpstreamException.of(Kind.UNAVAILABLE, UPSTREAM, url + ": " + e, e);
            }
        });
    }

    /** The body, or null on 404; 5xx and I/O failures are retryable, other statuses are not. */
    private InputStream get(String url) {
        HttpResponse<InputStream> response;
        try {
            pacing.awaitTurn();
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw UpstreamException.of(Kind.UNAVAILABLE, UPSTREAM, url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UpstreamException.of(Kind.UNAVAILABLE, UPSTREAM, url + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        closeQuietly(response.body());
        if (status == 404) {
            return null;
        }
        throw UpstreamException.of(status >= 500 || status == 429 ? Kind.SERVER_ERROR : Kind.CLIENT_ERROR, UPSTREAM,
                url + ": HTTP " + status, null);
    }

    /** By the file's suffix, as dnf does: createrepo_c writes .zst (Fedora ≥ 41), .gz, .xz or none. */
    static InputStream decompressed(String href, InputStream in) throws IOException {
        String h = href.toLowerCase(Locale.ROOT);
        if (h.endsWith(".gz")) {
            return new GZIPInputStream(in, 65536);
        }
        if (h.endsWith(".zst")) {
            return new ZstdInputStream(in);
        }
        if (h.endsWith(".xml")) {
            return in;
        }
        throw UpstreamException.of(Kind.MALFORMED, UPSTREAM, href + ": a compression this worker does not read", null);
    }

    private static InputStream unclosable(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    private static MessageDigest digest(String type) {
        String algorithm = switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            case "sha384" -> "SHA-384";
            case "sha1", "sha" -> "SHA-1";
            default -> null; // an unknown type is not checked rather than refused
        };
        try {
            return algorithm == null ? null : MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the status says what went wrong
        }
    }
}
