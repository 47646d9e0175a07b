#!/usr/bin/env bash
# Black-box test of ecadm-sandbox: every endpoint of protocol/ECONSULT.md, checked with curl,
# plus fault injection, restart persistence and HTTPS. Talks to 127.0.0.1 only.
: "${ECADM:=unused}"
source "$ECADM_TEST_LIB"
: "${ECADM_SANDBOX:?ECADM_SANDBOX must point at the ecadm-sandbox binary}"
: "${ECADM_SOURCE_DIR:?ECADM_SOURCE_DIR must point at the source tree}"
EX="$ECADM_SOURCE_DIR/tests/data/examples"
XSD="$ECADM_SOURCE_DIR/protocol/econsult-v1.xsd"
# start_sandbox ARGS... : the sandbox with this scenario's accounts (see sandbox_start in lib.sh)
start_sandbox() {
  sandbox_start --account K-104233:a.berger:geheim --account K-2:b:pw2 --zentralruf-account zr:zrpw "$@"
}
stop_sandbox() {
  kill -TERM "$PID"
  wait "$PID"
  local rc=$?
  checks=$((checks + 1))
  [ "$rc" = 0 ] || fail "sandbox exited $rc on SIGTERM"
}

# req EXPECTED_STATUS METHOD PATH [curl-args...] : sets $STATUS, $BODY, $HEADERS (authenticated as K-104233)
req() {
  local want=$1 method=$2 path=$3; shift 3
  checks=$((checks + 1))
  STATUS=$(curl -sS -o "$T/body" -D "$T/headers" -w '%{http_code}' -X "$method" \
    -u a.berger:geheim -H 'EC-Kanzlei-Id: K-104233' "$@" "$URL$path")
  CURL_RC=$?
  BODY=$(cat "$T/body" 2>/dev/null); HEADERS=$(cat "$T/headers" 2>/dev/null)
  if [ "$STATUS" != "$want" ]; then fail "$method $path -> $STATUS, expected $want: $BODY"; return; fi
  case "$STATUS" in
    2*) if [ -s "$T/body" ] && [ "$path" != /_sandbox/stats ]; then schema_valid; fi ;;
    *) contains "$HEADERS" "Content-Type: application/xml" "headers of $method $path"; schema_valid ;;
  esac
}
# post EXPECTED_STATUS FILE [curl-args...] : POST /nachrichten with Idempotency-Key = the file's NachrichtId
post() {
  local want=$1 file=$2; shift 2
  req "$want" POST /nachrichten -H 'Content-Type: application/xml' -H "Idempotency-Key: $(nid "$file")" \
    --data-binary "@$file" "$@"
}
schema_valid() {
  checks=$((checks + 1))
  xmllint --noout --schema "$XSD" "$T/body" 2>"$T/xmllint" || fail "answer not valid against the XSD: $(cat "$T/xmllint")"
}
xp() { xmllint --xpath "$1" - <<<"$BODY" 2>/dev/null; }  # xp XPATH : evaluates on $BODY
nid() { sed -n 's:.*<NachrichtId>\(.*\)</NachrichtId>.*:\1:p' "$1" | head -n 1; }
# fehler STATUS CODE [FELD] : asserts the last answer was that Fehler
fehler() {
  checks=$((checks + 1))
  [ "$(xp 'string(/*[local-name()="Fehler"]/@code)')" = "$2" ] || fail "expected Fehler $2, got: $BODY"
  if [ -n "${3:-}" ]; then
    checks=$((checks + 1))
    [ "$(xp 'string(/*/@feld)')" = "$3" ] || fail "expected feld=$3, got: $BODY"
  fi
}
eq() { checks=$((checks + 1)); [ "$1" = "$2" ] || fail "${3:-value}: '$1', expected '$2'"; }
# variant SRC DEST ID [sed-expr...] : copies an example with a new NachrichtId and optional edits
variant() {
  local src=$1 dest=$2 id=$3; shift 3
  sed "s:<NachrichtId>[^<]*</NachrichtId>:<NachrichtId>$id</NachrichtId>:" "$src" >"$dest"
  for expr in "$@"; do sed -i "$expr" "$dest"; done
}
uuid() { printf '00000000-0000-4000-8000-%012d' "$1"; }
E='/*[local-name()="Postfach"]/*[local-name()="Eintrag"]'

