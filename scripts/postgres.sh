#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests.
#   bash scripts/postgres.sh start DIR   starts a new cluster in DIR, prints its URL
#   bash scripts/postgres.sh stop DIR    stops it and deletes DIR
# As root, installs Debian's `postgresql` package first when no server binaries are found,
# and runs the server as the `postgres` user; otherwise runs it as the current user.
# The cluster listens on 127.0.0.1 only (first free port from 55432), trusts local
# connections, and trades durability for speed: it is deleted after the tests.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "$dir" ]] && command -v pg_config >/dev/null; then
        dir="$(pg_config --bindir)"
    fi
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
        echo "$dir"
    fi
}

install_server() {
    if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
        log "no PostgreSQL server binaries (initdb, pg_ctl), and cannot install them (needs root and apt-get)"
        exit 1
    fi
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
}

as_server_user() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    local port
    for port in $(seq 55432 55531); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    log "no free port in 55432-55531"
    exit 1
}

start() {
    local dir="$1" bin port
    bin="$(bindir)"
    if [[ -z "$bin" ]]; then
        install_server
        bin="$(bindir)"
    fi
    [[ -n "$bin" ]] || { log "PostgreSQL installed, but initdb and pg_ctl not found"; exit 1; }
    mkdir -p "$dir"
    if [[ "$(id -u)" == 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home postgres
        chown postgres: "$dir"
    fi
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
        --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    port="$(free_port)"
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >&2 || { cat "$dir/server.log" >&2; exit 1; }
    as_server_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres govops_test
    log "PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
    echo "postgresql+psycopg://postgres@127.0.0.1:$port/govops_test"
}

stop() {
    local dir="$1" bin
    bin="$(bindir)"
    if [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]]; then
        as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
}

case "${1:-}:${2:-}" in
    start:?*) start "$2" ;;
    stop:?*) stop "$2" ;;
    *) echo "usage: bash scripts/postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
