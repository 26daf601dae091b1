#!/usr/bin/env bash
# All tests, against real tools (ffmpeg, festival, pocketsphinx). Extra arguments go to dotnet test,
# e.g. ./test.sh --filter "FullyQualifiedName~Captions".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
bootstrap
build VideoFunctions.sln
dotnet test VideoFunctions.sln -c "$BUILD_CONFIGURATION" --no-build --logger "console;verbosity=normal" "$@"
