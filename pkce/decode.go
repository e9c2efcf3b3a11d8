package pkce

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Bundle is a private key with its certificate and chain.
type Bundle struct {
	// Key is the private key (*rsa.PrivateKey, *ecdsa.PrivateKey or
	// ed25519.PrivateKey), or nil for a certificate-only bundle.
	Key crypto.PrivateKey
	// Leaf is the certificate whose public key is Key's (PK-3). Without a
	// key it is the certificate that issued no other in the bundle.
	Leaf *x509.Certificate
	// Chain holds the issuers of Leaf found in the bundle, ordered from
	// Leaf's issuer towards the root, whatever their order in the file.
	Chain []*x509.Certificate
	// Extra holds the other certificates of the bundle, in file order,
	// such as another entry's certificate or an unrelated root. Encode and
	// EncodePEM write them after the chain.
	Extra []*x509.Certificate
}

// Decode reads a PKCS#12 file (RFC 7292), in DER or BER, with its
// password and returns the key, the certificate matching it and its
// chain. It reads files written by OpenSSL (default, -legacy, -descert,
// -certpbe NONE, -nomac), keytool, NSS (pk12util, Firefox), GnuTLS
// (certtool), Bouncy Castle, Windows, node-forge, Python's cryptography
// and go-pkcs12, in password integrity and privacy modes, with the
// schemes of [Encryption] and the MACs of [MACAlgorithm].
//
//	b, err := pkce.Decode(p12, "Passw0rd")
//	fmt.Println(b.Leaf.Subject, len(b.Chain))
//
// The password is not checked against PK-1, so that files made with other
// passwords can still be opened; use [CheckPassword] for that. The empty
// password opens files written with an empty and with a NULL password
// (see Passwords below).
//
// # One key
//
// A bundle is one key with its certificates. When the file holds several
// distinct keys (a keystore with two aliases), Decode returns a
// *[KeyError] with ReasonMultipleKeys naming the entries, unless
// [SelectAlias] or [SelectKey] picks one; the other entries'
// certificates then go to Extra. [DecodeEntries] lists every entry. The
// same key stored twice (in a key bag and a shrouded key bag, say) is one
// key.
//
// # Bounded work (PK-4)
//
// Decode never runs a key derivation whose iteration count exceeds
// [Limits].Iterations (default 2^20), nor derivations that together hash
// more than the file's budget (see [Limits] for the formula), nor reads
// more safes, bags, certificates or keys, longer salts or parameters, or
// deeper nesting than Limits allows. This holds whatever the file's shape
// because Decode does the key derivations itself, in stages, and checks
// each stage before running it: first it parses the whole visible
// structure (converting BER to DER level by level, under the same limits)
// and checks the MAC, each encrypted safe and each visible shrouded key
// bag; then it verifies the MAC; then it decrypts the encrypted safes,
// parses the bags they reveal (a shrouded key bag nested in an encrypted
// safe is only visible now) and checks those; only then does it decrypt
// and parse keys.
//
// # Passwords
//
// PKCS#12 derives keys from the password as a BMPString with a zero
// terminator (RFC 7292 appendix B.1), so the empty password is two zero
// bytes; Windows writes "no password" as zero bytes instead (a NULL
// password). With the empty password, Decode tries both on the MAC, as
// OpenSSL and go-pkcs12 do, and decrypts with the form that verified it.
//
// # Errors
//
// With errors.Is: [ErrIncorrectPassword]; [ErrIterationLimit] (an
// *[IterationError] with the count and the cap); [ErrLimit] (a
// *[LimitError] naming the limit); [ErrKeyMismatch] when no certificate
// matches the key, [ErrNoCertificate] for a key without any certificate,
// [ErrMultipleKeys] for several keys (a *[KeyError]); [ErrUnsupported]
// (an *[UnsupportedError] naming the algorithm); [ErrMalformed] (a
// *[FormatError]).
func Decode(pfx []byte, password string, opts ...Option) (*Bundle, error) {
	cfg := newConfig(opts)
	d, err := decodeFile(pfx, password, cfg.lim, true)
	if err != nil {
		return nil, err
	}
	return d.contents().bundle(cfg)
}

// DecodeEntries reads a PKCS#12 file as [Decode] does and returns every
// entry: each distinct private key with its certificate and chain, then
// each certificate that belongs to no key (a truststore's, or a lone
// CA), in file order. Unlike Decode it accepts any number of keys, a key
// without a certificate (an Entry without Leaf) and files without keys.
//
//	entries, err := pkce.DecodeEntries(keystore, pw)
//	for _, e := range entries {
//		fmt.Println(e.Name(), e.Key != nil)
//	}
//
// It returns the errors of Decode, except those about how keys and
// certificates fit together: [ErrUnsupported] for a key of a kind this
// package does not read, and the format, limit and password errors.
func DecodeEntries(pfx []byte, password string, opts ...Option) ([]Entry, error) {
	cfg := newConfig(opts)
	d, err := decodeFile(pfx, password, cfg.lim, true)
	if err != nil {
		return nil, err
	}
	return d.contents().entries()
}

