package keys

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"testing"
)

func TestMatch(t *testing.T) {
	rsa1, _ := rsa.GenerateKey(rand.Reader, 1024)
	rsa2, _ := rsa.GenerateKey(rand.Reader, 1024)
	ec1, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ec2, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ec384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	_, ed1, _ := ed25519.GenerateKey(rand.Reader)
	_, ed2, _ := ed25519.GenerateKey(rand.Reader)

	tests := []struct {
		name string
		pub  crypto.PublicKey
		priv crypto.PrivateKey
		want bool
	}{
		{"PK-3 RSA pair", &rsa1.PublicKey, rsa1, true},
		{"PK-3 RSA other key", &rsa1.PublicKey, rsa2, false},
		{"PK-3 ECDSA pair", &ec1.PublicKey, ec1, true},
		{"PK-3 ECDSA other key", &ec1.PublicKey, ec2, false},
		{"PK-3 ECDSA other curve", &ec1.PublicKey, ec384, false},
		{"PK-3 Ed25519 pair", ed1.Public(), ed1, true},
		{"PK-3 Ed25519 pointer", ed1.Public(), &ed1, true},
		{"PK-3 Ed25519 other key", ed1.Public(), ed2, false},
		{"PK-3 algorithms differ", &rsa1.PublicKey, ec1, false},
		{"PK-3 nil key", &rsa1.PublicKey, nil, false},
		{"PK-3 nil RSA pointer", &rsa1.PublicKey, (*rsa.PrivateKey)(nil), false},
		{"PK-3 nil public key", nil, rsa1, false},
		{"PK-3 short Ed25519 key", ed1.Public(), ed25519.PrivateKey{1, 2, 3}, false},
		{"PK-3 unsupported kind", &rsa1.PublicKey, "not a key", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Match(tt.pub, tt.priv); got != tt.want {
				t.Errorf("Match = %v, want %v", got, tt.want)
			}
		})
	}
}
