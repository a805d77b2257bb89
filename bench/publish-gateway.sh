#!/usr/bin/env bash
# The gateway as the image ships it (Dockerfile): published for this machine's platform, ReadyToRun, into
# src/KieGateway/bin/Release/publish, where the bench and the drill start it from. Used by run.sh and drill.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/KieGateway/KieGateway.csproj -c Release --ucr --self-contained false -p:UseAppHost=false \
  -o src/KieGateway/bin/Release/publish -nologo -v q
