#!/usr/bin/env bash
# herreg one-command set-up for a Debian bookworm machine (run as root, or with sudo).
#
# Installs only what is missing, so a second run takes a second or two:
#   1. Debian packages (toolchains, ccache, Emscripten, Chromium, header-only libraries, font tools)
#   2. a deb-src entry, then the Dear ImGui, libharu and zlib sources from Debian,
#      checked against the .dsc and unpacked into third_party/ (git-ignored)
#   3. third_party/include/ with only nlohmann/ and doctest/ (emcc must never see /usr/include)
#   4. node_modules/ (playwright-core, puppeteer-core from package-lock.json; no browser is ever
#      downloaded: the tests drive Debian's chromium, firefox-esr and WebKitGTK)
# The subset UI font is made at build time (cmake/font.cmake), not here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TP="$ROOT/third_party"
IMGUI_VERSION="1.86"
LIBHARU_VERSION="2.3.0"
ZLIB_VERSION="1:1.2.13"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "run as root (or install sudo)"
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------- Debian packages
PKGS=(build-essential g++ cmake ninja-build git ca-certificates python3 xz-utils dpkg-dev ccache
      emscripten nlohmann-json3-dev doctest-dev chromium poppler-utils
      python3-fonttools fonts-dejavu-core
      wabt   # wasm-objdump: the size breakdown of bench/page_bench.mjs
      binaryen   # wasm-split: the app in two parts (cmake/split_app.mjs); Emscripten needs it too
      firefox-esr webkit2gtk-driver xvfb xclip xdotool   # the other engines (tests/browser/engines.test.mjs)
      clang-14 libclang-rt-14-dev llvm-14)   # fuzzing (scripts/fuzz.sh): libFuzzer, ASan/UBSan, llvm-symbolizer
# Debian's nodejs 18 and nodesource's node 20 both work; only install one when there is none.
if ! command -v node >/dev/null 2>&1; then PKGS+=(nodejs npm); fi

missing=()
for p in "${PKGS[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)"
  [ "${status:0:2}" = "ii" ] || missing+=("$p")
done

# ---------------------------------------------------------------- deb-src entry (only if sources are needed)
have_src() {   # $1 = name, $2 = version prefix
  [ -f "$TP/$1/.herreg-source" ] && grep -q "^$1 $2" "$TP/$1/.herreg-source"
}
need_src=0
have_src imgui "$IMGUI_VERSION" || need_src=1
have_src libharu "$LIBHARU_VERSION" || need_src=1
have_src zlib "$ZLIB_VERSION" || need_src=1

added_src=0
if [ "$need_src" = 1 ]; then
  if ! grep -Ehrqs '^[[:space:]]*(deb-src[[:space:]].*bookworm[[:space:]].*main|Types:.*deb-src)' \
        /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null; then
    # Mirror the URI and keyring of the machine's own bookworm entry.
    uri="" keyring=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      uri="$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)"
      keyring="$(awk '/^Signed-By:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)"
    fi
    if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
      uri="$(awk '$1=="deb" && $0 ~ / bookworm / {for(i=2;i<=NF;i++) if ($i ~ /^(https?|file|cdrom):/) {print $i; exit}}' /etc/apt/sources.list)"
    fi
    uri="${uri:-http://deb.debian.org/debian}"
    opts=""
    [ -n "$keyring" ] && [ -f "$keyring" ] && opts="[signed-by=$keyring] "
    say "adding deb-src entry ($uri bookworm main)"
    echo "deb-src ${opts}${uri} bookworm main" | $SUDO tee /etc/apt/sources.list.d/herreg-src.list >/dev/null
    added_src=1
  fi
fi

if [ "${#missing[@]}" -gt 0 ] || [ "$added_src" = 1 ]; then
  say "apt-get update"
  $SUDO apt-get update -qq >/dev/null
fi
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing: ${missing[*]}"
  log="$(mktemp)"
  if ! $SUDO apt-get install -y -qq "${missing[@]}" >"$log" 2>&1; then
    tail -n 30 "$log" >&2; die "apt-get install failed"
  fi
  rm -f "$log"
else
  say "Debian packages ok"
fi
command -v npm >/dev/null 2>&1 || die "node is present but npm is not; install npm for your node"

