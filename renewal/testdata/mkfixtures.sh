#!/usr/bin/env bash
# Regenerates renewal/testdata/fixtures: real CSRs and certificates made by
# OpenSSL (openssl req, openssl x509) and by Java's keytool (-certreq,
# -gencert), for the RN-4 tests in fixtures_test.go. Run from anywhere:
#   bash renewal/testdata/mkfixtures.sh
# Keys are random, so every run gives new files; the tests read subjects
# and validity only. Made with OpenSSL 3.0.19 and keytool of Java 17.
# Passwords go to keytool in files, never on a command line as pass:.
set -euo pipefail
cd "$(dirname "$0")"
out=fixtures
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A small CA.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/ca.key" \
  -subj "/C=JP/O=Example Trust K.K./CN=Example Server CA" -days 3650 -out "$out/ca.crt" 2>/dev/null

# csr KEYNAME OUT MASK SUBJ [extra req args...]: a CSR with the string mask given
csr() {
  local name=$1 file=$2 mask=$3 subj=$4; shift 4
  cat >"$work/req-$name.cnf" <<CNF
[req]
distinguished_name = dn
string_mask = $mask
utf8 = yes
[dn]
CNF
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/$name.key" \
    -config "$work/req-$name.cnf" -subj "$subj" "$@" -out "$out/$file" 2>/dev/null
}

# issue CSR OUT SUBJ DAYS: the CA issues a certificate for CSR with subject
# SUBJ (as the CA writes it, in PrintableString where it can) and the
# CSR's public key.
issue() {
  local req=$1 file=$2 subj=$3 days=$4
  cat >"$work/x509.cnf" <<CNF
[req]
distinguished_name = dn
string_mask = default
utf8 = yes
[dn]
[ext]
subjectAltName = DNS:www.example.jp
authorityKeyIdentifier = keyid
CNF
  openssl x509 -req -in "$out/$req" -CA "$out/ca.crt" -CAkey "$work/ca.key" -set_serial "0x$(openssl rand -hex 8)" \
    -days "$days" -subj "$subj" -extfile "$work/x509.cnf" -extensions ext -out "$out/$file" 2>/dev/null
}

subj="/C=JP/ST=Tokyo/L=Minato-ku/O=Example Co., Ltd./OU=IT/CN=www.example.jp/emailAddress=admin@example.jp"
# Last year's CSR (UTF8String, as OpenSSL writes by default) and the
# certificate the CA issued for it without OU and emailAddress, in
# PrintableString and in another attribute order.
csr old openssl-2025.csr utf8only "$subj"
issue openssl-2025.csr openssl-2025-ou-dropped.crt "/CN=www.example.jp/O=Example Co., Ltd./L=Minato-ku/ST=Tokyo/C=JP" 397
# This year's CSR, unchanged; one with a changed locality; one with an
# organization in other case and spacing.
csr new openssl-2026.csr utf8only "$subj"
csr moved openssl-2026-moved.csr utf8only "/C=JP/ST=Tokyo/L=Chiyoda-ku/O=Example Co., Ltd./OU=IT/CN=www.example.jp/emailAddress=admin@example.jp"
csr spaced openssl-2026-spaced.csr utf8only "/C=JP/ST=tokyo/L=Minato-ku/O=EXAMPLE  Co.,  Ltd./CN=www.example.jp"
# The same subject as BMPString, as T61String (Latin-1 bytes), and with a
# multi-valued RDN.
csr bmp openssl-2026-bmp.csr "MASK:0x800" "$subj"
csr t61 openssl-2026-t61.csr "MASK:0x4" "/C=JP/ST=Tokyo/L=Minato-ku/O=Société Exemple/CN=www.example.jp"
issue openssl-2026-t61.csr openssl-2025-t61-utf8.crt "/C=JP/ST=Tokyo/L=Minato-ku/O=Société Exemple/CN=www.example.jp" 200
csr multi openssl-2026-multivalued.csr utf8only "/C=JP/ST=Tokyo+L=Minato-ku/O=Example Co., Ltd.+OU=IT/CN=www.example.jp" -multivalue-rdn
# EV: the CA adds jurisdiction fields, businessCategory and serialNumber.
csr ev openssl-ev.csr utf8only "/C=JP/ST=Tokyo/L=Minato-ku/O=Example Co., Ltd./CN=www.example.jp"
issue openssl-ev.csr openssl-ev.crt "/jurisdictionC=JP/businessCategory=Private Organization/serialNumber=0104-01-000000/C=JP/ST=Tokyo/L=Minato-ku/O=Example Co., Ltd./CN=www.example.jp" 199
# No subject at all: the name is in the SANs only.
csr sans openssl-sans-only.csr utf8only "/" -addext "subjectAltName=DNS:www.example.jp,DNS:example.jp"

# keytool: a key pair and CSR as a Java server operator makes them, and the
# certificate keytool -gencert issues for it from a CA key store.
printf 'changeit\n' >"$work/pw"
openssl pkcs12 -export -inkey "$work/ca.key" -in "$out/ca.crt" -name ca -out "$work/ca.p12" -passout "file:$work/pw"
dname="CN=www.example.jp, OU=IT, O=\"Example Co., Ltd.\", L=Minato-ku, ST=Tokyo, C=JP"
keytool -genkeypair -keystore "$work/server.p12" -storetype PKCS12 -storepass:file "$work/pw" -alias server \
  -keyalg EC -groupname secp256r1 -dname "$dname" >/dev/null 2>&1
keytool -certreq -keystore "$work/server.p12" -storepass:file "$work/pw" -alias server -file "$out/keytool.csr" >/dev/null 2>&1
keytool -gencert -keystore "$work/ca.p12" -storetype PKCS12 -storepass:file "$work/pw" -alias ca \
  -infile "$out/keytool.csr" -outfile "$out/keytool.crt" -rfc -validity 199 -ext "SAN=dns:www.example.jp" >/dev/null 2>&1
echo "wrote $(ls "$out" | wc -l) files to $(pwd)/$out"
