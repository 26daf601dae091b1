#!/usr/bin/env bash
# The main job. Examples:
#   ./run.sh generate --prompt "A 30-second ad for a new coffee brand showing morning routine" --out out/coffee.mp4
#   ./run.sh bench
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
bootstrap
build src/VideoPipeline.Host/VideoPipeline.Host.csproj
exec dotnet "$HOST_DLL" "$@"
