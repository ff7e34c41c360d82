package org.fedoraproject.packages.worker.connector.koji;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.fedoraproject.packages.worker.connector.UpstreamErrors;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.fedoraproject.packages.worker.connector.Urls;

/**
 * The Koji hub. Each method is one HTTP request (one XML-RPC call, or one {@code system.multicall} of
 * several), encoded the way Koji's own client does (keyword arguments as a trailing struct with
 * {@code __starstar}) and decoded under {@link KojiGuard}'s protections as a whole: faults and bodies
 * that are not XML-RPC are not retried; timeouts, 5xx and dropped connections are. Every failure comes
 * out as an {@link UpstreamException} naming koji.
 */
@ApplicationScoped
public class Koji {
    public static final String UPSTREAM = "koji";
    /**
     * Calls per {@code system.multicall} request. About a dozen release tags are asked per package; a
     * list this long would be a broken Bodhi answer or a far larger Fedora, and is split into several
     * requests rather than one the hub may not answer within the timeout.
     */
    public static final int MULTICALL_MAX = 50;

    /** Also with a class-name prefix ("koji.GenericError: …"), as some hubs word their faults. */
    private static final Pattern NO_SUCH_TAG =
            Pattern.compile("(?:.*: )?No such (?:tagInfo|entry in table tag): '?([^']*)'?");

    private final KojiClient client;
    private final KojiGuard guard;
    private final String hubUrl;

    public Koji(@RestClient KojiClient client, KojiGuard guard,
            @ConfigProperty(name = "quarkus.rest-client.koji.url") String hubUrl) {
        this.client = client;
        this.guard = guard;
        this.hubUrl = Urls.trimmed(hubUrl);
    }

    /** The hub's URL, recorded as the source of Koji documents. */
    public String hubUrl() {
        return hubUrl;
    }

    /** {@code getPackageID(name)}: the package's id, or empty when Koji has no such package (nil). */
    public Uni<Optional<Long>> getPackageID(String name) {
        return guarded(() -> call("getPackageID", List.of(name)).map(v -> {
            if (v == null) {
                return Optional.<Long>empty();
            }
            if (v instanceof Long id) {
                return Optional.of(id);
            }
            throw shape("getPackageID", "an int or nil", v);
        }));
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
        return guarded(() -> call("listBuilds", List.of(XmlRpc.kwargs(kwargs))).map(v -> structs("listBuilds", v)));
    }

    /**
     * {@code listTagged(tag, package=name, inherit=True, latest=True)} for each tag, all in one
     * {@code system.multicall} request: per tag, in the order given, the latest build of the package in
     * the tag or the tags it inherits from; empty when none, and empty when Koji has no such tag (Bodhi
     * can list a release whose tags are not created yet). Any other fault of one call fails the whole
     * answer, as a fault of a single call does.
     *
     * @param tags at most {@link #MULTICALL_MAX}: callers split longer lists, so that every request stays
     *             one protected call (timeout, retry, bulkhead slot) of a size the hub answers in time
     */
    public Uni<List<List<Map<String, Object>>>> listTaggedLatest(List<String> tags, String packageName) {
        if (tags.size() > MULTICALL_MAX) {
            throw new IllegalArgumentException(tags.size() + " calls in one multicall; split them by " + MULTICALL_MAX);
        }
        if (tags.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("package", packageName);
        kwargs.put("inherit", true);
        kwargs.put("latest", true);
        XmlRpc.Kwargs options = XmlRpc.kwargs(kwargs);
        List<XmlRpc.Call> calls = tags.stream().map(tag -> new XmlRpc.Call("listTagged", List.of(tag, options))).toList();
        return guarded(() -> post(XmlRpc.multicall(calls)).map(response -> {
            List<XmlRpc.Result> results = XmlRpc.decodeMulticall(UPSTREAM, response, calls.size());
            List<List<Map<String, Object>>> out = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                String tag = tags.get(i);
                XmlRpc.Result r = results.get(i);
                if (r.isFault() && isNoSuchTag(r.fault(), tag)) {
                    out.add(List.of());
                } else if (r.isFault()) {
                    throw r.fault().toException(UPSTREAM, "listTagged(" + tag + ")");
                } else {
                    out.add(structs("listTagged", r.value()));
                }
            }
            return out;
        }));
    }

    /**
     * Koji's fault for a tag it does not have: a GenericError naming the tag, "No such tagInfo: 'f44'"
     * (today's hub) or "No such entry in table tag: f44" (older hubs). Koji has no fault code of its own
     * for it, so the text decides; a fault about anything else (or another tag) is a real failure.
     */
    static boolean isNoSuchTag(XmlRpc.Fault fault, String tag) {
        Matcher m = NO_SUCH_TAG.matcher(fault.message() == null ? "" : fault.message().trim());
        return m.matches() && m.group(1).equals(tag);
    }

    private Uni<Object> call(String method, List<?> params) {
        return post(XmlRpc.methodCall(method, params)).map(response -> XmlRpc.decodeResponse(UPSTREAM, response));
    }

    private Uni<String> post(String methodCall) {
        return client.call(methodCall).onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
    }

    /** What the protections throw themselves (timeout, open circuit, full bulkhead) is named here. */
    private <T> Uni<T> guarded(Supplier<Uni<T>> request) {
        return guard.call(request).onFailure().transform(t -> UpstreamErrors.classify(UPSTREAM, t));
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
