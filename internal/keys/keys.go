// Package keys compares public and private keys. It is shared by pkce
// (PK-3) and renewal (RN-8) so that both answer "does this key belong to
// this certificate" the same way.
package keys

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
)

// Public returns the public half of a private key of a kind the module
// supports (*rsa.PrivateKey, *ecdsa.PrivateKey, ed25519.PrivateKey and
// *ed25519.PrivateKey), or ok false.
func Public(priv crypto.PrivateKey) (pub crypto.PublicKey, ok bool) {
	switch k := priv.(type) {
	case *rsa.PrivateKey:
		if k == nil {
			return nil, false
		}
		return &k.PublicKey, true
	case *ecdsa.PrivateKey:
		if k == nil {
			return nil, false
		}
		return &k.PublicKey, true
	case ed25519.PrivateKey:
		if len(k) != ed25519.PrivateKeySize {
			return nil, false
		}
		return k.Public(), true
	case *ed25519.PrivateKey:
		if k == nil || len(*k) != ed25519.PrivateKeySize {
			return nil, false
		}
		return k.Public(), true
	}
	return nil, false
}

// Equal reports whether two public keys are the same key. Keys of different
// algorithms, nil keys and keys of unsupported kinds are never equal.
func Equal(a, b crypto.PublicKey) bool {
	switch x := a.(type) {
	case *rsa.PublicKey:
		y, ok := b.(*rsa.PublicKey)
		return ok && x != nil && y != nil && x.N != nil && x.Equal(y)
	case *ecdsa.PublicKey:
		y, ok := b.(*ecdsa.PublicKey)
		return ok && x != nil && y != nil && x.Curve != nil && x.X != nil && x.Equal(y)
	case ed25519.PublicKey:
		y, ok := b.(ed25519.PublicKey)
		return ok && len(x) == ed25519.PublicKeySize && x.Equal(y)
	}
	return false
}

// Match reports whether priv is the private half of pub.
func Match(pub crypto.PublicKey, priv crypto.PrivateKey) bool {
	p, ok := Public(priv)
	return ok && Equal(pub, p)
}