// Inspect reads the structure of a PKCS#12 file, DER or BER, without the
// password and without any key derivation: the encoding, the MAC and its
// iteration count, each safe's encryption, the bags of plain safes and
// where key bags sit. Its cost is linear in len(pfx), within [Limits]
// (opts may change them).
//
// It returns a *[FormatError] ([ErrMalformed]; ReasonTruncated for a file
// cut short), a *[LimitError] ([ErrLimit]) or an *[UnsupportedError] for
// the public-key modes of RFC 7292. Algorithms it does not know (a
// Camellia or ARIA cipher in PBES2, an unknown MAC) are reported in the
// Info, not as errors.
//
//	info, err := pkce.Inspect(p12)
//	fmt.Println(info.MAC) // HMAC-SHA256, 2048 iterations
func Inspect(pfx []byte, opts ...Option) (*Info, error) {
	p := newParser(newConfig(opts).lim)
	pf, err := p.parsePFX(pfx)
	if err != nil {
		return nil, err
	}
	return pf.info(false), nil
}

// InspectWithPassword is [Inspect] with the password: it also decrypts the
// encrypted safes and key bags, under the limits of [Decode], so that the
// Info lists the bags inside encrypted safes and the algorithm of every
// key, which [Info.ReadableBy] needs to judge [YumCentOS7]. Its errors are
// Decode's, except those about how keys and certificates fit together.
//
//	info, err := pkce.InspectWithPassword(p12, pw)
//	err = info.ReadableBy(pkce.YumCentOS7) // nil only for an RSA key
func InspectWithPassword(pfx []byte, password string, opts ...Option) (*Info, error) {
	d, err := decodeFile(pfx, password, newConfig(opts).lim, false)
	if err != nil {
		return nil, err
	}
	return d.pf.info(true), nil
}

// decoded is a file after decryption: its structure, with the plaintext
// of every key bag.
type decoded struct {
	pf    *pfxFile
	lim   Limits
	certs []certItem
	keys  []keyItem
}

type certItem struct {
	cert  *x509.Certificate
	attrs attrs
}

type keyItem struct {
	where string
	der   []byte // PKCS#8
	key   crypto.PrivateKey
	attrs attrs
}

