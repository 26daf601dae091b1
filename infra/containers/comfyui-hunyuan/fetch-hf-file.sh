#!/bin/sh
# Downloads one file of a Hugging Face repository at a pinned revision into DEST.
# Usage: fetch-hf-file REPO REVISION PATH_IN_REPO DEST
#
# REVISION should be a commit id: the resolve URL then always serves the same bytes.
# A token is needed only for gated repositories; the build passes it as a BuildKit secret
# (docker build --secret id=hf_token,env=HF_TOKEN), read here from /run/secrets/hf_token.
# It goes out only as a request header to the Hub (curl does not forward it to the CDN the Hub
# redirects to) and is never printed or written into a layer.
set -eu

if [ "$#" -ne 4 ]; then
    echo "usage: $0 REPO REVISION PATH_IN_REPO DEST" >&2
    exit 2
fi

repo=$1
revision=$2
path=$3
dest=$4
endpoint=${HF_ENDPOINT:-https://huggingface.co}
token_file=${HF_TOKEN_FILE:-/run/secrets/hf_token}

token=
if [ -s "$token_file" ]; then
    token=$(cat "$token_file")
fi

mkdir -p "$(dirname "$dest")"
# Written under a temporary name first, so an interrupted download never looks complete.
curl --fail --location --silent --show-error \
    --retry 5 --retry-delay 10 --retry-all-errors \
    ${token:+--header "Authorization: Bearer $token"} \
    --output "$dest.part" \
    "$endpoint/$repo/resolve/$revision/$path"
mv "$dest.part" "$dest"
