#!/usr/bin/env bash
# The benchmarks (issue 6): the gateway against nginx adding Kie's key and against a bare Kestrel endpoint, on
# this machine, in one run; writes bench/RESULTS.md (or --out FILE) and prints the same. See bench/README.md.
#
#   bash bench/run.sh [--quick] [--out FILE]
#   bash bench/run.sh drill [--out FILE] [drill options]     the fault drill instead (bench/drill.sh, bench/DRILL.md)
#
# This script installs what is missing (nginx, wrk), builds Release, starts a throwaway PostgreSQL, and hands
# over to the orchestrator (bench/KieGateway.Bench, role "bench"), which starts and stops everything else.
# On any exit it stops what it started and removes its scratch folder (KIEGATEWAY_BENCH_KEEP=1 keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == drill ]]; then shift; exec bash bench/drill.sh "$@"; fi
repo="$(pwd)"

usage() { echo "usage: bash bench/run.sh [--quick] [--out FILE] | drill [--out FILE] [drill options]" >&2; exit 2; }
quick=false
out="$repo/bench/RESULTS.md"
command_line="bash bench/run.sh${*:+ $*}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true; shift ;;
    --out) [[ $# -ge 2 ]] || usage; out="$(realpath -m "$2")"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "bench: unknown argument '$1'" >&2; usage ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
fail() { echo "bench: $*" >&2; exit 1; }

# Tools: Debian's nginx (nginx-light where the release still has it) and wrk.
install_packages() {
  [[ "$(id -u)" -eq 0 ]] || fail "missing $*; install them (apt-get install -y $*) or run as root"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "$@" >/dev/null; } \
    || return 1
}
if ! command -v nginx >/dev/null; then
  echo "bench: installing nginx"
  install_packages nginx-light || install_packages nginx || fail "could not install nginx"
fi
if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk"
  install_packages wrk || fail "could not install wrk"
fi

work="$(mktemp -d -t kiegateway-bench.XXXXXX)"
orchestrator=""
cleanup() {
  local status=$?
  # The orchestrator leads a process group of its own (setsid): everything it started stops with it.
  if [[ -n "$orchestrator" ]] && kill -0 "$orchestrator" 2>/dev/null; then
    kill -TERM -- "-$orchestrator" 2>/dev/null || true
    wait "$orchestrator" 2>/dev/null || true
  fi
  deploy/throwaway-postgres.sh stop "$work/pg"
  if [[ "${KIEGATEWAY_BENCH_KEEP:-}" == 1 ]]; then echo "bench: scratch folder kept: $work" >&2; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "bench: building Release (the gateway published as the image ships it: ReadyToRun)"
bash bench/publish-gateway.sh >"$work/build.log" 2>&1 \
  && dotnet build -c Release -nologo -v q bench/KieGateway.Bench/KieGateway.Bench.csproj >>"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; fail "the Release build failed"; }

# A throwaway PostgreSQL for the scale figures, on the first free port of 55400-55459.
postgres=()
if deploy/throwaway-postgres.sh bin >/dev/null; then
  for port in $(seq 55400 55459); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  echo "bench: starting PostgreSQL on port $port"
  connection="$(deploy/throwaway-postgres.sh start "$work/pg" "$port")" \
    || { cat "$work/pg/log" >&2 2>/dev/null; fail "PostgreSQL did not start"; }
  postgres=(--postgres "$connection")
else
  echo "bench: no PostgreSQL binaries under /usr/lib/postgresql: the PostgreSQL scale figures are skipped" >&2
fi

setsid dotnet bench/KieGateway.Bench/bin/Release/net10.0/KieGateway.Bench.dll bench \
  --repo "$repo" --work "$work" --out "$out" --quick "$quick" --command "$command_line" "${postgres[@]}" &
orchestrator=$!
status=0
wait "$orchestrator" || status=$?
orchestrator=""
[[ "$status" -eq 0 ]] || fail "the run failed (exit $status); see the messages above (KIEGATEWAY_BENCH_KEEP=1 keeps the logs)"
