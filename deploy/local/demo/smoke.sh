#!/usr/bin/env bash
# Smoke test of the demo WireMock: one or more requests for every call in docs/connectors.md,
# for several packages and for the absent cases; then the dnf repository metadata under /dl/
# (deploy/local/distro/check.mjs, which needs node). Koji calls are XML-RPC methodCalls encoded as
# the worker sends them (strings in <string>, ints in <int>, kwargs in a trailing struct with
# __starstar). Needs curl, python3 and node.
#
#   deploy/local/demo/smoke.sh [BASE_URL]      # default http://127.0.0.1:8089
set -u
B=${1:-http://127.0.0.1:8089}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
pass=0; fail=0
t() { # name expected_status actual_status [extra info]
  if [ "$2" = "$3" ]; then pass=$((pass+1)); printf 'PASS %-70s %s %s\n' "$1" "$3" "${4:-}"; else fail=$((fail+1)); printf 'FAIL %-70s want %s got %s %s\n' "$1" "$2" "$3" "${4:-}"; fi
}
get() { curl -s -o "$OUT" -w '%{http_code}' "$B$1"; }
xmlrpc() { curl -s -o "$OUT" -w '%{http_code}' -H 'Content-Type: text/xml' --data-binary "$1" "$B/koji/kojihub"; }
js() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$OUT"; }

# ---- mdapi
s=$(get /mdapi/branches); t "mdapi /branches" 200 $s "$(cat "$OUT")"
for p in curl vim glibc python3.14 gcc; do
  s=$(get /mdapi/rawhide/srcpkg/$p); t "mdapi rawhide srcpkg $p" 200 $s "$(js 'd["basename"], d["version"]+"-"+d["release"], len(d["co-packages"]), "subs"')"
done
for p in redis btop; do s=$(get /mdapi/rawhide/srcpkg/$p); t "mdapi rawhide srcpkg $p (absent)" 404 $s "$(cat "$OUT")"; done
s=$(get /mdapi/f43/srcpkg/redis); t "mdapi f43 srcpkg redis (absent)" 404 $s
s=$(get /mdapi/epel10/srcpkg/redis); t "mdapi epel10 srcpkg redis" 200 $s "$(js 'd["version"]+"-"+d["release"], d["repo"]')"
s=$(get /mdapi/epel9/srcpkg/redis); t "mdapi epel9 srcpkg redis" 200 $s "$(js 'd["version"]+"-"+d["release"], d["repo"]')"
s=$(get /mdapi/f41/srcpkg/python3.14); t "mdapi f41 srcpkg python3.14 (absent)" 404 $s
s=$(get /mdapi/f43/srcpkg/vim); t "mdapi f43 srcpkg vim" 200 $s "$(js 'd["version"]+"-"+d["release"], d["repo"]')"
for sub in libcurl curl-devel libcurl-devel gcc-c++ libstdc++ glibc-langpack-de; do
  s=$(get "/mdapi/rawhide/pkg/$sub"); exp=200; [ $sub = curl-devel ] && exp=404; t "mdapi rawhide pkg $sub" $exp $s
done
s=$(get "/mdapi/rawhide/pkg/gcc-c%2B%2B"); t "mdapi rawhide pkg gcc-c%2B%2B (encoded)" 200 $s
s=$(get /mdapi/rawhide/files/coreutils); t "mdapi rawhide files coreutils" 200 $s "$(js 'd["repo"], len(d["files"]), "dirs"')"
s=$(get /mdapi/rawhide/changelog/libcurl); t "mdapi rawhide changelog libcurl" 200 $s "$(js 'len(d["changelogs"]), d["changelogs"][0]["author"]')"
s=$(get /mdapi/rawhide/whatrequires/libcurl); t "mdapi rawhide whatrequires libcurl" 200 $s "$(js 'len(d), d[0]["name"]')"
s=$(get /mdapi/rawhide/whatrecommends/curl); t "mdapi rawhide whatrecommends curl" 200 $s "$(js 'len(d)')"
s=$(get /mdapi/rawhide/requires/glibc); t "mdapi rawhide requires/glibc (mdapi's own route)" 200 $s "$(js 'len(d)')"
s=$(get /mdapi/epel10/whatrequires/redis); t "mdapi epel10 whatrequires redis" 200 $s "$(js 'len(d)')"
s=$(get /mdapi/rawhide/pkg/no-such-package); t "mdapi unknown pkg" 404 $s "$(cat "$OUT")"

# ---- Koji
pid() { xmlrpc "<?xml version='1.0'?>
<methodCall>
<methodName>getPackageID</methodName>
<params>
<param>
<value><string>$1</string></value>
</param>
</params>
</methodCall>
"; }
for p in curl glibc redis btop no-such-pkg; do
  s=$(pid $p); t "koji getPackageID $p" 200 $s "$(grep -o '<int>[0-9]*</int>\|<nil/>' "$OUT" | head -1)"
done
lb() { xmlrpc "<?xml version='1.0'?>
<methodCall>
<methodName>listBuilds</methodName>
<params>
<param>
<value><struct>
<member>
<name>packageID</name>
<value><int>$1</int></value>
</member>
<member>
<name>queryOpts</name>
<value><struct>
<member>
<name>order</name>
<value><string>-build_id</string></value>
</member>
<member>
<name>limit</name>
<value><int>50</int></value>
</member>
</struct></value>
</member>
<member>
<name>__starstar</name>
<value><boolean>1</boolean></value>
</member>
</struct></value>
</param>
</params>
</methodCall>
"; }
for p in curl gcc redis; do
  pid $p >/dev/null; id=$(grep -o '<int>[0-9]*</int>' "$OUT" | head -1 | tr -dc 0-9)
  s=$(lb $id); t "koji listBuilds $p (packageID $id)" 200 $s "$(grep -c '<name>nvr</name>' "$OUT") builds, states $(grep -A1 '<name>state</name>' "$OUT" | grep -o '<int>[0-9]</int>' | tr -dc '0-9' )"
done
s=$(lb 999999999); t "koji listBuilds unknown id" 200 $s "$(grep -c '<name>nvr</name>' "$OUT") builds"
# listTagged(tag, package=…, inherit, latest) calls inside one system.multicall, as the versions
# connector sends them; the answer must hold one result per call, in the order asked (any order)
mc() { local pkg=$1 calls='' tag; shift
  for tag in "$@"; do calls+="<value><struct><member><name>methodName</name><value><string>listTagged</string></value></member><member><name>params</name><value><array><data><value><string>$tag</string></value><value><struct><member><name>package</name><value><string>$pkg</string></value></member><member><name>inherit</name><value><boolean>1</boolean></value></member><member><name>latest</name><value><boolean>1</boolean></value></member><member><name>__starstar</name><value><boolean>1</boolean></value></member></struct></value></data></array></value></member></struct></value>"; done
  xmlrpc "<?xml version='1.0'?>
<methodCall><methodName>system.multicall</methodName><params><param><value><array><data>$calls</data></array></value></param></params></methodCall>
"; }
# per call: the nvr of its build, or [] when nothing is tagged; "calls=N" must equal the number asked
mcx() { python3 -c "
import sys, xmlrpc.client
(answers,), _ = xmlrpc.client.loads(open(sys.argv[1]).read())
print('calls=%d' % len(answers), ' '.join(a[0][0]['nvr'] if a[0] else '[]' for a in answers))" "$OUT"; }
for a in "curl epel9 f41-updates f42-updates f43-updates-testing f43-updates f44" "vim f43-updates f43-updates-testing f42-updates-testing" \
    "python3.14 f41-updates" "redis epel10.1 epel9-testing epel9 f44" "inkscape epel9 epel10.1" "btop f44 f43-updates" "no-such-pkg f44"; do
  set -- $a; s=$(mc "$@"); t "koji system.multicall listTagged $1 (${*:2})" 200 $s "$(mcx)"
done

# ---- Bodhi
s=$(get '/bodhi/releases/?state=current&state=pending&state=frozen&rows_per_page=100&page=1'); t "bodhi releases" 200 $s "$(js '[r["name"] for r in d["releases"]], d["pages"]')"
s=$(get '/bodhi/releases/?state=current&rows_per_page=100&page=1'); t "bodhi releases, other query (unmatched)" 404 $s
for p in curl vim glibc redis btop; do
  s=$(get "/bodhi/updates/?packages=$p&rows_per_page=50&page=1"); t "bodhi updates $p" 200 $s "$(js 'd["total"], [(u["alias"],u["status"]) for u in d["updates"][:2]]')"
done
s=$(get "/bodhi/updates/?packages=no-such-pkg&rows_per_page=50&page=1"); t "bodhi updates unknown package" 400 $s "$(cat "$OUT")"

# ---- Bugzilla
bz() { get "/bugzilla/rest/bug?product=Fedora&product=Fedora%20EPEL&component=$1&bug_status=NEW&bug_status=ASSIGNED&bug_status=POST&bug_status=MODIFIED&bug_status=ON_DEV&bug_status=ON_QA&bug_status=VERIFIED&bug_status=RELEASE_PENDING&include_fields=id,summary,status,severity,priority,assigned_to,product,version,component,last_change_time,creation_time,keywords&limit=500"; }
for p in curl systemd jq tmux redis no-such-pkg; do
  s=$(bz $p); t "bugzilla search $p" 200 $s "$(js 'd["total_matches"], [b["status"] for b in d["bugs"][:4]]')"
done

# ---- dist-git
for p in curl glibc redis btop; do
  s=$(get /pagure/api/0/rpms/$p); t "pagure project $p" 200 $s "$(js 'd["fullname"], d["access_users"]["owner"], d["access_groups"]["commit"]')"
done
s=$(get /pagure/api/0/rpms/no-such-pkg); t "pagure project unknown" 404 $s "$(cat "$OUT" | tr -d '\n ')"
for p in curl redis btop; do
  s=$(get "/pagure/api/0/rpms/$p/git/branches?with_commits=true"); t "pagure branches $p" 200 $s "$(js 'd["total_branches"], list(d["default"]), sorted(d["branches"])[-3:]')"
  sha=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['branches']['rawhide'])" "$OUT")
  s=$(get /pagure/api/0/rpms/$p/c/$sha/info); t "pagure commit info $p rawhide head" 200 $s "$(js 'd["hash"][:10], d["author"], d["message"].strip()[:40]')"
  s=$(get /pagure/rpms/$p/raw/rawhide/f/$p.spec); exp=200; [ $p = redis ] && exp=404; t "pagure raw spec $p" $exp $s "$(head -3 "$OUT" | tr '\n' '|' | cut -c1-80)"
  s=$(get /pagure/rpms/$p/raw/rawhide/f/sources); t "pagure raw sources $p" $exp $s "$(head -1 "$OUT" | cut -c1-60)"
done
sha=$(curl -s "$B/pagure/api/0/rpms/vim/git/branches?with_commits=true" | python3 -c "import json,sys; print(json.load(sys.stdin)['branches']['f43'])")
s=$(get /pagure/api/0/rpms/vim/c/$sha/info); t "pagure commit info vim f43 head" 200 $s "$(js 'd["message"].strip()[:40]')"

# ---- Anitya
for p in curl python3.14 redis inkscape btop; do
  s=$(get "/anitya/api/v2/packages/?name=$p&distribution=Fedora"); t "anitya v2 packages $p" 200 $s "$(js 'd["total_items"], [(i["project"], i["version"], i["stable_version"]) for i in d["items"]]')"
done

# ---- Koschei
for p in curl emacs ruby cmake gimp firefox redis btop; do
  s=$(get "/koschei/api/v1/packages?name=$p"); t "koschei packages $p" 200 $s "$(js '[(x["collection"], x["state"], x["last_complete_build"]["task_id"]) for x in d]')"
done

# ---- dnf repository metadata under /dl/ (repomd.xml -> primary, checksums, counts, deliberate cases)
while IFS= read -r line; do
  case "$line" in PASS*) pass=$((pass+1)); echo "$line" ;; FAIL*) fail=$((fail+1)); echo "$line" ;; esac
done < <(node "$(dirname "$0")/../distro/check.mjs" "$B" 2>&1 || true)

# ---- the corpus packages' mdapi and dist-git answers (distro/upstreams.mjs, the corpus-file extension)
while IFS= read -r line; do
  case "$line" in PASS*) pass=$((pass+1)); echo "$line" ;; FAIL*) fail=$((fail+1)); echo "$line" ;; esac
done < <(node "$(dirname "$0")/../distro/check-upstreams.mjs" "$B" 2>&1 || true)
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
