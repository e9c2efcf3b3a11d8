package pkce

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"fmt"

	"github.com/certlife/certlife/internal/keys"
)

// CheckKeyPair reports whether key is the private half of cert's public
// key (PK-3; RN-8 asks the same of PEM files, and renewal uses the same
// comparison, internal/keys). It supports RSA, ECDSA and Ed25519 keys.
//
//	err := pkce.CheckKeyPair(cert, key) // nil, or errors.Is(err, pkce.ErrKeyMismatch)
//
// It returns a *[KeyError]: ReasonKeyMismatch when the keys differ,
// ReasonUnsupportedKey for another kind of key (both unwrap to
// [ErrKeyMismatch]), ReasonNoKey for a nil key or certificate.
func CheckKeyPair(cert *x509.Certificate, key crypto.PrivateKey) error {
	if cert == nil || key == nil {
		return &KeyError{Reason: ReasonNoKey, Detail: "nil certificate or key"}
	}
	if _, ok := keys.Public(key); !ok {
		return &KeyError{Reason: ReasonUnsupportedKey, Detail: fmt.Sprintf("%T", key)}
	}
	if !keys.Match(cert.PublicKey, key) {
		return &KeyError{Reason: ReasonKeyMismatch, Detail: "certificate " + subject(cert)}
	}
	return nil
}

func subject(c *x509.Certificate) string {
	s := c.Subject.String()
	if s == "" {
		s = "(empty subject)"
	}
	return fmt.Sprintf("%q serial %s", s, c.SerialNumber)
}

// maxChainCerts caps the certificates that assemble orders, so that its
// quadratic search stays small on hostile input.
const maxChainCerts = 256

// maxSignatureChecks caps the signature verifications assemble may run.
const maxSignatureChecks = 16

// assemble picks the leaf (PK-3: the certificate holding the key's public
// half, wherever it sits) and orders its issuers leaf to root.
func assemble(privs []crypto.PrivateKey, certs []*x509.Certificate) (*Bundle, error) {
	var key crypto.PrivateKey
	var pub crypto.PublicKey
	for _, k := range privs {
		p, ok := keys.Public(k)
		if !ok {
			return nil, &KeyError{Reason: ReasonUnsupportedKey, Detail: fmt.Sprintf("%T", k)}
		}
		if key == nil {
			key, pub = k, p
			continue
		}
		// The same key twice (in a key bag and a shrouded key bag, say) is
		// not ambiguous; two different keys are.
		if !keys.Equal(pub, p) {
			return nil, &KeyError{Reason: ReasonMultipleKeys}
		}
	}
	if len(certs) > maxChainCerts {
		return nil, &FormatError{Where: "bundle", Reason: ReasonTooManyBags, Detail: fmt.Sprintf("more than %d certificates", maxChainCerts)}
	}
	if len(certs) == 0 {
		if key != nil {
			return nil, &KeyError{Reason: ReasonKeyMismatch, Detail: "the bundle holds no certificate"}
		}
		return nil, &FormatError{Where: "bundle", Reason: ReasonNoCertificate}
	}
	leaf := -1
	if key != nil {
		for i, c := range certs {
			if keys.Match(c.PublicKey, key) {
				leaf = i
				break
			}
		}
		if leaf < 0 {
			return nil, &KeyError{Reason: ReasonKeyMismatch, Detail: fmt.Sprintf("none of %d certificates holds its public key", len(certs))}
		}
	} else {
		// Without a key, the leaf is the first certificate that issued no
		// other one in the bundle.
		for i, c := range certs {
			issuedOther := false
			for j, d := range certs {
				if i != j && issued(c, d) {
					issuedOther = true
					break
				}
			}
			if !issuedOther {
				leaf = i
				break
			}
		}
		if leaf < 0 {
			leaf = 0
		}
	}
	b := &Bundle{Key: key, Leaf: certs[leaf]}
	used := make([]bool, len(certs))
	used[leaf] = true
	// A certificate listed twice is the same certificate.
	for i, c := range certs {
		if i != leaf && bytes.Equal(c.Raw, b.Leaf.Raw) {
			used[i] = true
		}
	}
	cur := b.Leaf
	sigChecks := 0
	for !selfIssued(cur) {
		next := -1
		var cands []int
		for i, c := range certs {
			if !used[i] && issued(c, cur) {
				cands = append(cands, i)
			}
		}
		if len(cands) > 0 {
			next = cands[0]
		}
		// When names and key identifiers do not decide, prefer the
		// candidate whose signature verifies; the checks are capped so that
		// a file of look-alike certificates stays cheap.
		if len(cands) > 1 {
			for _, j := range cands {
				if sigChecks >= maxSignatureChecks {
					break
				}
				sigChecks++
				if cur.CheckSignatureFrom(certs[j]) == nil {
					next = j
					break
				}
			}
		}
		if next < 0 {
			break
		}
		used[next] = true
		for i, c := range certs {
			if !used[i] && bytes.Equal(c.Raw, certs[next].Raw) {
				used[i] = true
			}
		}
		b.Chain = append(b.Chain, certs[next])
		cur = certs[next]
	}
	for i, c := range certs {
		if !used[i] {
			b.Extra = append(b.Extra, c)
		}
	}
	return b, nil
}

// issued reports whether parent's subject and key identifier fit child's
// issuer (RFC 5280 section 4.1.2.4 and 4.2.1.1).
func issued(parent, child *x509.Certificate) bool {
	if !bytes.Equal(parent.RawSubject, child.RawIssuer) {
		return false
	}
	if len(child.AuthorityKeyId) > 0 && len(parent.SubjectKeyId) > 0 {
		return bytes.Equal(child.AuthorityKeyId, parent.SubjectKeyId)
	}
	return true
}

func selfIssued(c *x509.Certificate) bool {
	return bytes.Equal(c.RawSubject, c.RawIssuer)
}
