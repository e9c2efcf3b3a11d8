package pkce

import (
	"crypto/x509"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"strings"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// Target is a program that will read a PKCS#12 file (PK-2, PK-5). Each
// constant's doc says what it reads and where the fact comes from; the
// package documentation has the whole table. OpenSSL30, Java17, NSS and
// GnuTLS stand for tools on the build machine (openssl 3.0.19, keytool
// 17.0.15, pk12util of NSS 3.87.1, certtool of GnuTLS 3.7.9), and the
// interop tests check that ReadableBy agrees with them on every file of
// testdata/interop. The zero Target is invalid.
type Target int

const (
	// OpenSSL102 is OpenSSL 1.0.2, which the vendor's install script runs
	// on CentOS 7 and RHEL 7: PKCS#12 PBE (3DES, RC2, RC4) and a SHA-1
	// MAC. PBES2/AES with a SHA-256 MAC, which OpenSSL 3 writes by
	// default, is treated as unreadable. Source: domain.md PK-2 and its
	// table; the client-certificate FAQ.
	OpenSSL102 Target = iota + 1
	// OpenSSL111 is OpenSSL 1.1.1: the legacy schemes, PBES2 with every
	// cipher it builds (AES, DES-EDE3, Camellia, ARIA, SM4) and PRF, every
	// SHA-1 and SHA-2 MAC; not PBMAC1. Source: domain.md table; OpenSSL
	// 1.1.1's PKCS12_PBE_keyivgen and PKCS5_v2_PBE_keyivgen take any
	// cipher and digest it has.
	OpenSSL111
	// OpenSSL30 is OpenSSL 3.0 to 3.3: 3DES and PBES2 with every cipher of
	// the default provider (AES, DES-EDE3, Camellia, ARIA, SM4), every
	// SHA-1 and SHA-2 MAC, files without a MAC; RC2 and RC4 only with
	// -legacy, so they count as unreadable; not PBMAC1. Measured with
	// openssl 3.0.19 (testdata/interop/readers.txt).
	OpenSSL30
	// OpenSSL34 is OpenSSL 3.4 and later: also PBMAC1 (RFC 9579); RC2
	// and RC4 still only with -legacy. Source: domain.md table; OpenSSL
	// 3.4 release notes (PBMAC1 support in PKCS#12).
	OpenSSL34
	// Java8 is Java 8 before 8u301 (and 11 before 11.0.12): PKCS#12 PBE
	// (3DES, RC2, RC4) with a SHA-1 MAC; no SHA-2 MAC and no PBES2; at
	// most 5,000,000 iterations. Source: domain.md table; JDK-8153005
	// (stronger PKCS12 defaults, Java 12, backported to 8u301 and
	// 11.0.12).
	Java8
	// Java17 is Java 12 and later (and 8u301+, 11.0.12+): also PBES2 with
	// AES-128 or AES-256 only (not AES-192, DES-EDE3, Camellia or ARIA:
	// "PBE parameter parsing error") and the PRFs hmacWithSHA1 to
	// -SHA512, every SHA-1 and SHA-2 MAC, RC4; not PBMAC1 before Java 26;
	// BER anywhere but in algorithm parameters; at most 5,000,000
	// iterations. Measured with keytool 17.0.15.
	Java17
	// Windows2016 is Windows Server 2016 and older: 3DES (and the RC2
	// certificate safes Windows itself exported) with a SHA-1 MAC; AES
	// files fail as "wrong password"; at most 600,000 iterations. Source:
	// domain.md table; Export-PfxCertificate's -CryptoAlgorithmOption
	// TripleDES_SHA1.
	Windows2016
	// Windows2019 is Windows Server 2019 and later: also PBES2 with
	// AES-128 or AES-256 and hmacWithSHA256, and a SHA-256 MAC; not
	// PBMAC1; at most 600,000 iterations. Source: domain.md table;
	// Export-PfxCertificate's -CryptoAlgorithmOption AES256_SHA256. Not
	// measured: other PBES2 variants count as unreadable.
	Windows2019
	// MacOSKeychain is the macOS keychain (Security framework, Keychain
	// Access, "security import"): 3DES with a SHA-1 MAC (and RC2 as
	// OpenSSL 1.x wrote it); PBES2/AES files written by OpenSSL 3 fail
	// with "MAC verification failed". Source: domain.md table.
	MacOSKeychain
	// NSS is Mozilla's NSS 3.87 (Firefox, Thunderbird, Chrome on Linux,
	// pk12util): PKCS#12 PBE (3DES, RC2, RC4), PBES2 with AES or
	// DES-EDE3 and Camellia (not ARIA or SM4) and the PRFs hmacWithSHA1
	// to -SHA512, MACs SHA-1 to SHA-512 but not SHA-512/224 or
	// SHA-512/256; it needs a MAC; not PBMAC1; BER anywhere but in the
	// bags. It ties each key to the certificate bag of the same localKeyId
	// (as every producer writes them) and nothing else: a key bag without
	// a localKeyId, or with one no certificate bag carries, fails the
	// whole import (SEC_ERROR_PKCS12_UNABLE_TO_IMPORT_KEY, nothing
	// imported), and a key whose localKeyId a certificate of another key
	// carries is imported under that certificate, leaving its own without
	// a key. ReadableBy refuses both with ReasonUnpairedKey; the second
	// shows only with the password ([KeyBag.Paired]). Measured with
	// pk12util of NSS 3.87.1.
	NSS
	// GnuTLS is GnuTLS 3.7 (certtool, and programs using
	// gnutls_pkcs12_simple_parse): 3DES and 40-bit RC2 (not 128-bit RC2
	// or RC4), PBES2 with AES or DES-EDE3 (not Camellia or ARIA), MACs
	// SHA-1 to SHA-512 but not SHA-512/224 or SHA-512/256; it needs a
	// MAC; not PBMAC1; BER only in the containers, as NSS writes it; it
	// cannot import an ECDSA key stored without its public key, as Java
	// and Bouncy Castle store them (which only [InspectWithPassword]
	// shows). Measured with certtool of GnuTLS 3.7.9.
	GnuTLS
	// YumCentOS7 is the whole PK-5 install path on CentOS 7: the vendor's
	// script opens the bundle with OpenSSL 1.0.2 and writes PEM files,
	// which yum's curl reads through NSS and nss-pem. It reads what
	// OpenSSL102 reads, with an RSA key: nss-pem reads only unencrypted
	// RSA keys. The key's kind shows only with the password: judge an
	// Info from [InspectWithPassword], and write the files with
	// [Bundle.Yum]. Source: domain.md PK-5.
	YumCentOS7
)

// targetSpec is one reader's facts.
type targetSpec struct {
	name, desc string
	aliases    []string
	pbe        []Encryption   // PKCS#12 PBE schemes read
	ciphers    []string       // PBES2 ciphers read
	prfs       []string       // PBKDF2 PRFs read
	macs       []MACAlgorithm // MACs read, NoMAC for files without one
	maxIter    int64          // 0: no known limit
	ber        BER            // BER read
	ecNeedsPub bool           // cannot import an EC key without its public key
	rsaOnly    bool           // reads only RSA keys (PK-5)
	lkidPairs  bool           // ties a key to its certificate by localKeyId alone (NSS)
	encoder    *pkcs12.Encoder
}

var (
	pbeAll        = []Encryption{PBEWithSHA1And3DES, PBEWithSHA1And128BitRC2, PBEWithSHA1And40BitRC2, PBEWithSHA1And128BitRC4, PBEWithSHA1And40BitRC4}
	pbe3DESOnly   = []Encryption{PBEWithSHA1And3DES}
	pbe3DESRC2    = []Encryption{PBEWithSHA1And3DES, PBEWithSHA1And128BitRC2, PBEWithSHA1And40BitRC2}
	ciphersAll    = []string{"aes128-CBC", "aes192-CBC", "aes256-CBC", "des-ede3-cbc", "camellia128-CBC", "camellia192-CBC", "camellia256-CBC", "aria128-CBC", "aria192-CBC", "aria256-CBC", "sm4-CBC"}
	ciphersJava   = []string{"aes128-CBC", "aes256-CBC"}
	ciphersNSS    = []string{"aes128-CBC", "aes192-CBC", "aes256-CBC", "des-ede3-cbc", "camellia128-CBC", "camellia192-CBC", "camellia256-CBC"}
	ciphersGnuTLS = []string{"aes128-CBC", "aes192-CBC", "aes256-CBC", "des-ede3-cbc"}
	prfsAll       = []string{"hmacWithSHA1", "hmacWithSHA224", "hmacWithSHA256", "hmacWithSHA384", "hmacWithSHA512", "hmacWithSHA512-224", "hmacWithSHA512-256"}
	prfsSHA12     = []string{"hmacWithSHA1", "hmacWithSHA224", "hmacWithSHA256", "hmacWithSHA384", "hmacWithSHA512"}
	macsAll       = []MACAlgorithm{NoMAC, MACSHA1, MACSHA224, MACSHA256, MACSHA384, MACSHA512, MACSHA512_224, MACSHA512_256}
	macsNeedMAC   = []MACAlgorithm{MACSHA1, MACSHA224, MACSHA256, MACSHA384, MACSHA512}
	berAll        = BERContainers | BERParameters | BERBags | BERKeys
)

var targetSpecs = [...]targetSpec{
	OpenSSL102: {name: "openssl102", desc: "OpenSSL 1.0.2 (CentOS 7)", aliases: []string{"centos7", "rhel7", "openssl1.0.2", "openssl10"},
		pbe: pbeAll, macs: []MACAlgorithm{NoMAC, MACSHA1}, ber: berAll, encoder: pkcs12.LegacyDES},
	OpenSSL111: {name: "openssl111", desc: "OpenSSL 1.1.1", aliases: []string{"openssl1.1.1", "openssl11", "rhel8", "centos8"},
		pbe: pbeAll, ciphers: ciphersAll, prfs: prfsAll, macs: macsAll, ber: berAll, encoder: pkcs12.Modern2023},
	OpenSSL30: {name: "openssl30", desc: "OpenSSL 3.0", aliases: []string{"openssl3", "openssl3.0", "openssl300", "rhel9"},
		pbe: pbe3DESOnly, ciphers: ciphersAll, prfs: prfsAll, macs: macsAll, ber: berAll, encoder: pkcs12.Modern2023},
	OpenSSL34: {name: "openssl34", desc: "OpenSSL 3.4", aliases: []string{"openssl3.4", "openssl340", "openssl35"},
		pbe: pbe3DESOnly, ciphers: ciphersAll, prfs: prfsAll, macs: append([]MACAlgorithm{PBMAC1}, macsAll...), ber: berAll, encoder: pkcs12.Modern2026},
	Java8: {name: "java8", desc: "Java 8 before 8u301", aliases: []string{"jdk8", "java11old"},
		pbe: pbeAll, macs: []MACAlgorithm{NoMAC, MACSHA1}, maxIter: 5_000_000, ber: BERContainers | BERBags | BERKeys, encoder: pkcs12.LegacyDES},
	Java17: {name: "java17", desc: "Java 17", aliases: []string{"jdk17", "java12", "java11", "java21", "jdk21", "keytool"},
		pbe: pbeAll, ciphers: ciphersJava, prfs: prfsSHA12, macs: macsAll, maxIter: 5_000_000, ber: BERContainers | BERBags | BERKeys, encoder: pkcs12.Modern2023},
	Windows2016: {name: "windows2016", desc: "Windows Server 2016", aliases: []string{"win2016", "windows2012", "windows10"},
		pbe: pbe3DESRC2, macs: []MACAlgorithm{MACSHA1}, maxIter: 600_000, ber: BERContainers, encoder: pkcs12.LegacyDES},
	Windows2019: {name: "windows2019", desc: "Windows Server 2019", aliases: []string{"win2019", "windows2022", "windows11"},
		pbe: pbe3DESRC2, ciphers: ciphersJava, prfs: []string{"hmacWithSHA256"}, macs: []MACAlgorithm{MACSHA1, MACSHA256}, maxIter: 600_000, ber: BERContainers, encoder: pkcs12.Modern2023},
	MacOSKeychain: {name: "macos", desc: "the macOS keychain", aliases: []string{"macoskeychain", "mac", "keychain", "osx"},
		pbe: pbe3DESRC2, macs: []MACAlgorithm{MACSHA1}, ber: BERContainers, encoder: pkcs12.LegacyDES},
	NSS: {name: "nss", desc: "NSS 3.87 (Firefox, Chrome)", aliases: []string{"firefox", "nss3", "pk12util", "chromelinux"},
		pbe: pbeAll, ciphers: ciphersNSS, prfs: prfsSHA12, macs: macsNeedMAC, ber: BERContainers | BERParameters | BERKeys, lkidPairs: true, encoder: pkcs12.Modern2023},
	GnuTLS: {name: "gnutls", desc: "GnuTLS 3.7", aliases: []string{"gnutls3", "certtool"},
		pbe: []Encryption{PBEWithSHA1And3DES, PBEWithSHA1And40BitRC2}, ciphers: ciphersGnuTLS, prfs: prfsSHA12, macs: macsNeedMAC,
		ecNeedsPub: true, ber: BERContainers, encoder: pkcs12.Modern2023},
	YumCentOS7: {name: "yumcentos7", desc: "yum on CentOS 7 (nss-pem)", aliases: []string{"yum", "yum7", "centos7yum", "nsspem"},
		pbe: pbeAll, macs: []MACAlgorithm{NoMAC, MACSHA1}, rsaOnly: true, ber: berAll, encoder: pkcs12.LegacyDES},
}

// Targets returns every target, in declaration order.
func Targets() []Target {
	out := make([]Target, 0, len(targetSpecs)-1)
	for t := OpenSSL102; t <= YumCentOS7; t++ {
		out = append(out, t)
	}
	return out
}

func (t Target) spec() (*targetSpec, bool) {
	if t < OpenSSL102 || t > YumCentOS7 {
		return nil, false
	}
	return &targetSpecs[t], true
}

// String returns the target's canonical name, such as "openssl102", which
// [ParseTarget] reads back.
func (t Target) String() string {
	if s, ok := t.spec(); ok {
		return s.name
	}
	return "Target(" + strconv.Itoa(int(t)) + ")"
}

// Description returns the target's name for people, such as
// "OpenSSL 1.0.2 (CentOS 7)".
func (t Target) Description() string {
	if s, ok := t.spec(); ok {
		return s.desc
	}
	return t.String()
}

// ParseTarget reads a target name, ignoring case, spaces, dots, dashes and
// underscores: "openssl102", "OpenSSL 1.0.2", "centos7", "rhel7",
// "java-17", "windows2016", "macos", "nss", "firefox", "gnutls", "yum".
// An unknown name is an error listing the canonical names.
func ParseTarget(s string) (Target, error) {
	norm := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '.':
			return -1
		}
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
	for _, t := range Targets() {
		sp := targetSpecs[t]
		if norm == sp.name {
			return t, nil
		}
		for _, a := range sp.aliases {
			if norm == strings.ReplaceAll(a, ".", "") {
				return t, nil
			}
		}
	}
	names := make([]string, 0, len(targetSpecs))
	for _, t := range Targets() {
		names = append(names, t.String())
	}
	return 0, errors.New("pkce: unknown target " + strconv.Quote(s) + " (want one of " + strings.Join(names, ", ") + ", or centos7)")
}