// decodeFile runs the staged decoding described in Decode's doc. With
// parse set it also parses the certificates and keys.
func decodeFile(pfx []byte, password string, lim Limits, parse bool) (*decoded, error) {
	p := newParser(lim)
	pf, err := p.parsePFX(pfx)
	if err != nil {
		return nil, err
	}
	sec := newSecret(password)
	bud := &budget{lim: lim, parts: 1}
	bud.addParts(p.encryptedSafes + p.shroudedCount)

	// Stage 1: every derivation visible without the password, on a copy
	// of the budget, so that a hostile count or sum is refused unrun.
	{
		probe := *bud
		if pf.mac != nil {
			if err := reserveMAC(&probe, pf, sec); err != nil {
				return nil, err
			}
		}
		for _, s := range pf.safes {
			if s.ciphertext != nil {
				if err := reserveScheme(&probe, "safe "+itoa(s.index), s.scheme, sec); err != nil {
					return nil, err
				}
			} else if err := reserveBags(&probe, s.bags, sec); err != nil {
				return nil, err
			}
		}
	}

	// Stage 2: the MAC (RFC 7292 section 5).
	verified := false
	if pf.mac != nil {
		if err := reserveMAC(bud, pf, sec); err != nil {
			return nil, err
		}
		ok, err := pf.mac.verify(pf.authSafe, sec)
		if err != nil {
			return nil, err
		}
		if !ok && password == "" && pf.mac.info.Algorithm != PBMAC1 {
			sec.useNull()
			if err := reserveMAC(bud, pf, sec); err != nil {
				return nil, err
			}
			if ok, err = pf.mac.verify(pf.authSafe, sec); err != nil {
				return nil, err
			}
		}
		if !ok {
			return nil, ErrIncorrectPassword
		}
		sec.undecided = false
		verified = true
	}
	// Without a MAC (OpenSSL's -nomac) nothing vouches for the password;
	// go-pkcs12 refuses such files unless the password is empty. Here a
	// wrong password shows as bad padding or unparsable plaintext below.

	// Stage 3: decrypt the encrypted safes, then check what they reveal.
	for _, s := range pf.safes {
		if s.ciphertext == nil {
			continue
		}
		where := "safe " + itoa(s.index)
		pt, err := decryptPart(bud, where, s.scheme, s.ciphertext, sec, verified, func(pt []byte) bool {
			return looksLikeSequence(pt)
		})
		if err != nil {
			return nil, err
		}
		before := p.shroudedCount
		bags, err := p.parseSafeContents(pt, where, 1)
		if err != nil {
			var le *LimitError
			var ue *UnsupportedError
			if errors.As(err, &le) || errors.As(err, &ue) {
				return nil, err
			}
			// Plaintext that is not a SafeContents: a wrong password that
			// happened to leave valid padding (1 in 256 for CBC).
			return nil, decryptErr(paddingError{}, where, verified)
		}
		s.bags = bags
		bud.addParts(p.shroudedCount - before)
	}
	probe := *bud
	for _, s := range pf.safes {
		if s.ciphertext != nil {
			if err := reserveBags(&probe, s.bags, sec); err != nil {
				return nil, err
			}
		}
	}
	pf.ber = p.isBER

	// Stage 4: keys and certificates.
	d := &decoded{pf: pf, lim: lim}
	for _, s := range pf.safes {
		var ferr error
		walkBags(s.bags, func(b *bag) {
			if ferr != nil {
				return
			}
			switch {
			case b.id.Equal(oidKeyBag):
				b.plain = b.value
			case b.id.Equal(oidShroudedKeyBag):
				pt, err := decryptPart(bud, b.where, b.scheme, b.ct, sec, verified, isPKCS8)
				if err != nil {
					ferr = err
					return
				}
				// A plaintext that is not a PrivateKeyInfo (or, in BER, does
				// not convert to one) is a wrong password that left valid
				// padding, or an RC4 key bag under a wrong password.
				if isPKCS8(pt) {
					if pt, err = p.der(pt, b.where, BERKeys, 0); err != nil {
						var le *LimitError
						if errors.As(err, &le) {
							ferr = err
							return
						}
						pt = nil
					}
				}
				if !isPKCS8(pt) {
					ferr = decryptErr(paddingError{}, b.where, verified)
					return
				}
				b.plain = pt
				pf.ber = p.isBER
			case b.id.Equal(oidCertBag) && parse:
				c, err := parseCertBag(b.value, b.where)
				if err != nil {
					ferr = err
					return
				}
				if c != nil {
					d.certs = append(d.certs, certItem{cert: c, attrs: b.attrs})
				}
			}
			if b.plain != nil && parse {
				k, err := d.parseKey(b.plain, b.where)
				if err != nil {
					ferr = err
					return
				}
				d.keys = append(d.keys, keyItem{where: b.where, der: b.plain, key: k, attrs: b.attrs})
			}
		})
		if ferr != nil {
			return nil, ferr
		}
	}
	return d, nil
}

func reserveMAC(b *budget, pf *pfxFile, sec *secret) error {
	m := pf.mac
	if !m.supported() {
		return &UnsupportedError{Where: "MAC", Algorithm: "MAC " + m.info.String()}
	}
	return b.reserve("MAC", m.info.Iterations, m.cost(sec, len(pf.authSafe)))
}

func reserveScheme(b *budget, where string, s *encScheme, sec *secret) error {
	if !s.supported() {
		return &UnsupportedError{Where: where, Algorithm: "encryption " + s.info.String()}
	}
	return b.reserve(where, s.info.Iterations, s.cost(sec))
}

// reserveBags reserves every shrouded key bag's derivation, in order.
func reserveBags(b *budget, bags []*bag, sec *secret) error {
	var err error
	walkBags(bags, func(x *bag) {
		if err == nil && x.scheme != nil {
			err = reserveScheme(b, x.where, x.scheme, sec)
		}
	})
	return err
}

// decryptPart charges and runs one decryption. With the empty password
// and no MAC to decide its form, a failure (bad padding, or a plaintext
// ok rejects) is retried once with the NULL form, which then holds for
// the rest of the file.
func decryptPart(bud *budget, where string, s *encScheme, ct []byte, sec *secret, verified bool, ok func([]byte) bool) ([]byte, error) {
	if err := reserveScheme(bud, where, s, sec); err != nil {
		return nil, err
	}
	pt, err := s.decrypt(ct, sec, where)
	legacy := s.info.Encryption != PBES2
	if sec.undecided && legacy {
		if err == nil && ok(pt) {
			sec.undecided = false
			return pt, nil
		}
		var pe paddingError
		if err == nil || errors.As(err, &pe) {
			sec.useNull()
			if err := reserveScheme(bud, where, s, sec); err != nil {
				return nil, err
			}
			pt, err = s.decrypt(ct, sec, where)
		}
	}
	if err != nil {
		return nil, decryptErr(err, where, verified)
	}
	return pt, nil
}

