#!/usr/bin/env bash
# The fault drill (issue 6 item 4), run as `bash bench/run.sh drill [--out FILE] [drill options]`: builds Release,
# starts a throwaway PostgreSQL (deploy/throwaway-postgres.sh) on a free loopback port, and runs the bench's `drill`
# role against it, which starts the fake Kie, the webhook receiver and the gateway, and writes the report
# (default bench/DRILL.md). Exits non-zero when a check fails. Logs stay in the scratch folder it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
command="bash bench/run.sh drill${*:+ $*}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
deploy/throwaway-postgres.sh bin >/dev/null || { echo "drill: PostgreSQL binaries not found under /usr/lib/postgresql" >&2; exit 2; }

echo "drill: building Release"
bash bench/publish-gateway.sh >/dev/null
dotnet build bench/KieGateway.Bench/KieGateway.Bench.csproj -c Release -v quiet -nologo >/dev/null

work="$(mktemp -d /tmp/kiegateway-drill.XXXXXX)"
trap 'deploy/throwaway-postgres.sh stop "$work/pg"; rm -rf "$work/pg"' EXIT

# A free port in 5440-5460 (54329 is CI's): the first one nothing listens on.
port=""
for candidate in $(seq 5440 5460); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port="$candidate"; break; fi
done
[[ -n "$port" ]] || { echo "drill: no free port in 5440-5460 for PostgreSQL" >&2; exit 2; }
postgres="$(deploy/throwaway-postgres.sh start "$work/pg" "$port")"
echo "drill: PostgreSQL on port $port; scratch folder $work"

dotnet bench/KieGateway.Bench/bin/Release/net10.0/KieGateway.Bench.dll drill \
  --repo "$repo" --work "$work" --postgres "$postgres" --command "$command" "$@"
