package org.fedoraproject.packages.worker.connector.koji;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The Koji hub with its protections (tuned in application.properties under
 * {@code quarkus.fault-tolerance."...Koji".*}). Each method is one XML-RPC call, encoded the way
 * Koji's own client does (keyword arguments as a trailing struct with {@code __starstar}). Faults
 * and bodies that are not XML-RPC are not retried; timeouts, 5xx and dropped connections are.
 */
@ApplicationScoped
@Timeout(20_000) // milliseconds: the unit stays when application.properties overrides the value
@Retry(maxRetries = 2, delay = 500, retryOn = {UpstreamException.Retryable.class, TimeoutException.class})
@ExponentialBackoff
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
        failOn = {UpstreamException.Retryable.class, TimeoutException.class})
// 16 calls at once: one worker's Koji lane (8 entries, each fanning out) must not queue behind itself;
// the hub serves thousands of builders, so 16 from one worker is modest
@Bulkhead(value = 16, waitingTaskQueue = 1000)
public class Koji {
    public static final String UPSTREAM = "koji";

    private final KojiClient client;
    private final String hubUrl;

    public Koji(@RestClient KojiClient client, @ConfigProperty(name = "quarkus.rest-client.koji.url") String hubUrl) {
        this.client = client;
        this.hubUrl = Urls.trimmed(hubUrl);
    }

    /** The hub's URL, recorded as the source of Koji documents. */
    public String hubUrl() {
        return hubUrl;
    }

    /** {@code getPackageID(name)}: the package's id, or empty when Koji has no such package (nil). */
    public Uni<Optional<Long>> getPackageID(String name) {
        return call("getPackageID", List.of(name)).map(v -> {
            if (v == null) {
                return Optional.empty();
            }
            if (v instanceof Long id) {
                return Optional.of(id);
            }
            throw shape("getPackageID", "an int or nil", v);
        });
    }

    /**
     * {@code listBuilds(packageID=id, queryOpts={"order": "-build_id", "limit": limit})}: the package's
     * builds, newest first, in any state.
     */
    public Uni<List<Map<String, Object>>> listBuilds(long packageId, int limit) {
        Map<String, Object> queryOpts = new LinkedHashMap<>();
        queryOpts.put("order", "-build_id");
        queryOpts.put("limit", limit);
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("packageID", packageId);
        kwargs.put("queryOpts", queryOpts);
        return call("listBuilds", List.of(XmlRpc.kwargs(kwargs))).map(v -> structs("listBuilds", v));
    }

    /**
     * {@code listTagged(tag, package=name, inherit=True, latest=True)}: the latest build of the package
     * in the tag or the tags it inherits from; empty when none.
     */
    public Uni<List<Map<String, Object>>> listTagged(String tag, String packageName) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("package", packageName);
        kwargs.put("inherit", true);
        kwargs.put("latest", true);
        return call("listTagged", List.of(tag, XmlRpc.kwargs(kwargs))).map(v -> structs("listTagged", v));
    }

    private Uni<Object> call(String method, List<?> params) {
        String body = XmlRpc.methodCall(method, params);
        return client.call(body)
                .onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t))
                .map(response -> XmlRpc.decodeResponse(UPSTREAM, response));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> structs(String method, Object v) {
        if (!(v instanceof List<?> list)) {
            throw shape(method, "an array", v);
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Map<?, ?>)) {
                throw shape(method, "an array of structs", item);
            }
            out.add((Map<String, Object>) item);
        }
        return out;
    }

    private static UpstreamException shape(String method, String expected, Object got) {
        String type = got == null ? "nil" : got.getClass().getSimpleName();
        return UpstreamException.of(UpstreamException.Kind.MALFORMED, UPSTREAM,
                method + " answered " + type + ", not " + expected, null);
    }
}
