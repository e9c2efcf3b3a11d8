package pkce

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/certlife/certlife/internal/keys"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
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
	// PBEWithSHA1And128BitRC4 is pbeWithSHAAnd128BitRC4
	// (1.2.840.113549.1.12.1.1), written by old Netscape and Windows
	// versions; NSS writes it on request.
	PBEWithSHA1And128BitRC4
	// PBEWithSHA1And40BitRC4 is pbeWithSHAAnd40BitRC4
	// (1.2.840.113549.1.12.1.2).
	PBEWithSHA1And40BitRC4
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
	PBEWithSHA1And128BitRC4: "PBE-SHA1-RC4-128",
	PBEWithSHA1And40BitRC4:  "PBE-SHA1-RC4-40",
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
	// KDF, PRF and Cipher are set for PBES2: the key derivation
	// ("PBKDF2"; empty means PBKDF2 too), its pseudo-random function ("hmacWithSHA256") and the
	// cipher ("aes256-CBC", "camellia256-CBC"), by their RFC 8018 names,
	// or as dotted OIDs when not known. Decode reads the PRFs
	// hmacWithSHA1, -SHA224, -SHA256, -SHA384, -SHA512, -SHA512-224 and
	// -SHA512-256 and the ciphers AES-CBC and DES-EDE3-CBC; others are
	// reported here and refused by Decode with ErrUnsupported.
	KDF, PRF, Cipher string
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
		if s.KDF != "" && s.KDF != "PBKDF2" {
			return fmt.Sprintf("PBES2 (key derivation %s, %s)", s.KDF, s.Cipher)
		}
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
	// MACSHA224 is HMAC-SHA-224 with the PKCS#12 key derivation
	// ("openssl pkcs12 -macalg sha224", Java's HmacPBESHA224).
	MACSHA224
	// MACSHA256 is HMAC-SHA-256 with the PKCS#12 key derivation, as
	// OpenSSL 3, NSS, GnuTLS and Java 12+ write it.
	MACSHA256
	// MACSHA384 is HMAC-SHA-384 with the PKCS#12 key derivation.
	MACSHA384
	// MACSHA512 is HMAC-SHA-512 with the PKCS#12 key derivation.
	MACSHA512
	// MACSHA512_224 is HMAC-SHA-512/224 with the PKCS#12 key derivation
	// (Java's HmacPBESHA512/224).
	MACSHA512_224
	// MACSHA512_256 is HMAC-SHA-512/256 with the PKCS#12 key derivation
	// (Java's HmacPBESHA512/256).
	MACSHA512_256
	// PBMAC1 is PBMAC1 (1.2.840.113549.1.5.14, RFC 9579) with PBKDF2,
	// read only by OpenSSL 3.4+ and Java 26+.
	PBMAC1
	// UnknownMAC is any other algorithm; [MAC.OID] names it.
	UnknownMAC
)

