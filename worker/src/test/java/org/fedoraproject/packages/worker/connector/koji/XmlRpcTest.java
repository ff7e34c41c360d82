package org.fedoraproject.packages.worker.connector.koji;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fedoraproject.packages.contract.testing.SharedFixtures;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.junit.jupiter.api.Test;

/** XML-RPC encoding and decoding, on Koji's real answer and on hostile or broken bodies. */
class XmlRpcTest {

    @Test
    void everyTypeSurvivesARoundTrip() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("text", "a < b && c > d \"quoted\" 'single' ünïcødé ✓ \ttab\nline\r\nwindows");
        nested.put("empty", "");
        nested.put("small", 42L);
        nested.put("negative", -7L);
        nested.put("big", 3_000_000_000L);
        nested.put("yes", true);
        nested.put("no", false);
        nested.put("nothing", null);
        nested.put("pi", 3.141592653589793);
        nested.put("epoch", 1611242222.903082);
        nested.put("list", Arrays.asList("x", 1L, null, List.of(), Map.of()));
        nested.put("bytes", new byte[] {0, 1, 2, (byte) 0xff});
        nested.put("when", LocalDateTime.of(1998, 7, 17, 14, 8, 55));
        nested.put("deep", Map.of("deeper", List.of(Map.of("deepest", "ok"))));

        String call = XmlRpc.methodCall("someMethod", List.of("first & <second>", 12L, nested));
        Map.Entry<String, List<Object>> decoded = XmlRpc.decodeCall(call);

