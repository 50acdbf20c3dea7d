#!/usr/bin/env bash
# Measures one large extract upload against a running Tilsyn, the way the page's script sends it: the file as the
# request body, then the status polled once a second until the background check is done. Prints the seconds to
# send (until the 201 answer), the seconds from then to the end of the check, and the status's rows read.
#
#   bench/scripts/upload-bench.sh <base-url> <username> <password> <file> [new-password]
#
# A fresh installation's admin must change the one-time password at first login: give the new one as the fifth
# argument. The upload goes to a new system "bench-<time>" of the user's institution. Nothing is asserted.
set -euo pipefail
BASE=$1 USERNAME=$2 PASSWORD=$3 FILE=$4 NEW_PASSWORD=${5:-}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT

csrf() { curl -s -b "$JAR" -c "$JAR" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
location() { grep -i '^location:' | tr -d '\r' | sed 's/^[Ll]ocation: *//'; }

curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$(csrf /login)" "$BASE/login"
if [[ -n $NEW_PASSWORD ]]; then
  curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "current=$PASSWORD" --data-urlencode "password=$NEW_PASSWORD" \
    --data-urlencode "repeat=$NEW_PASSWORD" --data-urlencode "_csrf=$(csrf /konto/adgangskode)" "$BASE/konto/adgangskode"
fi
KEY="bench-$(date +%s)"
SYSTEM=$(curl -s -b "$JAR" -c "$JAR" -D - -o /dev/null --data-urlencode "key=$KEY" --data-urlencode "name=$KEY" \
  --data-urlencode "profile=" --data-urlencode "_csrf=$(csrf /systemer)" "$BASE/systemer" | location)
SYSTEM=${SYSTEM#"$BASE"}
TOKEN=$(csrf "$SYSTEM/udtraek")
BYTES=$(stat -c %s "$FILE")
echo "file: $FILE ($BYTES bytes, $(($(wc -l < "$FILE") - 1)) data rows)"

START=$(date +%s.%N)
STATUS=$(curl -s -b "$JAR" -c "$JAR" -D - -o /dev/null -H "X-CSRF-TOKEN: $TOKEN" -H 'Content-Type: application/octet-stream' \
  --data-binary "@$FILE" "$BASE$SYSTEM/udtraek/indlaesninger?kind=EXTRACT&asOf=2026-10-31&name=$(basename "$FILE")" | location)
SENT=$(date +%s.%N)
STATUS=${STATUS#"$BASE"}
echo "sent in $(echo "$SENT - $START" | bc) s; status page $STATUS"

while :; do
  ANSWER=$(curl -s -b "$JAR" -c "$JAR" -D - -H 'HX-Request: true' "$BASE$STATUS")
  if grep -qi '^hx-redirect:' <<< "$ANSWER" || grep -q 'Afvist\|Fejlet\|Afbrudt' <<< "$ANSWER"; then
    break
  fi
  ROWS=$(grep -o 'id="upload-rows">[^<]*' <<< "$ANSWER" | sed 's/.*>//')
  echo "  $(echo "$(date +%s.%N) - $SENT" | bc | cut -c1-5) s: $ROWS rows read"
  sleep 1
done
DONE=$(date +%s.%N)
echo "checked in $(echo "$DONE - $SENT" | bc) s after sending; total $(echo "$DONE - $START" | bc) s"
grep -o 'id="upload-rows">[^<]*' <<< "$ANSWER" | sed 's/.*>/rows read: /'
PREVIEW=$(grep -i '^hx-redirect:' <<< "$ANSWER" | tr -d '\r' | sed 's/^[^:]*: *//')
if [[ -n $PREVIEW ]]; then
  curl -s -b "$JAR" -c "$JAR" -o /dev/null -w "preview page $PREVIEW: %{http_code} in %{time_total} s\n" "$BASE$PREVIEW"
else
  grep -o 'Afvist\|Fejlet\|Afbrudt' <<< "$ANSWER" | head -1
fi
