package org.fedoraproject.packages.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Builds bus messages in the shapes Fedora's services send (after the recordings in
 * ../shared/fixtures/real/messages, written anew with made-up values), and says which of a package's
 * documents each one asks for. That second half mirrors the worker's routing table
 * (worker/.../bus/TopicRouter.java) on purpose: the benchmark checks the worker from outside, so it
 * states the expectation itself instead of asking the code under test.
 */
final class Mix {
    /** One message to publish: its topic, headers (sent-at is added when it is sent), body and expectation. */
    record Planned(String topic, Map<String, Object> headers, byte[] body, String pkg, List<String> connectors) {
    }

    private enum Kind {
        BUILD_STATE("org.fedoraproject.prod.buildsys.build.state.change", 30),
        TAG("org.fedoraproject.prod.buildsys.tag", 18),
        UNTAG("org.fedoraproject.prod.buildsys.untag", 2),
        BODHI_STATUS_TESTING("org.fedoraproject.prod.bodhi.update.status.testing.koji-build-group.build.complete", 7),
        BODHI_REQUEST_TESTING("org.fedoraproject.prod.bodhi.update.request.testing", 5),
        BODHI_REQUEST_STABLE("org.fedoraproject.prod.bodhi.update.request.stable", 3),
        BODHI_COMMENT("org.fedoraproject.prod.bodhi.update.comment", 3),
        BUGZILLA("org.fedoraproject.prod.bugzilla.bug.update", 9),
        GIT_RECEIVE("org.fedoraproject.prod.git.receive", 3),
        PAGURE_GIT_RECEIVE("org.fedoraproject.prod.pagure.git.receive", 5),
        KOSCHEI("org.fedoraproject.prod.koschei.package.state.change", 8),
        ANITYA("org.release-monitoring.prod.anitya.project.version.update.v2", 7);

        final String topic;
        final int weight;

        Kind(String topic, int weight) {
            this.topic = topic;
            this.weight = weight;
        }
    }

    private static final String[] USERS = {"adamwill", "churchyard", "ngompa", "pbrobinson", "releng", "salimma", "zbyszek"};
    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final int totalWeight;

    Mix(long seed) {
        this.random = new Random(seed);
        int w = 0;
        for (Kind k : Kind.values()) {
            w += k.weight;
        }
        this.totalWeight = w;
    }

    /** The weights as "topic suffix: %" lines, for the report. */
    static String describe() {
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (Kind k : Kind.values()) {
            total += k.weight;
        }
        for (Kind k : Kind.values()) {
            String t = k.topic.substring(k.topic.indexOf(".prod.") + 6);
            sb.append(String.format(Locale.ROOT, "    %-62s %3d%%%n", t, Math.round(100.0 * k.weight / total)));
        }
        return sb.toString();
    }

    /** A message of the realistic mix, about one of the packages. */
    Planned next(List<String> packages) {
        String pkg = packages.get(random.nextInt(packages.size()));
        int r = random.nextInt(totalWeight);
        for (Kind k : Kind.values()) {
            r -= k.weight;
            if (r < 0) {
                return build(k, pkg);
            }
        }
        throw new IllegalStateException("weights");
    }

    /** The koschei state change of a package (the slow-upstream run's slow entries come from these). */
    static boolean isKoschei(String connector) {
        return "ci".equals(connector);
    }

    /** A Koji build state change; {@code complete} = new state 1 (COMPLETE), else BUILDING, FAILED or CANCELED. */
    Planned buildState(String pkg, boolean complete) {
        return buildStateMessage(pkg, complete ? 1 : new int[] {0, 0, 3, 4}[random.nextInt(4)]);
    }

    /** A Koji tag event (asks for versions only). */
    Planned tag(String pkg) {
        return tagging(Kind.TAG, pkg);
    }

    private Planned build(Kind k, String pkg) {
        return switch (k) {
            case BUILD_STATE -> buildStateMessage(pkg, random.nextInt(10) < 4 ? 1 : new int[] {0, 0, 3, 4}[random.nextInt(4)]);
            case TAG, UNTAG -> tagging(k, pkg);
            case BODHI_STATUS_TESTING -> bodhiCiStatus(pkg);
            case BODHI_REQUEST_TESTING, BODHI_REQUEST_STABLE, BODHI_COMMENT -> bodhiUpdate(k, pkg);
            case BUGZILLA -> bugzilla(pkg);
            case GIT_RECEIVE -> gitReceive(pkg);
            case PAGURE_GIT_RECEIVE -> pagureGitReceive(pkg);
            case KOSCHEI -> koschei(pkg);
            case ANITYA -> anitya(pkg);
        };
    }