        assertThat(decoded.getKey()).isEqualTo("someMethod");
        assertThat(decoded.getValue()).hasSize(3);
        assertThat(decoded.getValue().get(0)).isEqualTo("first & <second>");
        assertThat(decoded.getValue().get(1)).isEqualTo(12L);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) decoded.getValue().get(2);
        assertThat(back.keySet()).containsExactlyElementsOf(nested.keySet()); // member order kept
        for (String key : nested.keySet()) {
            if (key.equals("bytes")) {
                assertThat((byte[]) back.get(key)).containsExactly(0, 1, 2, (byte) 0xff);
            } else {
                assertThat(back.get(key)).as(key).isEqualTo(nested.get(key));
            }
        }
        // ints beyond 32 bits travel as <i8>, as Koji's marshaller sends them
        assertThat(call).contains("<value><i8>3000000000</i8></value>").contains("<value><int>42</int></value>");
        assertThat(call).contains("<string>first &amp; &lt;second&gt;</string>");
        assertThat(call).contains("<value><nil/></value>").contains("<boolean>1</boolean>").contains("<boolean>0</boolean>");

        // and a response the same way
        assertThat(XmlRpc.decodeResponse("koji", XmlRpc.methodResponse(nested.get("list")))).isEqualTo(nested.get("list"));
        assertThat(XmlRpc.decodeResponse("koji", XmlRpc.methodResponse(null))).isNull();
    }

    @Test
    void keywordArgumentsAreATrailingStructWithStarstar() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("package", "curl");
        kwargs.put("inherit", true);
        kwargs.put("latest", true);
        String call = XmlRpc.methodCall("listTagged", List.of("f43-updates", XmlRpc.kwargs(kwargs)));
        assertThat(call).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall><methodName>listTagged</methodName>"
                + "<params><param><value><string>f43-updates</string></value></param>"
                + "<param><value><struct>"
                + "<member><name>package</name><value><string>curl</string></value></member>"
                + "<member><name>inherit</name><value><boolean>1</boolean></value></member>"
                + "<member><name>latest</name><value><boolean>1</boolean></value></member>"
                + "<member><name>__starstar</name><value><boolean>1</boolean></value></member>"
                + "</struct></value></param></params></methodCall>\n");
    }

    @Test
    void valuesThatXmlCannotCarryAreRefused() {
        assertThatThrownBy(() -> XmlRpc.methodCall("m", List.of("bell\u0007"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlRpc.methodCall("m", List.of(new Object()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlRpc.methodCall("m", List.of(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void realListBuildsAnswerFromFedorasHubDecodes() {
        Object result = XmlRpc.decodeResponse("koji",
                SharedFixtures.realText("koji/listBuilds_python-requre_complete_response.xml"));

        List<Map<String, Object>> builds = (List<Map<String, Object>>) result;
        assertThat(builds).hasSize(30);
        Map<String, Object> first = builds.get(0);
        assertThat(first).containsEntry("build_id", 1672055L)
                .containsEntry("nvr", "python-requre-0.5.0-1.fc33")
                .containsEntry("completion_time", "2021-01-21 15:17:02.903082+00:00")
                .containsEntry("completion_ts", 1611242222.903082)
                .containsEntry("start_ts", 1611242116.333118)
                .containsEntry("epoch", null)
                .containsEntry("owner_name", "jpopelka")
                .containsEntry("package_id", 31141L)
                .containsEntry("state", 1L)
                .containsEntry("task_id", 60149103L)
                .containsEntry("version", "0.5.0")
                .containsEntry("release", "1.fc33")
                .containsEntry("volume_name", "DEFAULT");
        assertThat(first).containsKey("epoch"); // nil is a present null, not a missing member
        assertThat((Map<String, Object>) ((Map<String, Object>) first.get("extra")).get("source"))
                .containsEntry("original_url",
                        "git+https://src.fedoraproject.org/rpms/python-requre.git#c9c8271bcc6fd4afe7fd4751a29dd62048a3f0f6");
        assertThat(builds).extracting(b -> b.get("package_name")).containsOnly("python-requre");
        assertThat(builds.get(29)).containsEntry("nvr", "python-requre-0.8.1-3.fc35").containsEntry("owner_name", "releng");
    }

    @Test
    void everyXmlRpcTypeDecodes() {
        String body = """
                <?xml version="1.0"?>
                <methodResponse><params><param><value><array><data>
                  <value><i4>-12</i4></value>
                  <value><int> +7 </int></value>
                  <value><i8>9007199254740993</i8></value>
                  <value><ex:i8>5</ex:i8></value>
                  <value><boolean>1</boolean></value>
                  <value><boolean>0</boolean></value>
                  <value><double>-0.5</double></value>
                  <value><double>1611242116.333118</double></value>
                  <value><string>  kept  </string></value>
                  <value>  untyped is a string  </value>
                  <value></value>
                  <value><string/></value>
                  <value><string><![CDATA[<raw & text>]]></string></value>
                  <value><string>&lt;&amp;&gt;&#x263A;</string></value>
                  <value><nil/></value>
                  <value><ex:nil/></value>
                  <value><dateTime.iso8601>19980717T14:08:55</dateTime.iso8601></value>
                  <value><base64>aGVsbG8g
                  d29ybGQ=</base64></value>
                  <value><struct></struct></value>
                  <value><array><data></data></array></value>
                </data></array></value></param></params></methodResponse>
                """;
        List<Object> expected = new ArrayList<>(Arrays.asList(-12L, 7L, 9007199254740993L, 5L, true, false, -0.5,
                1611242116.333118, "  kept  ", "  untyped is a string  ", "", "", "<raw & text>", "<&>\u263A", null, null,
                LocalDateTime.of(1998, 7, 17, 14, 8, 55)));
        @SuppressWarnings("unchecked")
        List<Object> decoded = (List<Object>) XmlRpc.decodeResponse("koji", body);
        assertThat(decoded.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(new String((byte[]) decoded.get(17), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(decoded.get(18)).isEqualTo(Map.of());
        assertThat(decoded.get(19)).isEqualTo(List.of());
    }

    @Test
    void aFaultIsAnUpstreamFaultWithItsString() {
        // Koji's hub answers faults with HTTP 200, e.g. for a call with bad arguments
        String body = """
                <?xml version='1.0'?>
                <methodResponse>
                <fault>
                <value><struct>
                <member>
                <name>faultCode</name>
                <value><int>1000</int></value>
                </member>
                <member>
                <name>faultString</name>
                <value><string>No such entry in table tag: f99-updates</string></value>
                </member>
                </struct></value>
                </fault>
                </methodResponse>
                """;
        UpstreamException e = catchThrowableOfType(UpstreamException.class, () -> XmlRpc.decodeResponse("koji", body));
        assertThat(e.kind()).isEqualTo(UpstreamException.Kind.FAULT);
        assertThat(e.kind().id()).isEqualTo("fault");
        assertThat(e.upstream()).isEqualTo("koji");
        assertThat(e.getMessage()).contains("No such entry in table tag: f99-updates").contains("1000");
        assertThat(e).isNotInstanceOf(UpstreamException.Retryable.class); // asking again will not help

        UpstreamException ours = catchThrowableOfType(UpstreamException.class,
                () -> XmlRpc.decodeResponse("koji", XmlRpc.faultResponse(1014, "database outage")));
        assertThat(ours.kind()).isEqualTo(UpstreamException.Kind.FAULT);
        assertThat(ours.getMessage()).contains("database outage");
    }

    @Test
    void externalEntitiesAndDoctypesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE methodResponse [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <methodResponse><params><param><value><string>&xxe;</string></value></param></params></methodResponse>
                """;
        UpstreamException e = catchThrowableOfType(UpstreamException.class, () -> XmlRpc.decodeResponse("koji", xxe));
        assertThat(e.kind()).isEqualTo(UpstreamException.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:");

        String parameterEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>
                <methodResponse/>
                """;
        assertThat(catchThrowableOfType(UpstreamException.class, () -> XmlRpc.decodeResponse("koji", parameterEntity)).kind())
                .isEqualTo(UpstreamException.Kind.MALFORMED);

        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <methodResponse><params><param><value><string>&lol2;</string></value></param></params></methodResponse>
                """;
        assertThat(catchThrowableOfType(UpstreamException.class, () -> XmlRpc.decodeResponse("koji", laughs)).kind())
                .isEqualTo(UpstreamException.Kind.MALFORMED);

        String xinclude = """
                <methodResponse xmlns:xi="http://www.w3.org/2001/XInclude"><params><param><value>
                <xi:include href="file:///etc/passwd" parse="text"/></value></param></params></methodResponse>
                """;
        UpstreamException x = catchThrowableOfType(UpstreamException.class, () -> XmlRpc.decodeResponse("koji", xinclude));
        assertThat(x.kind()).isEqualTo(UpstreamException.Kind.MALFORMED);
        assertThat(x.getMessage()).doesNotContain("root:");
    }

    @Test
    void bodiesThatAreNotXmlRpcResponsesAreMalformed() {
        for (String body : List.of("", "   ", "{}", "not xml at all", "<html><body>Proxy error</body></html>",
                "<methodResponse>", "<methodResponse></methodResponse>", "<methodResponse><params/></methodResponse>",
                "<methodResponse><params><param><value><int>x</int></value></param></params></methodResponse>",
                "<methodResponse><params><param><value><bool>1</bool></value></param></params></methodResponse>",
                "<methodResponse><params><param><value><boolean>2</boolean></value></param></params></methodResponse>",
                "<methodResponse><params><param><value>x<int>1</int></value></param></params></methodResponse>",
                "<methodResponse><params><param><value><struct><member><name>a</name></member></struct></value></param></params></methodResponse>",
                "<methodResponse><params><param><value><array><value/></array></value></param></params></methodResponse>",
                "<methodResponse><params><param><value><dateTime.iso8601>yesterday</dateTime.iso8601></value></param></params></methodResponse>",
                "<methodCall><methodName>x</methodName></methodCall>")) {
            UpstreamException e = catchThrowableOfType(UpstreamException.class, () -> XmlRpc.decodeResponse("koji", body));
            assertThat(e).as("body %s", body).isNotNull();
            assertThat(e.kind()).as("body %s", body).isEqualTo(UpstreamException.Kind.MALFORMED);
        }
    }

    @Test
    void aMulticallIsOneCallCarryingEachCallAsAStruct() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("package", "curl");
        kwargs.put("latest", true);
        String call = XmlRpc.multicall(List.of(
                new XmlRpc.Call("listTagged", List.of("f43-updates", XmlRpc.kwargs(kwargs))),
                new XmlRpc.Call("getPackageID", List.of("curl"))));

        assertThat(call).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall><methodName>system.multicall</methodName>"
                + "<params><param><value><array><data>"
                + "<value><struct><member><name>methodName</name><value><string>listTagged</string></value></member>"
                + "<member><name>params</name><value><array><data><value><string>f43-updates</string></value>"
                + "<value><struct><member><name>package</name><value><string>curl</string></value></member>"
                + "<member><name>latest</name><value><boolean>1</boolean></value></member>"
                + "<member><name>__starstar</name><value><boolean>1</boolean></value></member></struct></value>"
                + "</data></array></value></member></struct></value>"
                + "<value><struct><member><name>methodName</name><value><string>getPackageID</string></value></member>"
                + "<member><name>params</name><value><array><data><value><string>curl</string></value></data></array></value>"
                + "</member></struct></value>"
                + "</data></array></value></param></params></methodCall>\n");
        assertThat(XmlRpc.decodeCall(call).getValue()).hasSize(1);
    }

    @Test
    void aMulticallAnswerIsAResultOrAFaultPerCallInOrder() {
        // as Koji's hub writes one (members one a line here): a one-element array per result, a fault
        // struct (with Koji's extra traceback member) for a call that failed
        String body = """
                <?xml version='1.0'?>
                <methodResponse><params><param><value><array><data>
                <value><array><data><value><array><data></data></array></value></data></array></value>
                <value><struct>
                <member><name>faultCode</name><value><int>1000</int></value></member>
                <member><name>faultString</name><value><string>No such tagInfo: 'f99'</string></value></member>
                <member><name>traceback</name><value><string>Traceback (most recent call last): ...</string></value></member>
                </struct></value>
                <value><array><data><value><nil/></value></data></array></value>
                </data></array></value></param></params></methodResponse>
                """;
        List<XmlRpc.Result> results = XmlRpc.decodeMulticall("koji", body, 3);

        assertThat(results).containsExactly(XmlRpc.Result.ok(List.of()),
                XmlRpc.Result.failed(new XmlRpc.Fault(1000L, "No such tagInfo: 'f99'")), XmlRpc.Result.ok(null));
        UpstreamException e = results.get(1).fault().toException("koji", "listTagged(f99)");
        assertThat(e.kind()).isEqualTo(UpstreamException.Kind.FAULT);
        assertThat(e.getMessage()).isEqualTo("koji: listTagged(f99): No such tagInfo: 'f99' (faultCode 1000)");
    }

    @Test
    void aMulticallAnswerThatDoesNotMatchItsCallsIsMalformed() {
        Map<String, Object> fault = XmlRpc.faultStruct(1, "x");
        for (Object answer : Arrays.asList(
                List.of(List.of("a")), // one result for two calls
                List.of(List.of("a"), List.of("b"), List.of("c")),
                List.of(List.of("a"), "b"), // neither [result] nor a fault
                List.of(List.of("a"), List.of("b", "c")),
                List.of(List.of("a"), List.of()),
                List.of(List.of("a"), Map.of("faultString", "no code")),
                Map.of("a", "b"),
                null)) {
            UpstreamException e = catchThrowableOfType(UpstreamException.class,
                    () -> XmlRpc.decodeMulticall("koji", XmlRpc.methodResponse(answer), 2));
            assertThat(e).as("answer %s", answer).isNotNull();
            assertThat(e.kind()).as("answer %s", answer).isEqualTo(UpstreamException.Kind.MALFORMED);
        }
        assertThat(XmlRpc.decodeMulticall("koji", XmlRpc.methodResponse(List.of(fault, List.of("b"))), 2)).hasSize(2);
        // the whole request faulting is a fault, as for a single call
        assertThat(catchThrowableOfType(UpstreamException.class,
                () -> XmlRpc.decodeMulticall("koji", XmlRpc.faultResponse(1, "multicall failed"), 2)).kind())
                .isEqualTo(UpstreamException.Kind.FAULT);
    }
}
