#!/usr/bin/env bash
# bench/run.sh <what> [options]: the benchmark harness's entry point.
#   drill [--out FILE]   the fault drill (bench/drill.sh; report in bench/DRILL.md by default)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  drill) shift; exec bash bench/drill.sh "$@" ;;
  *) echo "usage: bash bench/run.sh drill [--out FILE] [--creates N] [--clients N] [--kill-after N] [--seed S]" >&2; exit 2 ;;
esac
