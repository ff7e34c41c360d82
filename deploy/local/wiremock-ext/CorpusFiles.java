package org.fedoraproject.packages.localwiremock;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.File;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * WireMock extension "corpus-file" (deploy/local/distro/upstreams.mjs writes the files it serves): the
 * body file of a stub named after the request's path segments, or the stub's "not found" answer when
 * that file does not exist. WireMock itself answers 500 (FileNotFoundException) for a templated
 * bodyFileName that names a missing file, and listing 60,000 names in path patterns costs memory and
 * matching time; this is one File.isFile per request.
 *
 * Loaded with --extensions org.fedoraproject.packages.localwiremock.CorpusFiles (WireMock's command line
 * takes Extension classes with a no-argument constructor, not an ExtensionFactory).
 *
 * Transformer parameters:
 *   file      body file under __files, "{N}" = the request's path segment N (from 0, percent-decoded)
 *   aliases   optional {"segment value": "replacement"} applied to every segment (requires -> whatrequires)
 *   known     optional: when file is missing but this one exists, answer with fallbackFile (status 200)
 *   fallbackFile
 *   notFound  {"status": 404, "bodyFileName": "...", "contentType": "...", "headers": {optional}}
 */
public final class CorpusFiles implements ResponseDefinitionTransformerV2 {
        /** WireMock's __files directory: -Dfp.wiremock.files (start.sh sets it), else ./__files */
        private final File root = new File(System.getProperty("fp.wiremock.files", "__files"));

        @Override
        public String getName() {
            return "corpus-file";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            ResponseDefinition def = event.getResponseDefinition();
            Parameters p = event.getTransformerParameters();
            String url = event.getRequest().getUrl();
            int q = url.indexOf('?');
            String path = q < 0 ? url : url.substring(0, q);
            String[] raw = path.replaceFirst("^/", "").split("/", -1);
            @SuppressWarnings("unchecked")
            Map<String, Object> aliases = p.containsKey("aliases") ? (Map<String, Object>) p.get("aliases") : Map.of();
            String[] seg = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                String s = URLDecoder.decode(raw[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                if (s.isEmpty() || s.startsWith(".") || s.contains("/") || s.contains("\\") || s.indexOf('\0') >= 0) {
                    return notFound(def, p);
                }
                Object a = aliases.get(s);
                seg[i] = a == null ? s : a.toString();
            }
            String file = fill(p.getString("file"), seg);
            if (file != null && new File(root, file).isFile()) {
                return withBody(def, file);
            }
            String known = p.containsKey("known") ? fill(p.getString("known"), seg) : null;
            if (known != null && new File(root, known).isFile()) {
                return withBody(def, p.getString("fallbackFile"));
            }
            return notFound(def, p);
        }

        private static String fill(String template, String[] seg) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < template.length(); i++) {
                char c = template.charAt(i);
                int end = template.indexOf('}', i);
                if (c == '{' && end > i) {
                    int n = Integer.parseInt(template.substring(i + 1, end));
                    if (n >= seg.length) return null;
                    out.append(seg[n]);
                    i = end;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static ResponseDefinition withBody(ResponseDefinition def, String file) {
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(def).withBodyFile(file).build();
        }

        @SuppressWarnings("unchecked")
        private static ResponseDefinition notFound(ResponseDefinition def, Parameters p) {
            Map<String, Object> nf = (Map<String, Object>) p.get("notFound");
            var b = com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(((Number) nf.get("status")).intValue())
                    .withHeader("Content-Type", nf.get("contentType").toString())
                    .withBodyFile(nf.get("bodyFileName").toString());
            if (nf.get("headers") instanceof Map<?, ?> extra) {
                extra.forEach((k, v) -> b.withHeader(k.toString(), v.toString()));
            }
            return b.build();
        }
    }