# ---------------------------------------------------------------- third-party sources from Debian
# apt-get source may exit non-zero (libharu's Debian diff is missing on the mirror) while
# the .dsc and the .orig tarball arrive: we use only those, checked against the .dsc.
fetch_source() {   # $1 = source package name
  local name="$1" tmp dsc orig sum_expected sum_actual ver
  tmp="$(mktemp -d)"; chmod 755 "$tmp"
  say "fetching Debian source package $name"
  (cd "$tmp" && $SUDO apt-get source --download-only -qq "$name" >"$tmp/apt.log" 2>&1) || true
  dsc="$(ls "$tmp"/"$name"_*.dsc 2>/dev/null | head -n1)"
  orig="$(ls "$tmp"/"$name"_*.orig.tar.* 2>/dev/null | grep -v '\.asc$' | head -n1)"
  if [ -z "$dsc" ] || [ -z "$orig" ]; then
    cat "$tmp/apt.log" >&2; rm -rf "$tmp"; die "apt-get source $name did not deliver a .dsc and .orig tarball"
  fi
  sum_expected="$(awk -v f="$(basename "$orig")" '
      /^Checksums-Sha256:/ {in_s=1; next}
      /^[^ ]/ {in_s=0}
      in_s && $3==f {print $1}' "$dsc")"
  sum_actual="$(sha256sum "$orig" | cut -d' ' -f1)"
  [ -n "$sum_expected" ] || { rm -rf "$tmp"; die "$(basename "$dsc") lists no sha256 for $(basename "$orig")"; }
  [ "$sum_expected" = "$sum_actual" ] || { rm -rf "$tmp"; die "sha256 mismatch for $(basename "$orig")"; }
  ver="$(awk '/^Version:/ {print $2; exit}' "$dsc")"
  rm -rf "$TP/$name"; mkdir -p "$TP/$name"
  tar -xf "$orig" -C "$TP/$name" --strip-components=1
  echo "$name $ver sha256:$sum_actual" > "$TP/$name/.herreg-source"
  rm -rf "$tmp"
  say "unpacked $name $ver into third_party/$name"
}
mkdir -p "$TP"
have_src imgui "$IMGUI_VERSION"     || fetch_source imgui
have_src libharu "$LIBHARU_VERSION" || fetch_source libharu
have_src zlib "$ZLIB_VERSION"       || fetch_source zlib
[ -f "$TP/zlib/inflate.c" ] && [ -f "$TP/zlib/zlib.h" ] || die "third_party/zlib is incomplete"
[ -f "$TP/imgui/imgui.cpp" ] && [ -f "$TP/imgui/backends/imgui_impl_glfw.cpp" ] || die "third_party/imgui is incomplete"

# ---------------------------------------------------------------- header folder for emcc
mkdir -p "$TP/include"
for lib in nlohmann doctest; do
  [ -d "/usr/include/$lib" ] || die "/usr/include/$lib missing"
  if [ "$(readlink "$TP/include/$lib" 2>/dev/null)" != "/usr/include/$lib" ]; then
    rm -rf "$TP/include/$lib"; ln -s "/usr/include/$lib" "$TP/include/$lib"
  fi
done

# ---------------------------------------------------------------- node modules (playwright-core, puppeteer-core, axe-core)
# Each package the lockfile pins must be installed at its version; else `npm ci` (a clone that
# pulled a new pin installs it, without the developer having to think of it).
stale="$(node -e '
  const fs = require("fs"), path = require("path"), root = process.argv[1];
  let lock; try { lock = require(path.join(root, "package-lock.json")); } catch (e) { console.log("no lockfile"); process.exit(0); }
  const out = [];
  for (const [key, p] of Object.entries(lock.packages || {})) {
    if (!key.startsWith("node_modules/") || key.indexOf("/node_modules/") > 0) continue;
    let have = ""; try { have = JSON.parse(fs.readFileSync(path.join(root, key, "package.json"), "utf8")).version; } catch (e) {}
    if (have !== p.version) out.push(key.slice(13) + " " + (p.version || "?"));
  }
  console.log(out.join(", "));' "$ROOT")"
if [ -n "$stale" ]; then
  say "installing node modules ($stale)"
  log="$(mktemp)"
  if [ -f "$ROOT/package-lock.json" ]; then cmd=(npm ci); else cmd=(npm install); fi
  # *_SKIP_*_DOWNLOAD: belt and braces; neither playwright-core nor puppeteer-core downloads a browser.
  if ! (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 "${cmd[@]}" --no-audit --no-fund --loglevel=error >"$log" 2>&1); then
    cat "$log" >&2; die "${cmd[*]} failed"
  fi
  rm -f "$log"
else
  say "node modules ok"
fi

# ---------------------------------------------------------------- sanity
[ -f /usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake ] || die "Emscripten CMake toolchain file not found"
/usr/bin/python3 -c 'import fontTools.subset' 2>/dev/null || die "/usr/bin/python3 cannot import fontTools"
say "done"
