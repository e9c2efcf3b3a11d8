package pkce_test

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/certlife/certlife/pkce"
)

// The examples read the fixtures in testdata/hostile (README.txt there
// says how they are made); their password is Passw0rd1.
const password = "Passw0rd1"

func mustRead(name string) []byte {
	data, err := os.ReadFile("testdata/hostile/" + name)
	if err != nil {
		panic(err)
	}
	return data
}

// mustReadInterop reads a file of testdata/interop, made by real
// producers (README.md there); their password is Passw0rd1 too.
func mustReadInterop(name string) []byte {
	data, err := os.ReadFile("testdata/interop/" + name)
	if err != nil {
		panic(err)
	}
	return data
}

// The administrator checks the download password before running the
// install script (PK-1).
func ExampleCheckPassword() {
	for _, pw := range []string{"Passw0rd1", "s3cret!", ""} {
		if err := pkce.CheckPassword(pw); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println("ok")
	}
	// Output:
	// ok
	// pkce: password character 7 is not an ASCII letter or digit
	// pkce: password is empty
}

func ExamplePasswordPolicy_Check() {
	policy := pkce.PasswordPolicy{MinLength: 16}
	err := policy.Check("Passw0rd1")
	var pe *pkce.PasswordError
	if errors.As(err, &pe) {
		fmt.Println(pe.Reason, pe.Length, pe.Limit)
	}
	fmt.Println(policy)
	// Output:
	// password too short 9 16
	// ASCII letters and digits, at least 16 characters
}

func ExampleGeneratePassword() {
	pw, err := pkce.GeneratePassword(22) // about 131 bits
	if err != nil {
		panic(err)
	}
	fmt.Println(len(pw), pkce.CheckPassword(pw))
	// Output: 22 <nil>
}

// A portal inspects an uploaded bundle, without its password, and says
// which programs can read it (PK-2).
func ExampleInspect() {
	info, err := pkce.Inspect(mustRead("good.p12")) // as OpenSSL 3 writes by default
	if err != nil {
		panic(err)
	}
	fmt.Print(info)
	for _, t := range pkce.Targets() {
		if err := info.ReadableBy(t); err != nil {
			fmt.Printf("%-13s no\n", t)
		} else {
			fmt.Printf("%-13s yes\n", t)
		}
	}
	// Output:
	// MAC: HMAC-SHA256, 2048 iterations
	// safe 1: PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC), 2048 iterations
	// safe 2: not encrypted: 1 shrouded key
	// key bag 1 in safe 2: PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC), 2048 iterations
	// openssl102    no
	// openssl111    yes
	// openssl30     yes
	// openssl34     yes
	// java8         no
	// java17        yes
	// windows2016   no
	// windows2019   yes
	// macos         no
	// nss           yes
	// gnutls        yes
	// yumcentos7    no
}

func ExampleInfo_ReadableBy() {
	info, err := pkce.Inspect(mustRead("good.p12"))
	if err != nil {
		panic(err)
	}
	err = info.ReadableBy(pkce.OpenSSL102)
	fmt.Println(errors.Is(err, pkce.ErrUnreadable))
	fmt.Println(err)
	// Output:
	// true
	// pkce: OpenSSL 1.0.2 (CentOS 7) cannot read MAC: HMAC-SHA256, 2048 iterations; re-encode the bundle with Encode for this target
}

// A hostile file: 50 million MAC iterations are refused at once (PK-4).
func ExampleDecode() {
	b, err := pkce.Decode(mustRead("root-first.p12"), password)
	if err != nil {
		panic(err)
	}
	fmt.Println("leaf:", b.Leaf.Subject.CommonName)
	for _, c := range b.Chain {
		fmt.Println("chain:", c.Subject.CommonName)
	}

	_, err = pkce.Decode(mustRead("mac-50m.p12"), password)
	fmt.Println(err)
	fmt.Println(errors.Is(err, pkce.ErrIterationLimit))

	_, err = pkce.Decode(mustRead("good.p12"), "Wr0ng")
	fmt.Println(err)
	// Output:
	// leaf: client 0001
	// chain: certlife test intermediate
	// chain: certlife test root
	// pkce: MAC: 50000000 key-derivation iterations exceed the limit 1048576
	// true
	// pkce: incorrect password
}