# --- the examples are the shared ones, byte for byte, and valid ----------------------------------------
for f in "$EX"/*.xml; do
  checks=$((checks + 1))
  xmllint --noout --schema "$XSD" "$f" 2>/dev/null || fail "example $(basename "$f") invalid"
done

start_sandbox --reply-after-ms 1000 --passivmandatierung K-104233 --seed 7

# --- ping, auth, unknown path --------------------------------------------------------------------------
req 200 GET /ping
eq "$(xp 'string(/*/@kanzleiId)')" K-104233 "Pong kanzleiId"
eq "$(xp 'string(/*/@benutzer)')" a.berger "Pong benutzer"
contains "$(xp 'string(/*/@serverzeit)')" Z "serverzeit"
req 401 GET /ping -u a.berger:falsch; fehler 401 ZUGANG
contains "$HEADERS" 'WWW-Authenticate: Basic realm="e.Consult"' "401 headers"
req 401 GET /ping -u b:pw2; fehler 401 ZUGANG  # K-2's credentials under K-104233
checks=$((checks + 1))
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' "$URL/ping"); BODY=$(cat "$T/body")
eq "$STATUS" 401 "ping without credentials"; fehler 401 ZUGANG
req 404 GET /gibtsnicht; fehler 404 UNBEKANNT
# a method the path does not take: the schema's codes have none for it, so 404 UNBEKANNT as for a path
req 404 PUT /ping; fehler 404 UNBEKANNT
req 404 PUT /ping -H 'Content-Type: application/xml' --data-binary '<x/>'; fehler 404 UNBEKANNT
req 404 DELETE /postfach; fehler 404 UNBEKANNT
req 401 GET /postfach -u a.berger:falsch; fehler 401 ZUGANG

# --- versicherer --------------------------------------------------------------------------------------
req 200 GET /versicherer
eq "$(xp 'count(//*[local-name()="Versicherer"])')" 24 "insurers in the directory"
eq "$(xp 'string(//*[@bafin="5826"]/@vsnrMuster)')" '^RS-[0-9]{4}-[0-9]{4}$' "ADAC pattern"
eq "$(xp 'count(//*[@bafin="5826"]/*[local-name()="Anforderung"])')" 2 "ADAC requirements"
eq "$(xp 'string(//*[@bafin="5312"]/@sparten)')" "rechtsschutz schaden" "Allianz lines"
req 401 GET /versicherer -u x:y; fehler 401 ZUGANG

# --- POST /nachrichten: accept, repeat, conflict ------------------------------------------------------
DA="$EX/deckungsanfrage.xml"
post 201 "$DA"
VORGANG=$(xp 'string(/*/@vorgang)')
contains "$VORGANG" "EC-2026-" "vorgang"
eq "$(xp 'string(/*/@nachrichtId)')" "$(nid "$DA")" "confirmation nachrichtId"
FIRST=$BODY
req 200 GET /postfach
eq "$(xp "count($E)")" 0 "mailbox before the reply is due"
eq "$(xp 'string(/*/@mehr)')" false "mehr"
post 200 "$DA"
eq "$BODY" "$FIRST" "repeated confirmation"
variant "$DA" "$T/changed.xml" "$(nid "$DA")" 's:<Aktenzeichen>112/26:<Aktenzeichen>113/26:'
post 409 "$T/changed.xml"; fehler 409 IDEMPOTENZ

