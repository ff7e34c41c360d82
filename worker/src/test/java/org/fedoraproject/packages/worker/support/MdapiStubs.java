package org.fedoraproject.packages.worker.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.fedoraproject.packages.contract.testing.SharedFixtures;

/** WireMock stubs of mdapi, from real recordings (or documents of ours in the same shape). */
public final class MdapiStubs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MdapiStubs() {
    }

    public static void branches(WireMockServer wm, String json) {
        wm.stubFor(get(urlEqualTo("/mdapi/branches")).willReturn(json(json)));
    }

    public static void real(WireMockServer wm, String path, String recording) {
        wm.stubFor(get(urlEqualTo("/mdapi" + path)).willReturn(json(SharedFixtures.realText(recording))));
    }

    /**
     * A package of ours in today's mdapi {@code /pkg/} shape: the real curl recording with the names
     * and summary replaced, for packages that have no recording (e.g. those a real bus message names).
     */
    public static String likeCurl(String name, String summary) {
        try {
            ObjectNode doc = (ObjectNode) MAPPER.readTree(SharedFixtures.realText("mdapi/rawhide_pkg_curl.json"));
            doc.put("basename", name);
            doc.put("summary", summary);
            doc.putArray("co-packages").add(name);
            return doc.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void serve(WireMockServer wm, String path, String body) {
        wm.stubFor(get(urlEqualTo("/mdapi" + path)).willReturn(json(body)));
    }

    /** mdapi's 404 for a name it does not know, with its real body ("404: Not Found"). */
    public static void notFound(WireMockServer wm, String path) {
        wm.stubFor(get(urlEqualTo("/mdapi" + path)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(SharedFixtures.realText("mdapi/legacy-2018/f28_files_vim__404.txt"))));
    }

    /**
     * A reverse lookup answer ({@code /{branch}/requires/{name}}, …) in mdapi's documented shape: a JSON
     * array of package objects like {@code /pkg/}, each naming its package in {@code basename}. There is
     * no recording; the objects are the real curl recording with the names replaced.
     */
    public static String packageList(String... basenames) {
        var array = MAPPER.createArrayNode();
        for (String name : basenames) {
            try {
                array.add(MAPPER.readTree(likeCurl(name, "Package " + name)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return array.toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