func ExampleMaxIterations() {
	// A stricter cap for uploads: every known writer uses at most 600,000.
	_, err := pkce.Decode(mustRead("good.p12"), password, pkce.MaxIterations(1000))
	var ie *pkce.IterationError
	if errors.As(err, &ie) {
		fmt.Println(ie.Where, ie.Count, ie.Limit)
	}
	// Output: MAC 2048 1000
}

// A portal taking uploads from strangers tightens the limits (PK-4).
func ExampleWithLimits() {
	upload := mustRead("good.p12")
	_, err := pkce.Decode(upload, password, pkce.WithLimits(pkce.Limits{Iterations: 600_000, Safes: 1}))
	var le *pkce.LimitError
	if errors.As(err, &le) {
		fmt.Println(le.Limit, le.Count, le.Max)
	}
	fmt.Println(err)
	// Output:
	// Safes 2 1
	// pkce: authenticated safe: 2 safes exceed the limit 1 (Limits.Safes)
}

// The CentOS 7 install script runs OpenSSL 1.0.2, which cannot read what
// OpenSSL 3 writes by default: re-encode the bundle for it (PK-2).
func ExampleBundle_Encode() {
	b, err := pkce.Decode(mustRead("good.p12"), password)
	if err != nil {
		panic(err)
	}
	p12, err := b.Encode(password, pkce.OpenSSL102)
	if err != nil {
		panic(err)
	}
	info, err := pkce.Inspect(p12)
	if err != nil {
		panic(err)
	}
	fmt.Print(info)
	fmt.Println("readable by", pkce.OpenSSL102.Description()+":", info.ReadableBy(pkce.OpenSSL102) == nil)

	_, err = b.Encode("Passw0rd!", pkce.OpenSSL102)
	fmt.Println(err)
	// Output:
	// MAC: HMAC-SHA1, 1 iteration
	// safe 1: PBE-SHA1-3DES, 2048 iterations
	// safe 2: not encrypted: 1 shrouded key
	// key bag 1 in safe 2: PBE-SHA1-3DES, 2048 iterations
	// readable by OpenSSL 1.0.2 (CentOS 7): true
	// pkce: password character 9 is not an ASCII letter or digit
}

func ExampleLoad() {
	b, err := pkce.Load(mustRead("root-first.pem"), "")
	if err != nil {
		panic(err)
	}
	fmt.Println("leaf:", b.Leaf.Subject.CommonName, "chain:", len(b.Chain), "key:", b.Key != nil)
	// Output: leaf: client 0001 chain: 2 key: true
}

func ExampleBundle_EncodePEM() {
	b, err := pkce.Decode(mustRead("good.p12"), password)
	if err != nil {
		panic(err)
	}
	pemData, err := b.EncodePEM()
	if err != nil {
		panic(err)
	}
	again, err := pkce.Load(pemData, "")
	if err != nil {
		panic(err)
	}
	fmt.Println(again.Leaf.Equal(b.Leaf), len(again.Chain), pkce.CheckKeyPair(again.Leaf, again.Key))
	// Output: true 2 <nil>
}

// RN-8 asks the same question of PEM files after a renewal.
func ExampleCheckKeyPair() {
	good, err := pkce.Decode(mustRead("good.p12"), password)
	if err != nil {
		panic(err)
	}
	fmt.Println(pkce.CheckKeyPair(good.Leaf, good.Key))
	err = pkce.CheckKeyPair(good.Chain[0], good.Key)
	fmt.Println(errors.Is(err, pkce.ErrKeyMismatch))
	// Output:
	// <nil>
	// true
}

func ExampleParseTarget() {
	t, err := pkce.ParseTarget("centos7")
	if err != nil {
		panic(err)
	}
	fmt.Println(t, "-", t.Description())
	_, err = pkce.ParseTarget("centos6")
	fmt.Println(err)
	// Output:
	// openssl102 - OpenSSL 1.0.2 (CentOS 7)
	// pkce: unknown target "centos6" (want one of openssl102, openssl111, openssl30, openssl34, java8, java17, windows2016, windows2019, macos, nss, gnutls, yumcentos7, or centos7)
}

