#!/bin/sh
# make.sh writes the files of examples/testdata that peer tools make from
# the Go-made ones (go test ./examples/internal/input -run TestFixtures
# -update writes those): PKCS#7 bags and a TRUSTED CERTIFICATE by
# openssl, encrypted keys, PKCS#12 bundles by openssl and keytool. Keys made
# here are random, so rerunning it changes the files (and the golden files
# that print their fingerprints: go test ./examples/... -update).
#
# Tools: openssl 3.0, keytool (Java 17). Passwords go through files, never
# on the command line.
set -eu
cd "$(dirname "$0")"
printf 'Example2026\n' >password.txt

# PKCS#7 certificate bags, DER and PEM, as openssl crl2pkcs7 writes them.
openssl crl2pkcs7 -nocrl -certfile fullchain.pem -certfile root.pem -outform DER -out bundle.p7b
openssl crl2pkcs7 -nocrl -certfile fullchain.pem -certfile root.pem -outform PEM -out bundle-p7b.pem

# OpenSSL's TRUSTED CERTIFICATE form: the root with its trust settings.
openssl x509 -in root.pem -trustout -addtrust serverAuth -out trusted.pem

# Encrypted keys: PKCS#8 (ENCRYPTED PRIVATE KEY) and the traditional form
# with a Proc-Type: 4,ENCRYPTED header.
openssl pkcs8 -topk8 -in leaf.key -v2 aes-256-cbc -passout file:password.txt -out encrypted.key
openssl ecparam -name prime256v1 -genkey -noout -out ec.tmp
openssl ec -in ec.tmp -aes256 -passout file:password.txt -out encrypted-traditional.key 2>/dev/null
rm ec.tmp

# PKCS#12: the leaf with its key and chain (OpenSSL 3 defaults), and a
# truststore (certificates, no key).
cat fullchain.pem root.pem >p12chain.tmp
openssl pkcs12 -export -in p12chain.tmp -inkey leaf.key -passout file:password.txt -out leaf.p12
openssl pkcs12 -export -nokeys -in root.pem -passout file:password.txt -out truststore.p12
rm p12chain.tmp

# A Java keystore with two entries (two private keys), as keytool writes
# PKCS#12 keystores, and the same in the old JKS format.
rm -f keystore.p12 keystore.jks
for alias in www shop; do
	keytool -genkeypair -alias "$alias" -keyalg EC -groupname secp256r1 -dname "CN=$alias.example.jp,O=Example K.K.,C=JP" \
		-startdate 2026/01/01 -validity 200 -keystore keystore.p12 -storetype pkcs12 \
		-storepass:file password.txt -keypass:file password.txt 2>/dev/null
done
keytool -genkeypair -alias www -keyalg EC -groupname secp256r1 -dname "CN=www.example.jp,O=Example K.K.,C=JP" \
	-startdate 2026/01/01 -validity 200 -keystore keystore.jks -storetype jks \
	-storepass:file password.txt -keypass:file password.txt 2>/dev/null

# renewcheck's server with an encrypted key: the key of
# renewcheck/testdata/old.key, encrypted (PKCS#8, AES-256).
openssl pkcs8 -topk8 -in ../renewcheck/testdata/old.key -v2 aes-256-cbc -passout file:password.txt \
	-out ../renewcheck/testdata/encrypted/server.key
chmod 644 ./*.key ./*.p12 ../renewcheck/testdata/encrypted/server.key
