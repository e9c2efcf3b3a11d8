package pkce

import (
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
// It returns a *[KeyError]: ReasonKeyMismatch when the keys differ
// ([ErrKeyMismatch]), ReasonUnsupportedKey for another kind of key
// ([ErrUnsupported]), ReasonNoKey for a nil key or certificate.
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
