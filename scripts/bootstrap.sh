# Shared by run.sh and test.sh: install what is missing, then build. Source it; don't run it.
# Every step is idempotent, so a second run only checks.

APT_PACKAGES=(ffmpeg festival festvox-us-slt-hts pocketsphinx pocketsphinx-en-us fonts-dejavu-core)
BUILD_CONFIGURATION=${BUILD_CONFIGURATION:-Release}
HOST_DLL="src/VideoPipeline.Host/bin/$BUILD_CONFIGURATION/net10.0/VideoPipeline.Host.dll"
LOG_DIR=".data/logs"

log() { echo "[setup] $*" >&2; }

ensure_apt_packages() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet was not found on PATH)." >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# Builds quietly; shows the build log only when it fails.
build() {
  mkdir -p "$LOG_DIR"
  local target=$1 logfile="$LOG_DIR/build.log"
  if ! dotnet build "$target" -c "$BUILD_CONFIGURATION" -nologo -v q >"$logfile" 2>&1; then
    grep -E "error|Error" "$logfile" | sort -u | head -40 >&2
    echo "Build failed; full log in $logfile" >&2
    exit 1
  fi
}

bootstrap() {
  ensure_apt_packages
  ensure_dotnet
}
