#!/usr/bin/env bash
# Builds mediasoup's media worker from the operating system's libraries (Debian/Ubuntu) when no
# prebuilt worker can be downloaded, and caches it outside the clone. Prints the binary's path
# as its last line. Usage: build/media-worker/build-worker.sh <mediasoup-version> <target-path>
# (build/postinstall.mjs passes the cache path from resolve.mjs).
set -euo pipefail

version="$1"
target="$2"
target_dir="$(dirname "$target")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ -x "$target" ]; then
  echo "$target"
  exit 0
fi

apt_hint="apt-get install -y meson ninja-build pkg-config g++ libuv1-dev libsrtp2-dev libusrsctp-dev libabsl-dev nlohmann-json3-dev libssl-dev"
missing=()
for tool in meson ninja pkg-config c++; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if command -v pkg-config >/dev/null 2>&1; then
  for lib in libuv libsrtp2 usrsctp openssl nlohmann_json absl_flat_hash_map absl_btree; do
    pkg-config --exists "$lib" || missing+=("$lib")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "parta: cannot build the media worker, missing: ${missing[*]}" >&2
  echo "parta: install them with: $apt_hint" >&2
  echo "parta: or set MEDIASOUP_WORKER_BIN to an existing mediasoup-worker $version binary" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "parta: building mediasoup-worker $version from system libraries in $work (3 to 12 minutes on 2 cores)" >&2
(cd "$work" && npm pack --silent "mediasoup@$version" >/dev/null && tar xzf "mediasoup-$version.tgz")
src="$work/package/worker"
rm -f "$src"/subprojects/*.wrap
cp -r "$here"/subprojects/. "$src/subprojects/"
# Debian 12 ships meson 1.0.1; the worker builds with it.
sed -i "s/meson_version: '>= 1.1.0'/meson_version: '>= 1.0.0'/" "$src/meson.build"

(cd "$src" && meson setup --wrap-mode=nodownload --buildtype release -Db_ndebug=true -Db_pie=true \
  -Db_staticpic=true "$work/out" >&2)
ninja -C "$work/out" mediasoup-worker >&2

mkdir -p "$target_dir"
cp "$work/out/mediasoup-worker" "$target.tmp"
mv "$target.tmp" "$target"
echo "$target"
