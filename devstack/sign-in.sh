#!/usr/bin/env bash
# Signs a user in to the local Keycloak the way a browser does (authorization code flow with
# PKCE, client lifeos-web) and prints the access token.
#
# Unlike the password grant, this token carries auth_time, which sudo actions need (register a
# partner app, make recovery keys, remove a member, dissolve a circle, change policies, delete
# the account): they accept it for 5 minutes after the sign-in. Dev only: it fills in Keycloak's
# login form with the password given.
#
#   TOKEN=$(devstack/sign-in.sh alice alice-dev-password)
#
# KEYCLOAK_URL (default http://127.0.0.1:8180, the one `make run` starts) names another Keycloak.
set -euo pipefail

usage="usage: $0 USERNAME PASSWORD"
username=${1:?$usage}
password=${2:?$usage}
keycloak=${KEYCLOAK_URL:-http://127.0.0.1:8180}
oidc="$keycloak/realms/lifeos/protocol/openid-connect"
redirect=http://127.0.0.1:3000/callback

fail() {
    echo "sign-in: $*" >&2
    exit 1
}

base64url() {
    base64 | tr '+/' '-_' | tr -d '=\n'
}

cookies=$(mktemp)
trap 'rm -f "$cookies"' EXIT

verifier=$(head -c 32 /dev/urandom | base64url)
challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64url)

login_page=$(curl -sS --fail -c "$cookies" -b "$cookies" \
    "$oidc/auth?client_id=lifeos-web&response_type=code&scope=openid&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256") \
    || fail "Keycloak did not answer at $keycloak (is \`make run\` up?)"
form=$(printf %s "$login_page" | sed -nE 's/.*<form[^>]* action="([^"]+)".*/\1/p' | head -n 1 | sed 's/&amp;/\&/g')
[ -n "$form" ] || fail "no login form at $oidc/auth"

location=$(curl -sS -c "$cookies" -b "$cookies" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode "username=$username" --data-urlencode "password=$password" "$form") \
    || fail "Keycloak did not answer the sign-in"
code=$(printf %s "$location" | sed -nE 's/.*[?&]code=([^&]+).*/\1/p')
[ -n "$code" ] || fail "Keycloak did not sign '$username' in (wrong password, account locked, or an action such as a new password is required first)"

tokens=$(curl -sS "$oidc/token" -d grant_type=authorization_code -d client_id=lifeos-web \
    --data-urlencode "code=$code" -d "redirect_uri=$redirect" -d "code_verifier=$verifier") \
    || fail "Keycloak did not answer the token request"
token=$(printf %s "$tokens" | sed -nE 's/.*"access_token":"([^"]+)".*/\1/p')
[ -n "$token" ] || fail "no access token for the code: $tokens"
printf '%s\n' "$token"
