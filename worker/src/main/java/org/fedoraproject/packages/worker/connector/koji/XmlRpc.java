package org.fedoraproject.packages.worker.connector.koji;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.fedoraproject.packages.worker.connector.UpstreamException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML-RPC as Koji's hub speaks it (https://xmlrpc.com/spec.md plus the {@code <nil/>} and
 * {@code <i8>} extensions Koji uses).
 *
 * <p>Java values map as follows. Encoding: {@link String} → {@code string}, {@link Integer}/{@link Long}
 * → {@code int} ({@code i8} beyond 32 bits, as Koji's marshaller does), {@link Boolean} → {@code boolean},
 * {@link Double}/{@link Float} → {@code double}, {@code null} → {@code nil}, {@link Collection} →
 * {@code array}, {@link Map} (string keys) → {@code struct}, {@code byte[]} → {@code base64},
 * {@link LocalDateTime} → {@code dateTime.iso8601}; {@link Kwargs} → a struct with {@code __starstar}
 * = true, which Koji's hub turns into keyword arguments. Decoding: every integer type → {@link Long},
 * {@code double} → {@link Double}, {@code boolean} → {@link Boolean}, {@code string} and untyped values
 * → {@link String}, {@code nil} → {@code null}, {@code array} → {@link List}, {@code struct} →
 * {@link Map} (member order kept), {@code base64} → {@code byte[]}, {@code dateTime.iso8601} →
 * {@link LocalDateTime} (XML-RPC dates carry no zone).
 *
 * <p>{@code system.multicall} (the standard XML-RPC extension Koji's hub serves): one methodCall whose
 * single parameter is an array of {@code {methodName, params}} structs; the answer is an array with, per
 * call and in call order, a one-element array holding its result or a {@code {faultCode, faultString}}
 * struct. See {@link #multicall} and {@link #decodeMulticall}.
 *
 * <p>Responses are parsed with DOCTYPEs refused and external entities off, so a hostile or broken
 * upstream cannot make the worker read files or expand entities. A {@code <fault>} becomes an
 * {@link UpstreamException} of kind {@code FAULT}; anything that is not an XML-RPC response becomes
 * {@code MALFORMED}.
 */
public final class XmlRpc {
    /** Keyword arguments of a Koji call: encoded as a trailing struct with {@code __starstar} = true. */
    public record Kwargs(Map<String, ?> values) {
        public Kwargs {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** One call inside a {@code system.multicall}. */
    public record Call(String method, List<?> params) {
        public Call {
            params = Collections.unmodifiableList(new ArrayList<>(params)); // nil parameters allowed
        }
    }

    /** A fault answered for one call of a multicall (or for a whole call). */
    public record Fault(Object code, String message) {
        /** As a failure of the fetch: kind {@code FAULT}, never retried (asking again gets the same answer). */
        public UpstreamException toException(String upstream, String call) {
            return UpstreamException.of(UpstreamException.Kind.FAULT, upstream,
                    (call == null ? "" : call + ": ") + message + (code == null ? "" : " (faultCode " + code + ")"), null);
        }
    }

    /** One element of a multicall answer: the call's result, or its fault. */
    public record Result(Object value, Fault fault) {
        public static Result ok(Object value) {
            return new Result(value, null);
        }

        public static Result failed(Fault fault) {
            return new Result(null, fault);
        }

        public boolean isFault() {
            return fault != null;
        }
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");
    private static final DocumentBuilderFactory FACTORY = secureFactory();
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a body unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlRpc() {
    }

    public static Kwargs kwargs(Map<String, ?> values) {
        return new Kwargs(values);
    }

    // ---------------------------------------------------------------- encoding

    /** A complete {@code <methodCall>} document. */
    public static String methodCall(String method, List<?> params) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<methodCall><methodName>");
        escape(method, out);
        out.append("</methodName><params>");
        for (Object p : params) {
            out.append("<param>");
            value(p, out);
            out.append("</param>");
        }
        out.append("</params></methodCall>\n");
        return out.toString();
    }

    /** A {@code system.multicall} {@code <methodCall>} carrying {@code calls}, answered in the same order. */
    public static String multicall(List<Call> calls) {
        List<Map<String, Object>> structs = new ArrayList<>(calls.size());
        for (Call c : calls) {
            Map<String, Object> struct = new LinkedHashMap<>();
            struct.put("methodName", c.method());
            struct.put("params", c.params());
            structs.add(struct);
        }
        return methodCall("system.multicall", List.of(structs));
    }

    /** One {@code <value>} element (what stubs splice into multicall answers). */
    public static String value(Object v) {
        StringBuilder out = new StringBuilder(256);
        value(v, out);
        return out.toString();
    }

    /** The {@code {faultCode, faultString}} struct of a fault, as a whole answer or a multicall element carries it. */
    public static Map<String, Object> faultStruct(int code, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", message);
        return fault;
    }

    /** A {@code <methodResponse>} carrying one value (what a hub answers; used by tests and stubs). */
    public static String methodResponse(Object result) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n");
        value(result, out);
        out.append("\n</param>\n</params>\n</methodResponse>\n");
        return out.toString();
    }

    /** A {@code <methodResponse>} carrying a fault. */
    public static String faultResponse(int code, String message) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version='1.0'?>\n<methodResponse>\n<fault>\n");
        value(faultStruct(code, message), out);
        out.append("\n</fault>\n</methodResponse>\n");
        return out.toString();
    }

    private static void value(Object v, StringBuilder out) {
        out.append("<value>");
        typed(v, out);
        out.append("</value>");
    }

    private static void typed(Object v, StringBuilder out) {
        if (v == null) {
            out.append("<nil/>");
        } else if (v instanceof String s) {
            out.append("<string>");
            escape(s, out);
            out.append("</string>");
        } else if (v instanceof Boolean b) {
            out.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            out.append("<int>").append(((Number) v).intValue()).append("</int>");
        } else if (v instanceof Long l) {
            boolean fits = l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
            out.append(fits ? "<int>" : "<i8>").append(l).append(fits ? "</int>" : "</i8>");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("XML-RPC has no " + d);
            }
            out.append("<double>").append(d).append("</double>");
        } else if (v instanceof byte[] bytes) {
            out.append("<base64>").append(Base64.getEncoder().encodeToString(bytes)).append("</base64>");
        } else if (v instanceof LocalDateTime t) {
            out.append("<dateTime.iso8601>").append(DATE_TIME.format(t)).append("</dateTime.iso8601>");
        } else if (v instanceof Instant t) {
            typed(LocalDateTime.ofInstant(t, ZoneOffset.UTC), out);
        } else if (v instanceof Kwargs k) {
            Map<String, Object> struct = new LinkedHashMap<>(k.values());
            struct.put("__starstar", Boolean.TRUE);
            struct(struct, out);
        } else if (v instanceof Map<?, ?> m) {
            struct(m, out);
        } else if (v instanceof Collection<?> c) {
            out.append("<array><data>");
            for (Object item : c) {
                value(item, out);
            }
            out.append("</data></array>");
        } else if (v instanceof Object[] a) {
            typed(Arrays.asList(a), out);
        } else {
            throw new IllegalArgumentException("no XML-RPC encoding for " + v.getClass().getName());
        }
    }

    private static void struct(Map<?, ?> m, StringBuilder out) {
        out.append("<struct>");
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new IllegalArgumentException("XML-RPC struct member names are strings, not " + e.getKey());
            }
            out.append("<member><name>");
            escape(name, out);
            out.append("</name>");
            value(e.getValue(), out);
            out.append("</member>");
        }
        out.append("</struct>");
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("character U+%04X cannot be sent in XML 1.0".formatted((int) c));
                    }
                    out.append(c);
                }
            }
        }
    }

    // ---------------------------------------------------------------- decoding

    /**
     * The value of a {@code <methodResponse>}.
     *
     * @throws UpstreamException kind {@code FAULT} for an XML-RPC fault, {@code MALFORMED} for anything
     *                           that is not a well-formed XML-RPC response
     */
    public static Object decodeResponse(String upstream, String body) {
        if (body == null || body.isBlank()) {
            throw malformed(upstream, "empty body", null);
        }
        Element root = parse(upstream, body).getDocumentElement();
        try {
            if (!"methodResponse".equals(root.getTagName())) {
                throw new IllegalArgumentException("root element is <" + root.getTagName() + ">, not <methodResponse>");
            }
            Element first = onlyChild(root);
            if ("fault".equals(first.getTagName())) {
                Object fault = decodeValue(onlyChild(first, "value"));
                throw (fault instanceof Map<?, ?> m ? faultOf(m) : new Fault(null, "XML-RPC fault")).toException(upstream, null);
            }
            if (!"params".equals(first.getTagName())) {
                throw new IllegalArgumentException("<methodResponse> holds <" + first.getTagName() + ">");
            }
            Element param = onlyChild(first, "param");
            return decodeValue(onlyChild(param, "value"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw malformed(upstream, "not an XML-RPC response: " + e.getMessage(), e);
        }
    }

    /**
     * The elements of a {@code system.multicall} answer, one per call in call order.
     *
     * @param calls how many calls the request carried: an answer with another count cannot be matched
     *              to its calls and is {@code MALFORMED}
     * @throws UpstreamException {@code FAULT} when the whole request faulted (a fault of one call is a
     *                           {@link Result} instead), {@code MALFORMED} for any other shape
     */
    public static List<Result> decodeMulticall(String upstream, String body, int calls) {
        Object answer = decodeResponse(upstream, body);
        if (!(answer instanceof List<?> elements)) {
            throw malformed(upstream, "system.multicall answered " + typeOf(answer) + ", not an array", null);
        }
        if (elements.size() != calls) {
            throw malformed(upstream, "system.multicall answered " + elements.size() + " results for " + calls + " calls", null);
        }
        List<Result> out = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            Object e = elements.get(i);
            if (e instanceof List<?> one && one.size() == 1) {
                out.add(Result.ok(one.get(0)));
            } else if (e instanceof Map<?, ?> m && m.containsKey("faultCode")) {
                out.add(Result.failed(faultOf(m)));
            } else {
                throw malformed(upstream, "system.multicall result " + (i + 1) + " is " + typeOf(e)
                        + ", neither a one-element array nor a fault", null);
            }
        }
        return out;
    }

    private static Fault faultOf(Map<?, ?> m) {
        Object code = m.get("faultCode");
        Object text = m.get("faultString");
        return new Fault(code, String.valueOf(text));
    }

    private static String typeOf(Object v) {
        if (v instanceof List<?> l) {
            return "an array of " + l.size();
        }
        return v == null ? "nil" : v.getClass().getSimpleName();
    }

    /** The method name and parameters of a {@code <methodCall>} (what tests check stubs received with). */
    public static Map.Entry<String, List<Object>> decodeCall(String body) {
        Element root = parse("xml-rpc", body).getDocumentElement();
        if (!"methodCall".equals(root.getTagName())) {
            throw new IllegalArgumentException("root element is <" + root.getTagName() + ">, not <methodCall>");
        }
        String method = null;
        List<Object> params = new ArrayList<>();
        for (Element child : children(root)) {
            switch (child.getTagName()) {
                case "methodName" -> method = child.getTextContent();
                case "params" -> {
                    for (Element param : children(child)) {
                        params.add(decodeValue(onlyChild(param, "value")));
                    }
                }
                default -> throw new IllegalArgumentException("unexpected <" + child.getTagName() + "> in <methodCall>");
            }
        }
        if (method == null) {
            throw new IllegalArgumentException("<methodCall> without <methodName>");
        }
        return Map.entry(method, params);
    }

    private static Object decodeValue(Element value) {
        if (!"value".equals(value.getTagName())) {
            throw new IllegalArgumentException("expected <value>, found <" + value.getTagName() + ">");
        }
        List<Element> typed = children(value, true);
        if (typed.isEmpty()) {
            return value.getTextContent(); // no type element: a string, whitespace kept
        }
        children(value, false); // a typed value has nothing but whitespace around its type element
        if (typed.size() > 1) {
            throw new IllegalArgumentException("<value> with " + typed.size() + " elements");
        }
        Element t = typed.get(0);
        String type = localName(t);
        String text = t.getTextContent();
        switch (type) {
            case "string":
                return text;
            case "int", "i4", "i8", "i2", "i1", "biginteger":
                try {
                    return Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad <" + type + ">: " + text);
                }
            case "boolean":
                return switch (text.trim()) {
                    case "1", "true" -> Boolean.TRUE;
                    case "0", "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("bad <boolean>: " + text);
                };
            case "double", "float":
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad <double>: " + text);
                }
            case "nil":
                return null;
            case "dateTime.iso8601":
                return parseDateTime(text.trim());
            case "base64":
                try {
                    return Base64.getMimeDecoder().decode(text.trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad <base64>: " + e.getMessage());
                }
            case "array":
                Element data = onlyChild(t, "data");
                List<Object> items = new ArrayList<>();
                for (Element item : children(data)) {
                    items.add(decodeValue(item));
                }
                return items;
            case "struct":
                Map<String, Object> members = new LinkedHashMap<>();
                for (Element member : children(t)) {
                    if (!"member".equals(member.getTagName())) {
                        throw new IllegalArgumentException("<struct> holds <" + member.getTagName() + ">");
                    }
                    String name = null;
                    Element memberValue = null;
                    for (Element part : children(member)) {
                        switch (part.getTagName()) {
                            case "name" -> name = part.getTextContent();
                            case "value" -> memberValue = part;
                            default -> throw new IllegalArgumentException("<member> holds <" + part.getTagName() + ">");
                        }
                    }
                    if (name == null || memberValue == null) {
                        throw new IllegalArgumentException("<member> without <name> or <value>");
                    }
                    members.put(name, decodeValue(memberValue));
                }
                return members;
            default:
                throw new IllegalArgumentException("unknown XML-RPC type <" + t.getTagName() + ">");
        }
    }

    private static LocalDateTime parseDateTime(String text) {
        // The spec's form is 19980717T14:08:55; some servers send ISO-8601 with dashes.
        String compact = text.length() >= 10 && text.charAt(4) == '-' ? text.replace("-", "") : text;
        int cut = compact.indexOf('.');
        if (cut < 0) {
            cut = compact.indexOf('Z');
        }
        return LocalDateTime.parse(cut < 0 ? compact : compact.substring(0, cut), DATE_TIME);
    }

    private static UpstreamException malformed(String upstream, String message, Throwable cause) {
        return UpstreamException.of(UpstreamException.Kind.MALFORMED, upstream, message, cause);
    }

    private static Document parse(String upstream, String body) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(QUIET);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder.parse(new InputSource(new StringReader(body)));
        } catch (SAXException e) {
            throw malformed(upstream, "body is not XML-RPC: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw malformed(upstream, "body cannot be read as XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe for untrusted input", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setCoalescing(true);
        return f;
    }

    private static List<Element> children(Element parent) {
        return children(parent, false);
    }

    private static List<Element> children(Element parent, boolean textAllowed) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> out.add((Element) n);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (!textAllowed && !n.getNodeValue().isBlank()) {
                        throw new IllegalArgumentException("text where elements belong, in <" + parent.getTagName() + ">");
                    }
                }
                case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> {
                    // ignorable
                }
                default -> throw new IllegalArgumentException("unexpected node in <" + parent.getTagName() + ">");
            }
        }
        return out;
    }

    private static Element onlyChild(Element parent) {
        List<Element> c = children(parent);
        if (c.size() != 1) {
            throw new IllegalArgumentException("<" + parent.getTagName() + "> holds " + c.size() + " elements, not 1");
        }
        return c.get(0);
    }

    private static Element onlyChild(Element parent, String name) {
        Element c = onlyChild(parent);
        if (!name.equals(c.getTagName())) {
            throw new IllegalArgumentException("<" + parent.getTagName() + "> holds <" + c.getTagName() + ">, not <" + name + ">");
        }
        return c;
    }

    /** Type names without a namespace prefix: some servers send {@code <ex:nil/>} or {@code <ex:i8>}. */
    private static String localName(Element e) {
        String name = e.getTagName();
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }
}
