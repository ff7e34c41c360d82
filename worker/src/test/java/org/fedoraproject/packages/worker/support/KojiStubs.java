package org.fedoraproject.packages.worker.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.koji.XmlRpc;

/**
 * WireMock stubs of Koji's hub: XML-RPC calls routed by method and parameters with XPath, answered
 * with real recordings (raw methodResponses, or recorded results encoded with {@link XmlRpc}).
 *
 * <p>{@code listTagged} is asked inside {@code system.multicall}: one stub per package answers, with
 * WireMock's response templating, each call of the request in the order it comes, from the answers
 * given per tag with {@link #tagged} and {@link #taggedFault} (kept in the stub's metadata, so that
 * resetting WireMock forgets them too).
 */
public final class KojiStubs {
    public static final String HUB = "/koji/kojihub";
    /** The first parameter (the tag) of each call in a system.multicall body, in call order. */
    private static final String CALL_TAGS = "/methodCall/params/param/value/array/data/value/struct"
            + "/member[name=\"params\"]/value/array/data/value[1]/string";
    private static final String ANSWERS = "listTaggedAnswers";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private KojiStubs() {
    }

    public static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    /** An XML-RPC answer carrying {@code result}. */
    public static ResponseDefinitionBuilder result(Object result) {
        return xml(XmlRpc.methodResponse(result));
    }

    public static ResponseDefinitionBuilder fault(int code, String message) {
        return xml(XmlRpc.faultResponse(code, message));
    }

    public static MappingBuilder method(String name) {
        return post(urlPathEqualTo(HUB)).withRequestBody(matchingXPath("/methodCall/methodName[text()='" + name + "']"));
    }

    public static MappingBuilder getPackageID(String pkg) {
        return method("getPackageID")
                .withRequestBody(matchingXPath("/methodCall/params/param[1]/value/string[text()='" + pkg + "']"));
    }

    public static MappingBuilder listBuilds(long packageId) {
        return method("listBuilds")
                .withRequestBody(matchingXPath("//member[name='packageID']/value/*[self::int or self::i4 or self::i8][text()='"
                        + packageId + "']"));
    }

    /** getPackageID answers {@code <int>id</int>}, or {@code <nil/>} when {@code id} is null. */
    public static void packageId(WireMockServer wm, String pkg, Long id) {
        wm.stubFor(getPackageID(pkg).willReturn(result(id)));
    }

    /** A system.multicall asking about {@code pkg} (its listTagged calls carry {@code package=pkg}). */
    public static MappingBuilder multicall(String pkg) {
        return method("system.multicall")
                .withRequestBody(matchingXPath("//member[name='package']/value/string[text()='" + pkg + "']"));
    }

    /** listTagged(tag, package=pkg) answers {@code builds} when a multicall asks it; other tags: nothing tagged. */
    public static void tagged(WireMockServer wm, String tag, String pkg, List<Map<String, Object>> builds) {
        answer(wm, tag, pkg, XmlRpc.value(List.of(builds)));
    }

    /** listTagged(tag, package=pkg) faults inside the multicall answer (the other calls still answer). */
    public static void taggedFault(WireMockServer wm, String tag, String pkg, int code, String message) {
        answer(wm, tag, pkg, XmlRpc.value(XmlRpc.faultStruct(code, message)));
    }

    /** Any multicall no {@link #tagged} stub answers: nothing tagged for each of its calls (lowest priority). */
    public static void nothingTaggedByDefault(WireMockServer wm) {
        wm.stubFor(method("system.multicall").atPriority(10).willReturn(multicallAnswer(Map.of())));
    }