# --- POST /nachrichten: refusals ----------------------------------------------------------------------
variant "$DA" "$T/d2.xml" "$(uuid 2)"
req 422 POST /nachrichten --data-binary "@$T/d2.xml"; fehler 422 VALIDIERUNG Idempotency-Key
req 422 POST /nachrichten -H "Idempotency-Key: $(uuid 99)" --data-binary "@$T/d2.xml"; fehler 422 VALIDIERUNG NachrichtId
printf '<Nachricht xmlns="urn:ecadm:econsult:1"><Kopf>' >"$T/broken.xml"
req 400 POST /nachrichten -H "Idempotency-Key: $(uuid 3)" --data-binary "@$T/broken.xml"; fehler 400 SCHEMA
variant "$DA" "$T/invalid.xml" "$(uuid 4)" 's:<Rechtsgebiet>arbeitsrecht</Rechtsgebiet>::'
post 400 "$T/invalid.xml"; fehler 400 SCHEMA
req 400 POST /nachrichten -H "Idempotency-Key: $(uuid 5)" --data-binary "@$EX/zentralruf-anfrage.xml"; fehler 400 SCHEMA
variant "$DA" "$T/unknown.xml" "$(uuid 6)" 's:<Bafin>5826</Bafin>:<Bafin>9999</Bafin>:'
post 404 "$T/unknown.xml"; fehler 404 UNBEKANNT Empfaenger
variant "$DA" "$T/vsnr.xml" "$(uuid 7)" 's:RS-4471-2290:RS-44712290:'
post 422 "$T/vsnr.xml"; fehler 422 VALIDIERUNG Versicherungsscheinnummer
variant "$DA" "$T/adac.xml" "$(uuid 8)" 's:<AdacPartnernummer>ADAC-778812</AdacPartnernummer>::'
post 422 "$T/adac.xml"; fehler 422 ANFORDERUNG AdacPartnernummer
variant "$DA" "$T/agb.xml" "$(uuid 9)" '/<AdacAgbAkzeptiert/d'
post 422 "$T/agb.xml"; fehler 422 ANFORDERUNG AdacAgbAkzeptiert
variant "$DA" "$T/rv.xml" "$(uuid 10)" 's:<Bafin>5826</Bafin>:<Bafin>5836</Bafin>:'
post 422 "$T/rv.xml"; fehler 422 ANFORDERUNG Bankverbindung
variant "$DA" "$T/kanzlei.xml" "$(uuid 11)" 's:<KanzleiId>K-104233</KanzleiId>:<KanzleiId>K-2</KanzleiId>:'
post 422 "$T/kanzlei.xml"; fehler 422 VALIDIERUNG KanzleiId
variant "$EX/schadenmeldung.xml" "$T/sm-adac.xml" "$(uuid 12)" 's:<Bafin>5312</Bafin>:<Bafin>5826</Bafin>:'
post 422 "$T/sm-adac.xml"; fehler 422 VALIDIERUNG Empfaenger
variant "$DA" "$T/teil.xml" "$(uuid 17)" 's:<Bafin>5826</Bafin>:<Bafin>5801</Bafin>:'  # AUXILIA takes teil only
post 422 "$T/teil.xml"; fehler 422 VALIDIERUNG struktur
variant "$DA" "$T/sha.xml" "$(uuid 13)" 's:sha256="2cf2:sha256="3cf2:'
post 422 "$T/sha.xml"; fehler 422 VALIDIERUNG Anlage
variant "$DA" "$T/size.xml" "$(uuid 14)" 's:groesse="5":groesse="6":'
post 422 "$T/size.xml"; fehler 422 VALIDIERUNG Anlage
head -c $((20 * 1024 * 1024 + 1)) /dev/zero >"$T/big.bin"
req 413 POST /nachrichten -H "Idempotency-Key: $(uuid 15)" --data-binary "@$T/big.bin"; fehler 413 ZU_GROSS
post 201 "$EX/schadenmeldung.xml"

# --- concurrent copies of one message: exactly one is accepted, all get the same confirmation ----------
variant "$EX/schadenmeldung.xml" "$T/race.xml" "$(uuid 16)"
for i in $(seq 12); do
  curl -s -o "$T/race.$i" -w '%{http_code}\n' -u a.berger:geheim -H 'EC-Kanzlei-Id: K-104233' \
    -H "Idempotency-Key: $(uuid 16)" --data-binary "@$T/race.xml" "$URL/nachrichten" >>"$T/race.codes" &