var macNames = [...]string{
	NoMAC:         "none",
	MACSHA1:       "HMAC-SHA1",
	MACSHA224:     "HMAC-SHA224",
	MACSHA256:     "HMAC-SHA256",
	MACSHA384:     "HMAC-SHA384",
	MACSHA512:     "HMAC-SHA512",
	MACSHA512_224: "HMAC-SHA512/224",
	MACSHA512_256: "HMAC-SHA512/256",
	PBMAC1:        "PBMAC1",
	UnknownMAC:    "unknown",
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
	// and the message authentication scheme, by name or dotted OID
	// ("key derivation <OID>" for a derivation other than PBKDF2).
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
		if strings.HasPrefix(m.PRF, "key derivation ") {
			return fmt.Sprintf("PBMAC1 (%s, %s)", m.PRF, m.HMAC)
		}
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

// BER says where a PKCS#12 file departs from DER (X.690 section 10) for
// BER (section 8): indefinite lengths, strings split into constructed
// segments, long length forms. Its bits combine; zero is DER. Which
// targets read which was measured (testdata/interop/readers.txt):
// openssl 3.0 reads all; keytool 17 all but BERParameters; NSS 3.87 all
// but BERBags; GnuTLS 3.7 only BERContainers.
type BER uint8

const (
	// BERContainers is BER in the PFX, the authenticated safe, each
	// safe's ContentInfo and EncryptedData and their content octets: what
	// NSS (pk12util, Firefox) and Bouncy Castle's KeyStore.store() write.
	BERContainers BER = 1 << iota
	// BERParameters is BER deeper at those levels: inside algorithm
	// identifiers (a salt in segments, say).
	BERParameters
	// BERBags is BER inside a SafeContents: the safe bags, their values
	// and attributes.
	BERBags
	// BERKeys is BER inside a key's PKCS#8 PrivateKeyInfo.
	BERKeys
)

// String lists the parts, as "containers, bags", or "DER" for zero.
func (b BER) String() string {
	if b == 0 {
		return "DER"
	}
	var parts []string
	for i, n := range []string{"containers", "parameters", "bags", "keys"} {
		if b&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, ", ")
}

// Safe describes one SafeContents of the authenticated safe.
type Safe struct {
	// Scheme is the safe's encryption; NoEncryption for a plain safe.
	Scheme Scheme
	// Bags counts the bags of the safe. Those of an encrypted safe show
	// only with the password ([InspectWithPassword]); without it Bags is
	// zero and Opened false.
	Bags BagCounts
	// Encrypted reports whether the safe is an EncryptedData.
	Encrypted bool
	// Opened reports whether Bags counts the safe's bags: always for a
	// plain safe, for an encrypted one when it was decrypted.
	Opened bool
}

// KeyBag locates a key bag that [Inspect] or [InspectWithPassword] can
// see.
type KeyBag struct {
	// Safe is the 1-based index of the safe holding the bag; Bag is its
	// 1-based position there, counting bags of nested safes in order.
	Safe, Bag int
	// Shrouded reports a pkcs8ShroudedKeyBag (encrypted); Scheme is then
	// its encryption.
	Shrouded bool
	// Scheme is the key's encryption (NoEncryption for a plain key bag).
	Scheme Scheme
	// Algorithm is the kind and size of the key, "RSA 2048",
	// "ECDSA P-256", "Ed25519", or the algorithm's OID for another kind;
	// empty while the key is encrypted and the password not given.
	Algorithm string
	// PublicKeyMissing reports an ECDSA key stored without its public key
	// (the optional publicKey of SEC 1's ECPrivateKey), as Java and Bouncy
	// Castle store them; GnuTLS 3.7 cannot import such a key.
	PublicKeyMissing bool
	// LocalKeyID is the bag's localKeyId attribute (PKCS#9, RFC 2985
	// section 5.5.2), nil when it has none. Every producer gives a key
	// and its certificate the same one; NSS finds a key's certificate by
	// it alone.
	LocalKeyID []byte
	// Paired reports that a certificate bag with the same LocalKeyID
	// holds this key's public key, which NSS needs to import the key (see
	// [NSS]). It can be true only when the key shows (a plain key bag,
	// or any with [InspectWithPassword]); it is judged against the
	// certificate bags of the opened safes.
	Paired bool
}

// Info is what [Inspect] learns from a PKCS#12 file without the password,
// and [InspectWithPassword] with it.
type Info struct {
	// MAC is the file's integrity protection.
	MAC MAC
	// Safes are the SafeContents in file order.
	Safes []Safe
	// KeyBags are the key bags in file order: those of plain safes, and
	// with the password those of encrypted safes too.
	KeyBags []KeyBag
	// Bags totals the bags of the opened safes.
	Bags BagCounts
	// BER says where the file is encoded in BER (indefinite lengths,
	// constructed strings) rather than DER; zero for a DER file. NSS and
	// Bouncy Castle write BERContainers, which every target reads; the
	// others split the readers (see [BER]). With [Inspect], BER inside
	// encrypted safes and keys does not show.
	BER BER
	// Decrypted reports an Info from InspectWithPassword, in which the
	// encrypted safes were opened.
	Decrypted bool
}

// String summarises the file on one line per part, for p12check-style
// tools: the encoding if BER, the MAC, each safe, each key bag.
func (i *Info) String() string {
	var b strings.Builder
	if i.BER != 0 {
		fmt.Fprintf(&b, "encoding: BER (%s)\n", i.BER)
	}
	fmt.Fprintf(&b, "MAC: %s\n", i.MAC)
	for n, s := range i.Safes {
		if s.Opened {
			fmt.Fprintf(&b, "safe %d: %s: %s\n", n+1, s.Scheme, s.Bags)
		} else {
			fmt.Fprintf(&b, "safe %d: %s\n", n+1, s.Scheme)
		}
	}
	for _, k := range i.KeyBags {
		alg := ""
		if k.Algorithm != "" {
			alg = " (" + k.Algorithm + ")"
		}
		if k.Shrouded {
			fmt.Fprintf(&b, "key bag %d in safe %d%s: %s\n", k.Bag, k.Safe, alg, k.Scheme)
		} else {
			fmt.Fprintf(&b, "key bag %d in safe %d%s: not encrypted\n", k.Bag, k.Safe, alg)
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

// keyAlgorithmNames names the PKCS#8 key algorithms (RFC 8017, RFC 5480,
// RFC 8410, RFC 3279).
var keyAlgorithmNames = map[string]string{
	"1.2.840.113549.1.1.1":  "RSA",
	"1.2.840.113549.1.1.10": "RSA-PSS",
	"1.2.840.10045.2.1":     "ECDSA",
	"1.3.101.112":           "Ed25519",
	"1.3.101.113":           "Ed448",
	"1.3.101.110":           "X25519",
	"1.3.101.111":           "X448",
	"1.2.840.10040.4.1":     "DSA",
}

var curveNames = map[string]string{
	"1.2.840.10045.3.1.7": "P-256",
	"1.3.132.0.34":        "P-384",
	"1.3.132.0.35":        "P-521",
	"1.3.132.0.10":        "secp256k1",
}

func keyAlgorithmName(oid asn1.ObjectIdentifier) string {
	if n, ok := keyAlgorithmNames[oid.String()]; ok {
		return n
	}
	return oid.String()
}

// keyAlgorithm describes a PKCS#8 PrivateKeyInfo without parsing the key:
// "RSA 2048", "ECDSA P-256", "Ed25519", or the algorithm's OID ("" if der
// is not a PrivateKeyInfo), and whether an EC key lacks its public key.
func keyAlgorithm(der []byte) (string, bool) {
	s := cryptobyte.String(der)
	var seq, priv cryptobyte.String
	var v int64
	var alg algorithmID
	if !s.ReadASN1(&seq, cbasn1.SEQUENCE) || !seq.ReadASN1Integer(&v) || !readAlgorithm(&seq, &alg) ||
		!seq.ReadASN1(&priv, cbasn1.OCTET_STRING) {
		return "", false
	}
	name := keyAlgorithmName(alg.oid)
	switch name {
	case "RSA", "RSA-PSS":
		// RSAPrivateKey ::= SEQUENCE { version, modulus INTEGER, ... }
		var rsa cryptobyte.String
		var ver int64
		n := new(big.Int)
		if priv.ReadASN1(&rsa, cbasn1.SEQUENCE) && rsa.ReadASN1Integer(&ver) && rsa.ReadASN1Integer(n) {
			return name + " " + strconv.Itoa(n.BitLen()), false
		}
	case "ECDSA":
		// ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING,
		// parameters [0] OPTIONAL, publicKey [1] OPTIONAL } (RFC 5915)
		var ec, d cryptobyte.String
		var ver int64
		missing := priv.ReadASN1(&ec, cbasn1.SEQUENCE) && ec.ReadASN1Integer(&ver) && ec.ReadASN1(&d, cbasn1.OCTET_STRING) &&
			ec.SkipOptionalASN1(cbasn1.Tag(0).Constructed().ContextSpecific()) && !ec.PeekASN1Tag(cbasn1.Tag(1).Constructed().ContextSpecific())
		var curve asn1.ObjectIdentifier
		if p := alg.params; p.ReadASN1ObjectIdentifier(&curve) {
			if c, ok := curveNames[curve.String()]; ok {
				return name + " " + c, missing
			}
			return name + " " + curve.String(), missing
		}
		return name, missing
	}
	return name, false
}

// countBags counts bags by type.
func countBags(bags []*bag) BagCounts {
	var c BagCounts
	walkBags(bags, func(b *bag) {
		switch {
		case b.id.Equal(oidKeyBag):
			c.Keys++
		case b.id.Equal(oidShroudedKeyBag):
			c.ShroudedKeys++
		case b.id.Equal(oidCertBag):
			c.Certificates++
		case b.id.Equal(oidCRLBag):
			c.CRLs++
		case b.id.Equal(oidSecretBag):
			c.Secrets++
		case b.id.Equal(oidSafeContentsBag):
			c.Safes++
		default:
			c.Other++
		}
	})
	return c
}

// info describes the file; decrypted says the encrypted safes were
// opened (their bags are then set).
func (p *pfxFile) info(decrypted bool) *Info {
	info := &Info{BER: p.ber, Decrypted: decrypted}
	var keyDER [][]byte // each key bag's PKCS#8, nil while encrypted
	var certs []*bag    // the certificate bags of the opened safes
	if p.mac != nil {
		info.MAC = p.mac.info
	}
	for _, s := range p.safes {
		si := Safe{Scheme: s.scheme.info, Encrypted: s.ciphertext != nil}
		si.Opened = !si.Encrypted || decrypted
		if si.Opened {
			si.Bags = countBags(s.bags)
			info.Bags.add(si.Bags)
			n := 0
			walkBags(s.bags, func(b *bag) {
				n++
				switch {
				case b.id.Equal(oidKeyBag):
					k := KeyBag{Safe: s.index, Bag: n, LocalKeyID: b.attrs.localKeyID}
					k.Algorithm, k.PublicKeyMissing = keyAlgorithm(b.value)
					info.KeyBags = append(info.KeyBags, k)
					keyDER = append(keyDER, b.value)
				case b.id.Equal(oidShroudedKeyBag):
					k := KeyBag{Safe: s.index, Bag: n, Shrouded: true, Scheme: b.scheme.info, LocalKeyID: b.attrs.localKeyID}
					k.Algorithm, k.PublicKeyMissing = keyAlgorithm(b.plain)
					info.KeyBags = append(info.KeyBags, k)
					keyDER = append(keyDER, b.plain)
				case b.id.Equal(oidCertBag):
					certs = append(certs, b)
				}
			})
		}
		info.Safes = append(info.Safes, si)
	}
	pc := pairChecker{certs: certs, parsed: make([]*x509.Certificate, len(certs)), tried: make([]bool, len(certs))}
	for n := range info.KeyBags {
		info.KeyBags[n].Paired = pc.paired(keyDER[n], info.KeyBags[n].LocalKeyID)
	}
	return info
}

// pairChecker tells whether a key bag is paired with a certificate bag
// as NSS pairs them: a certificate bag carries the key's localKeyId and
// holds its public half. NSS imports the key under the certificate of
// that localKeyId without comparing them, so a certificate of another
// key there leaves the key's own certificate without it. Only the
// certificates of a key's localKeyId are parsed, each at most once, and
// each distinct key once: a hostile file costs at most Limits.Keys key
// parses and Limits.Certificates certificate parses.
type pairChecker struct {
	certs  []*bag
	parsed []*x509.Certificate         // nil: not parsed yet, or not a certificate
	tried  []bool                      // parsed[n] is set
	keys   map[string]crypto.PublicKey // by PKCS#8; nil when it does not parse
}

func (pc *pairChecker) paired(der, id []byte) bool {
	if len(der) == 0 || len(id) == 0 {
		return false
	}
	var pub crypto.PublicKey
	for n, b := range pc.certs {
		if !bytes.Equal(b.attrs.localKeyID, id) {
			continue
		}
		if pub == nil {
			if pc.keys == nil {
				pc.keys = map[string]crypto.PublicKey{}
			}
			k, ok := pc.keys[string(der)]
			if !ok {
				k = publicHalf(der)
				pc.keys[string(der)] = k
			}
			if k == nil {
				return false
			}
			pub = k
		}
		if !pc.tried[n] {
			pc.tried[n] = true
			pc.parsed[n], _ = parseCertBag(b.value, "")
		}
		if c := pc.parsed[n]; c != nil && keys.Equal(c.PublicKey, pub) {
			return true
		}
	}
	return false
}

// publicHalf returns the public key of a PKCS#8 private key, or nil. An
// RSA key's modulus and exponent are read as they stand (RFC 8017
// appendix A.1.2), without the validation a full parse costs (the most of
// InspectWithPassword's time for a 2048-bit key); other kinds are parsed.
func publicHalf(der []byte) crypto.PublicKey {
	s := cryptobyte.String(der)
	var seq, priv, rsaKey cryptobyte.String
	var v, ver int64
	var alg algorithmID
	if s.ReadASN1(&seq, cbasn1.SEQUENCE) && seq.ReadASN1Integer(&v) && readAlgorithm(&seq, &alg) &&
		alg.oid.String() == "1.2.840.113549.1.1.1" && seq.ReadASN1(&priv, cbasn1.OCTET_STRING) {
		n, e := new(big.Int), 0
		if priv.ReadASN1(&rsaKey, cbasn1.SEQUENCE) && rsaKey.ReadASN1Integer(&ver) && rsaKey.ReadASN1Integer(n) &&
			rsaKey.ReadASN1Integer(&e) && n.Sign() > 0 && e > 0 {
			return &rsa.PublicKey{N: n, E: e}
		}
		return nil
	}
	k, err := parseKey(der, "")
	if err != nil {
		return nil
	}
	pub, _ := keys.Public(k)
	return pub
}
