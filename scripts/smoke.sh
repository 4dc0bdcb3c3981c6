#!/usr/bin/env bash
# End-to-end smoke test with curl alone: the CLI creates a user and a token, then the REST API
# creates a company, a contact and a deal, moves the deal twice and reads both moves back.
# Uses DATABASE_URL when set, else PIPEWRIGHT_DATA_DIR (default: a new temp folder).
set -euo pipefail
cd "$(dirname "$0")/.."

export PIPEWRIGHT_DATA_DIR="${PIPEWRIGHT_DATA_DIR:-$(mktemp -d)}"
export PORT="${PORT:-3917}" LOG_LEVEL=warn
cli() { node bin/pipewright.js "$@"; }
base="http://127.0.0.1:${PORT}/api/v1"
fail() { echo "smoke: $*" >&2; exit 1; }
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s)[process.argv[1]];process.stdout.write(typeof v==="object"?JSON.stringify(v):String(v))})' "$1"; }

email="smoke-$RANDOM-$$@example.com"
cli migrate >/dev/null
cli user create --email "$email" --password 'smoke-test-password' --role admin --new-workspace "Smoke $$" >/dev/null
token=$(cli token create --email "$email")
[ -n "$token" ] || fail "no token printed"

# Started directly (not through the cli function) so that $! is the server itself.
node bin/pipewright.js serve >"${PIPEWRIGHT_DATA_DIR%/}.server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "$base/health" >/dev/null && break; sleep 0.2; done

api() { curl -fsS -H "authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
company=$(api -X POST "$base/companies" -d '{"name":"Công ty Smoke","website":"https://smoke.example.vn"}' | field id)
contact=$(api -X POST "$base/contacts" -d "{\"name\":\"Nguyễn Smoke\",\"email\":\"smoke@smoke.example.vn\",\"companyId\":\"$company\"}" | field id)
pipeline=$(api "$base/pipelines" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).data.find(x=>x.name==="Sales");console.log(JSON.stringify({id:p.id,q:p.stages[1].id,p:p.stages[3].id}))})')
stage_q=$(echo "$pipeline" | field q)
stage_p=$(echo "$pipeline" | field p)
deal=$(api -X POST "$base/deals" -d "{\"title\":\"Smoke deal\",\"value\":1500000000,\"currency\":\"VND\",\"companyId\":\"$company\",\"contactIds\":[\"$contact\"]}" | field id)
api -X POST "$base/deals/$deal/move" -d "{\"stageId\":\"$stage_q\"}" >/dev/null
api -X POST "$base/deals/$deal/move" -d "{\"stageId\":\"$stage_p\"}" >/dev/null
history=$(api "$base/deals/$deal/history")
moves=$(echo "$history" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const e=JSON.parse(s).data.filter(x=>x.type==="stage");console.log(e.map(x=>x.toStageId).join(","))})')
[ "$moves" = "$stage_q,$stage_p" ] || fail "history has moves '$moves', expected '$stage_q,$stage_p'"
echo "smoke: ok (company, contact, deal, two moves in history)"