// A Target is a flag value, as in the p12check tool's -target centos7.
func ExampleTarget_UnmarshalText() {
	fs := flag.NewFlagSet("p12check", flag.ContinueOnError)
	target := pkce.OpenSSL30
	fs.TextVar(&target, "target", pkce.OpenSSL30, "program that will read the bundle")
	if err := fs.Parse([]string{"-target", "centos7"}); err != nil {
		panic(err)
	}
	fmt.Println(target)
	// Output: openssl102
}

func ExampleTargets() {
	for _, t := range pkce.Targets() {
		fmt.Println(t.String(), "=", t.Description())
	}
	// Output:
	// openssl102 = OpenSSL 1.0.2 (CentOS 7)
	// openssl111 = OpenSSL 1.1.1
	// openssl30 = OpenSSL 3.0
	// openssl34 = OpenSSL 3.4
	// java8 = Java 8 before 8u301
	// java17 = Java 17
	// windows2016 = Windows Server 2016
	// windows2019 = Windows Server 2019
	// macos = the macOS keychain
	// nss = NSS 3.87 (Firefox, Chrome)
	// gnutls = GnuTLS 3.7
	// yumcentos7 = yum on CentOS 7 (nss-pem)
}

func ExampleInfo_String() {
	info, err := pkce.Inspect(mustRead("root-first.p12"))
	if err != nil {
		panic(err)
	}
	fmt.Print(info.String())
	// Output:
	// MAC: HMAC-SHA1, 1 iteration
	// safe 1: PBE-SHA1-3DES, 2048 iterations
	// safe 2: not encrypted: 1 shrouded key
	// key bag 1 in safe 2: PBE-SHA1-3DES, 2048 iterations
}

func ExampleScheme_String() {
	s := pkce.Scheme{Encryption: pkce.PBES2, PRF: "hmacWithSHA256", Cipher: "aes256-CBC", Iterations: 2048}
	fmt.Println(s)
	fmt.Println(pkce.Scheme{Encryption: pkce.PBEWithSHA1And40BitRC2, Iterations: 2048})
	// Output:
	// PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC), 2048 iterations
	// PBE-SHA1-RC2-40, 2048 iterations
}

func ExampleEncryption_String() {
	fmt.Println(pkce.NoEncryption, pkce.PBEWithSHA1And3DES, pkce.PBEWithSHA1And128BitRC2, pkce.PBES2)
	// Output: none PBE-SHA1-3DES PBE-SHA1-RC2-128 PBES2
}

func ExampleMAC_String() {
	fmt.Println(pkce.MAC{Algorithm: pkce.PBMAC1, PRF: "hmacWithSHA256", HMAC: "hmacWithSHA256", Iterations: 2048})
	fmt.Println(pkce.MAC{})
	// Output:
	// PBMAC1 (PBKDF2 hmacWithSHA256, hmacWithSHA256), 2048 iterations
	// no MAC
}

func ExampleMACAlgorithm_String() {
	fmt.Println(pkce.MACSHA1, pkce.MACSHA256, pkce.PBMAC1)
	// Output: HMAC-SHA1 HMAC-SHA256 PBMAC1
}

func ExampleBagCounts_String() {
	fmt.Println(pkce.BagCounts{ShroudedKeys: 1, Certificates: 3})
	// Output: 1 shrouded key, 3 certificates
}

func ExampleReason_String() {
	fmt.Println(pkce.ReasonPasswordCharacter, "/", pkce.ReasonTruncated, "/", pkce.ReasonIterations)
	// Output: password character / truncated / iterations
}

func ExamplePasswordPolicy_String() {
	fmt.Println(pkce.PasswordPolicy{})
	// Output: ASCII letters and digits, at least 1 character
}

func ExampleTarget_String() {
	fmt.Println(pkce.OpenSSL102.String(), pkce.Java17.String(), pkce.Target(0).String())
	// Output: openssl102 java17 Target(0)
}

func ExampleTarget_Description() {
	fmt.Println(pkce.Windows2016.Description())
	// Output: Windows Server 2016
}

func ExampleTarget_MarshalText() {
	b, err := pkce.MacOSKeychain.MarshalText()
	fmt.Println(string(b), err)
	// Output: macos <nil>
}

func ExamplePasswordError() {
	err := pkce.CheckPassword("abc def")
	var pe *pkce.PasswordError
	if errors.As(err, &pe) {
		fmt.Println(pe.Reason, "at", pe.Position)
	}
	// Output: password character at 4
}

