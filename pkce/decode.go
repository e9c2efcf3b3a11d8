package pkce

import (
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"math"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// DefaultMaxIterations is the default cap on the iteration count of one
// key derivation (PK-4), 2^20, the cap of golang.org/x/crypto/pkcs12.
// Every writer this package knows of uses 2048 (OpenSSL, go-pkcs12, Java)
// or at most 600,000 (Windows' limit); the JDK refuses more than 5,000,000.
const DefaultMaxIterations = 1 << 20

// Option changes a limit of [Decode] and [Load].
type Option func(*config)

type config struct {
	maxIter, maxTotal int64
}

func newConfig(opts []Option) config {
	c := config{}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if c.maxIter <= 0 {
		c.maxIter = DefaultMaxIterations
	}
	if c.maxTotal <= 0 {
		c.maxTotal = mulSat(c.maxIter, 8)
	}
	return c
}

// MaxIterations sets the cap on the iteration count of any one key
// derivation: the MAC, each encrypted safe and each shrouded key bag,
// wherever it sits (PK-4). n <= 0 means [DefaultMaxIterations]. Raise it
// only for files from a trusted source: each iteration is one hash
// computation, and a hostile file chooses the count.
func MaxIterations(n int64) Option { return func(c *config) { c.maxIter = n } }

// MaxTotalIterations sets the budget for the whole file: the sum over all
// derivations of the iteration count times the hash blocks derived (a
// 3DES key and IV from SHA-1 take 3 blocks, an AES-256 key from
// PBKDF2-HMAC-SHA-256 one). n <= 0 means 8 times the per-derivation cap,
// enough for a legacy file at the cap everywhere (MAC 1 + certificates 3
// + key 3).
func MaxTotalIterations(n int64) Option { return func(c *config) { c.maxTotal = n } }

// budget enforces PK-4 before each key derivation is run.
type budget struct {
	cfg   config
	spent int64
}

// reserve charges a derivation of count iterations costing cost hash
// blocks, or refuses it before any work.
func (b *budget) reserve(where string, count, cost int64) error {
	// PK-4: "the key-derivation iteration counts are read and capped
	// before any decryption".
	if count > b.cfg.maxIter {
		return &IterationError{Where: where, Count: count, Limit: b.cfg.maxIter}
	}
	if cost > math.MaxInt64-b.spent || b.spent+cost > b.cfg.maxTotal {
		total := int64(math.MaxInt64)
		if cost <= math.MaxInt64-b.spent {
			total = b.spent + cost
		}
		return &IterationError{Where: where, Count: total, Limit: b.cfg.maxTotal, Total: true}
	}
	b.spent += cost
	return nil
}

// charge reserves every derivation in bags, in order. Callers run it on a
// copy of the budget when bags become visible, so that a hostile count,
// or a sum of counts, is refused before any of them is derived.
func (b *budget) charge(bags []*bag) error {
	var err error
	walkBags(bags, func(x *bag) {
		if err != nil || x.scheme == nil {
			return
		}
		err = b.reserve(x.where, x.scheme.info.Iterations, x.scheme.cost())
	})
	return err
}

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
	// such as a second leaf or an unrelated root. Encode and EncodePEM
	// write them after the chain.
	Extra []*x509.Certificate
}

// Decode reads a DER PKCS#12 file (RFC 7292) with its password and
// returns the key, the certificate matching it and its chain. It reads
// files written by OpenSSL (default, -legacy, -descert, -certpbe NONE),
// keytool, Windows and go-pkcs12, in password integrity and privacy
// modes, with the schemes of [Encryption] and the MACs of [MACAlgorithm].
//
//	b, err := pkce.Decode(p12, "Passw0rd")
//	fmt.Println(b.Leaf.Subject, len(b.Chain))
//
// The password is not checked against PK-1, so that files made with other
// passwords can still be opened; use [CheckPassword] for that.
//
// # Bounded work (PK-4)
//
// Decode never runs a key derivation whose iteration count exceeds
// [MaxIterations] (default 2^20), nor derivations whose total cost exceeds
// [MaxTotalIterations]. This holds whatever the file's shape because
// Decode does the key derivations itself, in stages, and checks each stage
// before running it: first it parses the whole structure and checks the
// MAC, each encrypted safe and each visible shrouded key bag; then it
// verifies the MAC; then it decrypts the encrypted safes, parses the bags
// they reveal (a shrouded key bag nested in an encrypted safe is only
// visible now) and checks those; only then does it decrypt keys. The
// number of bags (4096) and nesting of safes (4) are capped too, so time
// and memory are linear in len(pfx) plus the capped derivations.
//
// # Errors
//
// With errors.Is: [ErrIncorrectPassword]; [ErrIterationLimit] (an
// *[IterationError] with the count and the cap); [ErrKeyMismatch] when no
// certificate matches the key and [ErrMultipleKeys] for two different
// keys (a *[KeyError]); [ErrUnsupported] (an *[UnsupportedError] naming
// the algorithm); [ErrMalformed] (a *[FormatError]), with [ErrBER] for BER
// files.
func Decode(pfx []byte, password string, opts ...Option) (*Bundle, error) {
	keys, certs, err := decodeBags(pfx, password, newConfig(opts))
	if err != nil {
		return nil, err
	}
	return assemble(keys, certs)
}

