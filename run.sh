#!/usr/bin/env bash
# The main job. Examples:
#   ./run.sh generate --prompt "A 30-second ad for a new coffee brand showing morning routine" --out out/coffee.mp4
#   ./run.sh bench
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
bootstrap
# Storage: Azurite and the Cosmos DB server, started unless already listening; left running afterwards.
source scripts/emulators.sh
emulators_start
publish_host
# No verb: the HTTP API and its worker (serve).
[ $# -eq 0 ] && set -- serve
# The project turns tiered JIT off for short CPU-bound CLI runs; a long-lived server gains from it
# (dynamic PGO: about twice the status requests per second in `bench api`).
case "$1 ${2:-}" in
  serve*|worker*|"bench api") export DOTNET_TieredCompilation="${DOTNET_TieredCompilation:-1}" ;;
esac
exec dotnet "$HOST_DLL" "$@"