func ExampleIterationError() {
	_, err := pkce.Decode(mustRead("nested-50m.p12"), password)
	var ie *pkce.IterationError
	if errors.As(err, &ie) {
		fmt.Printf("%s: %d > %d\n", ie.Where, ie.Count, ie.Limit)
	}
	// Output: safe 1, bag 4: 50000000 > 1048576
}

func ExampleFormatError() {
	_, err := pkce.Inspect(mustRead("truncated-half.p12"))
	var fe *pkce.FormatError
	if errors.As(err, &fe) {
		fmt.Println(fe.Where, "/", fe.Reason, "/", errors.Is(err, pkce.ErrMalformed))
	}
	fmt.Println(err)
	// Output:
	// PFX / truncated / true
	// pkce: PFX: truncated: an ASN.1 length runs past the end of the input
}

func ExampleKeyError() {
	_, err := pkce.Decode(mustRead("two-keys.p12"), password)
	var ke *pkce.KeyError
	if errors.As(err, &ke) {
		fmt.Println(ke.Reason, errors.Is(err, pkce.ErrMultipleKeys))
	}
	_, err = pkce.Decode(mustRead("no-match.p12"), password)
	fmt.Println(err)
	// Output:
	// multiple keys true
	// pkce: private key matches no certificate: none of 3 certificates holds its public key
}

func ExampleUnsupportedError() {
	pemKey := "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n"
	_, err := pkce.Load([]byte(pemKey), "")
	var ue *pkce.UnsupportedError
	fmt.Println(errors.As(err, &ue), errors.Is(err, pkce.ErrUnsupported))
	fmt.Println(err)
	// Output:
	// true true
	// pkce: PEM block 1 (ENCRYPTED PRIVATE KEY): unsupported encrypted PKCS#8 key (decrypt it with openssl pkey first)
}

func ExampleTargetError() {
	info, err := pkce.Inspect(mustRead("good.p12"))
	if err != nil {
		panic(err)
	}
	var te *pkce.TargetError
	if errors.As(info.ReadableBy(pkce.MacOSKeychain), &te) {
		fmt.Println(te.Target, te.Reason, te.Where)
	}
	// Output: macos MAC MAC
}

// A keystore with two aliases: DecodeEntries lists them, Decode asks
// which one.
func ExampleDecodeEntries() {
	keystore := mustReadInterop("keytool-two-aliases.p12") // keytool 17
	entries, err := pkce.DecodeEntries(keystore, password)
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		fmt.Printf("%s: %s, key %v, %d issuers\n", e.Name(), e.Leaf.Subject.CommonName, e.Key != nil, len(e.Chain))
	}
	_, err = pkce.Decode(keystore, password)
	fmt.Println(err)
	// Output:
	// "alice": client 0001, key true, 2 issuers
	// "bob": bob, key true, 0 issuers
	// pkce: bundle holds more than one private key: 2 keys; entries: "alice", "bob"; choose one with SelectAlias or SelectKey
}

func ExampleSelectAlias() {
	b, err := pkce.Decode(mustReadInterop("keytool-two-aliases.p12"), password, pkce.SelectAlias("bob"))
	if err != nil {
		panic(err)
	}
	fmt.Println(b.Leaf.Subject.CommonName, len(b.Chain), len(b.Extra))
	_, err = pkce.Decode(mustReadInterop("keytool-two-aliases.p12"), password, pkce.SelectAlias("carol"))
	fmt.Println(err)
	// Output:
	// bob 0 3
	// pkce: no such entry: no entry has the alias "carol"; entries: "alice", "bob"
}

// The certificate the CA issued picks its key out of a keystore.
func ExampleSelectKey() {
	p, _ := pem.Decode(mustReadInterop("pki/leaf.pem"))
	cert, err := x509.ParseCertificate(p.Bytes)
	if err != nil {
		panic(err)
	}
	b, err := pkce.Decode(mustReadInterop("keytool-two-aliases.p12"), password, pkce.SelectKey(cert.PublicKey))
	if err != nil {
		panic(err)
	}
	fmt.Println(b.Leaf.Equal(cert), len(b.Chain))
	// Output: true 2
}

// A truststore holds certificate entries only.
func ExampleEntry_Name() {
	entries, err := pkce.DecodeEntries(mustReadInterop("keytool-truststore.p12"), password)
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		fmt.Println(e.Name(), e.Key == nil)
	}
	// Output:
	// "root" true
	// "inter1" true
}