// decodeBags runs the staged decoding described in Decode's doc and
// returns the keys and certificates in file order.
func decodeBags(pfx []byte, password string, cfg config) ([]crypto.PrivateKey, []*x509.Certificate, error) {
	p, err := parsePFX(pfx)
	if err != nil {
		return nil, nil, err
	}
	bud := &budget{cfg: cfg}

	// Stage 1: every count visible without the password.
	{
		probe := *bud
		if p.mac != nil {
			if err := probe.reserve("MAC", p.mac.info.Iterations, p.mac.cost()); err != nil {
				return nil, nil, err
			}
		}
		for _, s := range p.safes {
			if s.ciphertext != nil {
				if err := probe.reserve("safe "+itoa(s.index), s.scheme.info.Iterations, s.scheme.cost()); err != nil {
					return nil, nil, err
				}
			} else if err := probe.charge(s.bags); err != nil {
				return nil, nil, err
			}
		}
	}

	// Stage 2: the MAC (RFC 7292 section 5).
	verified := false
	switch {
	case p.mac != nil:
		if p.mac.info.Algorithm == UnknownMAC {
			return nil, nil, &UnsupportedError{Where: "MAC", Algorithm: "MAC algorithm " + p.mac.info.OID}
		}
		if err := bud.reserve("MAC", p.mac.info.Iterations, p.mac.cost()); err != nil {
			return nil, nil, err
		}
		ok, err := p.mac.verify(p.authSafe, password, false)
		if err != nil {
			return nil, nil, err
		}
		if !ok && password == "" && p.mac.info.Algorithm != PBMAC1 {
			if err := bud.reserve("MAC", p.mac.info.Iterations, p.mac.cost()); err != nil {
				return nil, nil, err
			}
			if ok, err = p.mac.verify(p.authSafe, password, true); err != nil {
				return nil, nil, err
			}
		}
		if !ok {
			return nil, nil, ErrIncorrectPassword
		}
		verified = true
	}
	// Without a MAC (OpenSSL's -nomac) nothing vouches for the password;
	// go-pkcs12 refuses such files unless the password is empty. Here a
	// wrong password shows as bad padding or unparsable plaintext below.

	// Stage 3: decrypt the encrypted safes, then check what they reveal.
	for _, s := range p.safes {
		if s.ciphertext == nil {
			continue
		}
		where := "safe " + itoa(s.index)
		if err := bud.reserve(where, s.scheme.info.Iterations, s.scheme.cost()); err != nil {
			return nil, nil, err
		}
		pt, err := s.scheme.decrypt(s.ciphertext, password, where)
		if err != nil {
			return nil, nil, decryptErr(err, where, verified)
		}
		bags, err := parseSafeContents(pt, where, s.index, 1, &p.nbags)
		if err != nil {
			var fe *FormatError
			if errors.As(err, &fe) && (fe.Reason == ReasonTooManyBags || fe.Reason == ReasonBER) {
				return nil, nil, err
			}
			// Plaintext that is not a SafeContents: a wrong password that
			// happened to leave valid padding (1 in 256 for CBC).
			return nil, nil, decryptErr(paddingError{}, where, verified)
		}
		s.bags = bags
	}
	probe := *bud
	for _, s := range p.safes {
		if err := probe.charge(s.bags); err != nil {
			return nil, nil, err
		}
	}

	// Stage 4: keys and certificates.
	var keys []crypto.PrivateKey
	var certs []*x509.Certificate
	for _, s := range p.safes {
		var ferr error
		walkBags(s.bags, func(b *bag) {
			if ferr != nil {
				return
			}
			switch {
			case b.id.Equal(oidKeyBag):
				k, err := parseKey(b.value, b.where)
				if err != nil {
					ferr = err
					return
				}
				keys = append(keys, k)
			case b.id.Equal(oidShroudedKeyBag):
				if err := bud.reserve(b.where, b.scheme.info.Iterations, b.scheme.cost()); err != nil {
					ferr = err
					return
				}
				pt, err := b.scheme.decrypt(b.ct, password, b.where)
				if err != nil {
					ferr = decryptErr(err, b.where, verified)
					return
				}
				if !isPKCS8(pt) {
					ferr = decryptErr(paddingError{}, b.where, verified)
					return
				}
				k, err := parseKey(pt, b.where)
				if err != nil {
					ferr = err
					return
				}
				keys = append(keys, k)
			case b.id.Equal(oidCertBag):
				c, err := parseCertBag(b.value, b.where)
				if err != nil {
					ferr = err
					return
				}
				if c != nil {
					certs = append(certs, c)
				}
			}
		})
		if ferr != nil {
			return nil, nil, ferr
		}
	}
	return keys, certs, nil
}

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
// STRING, ... }. Decrypting with a wrong password almost never yields it.
func isPKCS8(der []byte) bool {
	s := cryptobyte.String(der)
	var seq cryptobyte.String
	var v int64
	var alg algorithmID
	return s.ReadASN1(&seq, cbasn1.SEQUENCE) && s.Empty() && seq.ReadASN1Integer(&v) &&
		readAlgorithm(&seq, &alg) && seq.PeekASN1Tag(cbasn1.OCTET_STRING)
}

// parseKey parses PKCS#8 PrivateKeyInfo (RFC 5208, RFC 5958). A key of an
// algorithm crypto/x509 does not parse (DSA, X25519, ...) is reported as
// unsupported with its OID.
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
			return nil, &UnsupportedError{Where: where, Algorithm: "private key algorithm " + alg.oid.String()}
		}
	}
	return nil, &FormatError{Where: where, Reason: ReasonBadKey, Err: err}
}