// MarshalText returns the canonical name, so that a Target works with
// flag.TextVar and encoding/json.
func (t Target) MarshalText() ([]byte, error) {
	if _, ok := t.spec(); !ok {
		return nil, errors.New("pkce: invalid target " + t.String())
	}
	return []byte(t.String()), nil
}

// UnmarshalText is [ParseTarget].
func (t *Target) UnmarshalText(b []byte) error {
	v, err := ParseTarget(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// ReadableBy reports whether target t can read a file with this structure
// (PK-2, PK-5): nil, or a *[TargetError] (unwrapping to [ErrUnreadable])
// whose message names the first part the target cannot read and says
// what to do.
//
//	info, _ := pkce.Inspect(p12) // written by OpenSSL 3 with default options
//	err := info.ReadableBy(pkce.OpenSSL102)
//	// pkce: OpenSSL 1.0.2 (CentOS 7) cannot read MAC: HMAC-SHA256, 2048 iterations; re-encode ...
//
// It judges the MAC, the encoding ([BER]: every target reads it in the
// containers, as NSS and Bouncy Castle write it; not all elsewhere),
// every safe's and visible key bag's encryption (the scheme, and for
// PBES2 its cipher and PRF) and their iteration counts, and for NSS
// whether each key bag's localKeyId ties it to its certificate
// ([KeyBag.Paired]). An Info from [Inspect] cannot see key bags
// inside encrypted safes (every known writer uses the same family of
// scheme for them as for the safe around them) nor any encrypted key's
// kind: facts about keys (YumCentOS7's RSA, GnuTLS's EC public key) are
// judged only on an Info from [InspectWithPassword]; without it,
// YumCentOS7 is refused for an encrypted key with ReasonKeyAlgorithm,
// and GnuTLS given the benefit of the doubt. So is NSS for a key bag
// that has a localKeyId while the certificates or the key stay
// encrypted; a key bag with none is refused for NSS either way.
func (i *Info) ReadableBy(t Target) error {
	sp, ok := t.spec()
	if !ok {
		return errors.New("pkce: invalid target " + t.String())
	}
	fail := func(r Reason, where, found string, count int64) error {
		return &TargetError{Target: t, Reason: r, Where: where, Found: found, Count: count, Limit: sp.maxIter}
	}
	switch m := i.MAC; {
	case m.Algorithm == PBMAC1:
		if !slices.Contains(sp.macs, PBMAC1) {
			return fail(ReasonMAC, "MAC", m.String(), 0)
		}
		if !slices.Contains(prfsAll, m.PRF) || !slices.Contains(prfsAll, m.HMAC) {
			return fail(ReasonMAC, "MAC", m.String(), 0)
		}
	case !slices.Contains(sp.macs, m.Algorithm):
		found := m.String()
		if m.Algorithm == NoMAC {
			found = "no MAC (the file has no integrity protection, which this reader requires)"
		}
		return fail(ReasonMAC, "MAC", found, 0)
	}
	if sp.maxIter > 0 && i.MAC.Iterations > sp.maxIter {
		return fail(ReasonIterations, "MAC", i.MAC.String(), i.MAC.Iterations)
	}
	if extra := i.BER &^ sp.ber; extra != 0 {
		return fail(ReasonEncryption, "the encoding", "BER in "+extra.String()+" (NSS and Bouncy Castle write BER in the containers only)", 0)
	}
	check := func(where string, s Scheme) error {
		switch s.Encryption {
		case NoEncryption:
		case PBES2:
			if (s.KDF != "" && s.KDF != "PBKDF2") || !slices.Contains(sp.ciphers, s.Cipher) || !slices.Contains(sp.prfs, s.PRF) {
				return fail(ReasonEncryption, where, s.String(), 0)
			}
		default:
			if !slices.Contains(sp.pbe, s.Encryption) {
				found := s.String()
				if slices.Contains(pbeAll, s.Encryption) && (t == OpenSSL30 || t == OpenSSL34) {
					found += " (RC2 and RC4 need -legacy)"
				}
				return fail(ReasonEncryption, where, found, 0)
			}
		}
		if sp.maxIter > 0 && s.Iterations > sp.maxIter {
			return fail(ReasonIterations, where, s.String(), s.Iterations)
		}
		return nil
	}
	for n, s := range i.Safes {
		if err := check("safe "+strconv.Itoa(n+1), s.Scheme); err != nil {
			return err
		}
	}
	allOpened := !slices.ContainsFunc(i.Safes, func(s Safe) bool { return !s.Opened })
	for _, k := range i.KeyBags {
		where := "key bag " + strconv.Itoa(k.Bag) + " in safe " + strconv.Itoa(k.Safe)
		if err := check(where, k.Scheme); err != nil {
			return err
		}
		if sp.ecNeedsPub && k.PublicKeyMissing {
			return fail(ReasonKeyAlgorithm, where, "an "+k.Algorithm+" key stored without its public key, which "+sp.desc+" cannot import; re-encode the bundle with Encode", 0)
		}
		if sp.lkidPairs {
			switch {
			case k.LocalKeyID == nil:
				return fail(ReasonUnpairedKey, where, "a key without a localKeyId; "+sp.desc+" finds a key's certificate by that attribute alone and imports nothing from such a file", 0)
			case !k.Paired && k.Algorithm != "" && allOpened:
				return fail(ReasonUnpairedKey, where, "a key whose localKeyId ("+hex.EncodeToString(k.LocalKeyID)+") no certificate of that key carries; "+sp.desc+" finds a key's certificate by that attribute alone, so it imports nothing, or files the key under the wrong certificate", 0)
			}
		}
		if sp.rsaOnly {
			switch {
			case k.Algorithm == "":
				return fail(ReasonKeyAlgorithm, where, "an encrypted key whose kind shows only with the password (InspectWithPassword); nss-pem reads RSA keys only", 0)
			case !strings.HasPrefix(k.Algorithm, "RSA "):
				return fail(ReasonKeyAlgorithm, where, "an "+k.Algorithm+" key; nss-pem, through which yum reads the client key, reads RSA keys only: the certificate must be reissued for an RSA key", 0)
			}
		}
	}
	if sp.rsaOnly && len(i.KeyBags) == 0 {
		hidden := false
		for _, s := range i.Safes {
			hidden = hidden || !s.Opened
		}
		if hidden {
			return fail(ReasonKeyAlgorithm, "the bundle", "no key bag outside its encrypted safes; its key shows only with the password (InspectWithPassword)", 0)
		}
		return fail(ReasonKeyAlgorithm, "the bundle", "no private key, which yum needs for its client certificate", 0)
	}
	return nil
}

// Encode writes the bundle as a PKCS#12 file that target t reads, with
// the strongest encoding it reads (PK-2), using go-pkcs12: LegacyDES
// (3DES, SHA-1 MAC) for OpenSSL102, Java8, Windows2016, MacOSKeychain and
// YumCentOS7; Modern2023 (PBES2 AES-256 with hmacWithSHA256, SHA-256 MAC)
// for OpenSSL111, OpenSSL30, Java17, Windows2019, NSS and GnuTLS;
// Modern2026 (PBMAC1) for OpenSSL34. All use 2048 iterations, within
// every target's limit, and DER, so the result's [Inspect] passes
// [Info.ReadableBy] for t.
//
//	p12, err := b.Encode("Passw0rd", pkce.OpenSSL102) // for the CentOS 7 script
//
// The password must pass [CheckPassword] (PK-1), or Encode returns its
// *[PasswordError]. The bundle needs a Key and a Leaf that match
// (*[KeyError] otherwise); Chain and then Extra follow the leaf. For
// YumCentOS7 the key must be RSA (PK-5), or Encode returns the
// *[TargetError] of [Bundle.Yum].
func (b *Bundle) Encode(password string, t Target) ([]byte, error) {
	sp, ok := t.spec()
	if !ok {
		return nil, errors.New("pkce: invalid target " + t.String())
	}
	if err := CheckPassword(password); err != nil {
		return nil, err
	}
	if b == nil || b.Key == nil || b.Leaf == nil {
		return nil, &KeyError{Reason: ReasonNoKey, Detail: "Encode needs a key and a leaf certificate"}
	}
	if err := CheckKeyPair(b.Leaf, b.Key); err != nil {
		return nil, err
	}
	if sp.rsaOnly {
		if err := yumKey(b.Key); err != nil {
			return nil, err
		}
	}
	cas := make([]*x509.Certificate, 0, len(b.Chain)+len(b.Extra))
	cas = append(cas, b.Chain...)
	cas = append(cas, b.Extra...)
	out, err := sp.encoder.Encode(b.Key, b.Leaf, cas, password)
	if err != nil {
		return nil, &UnsupportedError{Where: "Encode", Algorithm: err.Error()}
	}
	return out, nil
}