    // --- Koji ---------------------------------------------------------------------------------

    private Planned buildStateMessage(String pkg, int state) {
        ObjectNode b = json.createObjectNode();
        b.put("build_id", 2_800_000 + random.nextInt(100_000));
        if (state == 0) {
            b.putNull("old"); // a build that has just been created had no state before
        } else {
            b.put("old", 0);
        }
        b.put("name", pkg);
        b.put("task_id", 140_000_000 + random.nextInt(1_000_000));
        b.put("attribute", "state");
        ArrayNode request = b.putArray("request");
        request.add("git+https://src.fedoraproject.org/rpms/" + pkg + ".git#" + sha());
        request.add("rawhide");
        request.addObject();
        b.put("instance", "primary");
        b.putNull("epoch");
        b.put("version", version());
        b.put("owner", user());
        b.put("new", state);
        b.put("release", (1 + random.nextInt(5)) + ".fc44");
        List<String> connectors = state == 1 ? List.of("builds", "versions") : List.of("builds");
        return planned(Kind.BUILD_STATE.topic, "koji_fedoramessaging.build.BuildStateChangeV1", pkg, b, connectors);
    }

    private Planned tagging(Kind k, String pkg) {
        ObjectNode b = json.createObjectNode();
        b.put("build_id", 2_800_000 + random.nextInt(100_000));
        b.put("name", pkg);
        b.put("tag_id", 60_000 + random.nextInt(2_000));
        b.put("instance", "primary");
        b.put("tag", k == Kind.TAG ? "f44-updates-candidate" : "f44-updates-testing-pending");
        b.put("user", "bodhi");
        b.put("version", version());
        b.put("owner", user());
        b.put("release", (1 + random.nextInt(5)) + ".fc44");
        String schema = k == Kind.TAG ? "koji_fedoramessaging.tag.TagV1" : "koji_fedoramessaging.untag.UntagV1";
        return planned(k.topic, schema, pkg, b, List.of("versions"));
    }

    // --- Bodhi --------------------------------------------------------------------------------

    private ObjectNode release(ObjectNode parent) {
        return strings(parent.putObject("release"), "branch", "f44", "candidate_tag", "f44-updates-candidate",
                "dist_tag", "f44", "id_prefix", "FEDORA", "long_name", "Fedora 44", "name", "F44",
                "stable_tag", "f44-updates", "testing_tag", "f44-updates-testing", "state", "current", "version", "44");
    }

    private ObjectNode update(String nvr, String status, String request) {
        ObjectNode u = json.createObjectNode();
        u.put("alias", alias());
        u.put("autokarma", true);
        ArrayNode builds = u.putArray("builds");
        ObjectNode build = builds.addObject();
        build.put("epoch", 0);
        build.put("nvr", nvr);
        build.put("release_id", 80);
        build.put("signed", true);
        build.put("type", "rpm");
        u.put("content_type", "rpm");
        u.put("critpath", random.nextBoolean());
        u.put("karma", random.nextInt(3));
        u.put("notes", "Update to the latest upstream release.");
        release(u);
        if (request == null) {
            u.putNull("request");
        } else {
            u.put("request", request);
        }
        u.put("severity", "unspecified");
        u.put("status", status);
        u.put("title", nvr);
        u.put("type", "bugfix");
        u.putObject("user").put("name", user());
        return u;
    }

    private Planned bodhiUpdate(Kind k, String pkg) {
        String nvr = nvr(pkg);
        ObjectNode b = json.createObjectNode();
        String schema;
        if (k == Kind.BODHI_COMMENT) {
            ObjectNode c = b.putObject("comment");
            c.put("author", user());
            c.put("karma", 1);
            c.put("text", "Works for me.");
            c.put("timestamp", "2026-11-25 12:00:00");
            c.set("update", update(nvr, "testing", null));
            schema = "bodhi.messages.schemas.update.UpdateCommentV1";
        } else if (k == Kind.BODHI_REQUEST_STABLE) {
            b.set("update", update(nvr, "testing", "stable"));
            schema = "bodhi.messages.schemas.update.UpdateRequestStableV1";
        } else {
            b.set("update", update(nvr, "pending", "testing"));
            schema = "bodhi.messages.schemas.update.UpdateRequestTestingV1";
        }
        b.put("agent", user());
        Planned p = planned(k.topic, schema, pkg, b, List.of("updates", "versions"));
        p.headers().put("fedora_messaging_user_" + b.get("agent").asText(), true);
        return p;
    }

