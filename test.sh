#!/usr/bin/env bash
# All tests, against real tools (ffmpeg, festival, pocketsphinx). Extra arguments go to dotnet test,
# e.g. ./test.sh --filter "FullyQualifiedName~Captions".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
bootstrap
# Storage: Azurite and the Cosmos DB server, started unless already listening; the ones started here stop on exit.
source scripts/emulators.sh
trap emulators_stop EXIT
emulators_start
build VideoFunctions.sln
dotnet test VideoFunctions.sln -c "$BUILD_CONFIGURATION" --no-build --logger "console;verbosity=normal" "$@"
