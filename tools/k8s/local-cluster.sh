#!/usr/bin/env bash
# Deploys the shop to a local Kubernetes cluster (kind) with a local image registry, one namespace per
# environment. Needs Docker, kind (>= 0.24, for NetworkPolicy support in kindnet) and kubectl, and a
# network that reaches Docker Hub (kind's node image, registry:2).
#
#   tools/k8s/local-cluster.sh up              create the cluster "sample-shop" and the registry localhost:5001
#   tools/k8s/local-cluster.sh deploy dev      build + push the images, apply k8s/overlays/dev, wait, smoke-test
#   tools/k8s/local-cluster.sh smoke stage     port-forward to the frontend of a namespace and check a page
#   tools/k8s/local-cluster.sh down            delete the cluster and the registry
#
# The registry wiring follows kind's "Local Registry" guide: a registry container on 127.0.0.1:5001,
# containerd on every node told that localhost:5001 means that container, and the
# kube-public/local-registry-hosting ConfigMap that documents it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CLUSTER=sample-shop
REGISTRY_NAME=kind-registry
REGISTRY_PORT=5001
REGISTRY_IMAGE=registry:2

up() {
  if [ "$(docker inspect -f '{{.State.Running}}' "$REGISTRY_NAME" 2>/dev/null || true)" != 'true' ]; then
    docker run -d --restart=always -p "127.0.0.1:${REGISTRY_PORT}:5000" --network bridge --name "$REGISTRY_NAME" "$REGISTRY_IMAGE"
  fi
  if ! kind get clusters | grep -qx "$CLUSTER"; then
    kind create cluster --name "$CLUSTER" --wait 120s --config - <<YAML
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
containerdConfigPatches:
  - |-
    [plugins."io.containerd.grpc.v1.cri".registry]
      config_path = "/etc/containerd/certs.d"
YAML
  fi
  for node in $(kind get nodes --name "$CLUSTER"); do
    docker exec "$node" mkdir -p "/etc/containerd/certs.d/localhost:${REGISTRY_PORT}"
    printf '[host."http://%s:5000"]\n' "$REGISTRY_NAME" | docker exec -i "$node" cp /dev/stdin "/etc/containerd/certs.d/localhost:${REGISTRY_PORT}/hosts.toml"
  done
  if [ "$(docker inspect -f '{{json .NetworkSettings.Networks.kind}}' "$REGISTRY_NAME")" = 'null' ]; then
    docker network connect kind "$REGISTRY_NAME"
  fi
  kubectl --context "kind-${CLUSTER}" apply -f - <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: local-registry-hosting
  namespace: kube-public
data:
  localRegistryHosting.v1: |
    host: "localhost:${REGISTRY_PORT}"
    help: "https://kind.sigs.k8s.io/docs/user/local-registry/"
YAML
}

push_images() {
  npx nx run-many -t container -p backend frontend
  for service in backend frontend; do
    local version
    version=$(node -p "require('./services/${service}/package.json').version")
    docker tag "${service}:${version}" "localhost:${REGISTRY_PORT}/${service}:${version}"
    docker push "localhost:${REGISTRY_PORT}/${service}:${version}"
  done
}

deploy() {
  local env=$1
  push_images
  kubectl --context "kind-${CLUSTER}" apply -k "k8s/overlays/${env}"
  for service in backend frontend; do
    kubectl --context "kind-${CLUSTER}" -n "$env" rollout status "deployment/${service}" --timeout=180s
  done
  smoke "$env"
}

smoke() {
  local env=$1 port=18080
  kubectl --context "kind-${CLUSTER}" -n "$env" port-forward service/frontend "${port}:80" >/dev/null &
  local forward=$!
  trap 'kill $forward 2>/dev/null || true' RETURN
  for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:${port}/readyz" >/dev/null && break; sleep 1; done
  if curl -sf "http://127.0.0.1:${port}/" | grep -q 'data-testid="product"'; then
    echo "smoke test passed: the ${env} frontend lists products from its backend"
  else
    echo "smoke test FAILED: no products on http://127.0.0.1:${port}/ in namespace ${env}" >&2
    return 1
  fi
}

down() {
  kind delete cluster --name "$CLUSTER"
  docker rm -f "$REGISTRY_NAME" >/dev/null 2>&1 || true
}

case "${1:-}" in
  up) up ;;
  deploy) deploy "${2:?usage: local-cluster.sh deploy dev|stage|prod}" ;;
  smoke) smoke "${2:?usage: local-cluster.sh smoke dev|stage|prod}" ;;
  down) down ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
