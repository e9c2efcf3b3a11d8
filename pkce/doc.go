// Package pkce reads, checks and writes Private Key and Certificate
// Envelopes: the PKCS#12 (.p12, .pfx) and PEM files in which users hold a
// client certificate with its key. The name has nothing to do with OAuth's
// PKCE (RFC 7636, Proof Key for Code Exchange).
//
// Its users are an administrator with a downloaded .p12, its password and
// a CentOS 7 server; a portal accepting bundles uploaded by strangers; an
// operator converting a bundle for a Mac, an old Windows server or yum.
//
// # Rules
//
//   - PK-1: a password is ASCII letters and digits only, and not empty:
//     [CheckPassword], [PasswordPolicy], [GeneratePassword]. Errors give the
//     position of a bad character, never the password.
//   - PK-2: a bundle must suit the program that reads it: [Inspect] reads
//     the structure of a file without its password, [Info.ReadableBy]
//     judges it for a [Target] (OpenSSL 1.0.2 on CentOS 7, OpenSSL 1.1.1,
//     3.0, 3.4, Java 8 and 17, Windows Server 2016 and 2019, the macOS
//     keychain, NSS, GnuTLS), and [Bundle.Encode] writes the strongest
//     encoding the target reads.
//   - PK-3 (and RN-8 for PEM): the key must match the certificate:
//     [CheckKeyPair]; [Decode] and [Load] choose as leaf the certificate
//     matching the key, wherever the file lists it, and order the chain
//     from the leaf to the root. A file of several keys is a keystore:
//     [DecodeEntries] lists its entries, [SelectAlias] and [SelectKey]
//     pick one.
//   - PK-4: a file from an untrusted source cannot make the reader spend
//     unbounded time or memory: [Limits] caps each key derivation's
//     iterations (default 2^20), the bytes the whole file may hash (a
//     budget sized by its shape, at most 1 GiB by default: see Limits for
//     the formula), and its size, safes, bags, nesting, certificates,
//     keys, salts and parameters, each checked before the work it guards.
//   - PK-5: yum on CentOS 7 reads the client certificate through NSS and
//     nss-pem, which take only unencrypted RSA keys: [YumCentOS7] judges a
//     bundle for that path and [Bundle.Yum] writes the files yum reads.
//     Measured here (libcurl 7.88.1 on NSS 3.87.1 with nss-pem): over TLS
//     1.3 NSS sends no certificate from an nss-pem key, so the repository
//     must offer TLS 1.2 to clients that authenticate this way.
//
// # Formats
//
// [Decode] reads PKCS#12 (RFC 7292) in DER and in BER (NSS, Firefox and
// Bouncy Castle write BER), in password integrity and privacy modes: MACs
// with HMAC-SHA-1, -SHA-224, -SHA-256, -SHA-384, -SHA-512, -SHA-512/224
// and -SHA-512/256, and PBMAC1 (RFC 9579); safes and key bags in
// PBE-SHA1-3DES, -RC2-128, -RC2-40, -RC4-128, -RC4-40 and PBES2 (RFC 8018)
// with PBKDF2 and AES-CBC or DES-EDE3-CBC; plain safes; nested safe bags;
// the empty password in both its forms (the BMPString terminator, and the
// NULL password of Windows exports). It reads the bag attributes
// friendlyName and localKeyId, skips Microsoft's and Java's others, and
// skips CRL, secret and unknown bags. [Load] detects PKCS#12, PEM (PKCS#1,
// PKCS#8, SEC 1 keys) and DER certificates. [Bundle.Encode] uses
// software.sslmate.com/src/go-pkcs12 for writing; [Bundle.EncodePEM]
// writes PEM.
//
// # Readers, by measurement
//
// What each reader accepts was measured on the files of
// testdata/interop (made by openssl, keytool, NSS, GnuTLS, Bouncy Castle,
// node-forge, Python's cryptography, Windows, and this package; make.sh
// there regenerates them and readers.txt). "reads" means the tool opens
// the file with its password and decrypts every key: "openssl pkcs12
// -nodes" without -legacy (openssl 3.0.19), "keytool -list" (OpenJDK
// 17.0.15), "pk12util -i" into a fresh database (NSS 3.87.1), "certtool
// --p12-info" then "certtool --key-info" on each key (GnuTLS 3.7.9).
// [Info.ReadableBy] agrees with all four on every file there (a test
// checks it).
//
//	                                openssl 3.0  keytool 17  NSS 3.87  GnuTLS 3.7
//	PBE-SHA1-3DES                   yes          yes         yes       yes
//	PBE-SHA1-RC2-40                 -legacy      yes         yes       yes
//	PBE-SHA1-RC2-128                -legacy      yes         yes       no
//	PBE-SHA1-RC4-128, -40           -legacy      yes         yes       no
//	PBES2 AES-128, AES-256          yes          yes         yes       yes
//	PBES2 AES-192                   yes          no          yes       yes
//	PBES2 DES-EDE3-CBC              yes          no          yes       yes
//	PBES2 Camellia-256              yes          no          yes       no
//	PBES2 ARIA-256                  yes          no          no        no
//	PBKDF2 hmacWithSHA1 to -SHA512  yes          yes         yes       yes
//	PBKDF2 hmacWithSHA512-256       yes          no          no        no
//	MAC SHA-1, -224, -256, -512     yes          yes         yes       yes
//	MAC SHA-512/224, SHA-512/256    yes          yes         no        no
//	no MAC                          yes          yes         no        no
//	PBMAC1 (RFC 9579)               no (3.4+)    no          no        no
//	BER in the containers (NSS, BC) yes          yes         yes       yes
//	BER in bags                     yes          yes         no        no
//	BER in a key's PKCS#8           yes          yes         yes       no
//	BER in algorithm parameters     yes          no          yes       no
//	NULL and empty passwords        yes          yes         yes       yes (1)
//	ECDSA key without public key    yes          yes         yes       no
//	key not paired by localKeyId    yes          yes (2)     no        yes
//
// (1) certtool needs --null-password or --empty-password to say which.
// (2) keytool lists the file, but a lone key without a localKeyId has no
// certificate chain, a second one is left out, and a key whose
// localKeyId a CA certificate carries gets that certificate's chain.
// Of the rows: keytool 17 refuses AES-192 and DES-EDE3-CBC in PBES2 ("PBE
// parameter parsing error"); Java and Bouncy Castle store ECDSA keys
// without their public key, which GnuTLS cannot import (it reports
// "Decryption has failed"). NSS ties a key to its certificate by the
// bags' localKeyId (RFC 2985 section 5.5.2) alone, which every producer
// writes on both but hand-made files and re-packing tools may drop
// (testdata/interop/pkce-lkid-*.p12): pk12util refuses a file with a key
// bag without a localKeyId, or with one no certificate bag carries, even
// when the two share a friendlyName or another key of the file is paired
// ("SEC_ERROR_PKCS12_UNABLE_TO_IMPORT_KEY", nothing imported, exit
// status 18); a key whose localKeyId a CA certificate carries is
// imported under that certificate (trust u,u,u), and the leaf stays
// without a key, so the client certificate is useless in Firefox. Both
// lose the key, so for NSS they are not "read" ([ReasonUnpairedKey],
// [KeyBag.Paired]); readers.txt counts a pk12util import as read only
// when every certificate it gave a key holds one of the file's keys.
// The other readers open these files and decrypt their keys, and PK-5's
// yum path opens the bundle with OpenSSL 1.0.2 and writes the key and
// the certificate to separate PEM files ([Bundle.Yum]), so only NSS is
// judged on it. [Bundle.Encode] writes the same localKeyId (the leaf's
// SHA-1) on the key and the leaf. The other
// targets are not on the machine; their facts come from the domain rules
// (domain.md, PK-2 table) and the sources each [Target] constant cites,
// and where those are silent the target is assumed not to read the
// feature.
//
// # Departures
//
//   - Decoding does its own key derivation and decryption rather than
//     calling go-pkcs12's DecodeChain, because PK-4 needs to stop between
//     decrypting a safe and deriving the keys it reveals, which DecodeChain
//     cannot (and which it does not cap: its issue #80). DecodeChain also
//     takes the first certificate as the leaf, accepts at most two safes
//     and one key, and reads DER only; this package does not. The tests
//     check it agrees with go-pkcs12, OpenSSL, keytool, NSS and GnuTLS on
//     their files.
//   - A MacData "iterations 1" written explicitly, which strict DER would
//     omit as the DEFAULT, is accepted: OpenSSL and others write it.
//   - Files without a MAC are read; a wrong password then shows as a
//     decryption failure and is still reported as [ErrIncorrectPassword].
//   - BER is converted to DER level by level under the limits of DER
//     parsing (ber.go), not parsed as BER: a hostile BER file costs no
//     more than a DER file of the same size.
//
// # What it does not do
//
// It does not verify certificate signatures or validity periods (see
// package validity), does not read the public-key integrity and privacy
// modes of PKCS#12 (signedData, envelopedData), Camellia, ARIA or SM4
// ciphers (Inspect names them; Decode returns [ErrUnsupported]), DSA keys,
// or encrypted PEM keys, and does not write BER. [Info.ReadableBy] judges
// encodings, not keys, without the password: key facts (yum's RSA,
// GnuTLS's EC public key) need [InspectWithPassword]. It reads no clock
// and keeps no state: every function is safe for concurrent use.
//
// # Example programs
//
// The command [github.com/certlife/certlife/examples/p12check] shows this
// package at work: it checks a password with [CheckPassword], prints which
// targets can read a bundle ([Inspect], [Info.ReadableBy]), decodes it and
// re-encodes it for a target ([Bundle.Encode]);
// [github.com/certlife/certlife/examples/certinfo] reads PKCS#12 input with
// [Load]. Run it with no arguments on its embedded sample:
//
//	go run ./examples/p12check
package pkce
