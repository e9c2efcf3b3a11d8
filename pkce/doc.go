// Package pkce reads, checks and writes Private Key and Certificate
// Envelopes: the PKCS#12 (.p12, .pfx) and PEM files in which users hold a
// client certificate with its key. The name has nothing to do with OAuth's
// PKCE (RFC 7636, Proof Key for Code Exchange).
//
// Its users are an administrator with a downloaded .p12, its password and
// a CentOS 7 server; a portal accepting bundles uploaded by strangers; an
// operator converting a bundle for a Mac or an old Windows server.
//
// # Rules
//
//   - PK-1: a password is ASCII letters and digits only, and not empty:
//     [CheckPassword], [PasswordPolicy], [GeneratePassword]. Errors give the
//     position of a bad character, never the password.
//   - PK-2: a bundle must suit the program that reads it: [Inspect] reads
//     the encryption of a file without its password, [Info.ReadableBy]
//     judges it for a [Target] (OpenSSL 1.0.2 on CentOS 7, OpenSSL 1.1.1,
//     3.0, 3.4, Java 8 and 17, Windows Server 2016 and 2019, the macOS
//     keychain), and [Bundle.Encode] writes the strongest encoding the
//     target reads.
//   - PK-3 (and RN-8 for PEM): the key must match the certificate:
//     [CheckKeyPair]; [Decode] and [Load] choose as leaf the certificate
//     matching the key, wherever the file lists it, and order the chain
//     from the leaf to the root.
//   - PK-4: a file from an untrusted source cannot make the reader spend
//     unbounded time: [Decode] caps the iterations of each key derivation
//     ([MaxIterations], default 2^20) and of the whole file
//     ([MaxTotalIterations]), checking each count before deriving. See
//     [Decode] for how this holds for key bags nested in encrypted safes.
//
// # Formats
//
// [Decode] reads DER PKCS#12 (RFC 7292) in password integrity and privacy
// modes: MACs with HMAC-SHA-1/256/384/512 and PBMAC1 (RFC 9579); safes and
// key bags in PBE-SHA1-3DES, PBE-SHA1-RC2-40/128 and PBES2 (RFC 8018) with
// PBKDF2 and AES-CBC or DES-EDE3-CBC; plain safes; nested safe bags. [Load]
// detects PKCS#12, PEM (PKCS#1, PKCS#8, SEC 1 keys) and DER certificates.
// [Bundle.Encode] uses software.sslmate.com/src/go-pkcs12 for writing;
// [Bundle.EncodePEM] writes PEM.
//
// # Departures
//
//   - Decoding does its own key derivation and decryption rather than
//     calling go-pkcs12's DecodeChain, because PK-4 needs to stop between
//     decrypting a safe and deriving the keys it reveals, which DecodeChain
//     cannot (and which it does not cap: its issue #80). DecodeChain also
//     takes the first certificate as the leaf, accepts at most two safes
//     and one key; this package does not. The tests check it agrees with
//     go-pkcs12, OpenSSL and keytool on their files.
//   - Only DER is read. BER files (indefinite lengths, as some producers
//     write) are reported as [ErrBER], not as garbage; "openssl pkcs12" can
//     convert them.
//   - A MacData "iterations 1" written explicitly, which strict DER would
//     omit as the DEFAULT, is accepted: OpenSSL and others write it.
//   - Files without a MAC are read; a wrong password then shows as a
//     decryption failure and is still reported as [ErrIncorrectPassword].
//
// # What it does not do
//
// It does not verify certificate signatures or validity periods (see
// package validity), does not read the public-key integrity and privacy
// modes of PKCS#12 (signedData, envelopedData), secret bags, CRL bags or
// encrypted PEM keys, and does not write BER. It reads no clock and keeps
// no state: every function is safe for concurrent use.
//
// # Example program
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
