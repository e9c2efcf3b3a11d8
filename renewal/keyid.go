package renewal

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/binary"
)

// canonicalKey returns a canonical encoding of a public key of a kind
// internal/keys compares: a type letter, then for RSA the big-endian
// modulus and exponent, for ECDSA the curve name and the uncompressed
// point, for Ed25519 the 32 key bytes. Equal keys have equal encodings and
// different keys different ones. It is cheaper than
// x509.MarshalPKIXPublicKey, which goes through reflection; matches found
// through it are still confirmed with internal/keys.
func canonicalKey(pub any) ([]byte, bool) {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if k == nil || k.N == nil {
			return nil, false
		}
		b := make([]byte, 9+(k.N.BitLen()+7)/8)
		b[0] = 'R'
		binary.BigEndian.PutUint64(b[1:9], uint64(k.E))
		k.N.FillBytes(b[9:])
		return b, true
	case *ecdsa.PublicKey:
		if k == nil || k.Curve == nil {
			return nil, false
		}
		pt, err := k.Bytes()
		if err != nil {
			return nil, false
		}
		name := k.Curve.Params().Name
		b := make([]byte, 0, 2+len(name)+len(pt))
		b = append(b, 'E', byte(len(name)))
		b = append(b, name...)
		return append(b, pt...), true
	case ed25519.PublicKey:
		if len(k) != ed25519.PublicKeySize {
			return nil, false
		}
		return append([]byte{'D'}, k...), true
	}
	return nil, false
}

// keyID returns the SHA-256 of the canonical encoding of pub.
func keyID(pub any) ([sha256.Size]byte, bool) {
	b, ok := canonicalKey(pub)
	if !ok {
		return [sha256.Size]byte{}, false
	}
	return sha256.Sum256(b), true
}
