#!/usr/bin/env bash
# Renders every overlay with `kubectl kustomize` and checks it (check/check.mjs): probes, resources, security
# context, images, env wiring to ConfigMaps and Secrets that exist and to settings the services read, queue
# and Redis settings, HPA/PDB/Ingress/NetworkPolicies; and, after a build, that base/ is what
# quarkus-kubernetes generated. Installs Debian's kubernetes-client when kubectl is missing. No cluster needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if ! command -v kubectl >/dev/null; then
  echo "installing kubectl (Debian's kubernetes-client)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null
fi
(cd "$here/check" && { [[ -d node_modules/yaml ]] || npm ci --no-audit --no-fund --silent; })
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
args=(--root "$root")
for dir in "$here"/overlays/*/; do
  name="$(basename "$dir")"
  kubectl kustomize "$dir" >"$out/$name.yml"
  args+=(--overlay "$name=$out/$name.yml")
done
for m in api worker; do
  args+=(--generated "$root/$m/target/kubernetes/kubernetes.yml=$here/base/$m.yml")
done
node "$here/check/check.mjs" "${args[@]}"
