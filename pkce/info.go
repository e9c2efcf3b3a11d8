package pkce

import (
	"fmt"
	"strconv"
	"strings"
)

// Encryption is a password-based encryption scheme of a PKCS#12 safe or
// shrouded key bag.
type Encryption int

const (
	// NoEncryption is a safe stored as plain data (OpenSSL's
	// "-certpbe NONE") or an unshrouded key bag.
	NoEncryption Encryption = iota
	// PBEWithSHA1And3DES is pbeWithSHAAnd3-KeyTripleDES-CBC
	// (1.2.840.113549.1.12.1.3, RFC 7292 appendix C), read by every target.
	PBEWithSHA1And3DES
	// PBEWithSHA1And128BitRC2 is pbeWithSHAAnd128BitRC2-CBC
	// (1.2.840.113549.1.12.1.5).
	PBEWithSHA1And128BitRC2
	// PBEWithSHA1And40BitRC2 is pbeWithSHAAnd40BitRC2-CBC
	// (1.2.840.113549.1.12.1.6), the certificate encryption of OpenSSL
	// before 3.0 and of "openssl pkcs12 -legacy".
	PBEWithSHA1And40BitRC2
	// PBES2 is PBES2 (1.2.840.113549.1.5.13, RFC 8018 section 6.2) with
	// PBKDF2; [Scheme] gives its PRF and cipher.
	PBES2
	// UnknownEncryption is any other scheme; [Scheme.OID] names it.
	UnknownEncryption
)

var encryptionNames = [...]string{
	NoEncryption:            "none",
	PBEWithSHA1And3DES:      "PBE-SHA1-3DES",
	PBEWithSHA1And128BitRC2: "PBE-SHA1-RC2-128",
	PBEWithSHA1And40BitRC2:  "PBE-SHA1-RC2-40",
	PBES2:                   "PBES2",
	UnknownEncryption:       "unknown",
}

// String returns the scheme's short name, such as "PBE-SHA1-3DES".
func (e Encryption) String() string {
	if e >= 0 && int(e) < len(encryptionNames) {
		return encryptionNames[e]
	}
	return "Encryption(" + strconv.Itoa(int(e)) + ")"
}

// Scheme describes how one safe or key bag is encrypted.
type Scheme struct {
	// Encryption is the scheme.
	Encryption Encryption
	// PRF and Cipher are set for PBES2: the PBKDF2 pseudo-random function
	// ("hmacWithSHA256") and the cipher ("aes256-CBC"), by their RFC 8018
	// names, or an OID when not known.
	PRF, Cipher string
	// Iterations is the key-derivation iteration count (0 for
	// NoEncryption and UnknownEncryption).
	Iterations int64
	// OID is the algorithm identifier in dotted form ("" for
	// NoEncryption).
	OID string
}

// String describes the scheme, for example
// "PBES2 (PBKDF2 hmacWithSHA256, aes256-CBC), 2048 iterations".
func (s Scheme) String() string {
	switch s.Encryption {
	case NoEncryption:
		return "not encrypted"
	case UnknownEncryption:
		return "unknown encryption " + s.OID
	case PBES2:
		return fmt.Sprintf("PBES2 (PBKDF2 %s, %s), %s", s.PRF, s.Cipher, iterations(s.Iterations))
	}
	return fmt.Sprintf("%s, %s", s.Encryption, iterations(s.Iterations))
}

// MACAlgorithm is the integrity algorithm of a PKCS#12 file.
type MACAlgorithm int

const (
	// NoMAC is a file without MacData (OpenSSL's "-nomac", keytool trust
	// stores without a password).
	NoMAC MACAlgorithm = iota
	// MACSHA1 is HMAC-SHA-1 with the PKCS#12 key derivation (RFC 7292
	// appendix B), read by every target.
	MACSHA1
	// MACSHA256 is HMAC-SHA-256 with the PKCS#12 key derivation, as
	// OpenSSL 3 and Java 12+ write it.
	MACSHA256
	// MACSHA384 is HMAC-SHA-384 with the PKCS#12 key derivation.
	MACSHA384
	// MACSHA512 is HMAC-SHA-512 with the PKCS#12 key derivation.
	MACSHA512
	// PBMAC1 is PBMAC1 (1.2.840.113549.1.5.14, RFC 9579) with PBKDF2,
	// read only by OpenSSL 3.4+ and Java 26+.
	PBMAC1
	// UnknownMAC is any other algorithm; [MAC.OID] names it.
	UnknownMAC
)

var macNames = [...]string{
	NoMAC:      "none",
	MACSHA1:    "HMAC-SHA1",
	MACSHA256:  "HMAC-SHA256",
	MACSHA384:  "HMAC-SHA384",
	MACSHA512:  "HMAC-SHA512",
	PBMAC1:     "PBMAC1",
	UnknownMAC: "unknown",
}

