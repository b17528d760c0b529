#!/usr/bin/env bash
# One command runs the plugin in a real Jellyfin:  sudo tools/run-jellyfin.sh [10.11.11|12.0.0-rc5]
#
# Builds the plugin, packages the release zip and installs it into dev-data/<version>/data/plugins/, extracts the
# server tarball from ../shared/jellyfin (into the cache the tests use), then starts, inside a network namespace of
# its own that has only loopback, the demo services (tools/Aperture.Demo: the six service emulators, with Aperture's
# settings pointed at them) and Jellyfin. Jellyfin contacts its plugin repository at every start, and no traffic may
# leave the machine, so Jellyfin never runs outside that namespace. The browser reaches it through a unix socket
# bridge: socat on 127.0.0.1:8096 (host) -> dev-data/<version>/jellyfin.sock -> socat -> 127.0.0.1:8096 (namespace).
# Ctrl-C stops everything. Delete dev-data/<version> to start over.
set -euo pipefail

readonly HOST_PORT=8096
readonly DEMO_FIRST_PORT=8701
readonly JELLYFIN_START_SECONDS=180
readonly DEMO_START_SECONDS=60
readonly STOP_SECONDS=40

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly repo
readonly self="$repo/tools/run-jellyfin.sh"

log() { echo "run-jellyfin: $*"; }
die() {
  echo "run-jellyfin: $*" >&2
  exit 1
}