    /** Fedora CI's "koji-build-group build complete" status message: the builds are in the artifact. */
    private Planned bodhiCiStatus(String pkg) {
        String nvr = nvr(pkg);
        ObjectNode b = json.createObjectNode();
        b.put("re-trigger", false);
        ObjectNode artifact = b.putObject("artifact");
        artifact.put("release", "f44");
        artifact.put("type", "koji-build-group");
        ObjectNode build = artifact.putArray("builds").addObject();
        build.put("component", pkg);
        build.put("id", 2_800_000 + random.nextInt(100_000));
        build.put("issuer", user());
        build.put("nvr", nvr);
        build.put("scratch", false);
        build.put("task_id", 140_000_000 + random.nextInt(1_000_000));
        build.put("type", "koji-build");
        String alias = alias();
        artifact.put("repository", "https://bodhi.fedoraproject.org/updates/" + alias);
        artifact.put("id", alias + "-" + sha());
        strings(b.putObject("contact"), "docs", "https://docs.fedoraproject.org/en-US/ci/", "team", "Fedora CI", "name", "Bodhi");
        strings(b, "version", "0.2.2", "agent", "bodhi", "generated_at", "2026-11-25T12:00:00.000000Z");
        ObjectNode u = b.putObject("update");
        u.put("alias", alias);
        u.put("critpath", false);
        release(u);
        return planned(Kind.BODHI_STATUS_TESTING.topic, "bodhi.messages.schemas.update.UpdateReadyForTestingV3", pkg, b,
                List.of("updates", "versions"));
    }

    // --- Bugzilla, dist-git, Koschei, Anitya --------------------------------------------------

    private Planned bugzilla(String pkg) {
        int id = 2_400_000 + random.nextInt(100_000);
        ObjectNode b = json.createObjectNode();
        ObjectNode bug = b.putObject("bug");
        bug.put("id", id);
        bug.put("summary", pkg + ": FTBFS in Fedora rawhide/f44");
        bug.put("classification", "Fedora");
        ObjectNode status = bug.putObject("status");
        status.put("id", 3);
        status.put("name", "ASSIGNED");
        ObjectNode product = bug.putObject("product");
        product.put("id", 49);
        product.put("name", "Fedora");
        bug.put("component", pkg);
        ObjectNode version = bug.putObject("version");
        version.put("id", 6000);
        version.put("name", "rawhide");
        bug.put("severity", "medium");
        bug.put("priority", "unspecified");
        bug.put("platform", "x86_64");
        bug.put("assigned_to", user() + "@fedoraproject.org");
        bug.putArray("keywords");
        bug.put("whiteboard", "");
        bug.put("creation_time", "2026-11-20T08:00:00");
        bug.put("last_change_time", "2026-11-25T12:00:00");
        b.putNull("comment");
        ObjectNode event = b.putObject("event");
        event.put("action", "modify");
        event.put("bug_id", id);
        event.put("routing_key", "bug.modify");
        event.put("target", "bug");
        event.put("time", "2026-11-25T12:00:00");
        event.put("who", user() + "@fedoraproject.org");
        ObjectNode change = event.putArray("changes").addObject();
        change.put("field", "bug_status");
        change.put("field_name", "bug_status");
        change.put("removed", "NEW");
        change.put("added", "ASSIGNED");
        return planned(Kind.BUGZILLA.topic, "bugzilla2fedmsg.messages.BugUpdateV1", pkg, b, List.of("bugs"));
    }

