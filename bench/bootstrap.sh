#!/usr/bin/env bash
# The bootstrap benchmark (bench/README.md): empties a running local instance's Redis database, starts
# the worker's bootstrap and measures it until done: wall time (discovery, then the overviews),
# packages/s, upstream requests (WireMock's journal) against the minimum the repositories need, and
# the worker's peak RSS. DESTRUCTIVE for that instance's data (it refills itself: that is the point).
#
#   bench/bootstrap.sh                     # instance dev
#   FP_INSTANCE=e2e bench/bootstrap.sh
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../deploy/local/lib.sh
source "$BENCH/../deploy/local/lib.sh"

for n in api worker wiremock; do
  fp_alive "$n" || fp_die "instance $FP_INSTANCE is not running ($n down): start it with deploy/local/start.sh"
done
worker_pid="$(fp_pid_of worker)"
out="$FP_LOGS/bench-bootstrap.log"
status() { curl -sf --max-time 5 "$FP_WORKER_URL/status"; }
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o==null?o:o[k],JSON.parse(s));console.log(v==null?"":v)})' "$1"; }

{
  echo "Fedora Packages bootstrap benchmark, $(date -u +%FT%TZ)"
  echo "code: $(git -C "$FP_ROOT" log -1 --format='%h %s')"
  echo "instance $FP_INSTANCE: worker pid $worker_pid, Redis db $FP_REDIS_DB, WireMock $FP_WIREMOCK_URL; machine: $(nproc) cores"
} | tee "$out"

curl -sf -o /dev/null -X DELETE "$FP_WIREMOCK_URL/__admin/requests"
redis-cli -p "$FP_REDIS_PORT" -n "$FP_REDIS_DB" FLUSHDB >/dev/null
t0=$(date +%s.%N)
curl -sf -o /dev/null -X POST "$FP_WORKER_URL/status/bootstrap" || fp_die "POST $FP_WORKER_URL/status/bootstrap failed"

peak=0
while :; do
  s="$(status || true)"
  state="$(field bootstrap.state <<<"$s")"
  rss=$(($(ps -o rss= -p "$worker_pid") / 1024))
  ((rss > peak)) && peak=$rss
  printf '  [t=%5.1fs] %s %s of %s, worker RSS %d MiB\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$state" \
    "$(field bootstrap.done <<<"$s")" "$(field bootstrap.total <<<"$s")" "$rss" | tee -a "$out"
  [[ "$state" == done ]] && break
  sleep 2
done
t1=$(date +%s.%N)
s="$(status)"
h="$(redis-cli -p "$FP_REDIS_PORT" -n "$FP_REDIS_DB" --no-raw HMGET bootstrap startedAt discoveredAt finishedAt | tr -d '"' | awk '{print $2}')"
read -r started discovered finished <<<"$(echo $h)"
secs() { node -e 'console.log(((Date.parse(process.argv[2]) - Date.parse(process.argv[1])) / 1000).toFixed(1))' "$1" "$2"; }
journal="$(curl -sf "$FP_WIREMOCK_URL/__admin/requests?limit=100000")"
counts="$(node -e '
  let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
    const reqs=JSON.parse(s).requests.map(r=>({url:r.request.url,status:r.response.status}));
    const dl=reqs.filter(r=>r.url.startsWith("/dl/"));
    const repomd=dl.filter(r=>r.url.endsWith("/repomd.xml"));
    const primary=dl.filter(r=>/primary\.xml/.test(r.url));
    const present=repomd.filter(r=>r.status===200).length;
    const branches=reqs.filter(r=>r.url==="/mdapi/branches").length;
    const boot=dl.length+branches; // what the bootstrap asks; the rest is the sweep (at its budget) and views
    const other=reqs.length-boot;
    // the minimum: each repository index once, each existing primary file once, the mdapi branch list once unless cached
    const min=new Set(repomd.map(r=>r.url)).size+present+(branches>0?1:0); // the branch list may be cached
    console.log([boot,repomd.length,primary.length,other,min,(boot/min).toFixed(2)].join(" "));
  })' <<<"$journal")"
read -r total repomd primary other min ratio <<<"$counts"
done_n="$(field bootstrap.done <<<"$s")"
wall="$(echo "$t1 - $t0" | bc)"
{
  echo
  echo "  wall time              $(printf '%.1f' "$wall") s   (discovery $(secs "$started" "$discovered") s, then overviews $(secs "$discovered" "$finished") s)   target < 180 s"
  echo "  packages described     $done_n of $(field bootstrap.total <<<"$s") known, $(node -e "console.log(($done_n/$wall).toFixed(0))")/s over the whole run"
  echo "  bootstrap requests     $total (repomd.xml $repomd, primary $primary, mdapi branch list); minimum $min; ratio $ratio   target ≤ 1.10"
  echo "  other requests         $other during the run: the sweep at its budget (fp.sweep.*), not the bootstrap's"
  echo "  worker peak RSS        $peak MiB (sampled every 2 s)"
} | tee -a "$out"
