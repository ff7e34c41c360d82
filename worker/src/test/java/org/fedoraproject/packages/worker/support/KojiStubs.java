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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.koji.XmlRpc;

/**
 * WireMock stubs of Koji's hub: XML-RPC calls routed by method and parameters with XPath, answered
 * with real recordings (raw methodResponses, or recorded results encoded with {@link XmlRpc}).
 */
public final class KojiStubs {
    public static final String HUB = "/koji/kojihub";
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

    public static MappingBuilder listTagged(String tag, String pkg) {
        return method("listTagged")
                .withRequestBody(matchingXPath("/methodCall/params/param[1]/value/string[text()='" + tag + "']"))
                .withRequestBody(matchingXPath("//member[name='package']/value/string[text()='" + pkg + "']"));
    }

    /** getPackageID answers {@code <int>id</int>}, or {@code <nil/>} when {@code id} is null. */
    public static void packageId(WireMockServer wm, String pkg, Long id) {
        wm.stubFor(getPackageID(pkg).willReturn(result(id)));
    }

    /** Any listTagged not stubbed otherwise: nothing tagged (lowest priority). */
    public static void nothingTaggedByDefault(WireMockServer wm) {
        wm.stubFor(method("listTagged").atPriority(10).willReturn(result(List.of())));
    }

    /** Every XML-RPC call the hub received, decoded: method name and parameters, in arrival order. */
    public static List<Map.Entry<String, List<Object>>> calls(WireMockServer wm) {
        List<Map.Entry<String, List<Object>>> calls = new ArrayList<>();
        wm.findAll(postRequestedFor(urlPathEqualTo(HUB))).forEach(r -> calls.add(XmlRpc.decodeCall(r.getBodyAsString())));
        return calls;
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
