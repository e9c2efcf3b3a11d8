package contract_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"github.com/certlife/certlife/tz"
)

// jst returns the instant y-m-d h:mi:s.ns in JST.
func jst(y int, m time.Month, d, h, mi, s, ns int) time.Time {
	return time.Date(y, m, d, h, mi, s, ns, tz.JST)
}

// date returns a tz.Date.
func date(y int, m time.Month, d int) tz.Date { return tz.Date{Year: y, Month: m, Day: d} }

// lastNS is the last nanosecond of a second.
const lastNS = 999999999

// certFor returns a real certificate, created and parsed with crypto/x509,
// whose subject serialNumber is subjectSerial and whose validity runs from
// notBefore to notAfter. The key is derived from a fixed seed and the
// signature is deterministic (Ed25519), so the test does not depend on
// randomness beyond x509's own use of rand for nothing it signs.
func certFor(t testing.TB, subjectSerial string, notBefore, notAfter time.Time) *x509.Certificate {
	t.Helper()
	seed := make([]byte, ed25519.SeedSize)
	copy(seed, "certlife contract test key seed!")
	key := ed25519.NewKeyFromSeed(seed)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(4242),
		Subject: pkix.Name{
			CommonName:         "client.example.co.jp",
			SerialNumber:       subjectSerial,
			OrganizationalUnit: []string{"OU-" + subjectSerial},
		},
		NotBefore:   notBefore,
		NotAfter:    notAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}
