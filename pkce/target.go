package pkce

import (
	"crypto/x509"
	"errors"
	"strconv"
	"strings"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// Target is a program that will read a PKCS#12 file (PK-2). Each
// constant's doc says what it reads and cites the source; the facts are
// those of the table under PK-2 in the certlife domain rules
// (domain.md), which the interop tests check against the OpenSSL 3.0 and
// Java 17 on the build machine. The zero Target is invalid.
type Target int

const (
	// OpenSSL102 is OpenSSL 1.0.2, which the vendor's install script runs
	// on CentOS 7 and RHEL 7: PKCS#12 PBE with 3DES or RC2 and a SHA-1 MAC.
	// PBES2/AES with a SHA-256 MAC, which OpenSSL 3 writes by default, is
	// treated as unreadable. Source: domain.md PK-2 and its table; the
	// client-certificate FAQ (seeds/client-certificate-faq.ja.txt).
	OpenSSL102 Target = iota + 1
	// OpenSSL111 is OpenSSL 1.1.1: the legacy schemes, and PBES2 with
	// AES-256 and a SHA-256 MAC; not PBMAC1. Source: domain.md table.
	OpenSSL111
	// OpenSSL30 is OpenSSL 3.0 to 3.3: 3DES and PBES2/AES; RC2 only with
	// -legacy (the legacy provider), so RC2 counts as unreadable; not
	// PBMAC1. Source: domain.md table; openssl-pkcs12(1) of OpenSSL 3.0,
	// option -legacy; checked by this package's interop tests.
	OpenSSL30
	// OpenSSL34 is OpenSSL 3.4 and later: also PBMAC1 (RFC 9579); RC2
	// still only with -legacy. Source: domain.md table; OpenSSL 3.4
	// release notes (PBMAC1 support in PKCS#12).
	OpenSSL34
	// Java8 is Java 8 before 8u301 (and 11 before 11.0.12): 3DES or RC2
	// with a SHA-1 MAC; no SHA-256 MAC and no PBES2. The JDK refuses more
	// than 5,000,000 iterations. Source: domain.md table; JDK-8153005
	// (stronger PKCS12 defaults, Java 12, backported to 8u301 and 11.0.12).
	Java8
	// Java17 is Java 12 and later (and 8u301+, 11.0.12+): also PBES2/AES
	// with a SHA-256 MAC; not PBMAC1 before Java 26; at most 5,000,000
	// iterations. Source: domain.md table; checked against keytool 17 by
	// the interop tests.
	Java17
	// Windows2016 is Windows Server 2016 and older: 3DES with a SHA-1 MAC
	// (and the RC2-40 certificate safes that Windows itself exported); AES
	// files fail as "wrong password"; at most 600,000 iterations. Source:
	// domain.md table; Export-PfxCertificate's -CryptoAlgorithmOption
	// TripleDES_SHA1.
	Windows2016
	// Windows2019 is Windows Server 2019 and later: also PBES2 with
	// AES-256 and a SHA-256 MAC; not PBMAC1; at most 600,000 iterations.
	// Source: domain.md table; Export-PfxCertificate's
	// -CryptoAlgorithmOption AES256_SHA256.
	Windows2019
	// MacOSKeychain is the macOS keychain (Security framework, Keychain
	// Access, "security import"): 3DES with a SHA-1 MAC (and RC2 as
	// OpenSSL 1.x wrote it); PBES2/AES files written by OpenSSL 3 fail
	// with "MAC verification failed". Source: domain.md table.
	MacOSKeychain
)

type targetSpec struct {
	name, desc string
	aliases    []string
	rc2        bool  // reads the PKCS#12 RC2 schemes
	pbes2      bool  // reads PBES2 with AES
	sha2MAC    bool  // reads a PKCS#12 MAC with SHA-256/384/512
	pbmac1     bool  // reads PBMAC1
	maxIter    int64 // 0: no known limit
	encoder    *pkcs12.Encoder
}

var targetSpecs = [...]targetSpec{
	OpenSSL102:    {"openssl102", "OpenSSL 1.0.2 (CentOS 7)", []string{"centos7", "rhel7", "openssl1.0.2", "openssl10"}, true, false, false, false, 0, pkcs12.LegacyDES},
	OpenSSL111:    {"openssl111", "OpenSSL 1.1.1", []string{"openssl1.1.1", "openssl11", "rhel8", "centos8"}, true, true, true, false, 0, pkcs12.Modern2023},
	OpenSSL30:     {"openssl30", "OpenSSL 3.0", []string{"openssl3", "openssl3.0", "openssl300", "rhel9"}, false, true, true, false, 0, pkcs12.Modern2023},
	OpenSSL34:     {"openssl34", "OpenSSL 3.4", []string{"openssl3.4", "openssl340"}, false, true, true, true, 0, pkcs12.Modern2026},
	Java8:         {"java8", "Java 8 before 8u301", []string{"jdk8", "java11old"}, true, false, false, false, 5_000_000, pkcs12.LegacyDES},
	Java17:        {"java17", "Java 17", []string{"jdk17", "java12", "java11", "java21", "jdk21"}, true, true, true, false, 5_000_000, pkcs12.Modern2023},
	Windows2016:   {"windows2016", "Windows Server 2016", []string{"win2016", "windows2012", "windows10"}, true, false, false, false, 600_000, pkcs12.LegacyDES},
	Windows2019:   {"windows2019", "Windows Server 2019", []string{"win2019", "windows2022", "windows11"}, true, true, true, false, 600_000, pkcs12.Modern2023},
	MacOSKeychain: {"macos", "the macOS keychain", []string{"macoskeychain", "mac", "keychain", "osx"}, true, false, false, false, 0, pkcs12.LegacyDES},
}

// Targets returns every target, in declaration order.
func Targets() []Target {
	out := make([]Target, 0, len(targetSpecs)-1)
	for t := OpenSSL102; t <= MacOSKeychain; t++ {
		out = append(out, t)
	}
	return out
}

func (t Target) spec() (targetSpec, bool) {
	if t < OpenSSL102 || t > MacOSKeychain {
		return targetSpec{}, false
	}
	return targetSpecs[t], true
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
// "java-17", "windows2016", "macos". An unknown name is an error listing
// the canonical names.
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
// (PK-2): nil, or a *[TargetError] (unwrapping to [ErrUnreadable]) whose
// message names the first part the target cannot read and says to
// re-encode. Shrouded key bags inside encrypted safes are not visible
// without the password; every known writer uses the same family of scheme
// for them as for the safe around them.
//
//	info, _ := pkce.Inspect(p12) // written by OpenSSL 3 with default options
//	err := info.ReadableBy(pkce.OpenSSL102)
//	// pkce: OpenSSL 1.0.2 (CentOS 7) cannot read MAC: HMAC-SHA256, 2048 iterations; re-encode ...
func (i *Info) ReadableBy(t Target) error {
	sp, ok := t.spec()
	if !ok {
		return errors.New("pkce: invalid target " + t.String())
	}
	fail := func(r Reason, where, found string, count int64) error {
		return &TargetError{Target: t, Reason: r, Where: where, Found: found, Count: count, Limit: sp.maxIter}
	}
	switch m := i.MAC; m.Algorithm {
	case NoMAC, MACSHA1:
	case MACSHA256, MACSHA384, MACSHA512:
		if !sp.sha2MAC {
			return fail(ReasonMAC, "MAC", m.String(), 0)
		}
	case PBMAC1:
		if !sp.pbmac1 {
			return fail(ReasonMAC, "MAC", m.String(), 0)
		}
	default:
		return fail(ReasonMAC, "MAC", m.String(), 0)
	}
	if sp.maxIter > 0 && i.MAC.Iterations > sp.maxIter {
		return fail(ReasonIterations, "MAC", i.MAC.String(), i.MAC.Iterations)
	}
	check := func(where string, s Scheme) error {
		switch s.Encryption {
		case NoEncryption, PBEWithSHA1And3DES:
		case PBEWithSHA1And40BitRC2, PBEWithSHA1And128BitRC2:
			if !sp.rc2 {
				return fail(ReasonEncryption, where, s.String()+" (RC2 needs -legacy)", 0)
			}
		case PBES2:
			if !sp.pbes2 {
				return fail(ReasonEncryption, where, s.String(), 0)
			}
		default:
			return fail(ReasonEncryption, where, s.String(), 0)
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
	for _, k := range i.KeyBags {
		if err := check("key bag "+strconv.Itoa(k.Bag)+" in safe "+strconv.Itoa(k.Safe), k.Scheme); err != nil {
			return err
		}
	}
	return nil
}

// Encode writes the bundle as a PKCS#12 file that target t reads, with
// the strongest encoding it reads (PK-2), using go-pkcs12: LegacyDES
// (3DES, SHA-1 MAC) for OpenSSL102, Java8, Windows2016 and MacOSKeychain;
// Modern2023 (PBES2 AES-256, SHA-256 MAC) for OpenSSL111, OpenSSL30,
// Java17 and Windows2019; Modern2026 (PBMAC1) for OpenSSL34. All use 2048
// iterations, within every target's limit, so the result's [Inspect]
// passes [Info.ReadableBy] for t.
//
//	p12, err := b.Encode("Passw0rd", pkce.OpenSSL102) // for the CentOS 7 script
//
// The password must pass [CheckPassword] (PK-1), or Encode returns its
// *[PasswordError]. The bundle needs a Key and a Leaf that match
// (*[KeyError] otherwise); Chain and then Extra follow the leaf.
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
	cas := make([]*x509.Certificate, 0, len(b.Chain)+len(b.Extra))
	cas = append(cas, b.Chain...)
	cas = append(cas, b.Extra...)
	out, err := sp.encoder.Encode(b.Key, b.Leaf, cas, password)
	if err != nil {
		return nil, &UnsupportedError{Where: "Encode", Algorithm: err.Error()}
	}
	return out, nil
}
