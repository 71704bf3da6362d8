#!/usr/bin/env bash
# Lints the merged API document with Redocly's recommended rules (npm @redocly/cli 2.x).
#
#   gateway/scripts/lint-openapi.sh [file-or-url]
#
# Without an argument: gateway/target/system/openapi.json, which the system test
# (TasksThroughGatewayIT) leaves behind, else the /openapi of a gateway running locally (make run).
set -euo pipefail

gateway_dir=$(cd "$(dirname "$0")/.." && pwd)
source=${1:-}
if [ -z "$source" ]; then
    if [ -f "$gateway_dir/target/system/openapi.json" ]; then
        source="$gateway_dir/target/system/openapi.json"
    else
        source=http://127.0.0.1:8080/openapi
    fi
fi
if [[ $source == http://* || $source == https://* ]]; then
    document=$(mktemp --suffix=.json)
    trap 'rm -f "$document"' EXIT
    curl -fsS "$source" -o "$document"
    source=$document
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec npx --yes @redocly/cli@2 lint "$source"
