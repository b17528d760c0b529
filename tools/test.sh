#!/usr/bin/env bash
# The test command: installs what the tests need (Debian's chromium and ffmpeg), builds, and runs every test. As root
# the whole run goes into a network namespace of its own with only loopback, because the real-Jellyfin suite starts
# Jellyfin servers and Jellyfin contacts its plugin repository at every start: no traffic may leave the machine.
# Extra arguments go to `dotnet test` (for example --filter or --logger). APERTURE_SKIP_BUILD=1 skips the build.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

apt_packages=(chromium fonts-liberation ffmpeg iproute2 xz-utils)
missing=()
for pkg in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "test: installing ${missing[*]}"
    apt-get update -qq </dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  else
    echo "test: missing Debian packages (install them as root, or the tests that need them are skipped): ${missing[*]}" >&2
  fi
fi

if [[ "${APERTURE_SKIP_BUILD:-}" != 1 ]]; then
  dotnet build Jellyfin.Plugin.Aperture.sln -c Release </dev/null
fi

test_cmd=(dotnet test Jellyfin.Plugin.Aperture.sln -c Release --no-build "$@")
if [[ $(id -u) -eq 0 ]] && command -v unshare >/dev/null; then
  # A new network namespace holds only a loopback interface, and it starts down.
  exec unshare --net --fork -- bash -c 'ip link set lo up && exec "$@"' isolated "${test_cmd[@]}"
fi

echo "test: not root, so no isolated network namespace: the real-Jellyfin tests are reported as skipped." >&2
exec "${test_cmd[@]}"