// With the password, the Info shows each key's kind, which yum on CentOS
// 7 and GnuTLS depend on (PK-5). This keystore, two aliases stored by
// Bouncy Castle, has an RSA key and an ECDSA key without its public key.
func ExampleInspectWithPassword() {
	info, err := pkce.InspectWithPassword(mustReadInterop("bc-3des.p12"), password)
	if err != nil {
		panic(err)
	}
	fmt.Print(info)
	fmt.Println(info.ReadableBy(pkce.YumCentOS7))
	fmt.Println(info.ReadableBy(pkce.GnuTLS))
	// Output:
	// encoding: BER (containers)
	// MAC: HMAC-SHA1, 102400 iterations
	// safe 1: not encrypted: 2 shrouded keys
	// safe 2: PBE-SHA1-3DES, 51200 iterations: 4 certificates
	// key bag 1 in safe 1 (RSA 2048): PBE-SHA1-3DES, 51200 iterations
	// key bag 2 in safe 1 (ECDSA P-256): PBE-SHA1-3DES, 51200 iterations
	// pkce: yum on CentOS 7 (nss-pem) cannot read key bag 2 in safe 1: an ECDSA P-256 key; nss-pem, through which yum reads the client key, reads RSA keys only: the certificate must be reissued for an RSA key
	// pkce: GnuTLS 3.7 cannot read key bag 2 in safe 1: an ECDSA P-256 key stored without its public key, which GnuTLS 3.7 cannot import; re-encode the bundle with Encode
}

// The CentOS 7 install path (PK-5): PEM files and a .repo stanza for yum.
func ExampleBundle_Yum() {
	b, err := pkce.Decode(mustReadInterop("openssl-default.p12"), password)
	if err != nil {
		panic(err)
	}
	files, err := b.Yum(pkce.YumRepo{ID: "certlife", BaseURL: "https://repo.example.jp/el7/", Dir: "/etc/pki/certlife"})
	if err != nil {
		panic(err)
	}
	// The basenames carry the certificate's fingerprint, so that a
	// renewed certificate never shares one with the old (PK-5).
	base := strings.TrimSuffix(files.CertName, "-cert.pem")
	fmt.Print(strings.ReplaceAll(string(files.Repo), base, "certlife-<fingerprint>"))

	ec, err := pkce.Decode(mustReadInterop("openssl-ec.p12"), password)
	if err != nil {
		panic(err)
	}
	_, err = ec.Yum(pkce.YumRepo{ID: "certlife", BaseURL: "https://repo.example.jp/el7/", Dir: "/etc/pki/certlife"})
	fmt.Println(errors.Is(err, pkce.ErrUnreadable))
	fmt.Println(err)
	// Output:
	// [certlife]
	// name=certlife
	// baseurl=https://repo.example.jp/el7/
	// enabled=1
	// gpgcheck=1
	// sslverify=1
	// sslclientcert=/etc/pki/certlife/certlife-<fingerprint>-cert.pem
	// sslclientkey=/etc/pki/certlife/certlife-<fingerprint>-key.pem
	// sslcacert=/etc/pki/certlife/certlife-<fingerprint>-ca.pem
	// true
	// pkce: yum on CentOS 7 (nss-pem) cannot read key: an ECDSA P-256 key; nss-pem, through which yum reads the client key, reads only RSA keys, so the certificate must be reissued for an RSA key
}

func ExampleYumFiles_Write() {
	b, err := pkce.Decode(mustReadInterop("openssl-default.p12"), password)
	if err != nil {
		panic(err)
	}
	files, err := b.Yum(pkce.YumRepo{ID: "certlife", BaseURL: "https://repo.example.jp/el7/", Dir: "/etc/pki/certlife"})
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "yum")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := files.Write(context.Background(), dir); err != nil {
		panic(err)
	}
	for _, name := range []string{files.CertName, files.KeyName, files.CAName, files.RepoName} {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			panic(err)
		}
		fmt.Println(st.Mode(), strings.TrimPrefix(name, strings.TrimSuffix(files.CertName, "cert.pem")))
	}
	// Output:
	// -rw-r--r-- cert.pem
	// -rw------- key.pem
	// -rw-r--r-- ca.pem
	// -rw-r--r-- certlife.repo
}
