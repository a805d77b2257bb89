#!/usr/bin/env bash
# A throwaway PostgreSQL from the machine's Debian binaries (/usr/lib/postgresql/<version>/bin, the newest),
# for CI and the benchmarks: trust authentication, loopback only, fsync off, its socket and data in one folder.
# Run as root it runs as the postgres user (initdb refuses root), so the folder's parent is opened up for it.
#
#   throwaway-postgres.sh bin               prints the binaries' folder; fails when there is none
#   throwaway-postgres.sh start DIR PORT    initdb in DIR/data and start on 127.0.0.1:PORT; prints the
#                                           connection string (Host=127.0.0.1;Port=PORT;Username=USER)
#   throwaway-postgres.sh stop DIR          stops the server in DIR (fast shutdown); quiet when none runs
#
# It can also be sourced for its functions (pg_bin_dir, pg_start, pg_stop).

pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_as_owner() { if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_user() { if [[ "$(id -u)" -eq 0 ]]; then echo postgres; else id -un; fi; }

pg_start() { # dir port
  local dir="$1" port="$2" bin
  bin="$(pg_bin_dir)"
  [[ -n "$bin" ]] || { echo "PostgreSQL binaries not found under /usr/lib/postgresql" >&2; return 1; }
  mkdir -p "$dir"
  if [[ "$(id -u)" -eq 0 ]]; then chown postgres "$dir"; chmod 755 "$(dirname "$dir")"; fi
  pg_as_owner "$bin/initdb" -D "$dir/data" -U "$(pg_user)" --auth=trust -E UTF8 >/dev/null
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off" >/dev/null
  echo "Host=127.0.0.1;Port=$port;Username=$(pg_user)"
}

pg_stop() { # dir
  local dir="$1" bin
  bin="$(pg_bin_dir)"
  [[ -n "$bin" && -d "$dir/data" ]] && pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-}" in
    bin) bin="$(pg_bin_dir)"; [[ -n "$bin" ]] && echo "$bin" ;;
    start) [[ $# -eq 3 ]] || { echo "usage: $0 start DIR PORT" >&2; exit 2; }; pg_start "$2" "$3" ;;
    stop) [[ $# -eq 2 ]] || { echo "usage: $0 stop DIR" >&2; exit 2; }; pg_stop "$2" ;;
    *) echo "usage: $0 bin | start DIR PORT | stop DIR" >&2; exit 2 ;;
  esac
fi