done
wait $(jobs -p | grep -vx "$PID")
eq "$(grep -c 201 "$T/race.codes")" 1 "concurrent copies answered 201"
eq "$(grep -c 200 "$T/race.codes")" 11 "concurrent copies answered 200"
eq "$(sed -n 's/.*vorgang="\([^"]*\)".*/\1/p' "$T"/race.* | sort -u | wc -l)" 1 "one Vorgang for all copies"

# --- Nachreichung -------------------------------------------------------------------------------------
variant "$EX/nachreichung.xml" "$T/nr-none.xml" "$(uuid 20)" '/<Vorgang>/d'
post 422 "$T/nr-none.xml"; fehler 422 VALIDIERUNG Vorgang
post 422 "$EX/nachreichung.xml"; fehler 422 VALIDIERUNG Vorgang  # a Vorgang the firm does not have
variant "$EX/nachreichung.xml" "$T/nr.xml" "$(uuid 21)" "s:EC-2026-000490:$VORGANG:" 's:<Bafin>5805</Bafin>:<Bafin>5826</Bafin>:' \
  's|<Email>kanzlei@berger-kollegen.example</Email>|&<AdacPartnernummer>P-1</AdacPartnernummer><AdacAgbAkzeptiert fassung="2026-01" am="2026-11-20T10:02:11Z"/>|'
variant "$T/nr.xml" "$T/nr-other.xml" "$(uuid 22)" 's:<Bafin>5826</Bafin>:<Bafin>5801</Bafin>:'
post 422 "$T/nr-other.xml"; fehler 422 VALIDIERUNG Empfaenger  # the Vorgang is ADAC's
variant "$T/nr.xml" "$T/nr-nobezug.xml" "$(uuid 23)" '/<BezugNachrichtId>/d'
post 422 "$T/nr-nobezug.xml"; fehler 422 VALIDIERUNG BezugNachrichtId  # an answer names the Rueckfrage
variant "$T/nr-nobezug.xml" "$T/nr-docs.xml" "$(uuid 24)" 's:antwort-rueckfrage:dokumente:'
post 201 "$T/nr-docs.xml"
post 201 "$T/nr.xml"
eq "$(xp 'string(/*/@vorgang)')" "$VORGANG" "Nachreichung confirms the case"

# --- mailbox: the reply arrives after --reply-after-ms, stays until acknowledged ----------------------
sleep 1.1
req 200 GET /postfach
eq "$(xp "count($E)")" 1 "mailbox entries after the reply is due"
eq "$(xp "string($E//*[local-name()='Art'])")" Deckungsentscheidung "reply kind"
eq "$(xp "string($E//*[local-name()='Ergebnis'])")" zusage "Ergebnis"
eq "$(xp "string($E//*[local-name()='Vorgang'])")" "$VORGANG" "reply Vorgang"
eq "$(xp "string($E//*[local-name()='BezugNachrichtId'])")" "$(nid "$DA")" "reply BezugNachrichtId"
eq "$(xp "string($E//*[local-name()='Aktenzeichen'])")" "112/26" "reply Aktenzeichen"
eq "$(xp "string($E//*[local-name()='Versicherer']/@bafin)")" 5826 "reply sender"
contains "$(xp "string($E//*[local-name()='Schadennummer'])")" "SB-5826-" "Schadennummer"
ENTRY=$(xp "string($E/@id)")
req 200 GET /postfach
eq "$(xp "string($E/@id)")" "$ENTRY" "unacknowledged entry delivered again"
req 204 POST "/postfach/$ENTRY/quittung" -d ""
req 204 POST "/postfach/$ENTRY/quittung" # no body and no Content-Length at all, as `curl -X POST` sends it
req 404 POST /postfach/x/y/quittung; fehler 404 UNBEKANNT
req 404 POST /postfach/pf-999999/quittung -d ""; fehler 404 UNBEKANNT
checks=$((checks + 1))
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -d '' -u b:pw2 -H 'EC-Kanzlei-Id: K-2' "$URL/postfach/$ENTRY/quittung")
BODY=$(cat "$T/body"); eq "$STATUS" 404 "another firm's entry"; fehler 404 UNBEKANNT
req 200 GET /postfach
eq "$(xp "count($E)")" 0 "mailbox after the acknowledgement"

# four more Deckungsanfragen: the fifth accepted one gets a Rueckfrage
for i in 31 32 33 34; do variant "$DA" "$T/d$i.xml" "$(uuid $i)"; post 201 "$T/d$i.xml"; done
sleep 1.2
req 200 GET "/postfach?max=2"
eq "$(xp "count($E)")" 2 "page of two"
eq "$(xp 'string(/*/@mehr)')" true "mehr on a full page"
NEXT=$(xp 'string(/*/@naechster)')
req 200 GET "/postfach?nach=$NEXT&max=500"
eq "$(xp "count($E)")" 2 "the rest after the cursor"
eq "$(xp 'string(/*/@mehr)')" false "mehr on the last page"
eq "$(xp "string($E[2]//*[local-name()='Art'])")" Rueckfrage "fifth reply is a Rueckfrage"
eq "$(xp "string($E[2]//*[local-name()='BezugNachrichtId'])")" "$(uuid 34)" "Rueckfrage BezugNachrichtId"
req 200 GET "/postfach?nach=$(xp 'string(/*/@naechster)')"
eq "$(xp "count($E)")" 0 "nothing after the last cursor"
for bad in "max=0" "max=501" "max=abc" "nach=xyz"; do
  req 422 GET "/postfach?$bad"; fehler 422 VALIDIERUNG "${bad%%=*}"
done

# --- mandates via the control API ---------------------------------------------------------------------
checks=$((checks + 1))
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -d '' "$URL/_sandbox/mandat?kanzlei=K-2"); BODY=$(cat "$T/body")
eq "$STATUS" 403 "mandate for a firm without Passivmandatierung"; fehler 403 NICHT_FREIGESCHALTET
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -d '' "$URL/_sandbox/mandat?kanzlei=K-999"); BODY=$(cat "$T/body")
eq "$STATUS" 404 "mandate for an unknown firm"
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -d '' "$URL/_sandbox/mandat?kanzlei=K-104233"); BODY=$(cat "$T/body")
eq "$STATUS" 201 "generated mandate"
MANDAT_VORGANG=$(xp 'string(/*/@vorgang)')
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' --data-binary "@$EX/mandat.xml" "$URL/_sandbox/mandat?kanzlei=K-104233")
BODY=$(cat "$T/body"); eq "$STATUS" 201 "mandate from examples/mandat.xml"
eq "$(xp 'string(/*/@vorgang)')" EC-2026-000502 "the example's Vorgang"
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' --data-binary "@$DA" "$URL/_sandbox/mandat?kanzlei=K-104233")
BODY=$(cat "$T/body"); eq "$STATUS" 422 "a Deckungsanfrage is no mandate"; fehler 422 VALIDIERUNG Art
req 200 GET /postfach
eq "$(xp "count($E[.//*[local-name()='Art']='Mandat'])")" 2 "mandates in the mailbox"
eq "$(xp "string($E[.//*[local-name()='Art']='Mandat'][1]//*[local-name()='Vorgang'])")" "$MANDAT_VORGANG" "mandate Vorgang"
variant "$T/nr.xml" "$T/nr-mandat.xml" "$(uuid 40)" "s:$VORGANG:$MANDAT_VORGANG:"
post 422 "$T/nr-mandat.xml"; fehler 422 VALIDIERUNG Empfaenger  # the mandate came from ÖRAG
variant "$T/nr.xml" "$T/nr-mandat.xml" "$(uuid 41)" "s:$VORGANG:$MANDAT_VORGANG:" 's:<Bafin>5826</Bafin>:<Bafin>5813</Bafin>:'
post 201 "$T/nr-mandat.xml"

# --- stats ----------------------------------------------------------------------------------------------
STATS=$(curl -s "$URL/_sandbox/stats")
eq "$(json "$STATS" ".messages[\"$(nid "$DA")\"].posted")" 3 "posts of the Deckungsanfrage"
eq "$(json "$STATS" ".messages[\"$(nid "$DA")\"].accepted")" true "accepted"
eq "$(json "$STATS" ".messages[\"$(uuid 7)\"].accepted")" false "refused message not accepted"

# --- Zentralruf -----------------------------------------------------------------------------------------
zr() { # zr EXPECTED PLATE DATE [curl-args]
  local want=$1 plate=$2 day=$3; shift 3
  printf '<ZentralrufAnfrage xmlns="urn:ecadm:econsult:1"><Kennzeichen>%s</Kennzeichen><Schadentag>%s</Schadentag></ZentralrufAnfrage>' \
    "$plate" "$day" >"$T/zr.xml"
  req "$want" POST /zentralruf/auskunft -u zr:zrpw --data-binary "@$T/zr.xml" "$@"
}
req 200 POST /zentralruf/auskunft -u zr:zrpw --data-binary "@$EX/zentralruf-anfrage.xml"
eq "$(xp 'string(//*[local-name()="Versicherer"]/@bafin)')" 5312 "Zentralruf insurer"
eq "$(xp 'string(//*[local-name()="Versicherer"]/@name)')" "Allianz Versicherungs-AG" "Zentralruf insurer name"
eq "$(xp 'string(//*[local-name()="Versicherungsscheinnummer"])')" KH-99812003 "Zentralruf policy"
eq "$(xp 'count(//*[local-name()="Vertragsende"])')" 0 "running cover has no end"
zr 200 "HH-A 1" 2026-08-01
eq "$(xp 'string(//*[local-name()="Vertragsende"])')" 2026-06-30 "ended cover"
zr 404 "B-ZZ 9999" 2026-11-30; fehler 404 UNBEKANNT
zr 404 "L-XY 4711" 2025-11-30; fehler 404 UNBEKANNT
zr 403 "M-AB 123" 2026-11-30; fehler 403 NICHT_FREIGESCHALTET
zr 422 "lxy4711" 2026-11-30; fehler 422 VALIDIERUNG Kennzeichen
zr 422 "L-XY 4711" 2026-13-45; fehler 422 VALIDIERUNG Schadentag
zr 422 "L-XY 4711" 2099-01-01; fehler 422 VALIDIERUNG Schadentag
zr 401 "L-XY 4711" 2026-11-30 -u zr:falsch; fehler 401 ZUGANG
stop_sandbox

# --- faults: 503 (or --fail-status) with Retry-After -------------------------------------------------
start_sandbox --fail-rate 1.0
post 503 "$DA"; fehler 503 SERVER
contains "$HEADERS" "Retry-After: 1" "503 headers"
eq "$(json "$(curl -s "$URL/_sandbox/stats")" ".messages[\"$(nid "$DA")\"].accepted")" false "failed message not accepted"
stop_sandbox
for status in 500 502 504 429; do
  start_sandbox --fail-rate 1.0 --fail-status "$status"
  post "$status" "$DA"
  if [ "$status" = 429 ]; then fehler 429 DROSSELUNG; else fehler "$status" SERVER; fi
  contains "$HEADERS" "Retry-After: 1" "$status headers"
  stop_sandbox
done

# --- SIGTERM while a client holds an idle kept-alive connection: the sandbox stops at once -------------
start_sandbox
PORT=${URL#http://127.0.0.1:}; PORT=${PORT%%/*}
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /ec/v1/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' >&3
IFS= read -r -t 5 LINE <&3
contains "$LINE" "HTTP/1.1 401" "answer on the kept-alive connection"
STARTED=$(date +%s%N)
stop_sandbox
exec 3<&-
checks=$((checks + 1))
[ $(( ($(date +%s%N) - STARTED) / 1000000 )) -lt 1000 ] || fail "SIGTERM took over a second with an idle connection"

# --- drop-rate 1.0: stored, connection closed without an answer; state survives a restart -------------
start_sandbox --drop-rate 1.0 --state "$T/state.db" --reply-after-ms 0
checks=$((checks + 1))
curl -sS -o /dev/null -u a.berger:geheim -H 'EC-Kanzlei-Id: K-104233' -H "Idempotency-Key: $(nid "$DA")" \
  --data-binary "@$DA" "$URL/nachrichten" 2>"$T/curl.err"
eq "$?" 52 "curl exit status on a dropped connection"
contains "$(cat "$T/curl.err")" "Empty reply" "curl error"
eq "$(json "$(curl -s "$URL/_sandbox/stats")" ".messages[\"$(nid "$DA")\"].accepted")" true "dropped message accepted"
stop_sandbox
start_sandbox --state "$T/state.db"
post 200 "$DA"
contains "$(xp 'string(/*/@vorgang)')" "EC-2026-" "confirmation after the restart"
req 200 GET /postfach
eq "$(xp "count($E)")" 1 "mailbox survives the restart"
variant "$DA" "$T/after.xml" "$(uuid 50)"
post 201 "$T/after.xml"
eq "$(xp 'string(/*/@vorgang)')" EC-2026-000002 "the Vorgang counter survives the restart"
kill -INT "$PID"; wait "$PID"; eq "$?" 0 "exit status on SIGINT"

# --- throttling and latency -----------------------------------------------------------------------------
start_sandbox --throttle 2 --latency-ms 200
for _ in 1 2 3 4 5; do
  curl -s -o /dev/null -D - -w '%{http_code} %{time_total}\n' -u a.berger:geheim -H 'EC-Kanzlei-Id: K-104233' \
    "$URL/ping" >>"$T/throttle"
done
contains "$(cat "$T/throttle")" "429" "throttled answers"
contains "$(cat "$T/throttle")" "Retry-After: 1" "429 Retry-After"
checks=$((checks + 1))
awk '/^[0-9][0-9][0-9] /{ if ($2 < 0.2) bad = 1 } END { exit bad }' "$T/throttle" || fail "an answer came before --latency-ms"
stop_sandbox

# --- HTTPS with a test CA -------------------------------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=ecadm test CA" -keyout "$T/ca.key" -out "$T/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$T/server.key" -out "$T/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$T/san.ext"
openssl x509 -req -in "$T/server.csr" -CA "$T/ca.pem" -CAkey "$T/ca.key" -CAcreateserial -days 2 \
  -extfile "$T/san.ext" -out "$T/server.pem" 2>/dev/null
start_sandbox --tls-cert "$T/server.pem" --tls-key "$T/server.key"
contains "$URL" "https://127.0.0.1:" "TLS URL"
req 200 GET /ping --cacert "$T/ca.pem"
stop_sandbox
start_sandbox --tls-cert "$T/server.pem" --tls-key "$T/server.key" --drop-rate 1.0
checks=$((checks + 1))
curl -sS -o /dev/null --cacert "$T/ca.pem" -u a.berger:geheim -H 'EC-Kanzlei-Id: K-104233' \
  -H "Idempotency-Key: $(nid "$DA")" --data-binary "@$DA" "$URL/nachrichten" 2>"$T/curl.err"
rc=$?
checks=$((checks + 1))
[ "$rc" = 52 ] || [ "$rc" = 56 ] || fail "curl exit status on a dropped TLS connection: $rc ($(cat "$T/curl.err"))"
eq "$(json "$(curl -s --cacert "$T/ca.pem" "$URL/_sandbox/stats")" ".messages[\"$(nid "$DA")\"].accepted")" true "dropped TLS message accepted"
checks=$((checks + 1))
curl -s -o /dev/null -u a.berger:geheim -H 'EC-Kanzlei-Id: K-104233' "$URL/ping"
eq "$?" 60 "curl without the test CA"
stop_sandbox

# --- usage errors ---------------------------------------------------------------------------------------
checks=$((checks + 1))
"$ECADM_SANDBOX" --account broken >/dev/null 2>"$T/usage.err"
eq "$?" 2 "exit status on a bad --account"
contains "$(cat "$T/usage.err")" "KANZLEI_ID:USER:PASSWORD" "usage error"
checks=$((checks + 1))
"$ECADM_SANDBOX" --fail-status 501 >/dev/null 2>"$T/usage.err"
eq "$?" 2 "exit status on a bad --fail-status"
contains "$(cat "$T/usage.err")" "--fail-status" "usage error"
contains "$("$ECADM_SANDBOX" --help)" "--fail-status" "--help names --fail-status"
contains "$("$ECADM_SANDBOX" --help)" "L-XY 4711" "--help lists the sample plates"

finish
