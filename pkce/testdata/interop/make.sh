#!/bin/bash
# make.sh regenerates the interop vectors of package pkce (see README.md):
# PKCS#12 files written by real producers, and readers.txt, what each
# real reader makes of every file. Run it from this directory:
#
#   ./make.sh            # reuse pki/ (keys and certificates), remake the files
#   ./make.sh -fresh     # new keys and certificates too
#   ./make.sh -measure   # only remeasure readers.txt
#
# It needs openssl 3.0, java 17 (keytool), Debian's libbcprov-java
# (/usr/share/java/bcprov.jar), libnss3-tools (certutil, pk12util),
# gnutls-bin (certtool), node with npm (node-forge is installed into a
# temporary directory) and python3 with cryptography, and go for the
# files this package writes itself. Passwords reach every tool through a
# file, never on a command line.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C

pw=password.txt       # Passw0rd1, the password of every file made here
tmpl=$tmp/gnutls.cfg  # certtool reads the password from a template
printf 'Passw0rd1\n' > $pw
printf 'password = "Passw0rd1"\n' > $tmpl

mkpki() {
	rm -rf pki && mkdir pki
	cd pki
	# A root, three intermediates and two leaves (RSA and ECDSA): the
	# chain GnuTLS needs for five certificates. The CAs are RSA because
	# node-forge reads no other certificates.
	cat > ext.cnf <<'CNF'
[v3ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[v3leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
	openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out root.key
	openssl req -new -x509 -key root.key -subj "/O=certlife interop/CN=certlife interop root" \
		-days 7300 -set_serial 1 -extensions v3ca -config <(cat /etc/ssl/openssl.cnf ext.cnf) -out root.pem
	parent=root
	for i in 1 2 3; do
		openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out inter$i.key
		openssl req -new -key inter$i.key -subj "/O=certlife interop/CN=certlife interop intermediate $i" -out inter$i.csr
		openssl x509 -req -in inter$i.csr -CA $parent.pem -CAkey $parent.key -set_serial $((1 + i)) -days 7300 \
			-extfile ext.cnf -extensions v3ca -out inter$i.pem
		parent=inter$i
	done
	openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out leaf.key
	openssl req -new -key leaf.key -subj "/O=certlife interop/CN=client 0001" -out leaf.csr
	openssl x509 -req -in leaf.csr -CA inter1.pem -CAkey inter1.key -set_serial 10 -days 3650 \
		-extfile ext.cnf -extensions v3leaf -out leaf.pem
	openssl x509 -req -in leaf.csr -CA inter3.pem -CAkey inter3.key -set_serial 11 -days 3650 \
		-extfile ext.cnf -extensions v3leaf -out leaf-deep.pem
	openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ecleaf.key
	openssl req -new -key ecleaf.key -subj "/O=certlife interop/CN=client 0002 EC" -out ecleaf.csr
	openssl x509 -req -in ecleaf.csr -CA inter1.pem -CAkey inter1.key -set_serial 12 -days 3650 \
		-extfile ext.cnf -extensions v3leaf -out ecleaf.pem
	cat inter1.pem root.pem > chain.pem                       # leaf's issuers
	cat inter3.pem inter2.pem inter1.pem root.pem > chain-deep.pem
	rm -f *.csr *.srl
	cd ..
}

p12() { # p12 NAME [openssl pkcs12 -export options]: leaf, its chain (root first), key
	local name=$1; shift
	openssl pkcs12 -export -in pki/leaf.pem -inkey pki/leaf.key -certfile <(cat pki/root.pem pki/inter1.pem) \
		-name client -passout file:$pw -out $name.p12 "$@"
}

make_openssl() {
	p12 openssl-default
	p12 openssl-legacy -legacy
	p12 openssl-descert -descert
	p12 openssl-aes128 -keypbe aes-128-cbc -certpbe aes-128-cbc
	p12 openssl-aes192 -keypbe aes-192-cbc -certpbe aes-192-cbc
	p12 openssl-des3cbc -keypbe des-ede3-cbc -certpbe des-ede3-cbc
	p12 openssl-camellia -keypbe camellia-256-cbc -certpbe camellia-256-cbc
	p12 openssl-aria -keypbe aria-256-cbc -certpbe aria-256-cbc
	p12 openssl-rc2-128 -legacy -keypbe PBE-SHA1-RC2-128 -certpbe PBE-SHA1-RC2-128
	p12 openssl-sha224mac -macalg sha224
	p12 openssl-sha512mac -macalg sha512
	p12 openssl-nomac -nomac
	p12 openssl-noencryption -keypbe NONE -certpbe NONE
	p12 openssl-ms-attributes -legacy -LMK -CSP "Microsoft Enhanced RSA and AES Cryptographic Provider"
	openssl pkcs12 -export -in pki/ecleaf.pem -inkey pki/ecleaf.key -certfile pki/chain.pem \
		-name ecclient -passout file:$pw -out openssl-ec.p12
	openssl pkcs12 -export -nokeys -in pki/root.pem -certfile pki/inter1.pem -caname inter1 \
		-name root -passout file:$pw -out openssl-certs-only.p12
	printf '\n' > $tmp/empty.txt
	openssl pkcs12 -export -in pki/leaf.pem -inkey pki/leaf.key -legacy -passout file:$tmp/empty.txt \
		-out openssl-empty-password.p12
}

keytool_() { keytool -noprompt -storetype PKCS12 "$@" >/dev/null; }

make_keytool() {
	# keytool stores what it imports with its defaults (PBES2 AES-256,
	# HMAC-SHA256, 10,000 iterations); Java security properties choose
	# other algorithms.
	imp() { # imp NAME [java options]
		local name=$1; shift
		rm -f $name.p12
		keytool_ "$@" -importkeystore -srckeystore openssl-default.p12 -srcstorepass:file $pw \
			-destkeystore $name.p12 -deststorepass:file $pw
	}
	imp keytool-default
	imp keytool-legacy -J-Dkeystore.pkcs12.legacy
	imp keytool-sha512 -J-Dkeystore.pkcs12.keyProtectionAlgorithm=PBEWithHmacSHA512AndAES_256 \
		-J-Dkeystore.pkcs12.certProtectionAlgorithm=PBEWithHmacSHA512AndAES_256 -J-Dkeystore.pkcs12.macAlgorithm=HmacPBESHA512
	imp keytool-sha224 -J-Dkeystore.pkcs12.keyProtectionAlgorithm=PBEWithHmacSHA224AndAES_128 \
		-J-Dkeystore.pkcs12.certProtectionAlgorithm=PBEWithHmacSHA384AndAES_128 -J-Dkeystore.pkcs12.macAlgorithm=HmacPBESHA224
	imp keytool-sha512-224mac -J-Dkeystore.pkcs12.keyProtectionAlgorithm=PBEWithHmacSHA1AndAES_128 \
		-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -J-Dkeystore.pkcs12.macAlgorithm=HmacPBESHA512/224
	imp keytool-sha512-256mac -J-Dkeystore.pkcs12.macAlgorithm=HmacPBESHA512/256
	imp keytool-sha1prf -J-Dkeystore.pkcs12.keyProtectionAlgorithm=PBEWithHmacSHA1AndAES_256 \
		-J-Dkeystore.pkcs12.certProtectionAlgorithm=PBEWithHmacSHA1AndAES_128
	# Two aliases: the OpenSSL client as "alice", a new EC key as "bob".
	cp keytool-default.p12 $tmp/two.p12
	keytool_ -changealias -alias client -destalias alice -keystore $tmp/two.p12 -storepass:file $pw
	keytool_ -genkeypair -alias bob -keyalg EC -groupname secp256r1 -dname "CN=bob,O=certlife interop" \
		-validity 3650 -keystore $tmp/two.p12 -storepass:file $pw
	mv $tmp/two.p12 keytool-two-aliases.p12
	# A key entry and a secret key entry (a secret bag).
	cp keytool-default.p12 $tmp/sec.p12
	keytool_ -genseckey -alias aes -keyalg AES -keysize 128 -keystore $tmp/sec.p12 -storepass:file $pw
	mv $tmp/sec.p12 keytool-secret.p12
	# A truststore: two trusted certificate entries.
	rm -f keytool-truststore.p12
	keytool_ -importcert -alias root -file pki/root.pem -keystore keytool-truststore.p12 -storepass:file $pw
	keytool_ -importcert -alias inter1 -file pki/inter1.pem -keystore keytool-truststore.p12 -storepass:file $pw
}

make_bc() {
	# Bouncy Castle's default KeyStore.store() writes BER; its
	# PKCS12StoreParameter can ask for DER.
	local bc="java -cp /usr/share/java/bcprov.jar BcStore.java $pw keytool-two-aliases.p12"
	$bc bc-default.p12 PKCS12
	$bc bc-3des.p12 PKCS12-3DES-3DES
	$bc bc-der.p12 PKCS12/DER
}

make_nss() {
	# pk12util exports what it imported, in BER, with its defaults
	# (PBES2 AES-256 key, AES-128 certificates, HMAC-SHA256, 600,000
	# iterations); -c, -C and -M choose others.
	local db=$tmp/nssdb
	rm -rf $db && mkdir $db
	certutil -N -d sql:$db --empty-password
	pk12util -i openssl-legacy.p12 -d sql:$db -w $pw >/dev/null
	pk12util -o nss-default.p12 -n client -d sql:$db -w $pw >/dev/null
	pk12util -o nss-3des.p12 -n client -d sql:$db -w $pw -c DES-EDE3-CBC \
		-C "PKCS #12 V2 PBE With SHA-1 And 40 Bit RC2 CBC" -M SHA-1 >/dev/null
}

make_gnutls() {
	# certtool puts each certificate in its own safe, at 600,000
	# iterations: five certificates with 3DES.
	cat pki/leaf-deep.pem pki/chain-deep.pem > $tmp/five.pem
	certtool --to-p12 --load-certificate $tmp/five.pem --load-privkey pki/leaf.key --template $tmpl \
		--pkcs-cipher 3des-pkcs12 --p12-name client --outder --outfile gnutls-3des-5certs.p12 >/dev/null 2>&1
	certtool --to-p12 --load-certificate pki/leaf.pem --load-privkey pki/leaf.key --null-password \
		--p12-name client --outder --outfile gnutls-null-password.p12 >/dev/null 2>&1
}

make_forge() {
	( cd $tmp && npm install --silent --no-audit --no-fund node-forge@1.3.1 >/dev/null 2>&1 )
	NODE_PATH=$tmp/node_modules node forge.js $pw pki forge
}

make_pyca() {
	python3 pyca.py $pw pki pyca
}

make_gopkcs12() {
	# Test vectors of go-pkcs12 v0.7.4 (BSD-3-Clause, LICENSE.go-pkcs12):
	# a Windows export with a NULL password, Windows certmgr's AES-256,
	# AES-128 and AES-192 files, the empty-password file, and RFC 9579's
	# PBMAC1 vectors (A.1-A.3 valid, A.4-A.6 invalid).
	local m
	m=$(cd ../.. && go list -m -f '{{.Dir}}' software.sslmate.com/src/go-pkcs12)
	python3 - "$m" <<'PY'
import base64, re, sys
src = open(sys.argv[1] + "/pkcs12_test.go").read()
def lit(after):
    i = src.index(after)
    j = src.index("`", i) + 1
    return base64.b64decode("".join(src[j:src.index("`", j)].split()))
out = {
    "gopkcs12-windows-null-password.p12": lit('"Windows Azure Tools"'),
    "gopkcs12-empty-password.p12": lit('"testing@example.com"'),
    "gopkcs12-windows-aes256.p12": lit("func TestPBES2_AES256CBC"),
    "gopkcs12-aes128.p12": lit("func TestPBES2_AES128CBC"),
    "gopkcs12-aes192.p12": lit("func TestPBES2_AES192CBC"),
}
for n in "123456":
    out["gopkcs12-rfc9579-a%s.p12" % n] = base64.b64decode("".join(open(sys.argv[1] + "/testdata/rfc9579-a%s.txt" % n).read().split()))
for name, data in out.items():
    open(name, "wb").write(data)
PY
	cp "$m/LICENSE" LICENSE.go-pkcs12
}

make_own() {
	# The files this package writes (Encode) and its NULL-password test
	# encoder: TestInteropOwnFixtures in interop_test.go.
	( cd ../.. && go test -count=1 -run 'TestInteropOwnFixtures$' -update . >/dev/null )
}

record_openssl() { # what openssl prints for the files too slow to run it on in tests
	mkdir -p openssl
	local f pass
	for f in nss-default.p12 nss-3des.p12 gnutls-3des-5certs.p12 gnutls-null-password.p12; do
		pass=$pw
		[ "$(awk -v f="$f" '$1 == f {print $2}' MANIFEST)" = '""' ] && { pass=$tmp/empty.txt; printf '\n' > $pass; }
		openssl pkcs12 -in $f -passin file:$pass -nodes -out openssl/${f%.p12}.pem 2>/dev/null ||
			openssl pkcs12 -legacy -in $f -passin file:$pass -nodes -out openssl/${f%.p12}.pem
	done
}

gnutls_reads() { # gnutls_reads FILE OPTION...: certtool opens the file and decrypts every key
	certtool --p12-info --inder --infile "$@" > $tmp/g.out 2>&1 || return 1
	# certtool prints shrouded keys still encrypted; decrypt each.
	rm -f $tmp/gkey*.pem
	awk -v d=$tmp '/BEGIN ENCRYPTED PRIVATE KEY/{n++; p=1} p{print > (d "/gkey" n ".pem")} /END ENCRYPTED PRIVATE KEY/{p=0}' $tmp/g.out
	local f=$1 key; shift
	for key in $tmp/gkey*.pem; do
		[ -e "$key" ] || continue
		certtool --key-info --pkcs8 --infile $key "$@" >/dev/null 2>&1 || return 1
	done
}

nss_paired() { # nss_paired DB FILE PASS: every certificate NSS gave a key holds one of the file's keys
	# NSS files a key under the certificate of the same localKeyId
	# without comparing them (pkce-lkid-ca-cert.p12): a certificate it
	# marks as a user's (trust u,u,u) must hold the public half of a key
	# of the file, as openssl prints the keys.
	local db=$1 f=$2 pass=$3 nick k
	openssl pkcs12 -in $f -passin file:$pass -nodes -nocerts -out $tmp/k.pem >/dev/null 2>&1 ||
		openssl pkcs12 -legacy -in $f -passin file:$pass -nodes -nocerts -out $tmp/k.pem >/dev/null 2>&1 ||
		return 0 # openssl cannot open it (NULL passwords): trust the import
	rm -f $tmp/nk*.pem
	awk -v d=$tmp '/-----BEGIN/{n++} n{print > (d "/nk" n ".pem")}' $tmp/k.pem
	for k in $tmp/nk*.pem; do [ -e "$k" ] && openssl pkey -in $k -pubout; done > $tmp/keys.pub
	certutil -L -d sql:$db | sed -n 's/  *u,u,u$//p' | while IFS= read -r nick; do
		certutil -L -d sql:$db -n "$nick" -a | openssl x509 -pubkey -noout > $tmp/c.pub
		grep -qxFf <(grep -v -- ----- $tmp/c.pub | tr -d '\n'; echo) <(awk '/BEGIN/{s=""; next} /END/{print s; next} {s=s $0}' $tmp/keys.pub) || return 1
	done
}

measure() { # measure FILE...: one line per file, what the four readers do
	local db=$tmp/mdb f o k n g pass
	for f in "$@"; do
		pass=$pw
		case $(awk -v f="$f" '$1 == f {print $2}' MANIFEST) in
		-) ;;
		'""') pass=$tmp/empty.txt; printf '\n' > $pass ;;
		*) pass=$tmp/other.txt; awk -v f="$f" '$1 == f {print $2}' MANIFEST > $pass ;;
		esac
		printf 'password = "%s"\n' "$(head -1 $pass)" > $tmp/g.cfg
		o=no; openssl pkcs12 -in $f -passin file:$pass -nodes -out $tmp/o.pem >/dev/null 2>&1 && o=yes
		k=no; keytool -list -keystore $f -storetype PKCS12 -storepass:file $pass >/dev/null 2>&1 && k=yes
		rm -rf $db && mkdir $db && certutil -N -d sql:$db --empty-password
		n=no; pk12util -i $f -d sql:$db -w $pass >/dev/null 2>&1 && nss_paired $db $f $pass && n=yes
		g=no
		if [ "$(head -1 $pass)" != "" ]; then
			gnutls_reads $f --template $tmp/g.cfg && g=yes
		else
			# certtool takes the empty password as --empty-password (two
			# zero bytes) or --null-password (none, as Windows writes).
			{ gnutls_reads $f --null-password || gnutls_reads $f --empty-password; } && g=yes
		fi
		printf '%-36s openssl=%-3s keytool=%-3s nss=%-3s gnutls=%s\n' $f $o $k $n $g
	done
}

case "${1:-}" in
-measure) ;;
*)
	[ "${1:-}" = -fresh ] || [ ! -e pki/leaf.key ] && mkpki
	make_openssl
	make_keytool
	make_bc
	make_nss
	make_gnutls
	make_forge
	make_pyca
	make_gopkcs12
	make_own
	record_openssl
	;;
esac
{
	echo "# What openssl $(openssl version | awk '{print $2}'), keytool $(java -version 2>&1 | awk -F'"' 'NR==1{print $2}'),"
	echo "# pk12util (NSS $(dpkg-query -W -f '${Version}' libnss3 2>/dev/null)) and certtool $(certtool --version | awk 'NR==1{print $2}')"
	echo "# do with each file; written by make.sh. yes: the reader opens it with its key."
	measure $(awk '!/^#/ && NF {print $1}' MANIFEST)
} > readers.txt.new
mv readers.txt.new readers.txt
