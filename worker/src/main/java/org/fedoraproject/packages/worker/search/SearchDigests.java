package org.fedoraproject.packages.worker.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.RedisLayout;
import org.fedoraproject.packages.contract.search.PackageDocument;

/**
 * What each package's search document was when last written ({@code search:digests}): most refreshes
 * (the sweep's, a rebuild that changed no text) leave the document as it was, and then nothing is
 * written to the engine and the API keeps its cached search answers.
 */
@ApplicationScoped
public class SearchDigests {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;

    public SearchDigests(ReactiveRedisDataSource redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** The documents that differ from what was last written. */
    List<PackageDocument> changed(List<PackageDocument> documents) {
        if (documents.isEmpty()) {
            return documents;
        }
        Map<String, String> stored = redis.hash(String.class)
                .hmget(RedisLayout.SEARCH_DIGESTS, documents.stream().map(d -> d.name).toArray(String[]::new))
                .await().atMost(WAIT);
        List<PackageDocument> out = new ArrayList<>();
        for (PackageDocument d : documents) {
            if (!digest(d).equals(stored.get(d.name))) {
                out.add(d);
            }
        }
        return out;
    }

    /** Records what was just written (and forgets removed packages). */
    void written(List<PackageDocument> documents, List<String> removed) {
        if (!documents.isEmpty()) {
            Map<String, String> digests = new HashMap<>();
            documents.forEach(d -> digests.put(d.name, digest(d)));
            redis.hash(String.class).hset(RedisLayout.SEARCH_DIGESTS, digests).await().atMost(WAIT);
        }
        if (!removed.isEmpty()) {
            redis.hash(String.class).hdel(RedisLayout.SEARCH_DIGESTS, removed.toArray(String[]::new)).await().atMost(WAIT);
        }
    }

    private String digest(PackageDocument d) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(d));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
