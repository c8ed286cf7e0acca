# Shared by the benchmark scripts (source it after `cd` to the repository root):
# wrk on demand, release executables of the benches, and a plancite server on a free
# loopback port.

# Installs wrk when it is missing and this is root on a Debian machine.
need_wrk() {
  command -v wrk >/dev/null && return
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: apt-get install wrk" >&2
    exit 1
  fi
}

# bench_exe NAME: builds a harness=false bench in release and prints its executable.
bench_exe() {
  cargo build --release --quiet --bench "$1" --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for l in sys.stdin:
    m=json.loads(l)
    if m.get("reason")=="compiler-artifact" and m.get("executable") and m["target"]["name"]==sys.argv[1]: print(m["executable"])' "$1" | tail -1
}

# serve BIN INDEX LOG: starts `plancite serve` on 127.0.0.1 and a free port, waits until
# it listens, and sets server_pid and url (temp_work's exit trap, or the caller's own,
# stops the server).
serve() {
  "$1" --index "$2" serve --addr 127.0.0.1:0 2>"$3" &
  server_pid=$!
  url=
  for _ in $(seq 1 600); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$3" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { echo "plancite serve did not start" >&2; cat "$3" >&2; exit 1; }
}

# temp_work: makes a temporary folder in $work and, at exit, stops the server `serve`
# started (if any) and removes the folder.
temp_work() {
  work=$(mktemp -d)
  server_pid=
  trap stop_and_clean EXIT
}
stop_and_clean() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