// looksLikeSequence reports whether pt starts as a DER or BER SEQUENCE
// does, the first check of a decrypted SafeContents.
func looksLikeSequence(pt []byte) bool { return len(pt) >= 2 && pt[0] == 0x30 }

// decryptErr maps a decryption that fails its padding or yields no valid
// structure to ErrIncorrectPassword. Without a MAC that is the usual sign
// of a wrong password; after the MAC verified it means the content was
// encrypted with a different password (OpenSSL's -twopass), since the
// MAC vouches for the ciphertext.
func decryptErr(err error, where string, verified bool) error {
	var pe paddingError
	if !errors.As(err, &pe) {
		return err
	}
	if verified {
		return fmt.Errorf("%w: %s does not decrypt with the password that verified the MAC", ErrIncorrectPassword, where)
	}
	return ErrIncorrectPassword
}

// parseCertBag reads CertBag ::= SEQUENCE { certId, certValue [0]
// EXPLICIT OCTET STRING } (RFC 7292 section 4.2.3). SDSI certificates are
// skipped (nil, nil).
func parseCertBag(value []byte, where string) (*x509.Certificate, error) {
	s := cryptobyte.String(value)
	var seq, explicit, der cryptobyte.String
	var certID asn1.ObjectIdentifier
	if !s.ReadASN1(&seq, cbasn1.SEQUENCE) || !s.Empty() || !seq.ReadASN1ObjectIdentifier(&certID) ||
		!seq.ReadASN1(&explicit, cbasn1.Tag(0).Constructed().ContextSpecific()) || !seq.Empty() {
		return nil, syntaxErr(where, "not a CertBag")
	}
	if !certID.Equal(oidX509Certificate) {
		return nil, nil
	}
	if !explicit.ReadASN1(&der, cbasn1.OCTET_STRING) || !explicit.Empty() {
		return nil, syntaxErr(where, "certificate is not an OCTET STRING")
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, &FormatError{Where: where, Reason: ReasonBadCertificate, Err: err}
	}
	return c, nil
}

// isPKCS8 reports whether der has the shape of a PrivateKeyInfo
// (RFC 5958 section 2): SEQUENCE { INTEGER, AlgorithmIdentifier, OCTET
// STRING, ... }, in DER or BER. Decrypting with a wrong password almost
// never yields it.
func isPKCS8(der []byte) bool {
	if len(der) >= 2 && der[0] == 0x30 && der[1] == 0x80 {
		return true // BER; checked again after conversion
	}
	s := cryptobyte.String(der)
	var seq cryptobyte.String
	var v int64
	var alg algorithmID
	return s.ReadASN1(&seq, cbasn1.SEQUENCE) && s.Empty() && seq.ReadASN1Integer(&v) &&
		readAlgorithm(&seq, &alg) && seq.PeekASN1Tag(cbasn1.OCTET_STRING)
}

// parseKey parses PKCS#8 PrivateKeyInfo (RFC 5208, RFC 5958), parsing
// the same bytes once (a key stored twice, or a hostile file repeating
// one: key parses cost milliseconds).
func (d *decoded) parseKey(der []byte, where string) (crypto.PrivateKey, error) {
	for _, prev := range d.keys {
		if bytes.Equal(prev.der, der) {
			return prev.key, nil
		}
	}
	return parseKey(der, where)
}

// parseKey parses PKCS#8 PrivateKeyInfo. A key of an algorithm
// crypto/x509 does not parse (DSA, X25519, ...) is reported as
// unsupported with its name or OID.
func parseKey(der []byte, where string) (crypto.PrivateKey, error) {
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err == nil {
		return k, nil
	}
	s := cryptobyte.String(der)
	var seq cryptobyte.String
	var v int64
	var alg algorithmID
	if s.ReadASN1(&seq, cbasn1.SEQUENCE) && seq.ReadASN1Integer(&v) && readAlgorithm(&seq, &alg) {
		switch alg.oid.String() {
		case "1.2.840.113549.1.1.1", "1.2.840.10045.2.1", "1.3.101.112":
			// RSA, EC, Ed25519: supported kinds, so the key itself is bad.
		default:
			return nil, &UnsupportedError{Where: where, Algorithm: "private key algorithm " + keyAlgorithmName(alg.oid)}
		}
	}
	return nil, &FormatError{Where: where, Reason: ReasonBadKey, Err: err}
}
