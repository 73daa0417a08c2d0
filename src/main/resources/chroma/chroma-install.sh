#!/usr/bin/env bash
# Installs Chroma's server (npm package `chromadb`, a Rust server behind a Node CLI) into a cache
# folder, once, and writes a launcher: <cache>/chroma/launch.sh --path <data> --port <port>.
# On glibc older than 2.38 (Debian 12) the native binding cannot load, so the launcher runs node
# under a private Debian 13 loader downloaded with apt into the cache (nothing system-wide).
# Idempotent: a complete install (marker file) is reused as is.
set -euo pipefail

CACHE_DIR="${1:-${CONCIERGE_CACHE_DIR:-$HOME/.cache/concierge}}"
CHROMA_VERSION="${CHROMA_NPM_VERSION:-3.5.0}"
BINDINGS_VERSION="${CHROMA_BINDINGS_VERSION:-1.3.4}"
HOME_DIR="$CACHE_DIR/chroma"
MARKER="$HOME_DIR/.installed-v2-$CHROMA_VERSION-$BINDINGS_VERSION"
LAUNCHER="$HOME_DIR/launch.sh"

fail() { echo "chroma-install: $*" >&2; exit 1; }

if [[ -f "$MARKER" && -x "$LAUNCHER" ]]; then
  echo "$LAUNCHER"
  exit 0
fi

command -v node >/dev/null 2>&1 || fail "node is not installed: install Node.js 20 or newer (e.g. 'apt-get install nodejs npm')"
command -v npm  >/dev/null 2>&1 || fail "npm is not installed: install npm (e.g. 'apt-get install npm')"
mkdir -p "$HOME_DIR/npm"

echo "chroma-install: installing chromadb@$CHROMA_VERSION from the npm registry into $HOME_DIR" >&2
if ! npm install --prefix "$HOME_DIR/npm" --no-audit --no-fund --loglevel=error \
      "chromadb@$CHROMA_VERSION" "chromadb-js-bindings-linux-x64-gnu@$BINDINGS_VERSION" >&2; then
  fail "npm could not install chromadb@$CHROMA_VERSION: check that the npm registry is reachable (npm config get registry) or set CHROMA_URL to a running Chroma 1.x server"
fi
CLI="$HOME_DIR/npm/node_modules/chromadb/dist/cli.mjs"
[[ -f "$CLI" ]] || fail "chromadb CLI not found at $CLI after install"

ldd_line=$( (ldd --version 2>&1 || true) | head -1)
glibc=$(grep -oE '[0-9]+\.[0-9]+$' <<<"$ldd_line" || echo "0.0")
glibc_major=${glibc%%.*}
glibc_minor=${glibc##*.}
NODE_BIN="$(command -v node)"

# The launcher runs the server as its child and watches its own parent (the JVM): if the JVM dies
# without stopping Chroma (kill -9, a crash), the launcher stops Chroma itself, so no server is
# left behind. SIGINT and SIGTERM to the launcher stop Chroma with SIGINT (Chroma ignores SIGTERM).
write_launcher() {
  cat > "$LAUNCHER" <<L
#!/usr/bin/env bash
parent=\$PPID
$1 run "\$@" &
child=\$!
stop() { kill -INT \$child 2>/dev/null; for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 \$child 2>/dev/null || exit 0; sleep 0.5; done; kill -9 \$child 2>/dev/null; exit 0; }
trap stop INT TERM
while kill -0 \$child 2>/dev/null; do
  kill -0 \$parent 2>/dev/null || stop
  sleep 1 & wait \$!
done
wait \$child
L
}

if (( glibc_major > 2 || (glibc_major == 2 && glibc_minor >= 38) )); then
  write_launcher "\"$NODE_BIN\" \"$CLI\""
else
  echo "chroma-install: glibc $glibc_major.$glibc_minor < 2.38, fetching a private Debian 13 loader with apt" >&2
  SHIM="$HOME_DIR/shim"
  rm -rf "$SHIM"; mkdir -p "$SHIM/apt/parts" "$SHIM/apt/lists/partial" "$SHIM/apt/cache/archives/partial" "$SHIM/debs" "$SHIM/glibc"
  mirror=$( (cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true) | sed -n 's/^URIs:[[:space:]]*//p' \
             | tr ' ' '\n' | grep -E '/debian/?$' | head -1 || true)
  mirror="${mirror:-http://deb.debian.org/debian}"
  cat > "$SHIM/apt/parts/trixie.sources" <<S
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
S
  APT=(-oDir::Etc::SourceList=/dev/null "-oDir::Etc::SourceParts=$SHIM/apt/parts"
       "-oDir::State::Lists=$SHIM/apt/lists" "-oDir::Cache=$SHIM/apt/cache" -oDebug::NoLocking=1)
  apt-get "${APT[@]}" update >&2 || fail "apt-get could not read the Debian trixie index from $mirror"
  (cd "$SHIM/debs" && apt-get "${APT[@]}" download libc6 libstdc++6 libgcc-s1 >&2) \
    || fail "apt-get could not download libc6, libstdc++6, libgcc-s1 from trixie"
  for d in "$SHIM"/debs/*.deb; do dpkg -x "$d" "$SHIM/glibc"; done
  G="$SHIM/glibc/usr/lib/x86_64-linux-gnu"
  [[ -x "$G/ld-linux-x86-64.so.2" ]] || fail "the private loader was not extracted"
  write_launcher "\"$G/ld-linux-x86-64.so.2\" --library-path \"$G\" \"$NODE_BIN\" \"$CLI\""
fi
chmod +x "$LAUNCHER"
touch "$MARKER"
echo "$LAUNCHER"