// String returns the algorithm's short name, such as "HMAC-SHA1".
func (m MACAlgorithm) String() string {
	if m >= 0 && int(m) < len(macNames) {
		return macNames[m]
	}
	return "MACAlgorithm(" + strconv.Itoa(int(m)) + ")"
}

// MAC describes the integrity protection of a PKCS#12 file.
type MAC struct {
	// Algorithm is the MAC algorithm.
	Algorithm MACAlgorithm
	// PRF and HMAC are set for PBMAC1: the PBKDF2 pseudo-random function
	// and the message authentication scheme.
	PRF, HMAC string
	// Iterations is the key-derivation iteration count (0 for NoMAC).
	Iterations int64
	// OID is the digest or MAC algorithm identifier in dotted form.
	OID string
}

// String describes the MAC, for example "HMAC-SHA256, 2048 iterations".
func (m MAC) String() string {
	switch m.Algorithm {
	case NoMAC:
		return "no MAC"
	case UnknownMAC:
		return "unknown MAC " + m.OID
	case PBMAC1:
		return fmt.Sprintf("PBMAC1 (PBKDF2 %s, %s), %s", m.PRF, m.HMAC, iterations(m.Iterations))
	}
	return fmt.Sprintf("%s, %s", m.Algorithm, iterations(m.Iterations))
}

// BagCounts counts the safe bags of one safe by type (RFC 7292 section 4.2).
type BagCounts struct {
	// Keys counts unencrypted key bags; ShroudedKeys counts
	// pkcs8ShroudedKeyBags.
	Keys, ShroudedKeys int
	// Certificates counts certificate bags; CRLs and Secrets their kinds.
	Certificates, CRLs, Secrets int
	// Safes counts nested safeContentsBags (their own bags are counted
	// in the same BagCounts); Other counts bags of unknown types.
	Safes, Other int
}

func (c *BagCounts) add(d BagCounts) {
	c.Keys += d.Keys
	c.ShroudedKeys += d.ShroudedKeys
	c.Certificates += d.Certificates
	c.CRLs += d.CRLs
	c.Secrets += d.Secrets
	c.Safes += d.Safes
	c.Other += d.Other
}

// String lists the non-zero counts, as "1 shrouded key, 2 certificates".
func (c BagCounts) String() string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, strconv.Itoa(n)+" "+many)
		}
	}
	add(c.Keys, "key", "keys")
	add(c.ShroudedKeys, "shrouded key", "shrouded keys")
	add(c.Certificates, "certificate", "certificates")
	add(c.CRLs, "CRL", "CRLs")
	add(c.Secrets, "secret", "secrets")
	add(c.Safes, "nested safe", "nested safes")
	add(c.Other, "other bag", "other bags")
	if len(parts) == 0 {
		return "no bags"
	}
	return strings.Join(parts, ", ")
}

// Safe describes one SafeContents of the authenticated safe.
type Safe struct {
	// Scheme is the safe's encryption; NoEncryption for a plain safe.
	Scheme Scheme
	// Bags counts the bags of a plain safe. The bags of an encrypted safe
	// cannot be seen without the password; Bags is then zero and
	// Encrypted is set.
	Bags BagCounts
	// Encrypted reports whether the safe is an EncryptedData.
	Encrypted bool
}

// KeyBag locates a key bag that [Inspect] can see.
type KeyBag struct {
	// Safe is the 1-based index of the safe holding the bag; Bag is its
	// 1-based position there, counting bags of nested safes in order.
	Safe, Bag int
	// Shrouded reports a pkcs8ShroudedKeyBag (encrypted); Scheme is then
	// its encryption.
	Shrouded bool
	// Scheme is the key's encryption (NoEncryption for a plain key bag).
	Scheme Scheme
}

// Info is what [Inspect] learns from a PKCS#12 file without the password.
type Info struct {
	// MAC is the file's integrity protection.
	MAC MAC
	// Safes are the SafeContents in file order.
	Safes []Safe
	// KeyBags are the key bags in plain safes, in file order. Key bags
	// inside encrypted safes are not visible without the password.
	KeyBags []KeyBag
	// Bags totals the bags of the plain safes.
	Bags BagCounts
}

// String summarises the file on one line per part, for p12check-style
// tools.
func (i *Info) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "MAC: %s\n", i.MAC)
	for n, s := range i.Safes {
		if s.Encrypted {
			fmt.Fprintf(&b, "safe %d: %s\n", n+1, s.Scheme)
		} else {
			fmt.Fprintf(&b, "safe %d: %s: %s\n", n+1, s.Scheme, s.Bags)
		}
	}
	for _, k := range i.KeyBags {
		if k.Shrouded {
			fmt.Fprintf(&b, "key bag %d in safe %d: %s\n", k.Bag, k.Safe, k.Scheme)
		} else {
			fmt.Fprintf(&b, "key bag %d in safe %d: not encrypted\n", k.Bag, k.Safe)
		}
	}
	return b.String()
}

func iterations(n int64) string {
	if n == 1 {
		return "1 iteration"
	}
	return strconv.FormatInt(n, 10) + " iterations"
}
