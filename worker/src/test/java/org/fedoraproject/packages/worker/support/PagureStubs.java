package org.fedoraproject.packages.worker.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.fedoraproject.packages.contract.testing.SharedFixtures;

/** WireMock stubs of dist-git (Pagure) under {@code /pagure}, from real recordings or documents of ours. */
public final class PagureStubs {
    private PagureStubs() {
    }

    public static void real(WireMockServer wm, String pathAndQuery, String recording) {
        json(wm, pathAndQuery, SharedFixtures.realText(recording));
    }

    public static void json(WireMockServer wm, String pathAndQuery, String body) {
        wm.stubFor(get(urlEqualTo("/pagure" + pathAndQuery)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** A raw file as dist-git's web UI serves it. */
    public static void text(WireMockServer wm, String pathAndQuery, String body) {
        wm.stubFor(get(urlEqualTo("/pagure" + pathAndQuery)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(body)));
    }

    /** Pagure's API 404 body. */
    public static void notFound(WireMockServer wm, String pathAndQuery) {
        wm.stubFor(get(urlEqualTo("/pagure" + pathAndQuery)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Project not found\", \"error_code\": \"ENOPROJECT\"}")));
    }
}
