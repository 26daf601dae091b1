# Shared by run.sh and test.sh: install what is missing, then build. Source it; don't run it.
# Every step is idempotent, so a second run only checks.

APT_PACKAGES=(ffmpeg festival festvox-us-slt-hts pocketsphinx pocketsphinx-en-us fonts-dejavu-core
  fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
BUILD_CONFIGURATION=${BUILD_CONFIGURATION:-Release}
HOST_DIR=".data/host"
HOST_DLL="$HOST_DIR/VideoPipeline.Host.dll"
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

# The CLI, compiled ahead of time (ReadyToRun) so a run does not spend its CPU in the JIT.
# Published again only when a source or build file is newer than the last publish.
publish_host() {
  if [ -f "$HOST_DLL" ] && [ -z "$(find src Directory.Build.props Directory.Packages.props -newer "$HOST_DLL" -type f \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    return 0
  fi
  mkdir -p "$LOG_DIR"
  local logfile="$LOG_DIR/publish.log"
  if ! dotnet publish src/VideoPipeline.Host/VideoPipeline.Host.csproj -c "$BUILD_CONFIGURATION" -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -o "$HOST_DIR" -nologo -v q >"$logfile" 2>&1; then
    grep -E "error|Error" "$logfile" | sort -u | head -40 >&2
    echo "Publishing the CLI failed; full log in $logfile" >&2
    exit 1
  fi
  touch "$HOST_DLL"
}

bootstrap() {
  ensure_apt_packages
  ensure_dotnet
}