    /**
     * A multicall answer with, for each listTagged call of the request in order, the element given for its
     * tag, or nothing tagged. The elements are {@code <value>}s: a one-element array or a fault struct.
     */
    public static ResponseDefinitionBuilder multicallAnswer(Map<String, String> elementsByTag) {
        StringBuilder t = new StringBuilder("<?xml version='1.0'?>\n<methodResponse><params><param><value><array><data>\n");
        t.append("{{#each (xPath request.body '").append(CALL_TAGS).append("') as |tag|}}");
        String sep = "{{#eq tag.text '";
        for (Map.Entry<String, String> e : elementsByTag.entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9._+-]+")) {
                throw new IllegalArgumentException("not a Koji tag name: " + e.getKey());
            }
            t.append(sep).append(e.getKey()).append("'}}").append(templateSafe(e.getValue()));
            sep = "{{else eq tag.text '";
        }
        String nothing = XmlRpc.value(List.of(List.of()));
        t.append(elementsByTag.isEmpty() ? nothing : "{{else}}" + nothing + "{{/eq}}");
        t.append("\n{{/each}}</data></array></value></param></params></methodResponse>\n");
        return xml(t.toString()).withTransformers("response-template");
    }

    /** Handlebars would read "{{" in a recorded value as a template expression. */
    private static String templateSafe(String xml) {
        if (xml.contains("{{")) {
            throw new IllegalArgumentException("cannot be put in a response template: " + xml);
        }
        return xml;
    }

    /** Adds one tag's answer to the package's multicall stub (replaced under a fixed id; the answers live in its metadata). */
    @SuppressWarnings("unchecked")
    private static void answer(WireMockServer wm, String tag, String pkg, String element) {
        UUID id = UUID.nameUUIDFromBytes(("koji multicall " + pkg).getBytes(StandardCharsets.UTF_8));
        Map<String, String> answers = new TreeMap<>();
        var existing = wm.getStubMapping(id);
        if (existing.isPresent()) {
            if (existing.getItem().getMetadata() != null && existing.getItem().getMetadata().get(ANSWERS) instanceof Map<?, ?> m) {
                answers.putAll((Map<String, String>) m);
            }
            wm.removeStub(id);
        }
        answers.put(tag, element);
        wm.stubFor(multicall(pkg).withId(id).withMetadata(Map.of(ANSWERS, answers)).willReturn(multicallAnswer(answers)));
    }

    /**
     * Every XML-RPC call the hub received, decoded: method name and parameters, in arrival order; the
     * calls inside a system.multicall are listed one by one, as if asked separately.
     */
    @SuppressWarnings("unchecked")
    public static List<Map.Entry<String, List<Object>>> calls(WireMockServer wm) {
        List<Map.Entry<String, List<Object>>> calls = new ArrayList<>();
        for (Map.Entry<String, List<Object>> request : requests(wm)) {
            if (!"system.multicall".equals(request.getKey())) {
                calls.add(request);
                continue;
            }
            for (Object c : (List<Object>) request.getValue().get(0)) {
                Map<String, Object> call = (Map<String, Object>) c;
                calls.add(Map.entry((String) call.get("methodName"), (List<Object>) call.get("params")));
            }
        }
        return calls;
    }

    /** Every HTTP request the hub received (WireMock's journal), decoded; a multicall is one. */
    public static List<Map.Entry<String, List<Object>>> requests(WireMockServer wm) {
        List<Map.Entry<String, List<Object>>> requests = new ArrayList<>();
        wm.findAll(postRequestedFor(urlPathEqualTo(HUB))).forEach(r -> requests.add(XmlRpc.decodeCall(r.getBodyAsString())));
        return requests;
    }

    /**
     * The {@code result} of a recorded Koji call in one of koschei's YAML recordings
     * ({@code [{method, args, kwargs, result}]}), e.g. listTagged's list of build structs.
     */
    public static Object recordedResult(String recording, String method, String firstArg) {
        try {
            List<Map<String, Object>> calls = YAML.readValue(SharedFixtures.realText(recording), new TypeReference<>() {
            });
            return calls.stream()
                    .filter(c -> method.equals(c.get("method")))
                    .filter(c -> c.get("args") instanceof List<?> args && !args.isEmpty() && Objects.equals(firstArg, args.get(0)))
                    .findFirst().orElseThrow(() -> new IllegalStateException(method + "(" + firstArg + ") not in " + recording))
                    .get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The builds of one package in a recorded listTagged result (what {@code package=} makes the hub return). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> recordedTagged(String recording, String tag, String pkg) {
        List<Map<String, Object>> builds = (List<Map<String, Object>>) recordedResult(recording, "listTagged", tag);
        return builds.stream().filter(b -> pkg.equals(b.get("package_name"))).toList();
    }

    /** A recorded JSON struct (e.g. koschei's getBuild result). */
    public static Map<String, Object> recordedJson(String recording) {
        try {
            return JSON.readValue(SharedFixtures.realText(recording), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