# Waits until a line matching $2 appears in file $1, while process $3 lives, at most $4 seconds.
wait_for_line() {
  local file=$1 pattern=$2 pid=$3 seconds=$4 what=$5
  local deadline=$((SECONDS + seconds))
  until grep -q -- "$pattern" "$file" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run-jellyfin: $what stopped before it was ready; the end of $file:" >&2
      tail -n 30 "$file" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "run-jellyfin: $what was not ready within $seconds s; the end of $file:" >&2
      tail -n 30 "$file" >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Inside the network namespace (PID 1 of its own PID namespace): the bridge's inner end, the demo services, Jellyfin.
# ---------------------------------------------------------------------------------------------------------------
inside() {
  local server=$1 run=$2 version=$3
  local pids=()

  stop_inside() {
    trap - TERM INT
    if ((${#pids[@]} > 0)); then
      kill -TERM "${pids[@]}" 2>/dev/null || true
      local deadline=$((SECONDS + STOP_SECONDS - 10))
      while kill -0 "${pids[@]}" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
      kill -KILL "${pids[@]}" 2>/dev/null || true
    fi
    exit "${1:-0}"
  }
  trap 'stop_inside 0' TERM INT

  ip link set lo up

  rm -f "$run/jellyfin.sock"
  socat UNIX-LISTEN:"$run/jellyfin.sock",fork,unlink-early,mode=600 TCP:127.0.0.1:8096 &
  pids+=($!)

  local config="$run/data/plugins/configurations/Jellyfin.Plugin.Aperture.xml"
  dotnet "$repo/tools/Aperture.Demo/bin/Release/net10.0/Aperture.Demo.dll" \
    --config "$config" --first-port "$DEMO_FIRST_PORT" >"$run/demo.log" 2>&1 &
  local demo=$!
  pids+=("$demo")
  wait_for_line "$run/demo.log" "Demo services ready." "$demo" "$DEMO_START_SECONDS" "The demo services" || stop_inside 1
  echo
  grep -v "Demo services ready." "$run/demo.log"
  echo

  log "starting Jellyfin $version (log: dev-data/$version/jellyfin.log)"
  "$server/jellyfin" --datadir "$run/data" --configdir "$run/config" --cachedir "$run/cache" --logdir "$run/log" \
    --webdir "$server/jellyfin-web" --ffmpeg /usr/bin/ffmpeg >"$run/jellyfin.log" 2>&1 &
  local jellyfin=$!
  pids+=("$jellyfin")
  wait_for_line "$run/jellyfin.log" "Startup complete" "$jellyfin" "$JELLYFIN_START_SECONDS" "Jellyfin $version" || stop_inside 1

  # Runs until stopped; if any of the three ends on its own, the rest go too.
  local status=0
  wait -n "${pids[@]}" || status=$?
  log "a process in the namespace ended on its own (status $status); stopping the others. See dev-data/$version/*.log"
  stop_inside 1
}

if [[ "${1:-}" == __inside ]]; then
  shift
  inside "$@"
  exit 0
fi

# ---------------------------------------------------------------------------------------------------------------
# Outside: checks, build, install, extract, then the namespace and the bridge's outer end.
# ---------------------------------------------------------------------------------------------------------------
usage="Usage: sudo tools/run-jellyfin.sh [VERSION]   (VERSION as in ../shared/jellyfin/jellyfin_<VERSION>_linux-amd64.tar.xz,
for example 10.11.11 or 12.0.0-rc5; default: the newest 10.11 tarball there)"
if (($# > 1)) || [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  echo "$usage"
  (($# <= 1)) && exit 0
  exit 2
fi

if [[ $(id -u) -ne 0 ]]; then
  die "needs root: Jellyfin may only run in a network namespace of its own (unshare --net), and missing Debian packages are installed with apt-get. Run: sudo tools/run-jellyfin.sh ${1:-}"
fi

cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

shared="$(dirname "$repo")/shared/jellyfin"
version=${1:-}
if [[ -z "$version" ]]; then
  newest=$(find "$shared" -maxdepth 1 -name 'jellyfin_10.11.*_linux-amd64.tar.xz' -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$newest" ]] || die "no Jellyfin 10.11 server tarball found: looked for $shared/jellyfin_10.11.*_linux-amd64.tar.xz"
  version=${newest#jellyfin_}
  version=${version%_linux-amd64.tar.xz}
fi
[[ "$version" =~ ^[0-9][0-9A-Za-z.-]*$ ]] || die "'$version' is not a Jellyfin version. $usage"
tarball="$shared/jellyfin_${version}_linux-amd64.tar.xz"
if [[ ! -f "$tarball" ]]; then
  found=$(find "$shared" -maxdepth 1 -name 'jellyfin_*_linux-amd64.tar.xz' -printf '%f ' 2>/dev/null || true)
  die "no Jellyfin $version server tarball: looked for $tarball (found there: ${found:-nothing})"
fi

# What this needs from Debian: ffmpeg (Jellyfin refuses to start without it), socat (the bridge), iproute2 (ip, to
# bring up the namespace's loopback), xz-utils (the tarball), unzip (the release zip), curl (the bridge check).
needed=(ffmpeg socat iproute2 xz-utils unzip curl)
missing=()
for pkg in "${needed[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} > 0)); then
  log "installing ${missing[*]} from Debian"
  apt-get update -qq </dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi

if ss -Htln "sport = :$HOST_PORT" | grep -q .; then
  die "port $HOST_PORT is already in use on this machine (another run-jellyfin.sh or Jellyfin?); stop it first"
fi

run="$repo/dev-data/$version"
tmp=$(mktemp -d)
partial=""
bridge_pid=""
ns_pid=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$bridge_pid" ]]; then
    kill "$bridge_pid" 2>/dev/null || true
    wait "$bridge_pid" 2>/dev/null || true
  fi
  if [[ -n "$ns_pid" ]] && kill -0 "$ns_pid" 2>/dev/null; then
    log "stopping Jellyfin and the demo services"
    # The namespace's first process stops the others and waits for them (bounded); killing it ends the namespace.
    local inner
    inner=$(pgrep -P "$ns_pid" || true)
    if [[ -n "$inner" ]]; then kill -TERM "$inner" 2>/dev/null || true; fi
    local deadline=$((SECONDS + STOP_SECONDS))
    while kill -0 "$ns_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
    if kill -0 "$ns_pid" 2>/dev/null; then
      log "the namespace did not stop within $STOP_SECONDS s; killing it"
      if [[ -n "$inner" ]]; then kill -KILL "$inner" 2>/dev/null || true; fi
      kill -KILL "$ns_pid" 2>/dev/null || true
    fi
    wait "$ns_pid" 2>/dev/null || true
  fi
  rm -f "$run/jellyfin.sock"
  if [[ -n "$partial" ]]; then rm -rf "$partial"; fi
  rm -rf "$tmp"
  log "stopped"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. The plugin, exactly as an admin installs it: the release zip's content in plugins/Aperture_<version>/.
plugin_version=$(sed -n 's/^version:[[:space:]]*"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' build.yaml)
[[ -n "$plugin_version" ]] || die "no version in build.yaml"
log "building the plugin and the demo services (Release)"
dotnet build Jellyfin.Plugin.Aperture/Jellyfin.Plugin.Aperture.csproj -c Release -nologo -v q </dev/null
dotnet build tools/Aperture.Demo/Aperture.Demo.csproj -c Release -nologo -v q </dev/null
log "packaging the release zip"
dotnet run --project tools/Aperture.Packager -c Release -- --publish-dir Jellyfin.Plugin.Aperture/bin/Release/net9.0 \
  --output "$tmp" --manifest "$tmp/manifest.json" </dev/null
zip="$tmp/aperture_${plugin_version}.zip"
[[ -f "$zip" ]] || die "the packager wrote no $zip"
plugins="$run/data/plugins"
mkdir -p "$plugins"
rm -rf "$plugins"/Aperture_*
unzip -q "$zip" -d "$plugins/Aperture_$plugin_version"
log "installed Aperture $plugin_version into dev-data/$version/data/plugins/Aperture_$plugin_version/"

# 2. The server, extracted once into the cache the tests use (RealJellyfin/JellyfinDistribution.cs does the same).
cache="${XDG_CACHE_HOME:-$HOME/.cache}/aperture/jellyfin"
target="$cache/$version-$(stat -c %s "$tarball")"
server="$target/jellyfin"
if [[ ! -f "$target/.complete" ]]; then
  log "extracting $tarball into $target"
  partial="$target.partial-$$"
  rm -rf "$partial"
  mkdir -p "$partial"
  tar -xJf "$tarball" -C "$partial"
  [[ -x "$partial/jellyfin/jellyfin" ]] || die "$tarball has no jellyfin/jellyfin apphost; is it a Jellyfin linux tarball?"
  printf '%s' "$tarball" >"$partial/.complete"
  if [[ -f "$target/.complete" ]]; then
    rm -rf "$partial"
  else
    rm -rf "$target"
    mv "$partial" "$target"
  fi
  partial=""
fi

# 3. The namespace: only loopback, its own PIDs; unshare sends SIGTERM to its first process if unshare itself dies.
mkdir -p "$run/config" "$run/cache" "$run/log"
log "starting Jellyfin $version in a network namespace of its own (only loopback)"
unshare --net --pid --mount-proc --fork --kill-child=SIGTERM -- bash "$self" __inside "$server" "$run" "$version" &
ns_pid=$!

# 4. The bridge's outer end: 127.0.0.1 only, one unix socket connection per browser connection.
socat TCP-LISTEN:"$HOST_PORT",bind=127.0.0.1,reuseaddr,fork UNIX-CONNECT:"$run/jellyfin.sock" &
bridge_pid=$!

deadline=$((SECONDS + DEMO_START_SECONDS + JELLYFIN_START_SECONDS + 30))
until [[ -S "$run/jellyfin.sock" ]] && curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$HOST_PORT/System/Info/Public" 2>/dev/null; do
  kill -0 "$ns_pid" 2>/dev/null || die "Jellyfin $version did not start; see dev-data/$version/jellyfin.log and demo.log"
  kill -0 "$bridge_pid" 2>/dev/null || die "the bridge on 127.0.0.1:$HOST_PORT stopped (is the port taken?)"
  ((SECONDS < deadline)) || die "Jellyfin $version did not answer through the bridge in time; see dev-data/$version/jellyfin.log"
  sleep 1
done

cat <<EOF

Jellyfin $version with Aperture $plugin_version runs in its own network namespace; the demo services above stand in
for the real ones (their keys are fake). Nothing leaves this machine.

Open http://127.0.0.1:$HOST_PORT/web/

  First visit: Jellyfin's startup wizard creates the admin user. Then Dashboard -> Plugins -> Aperture.
  Logs: dev-data/$version/jellyfin.log, dev-data/$version/demo.log, dev-data/$version/log/
  Ctrl-C stops everything. Delete dev-data/$version to start over.

EOF

status=0
wait "$ns_pid" || status=$?
ns_pid=""
die "Jellyfin $version stopped on its own (status $status); see dev-data/$version/jellyfin.log"