    private Planned gitReceive(String pkg) {
        ObjectNode b = json.createObjectNode();
        ObjectNode c = b.putObject("commit");
        c.put("namespace", "rpms");
        c.put("repo", pkg);
        c.put("branch", "rawhide");
        c.put("rev", sha());
        c.put("summary", "Rebuilt for the new toolchain");
        c.put("message", "Rebuilt for the new toolchain\n");
        String u = user();
        c.put("username", u);
        c.put("name", u);
        c.put("email", u + "@fedoraproject.org");
        c.put("seen", false);
        ObjectNode stats = c.putObject("stats");
        ObjectNode file = stats.putObject("files").putObject(pkg + ".spec");
        file.put("deletions", 1);
        file.put("insertions", 4);
        file.put("lines", 5);
        ObjectNode total = stats.putObject("total");
        total.put("deletions", 1);
        total.put("files", 1);
        total.put("insertions", 4);
        total.put("lines", 5);
        return planned(Kind.GIT_RECEIVE.topic, "base.message", pkg, b, List.of("sources"));
    }

    private Planned pagureGitReceive(String pkg) {
        ObjectNode b = json.createObjectNode();
        String u = user();
        b.put("agent", u);
        b.put("branch", "rawhide");
        b.put("start_commit", sha());
        b.put("end_commit", sha());
        b.put("total_commits", 1);
        b.put("forced", false);
        ObjectNode repo = b.putObject("repo");
        repo.put("namespace", "rpms");
        repo.put("name", pkg);
        repo.put("fullname", "rpms/" + pkg);
        repo.put("url_path", "rpms/" + pkg);
        repo.put("description", "The " + pkg + " rpms");
        repo.putObject("user").put("name", u);
        return planned(Kind.PAGURE_GIT_RECEIVE.topic, "pagure_messages.git_schema.GitReceiveV1", pkg, b, List.of("sources"));
    }

    private Planned koschei(String pkg) {
        ObjectNode b = json.createObjectNode();
        b.put("name", pkg);
        boolean fails = random.nextBoolean();
        b.put("old", fails ? "ok" : "failing");
        b.put("new", fails ? "failing" : "ok");
        b.put("koji_instance", "primary");
        b.put("repo", "f44");
        b.put("collection", "f44");
        b.put("collection_name", "Fedora 44");
        b.putArray("groups");
        return planned(Kind.KOSCHEI.topic, "koschei_messages.package.PackageStateChangeV1", pkg, b, List.of("ci"));
    }

    private Planned anitya(String pkg) {
        String latest = version();
        ObjectNode project = json.createObjectNode();
        project.put("backend", "GitHub");
        project.put("ecosystem", "https://github.com/example/" + pkg);
        project.put("homepage", "https://github.com/example/" + pkg);
        project.put("id", 10_000 + Math.floorMod(pkg.hashCode(), 300_000));
        project.put("name", pkg);
        project.putNull("regex");
        project.put("version", latest);
        project.putArray("versions").add(latest);
        project.putArray("stable_versions").add(latest);
        ObjectNode b = json.createObjectNode();
        b.putNull("distro");
        ObjectNode m = b.putObject("message");
        m.put("agent", "anitya");
        m.put("ecosystem", project.get("ecosystem").asText());
        m.put("old_version", "0.9");
        ObjectNode p = m.putArray("packages").addObject();
        p.put("distro", "Fedora");
        p.put("package_name", pkg);
        m.set("project", project);
        m.putArray("upstream_versions").add(latest);
        m.put("stable", true);
        b.set("project", project.deepCopy());
        return planned(Kind.ANITYA.topic, "anitya_schema.project_messages.ProjectVersionUpdatedV2", pkg, b, List.of("upstream"));
    }

    // --- helpers ------------------------------------------------------------------------------

    /** Puts constant string fields: key, value, key, value… */
    private static ObjectNode strings(ObjectNode node, String... keyValues) {
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }

    private Planned planned(String topic, String schema, String pkg, ObjectNode body, List<String> connectors) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("fedora_messaging_schema", schema);
        headers.put("fedora_messaging_severity", 20);
        headers.put("priority", 0);
        headers.put("fedora_messaging_rpm_" + pkg, true);
        try {
            return new Planned(topic, headers, json.writeValueAsBytes(body), pkg, connectors);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String nvr(String pkg) {
        return pkg + "-" + version() + "-" + (1 + random.nextInt(5)) + ".fc44";
    }

    private String version() {
        return (1 + random.nextInt(9)) + "." + random.nextInt(20) + "." + random.nextInt(10);
    }

    private String user() {
        return USERS[random.nextInt(USERS.length)];
    }

    private String alias() {
        return String.format(Locale.ROOT, "FEDORA-2026-%010x", random.nextLong() & 0xffffffffffL);
    }

    private String sha() {
        return String.format(Locale.ROOT, "%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
    }
}
