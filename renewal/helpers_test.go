package renewal

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"github.com/certlife/certlife/internal/keys"
	"github.com/certlife/certlife/tz"
	"github.com/google/go-cmp/cmp"
)

// jst returns an instant given on the JST wall clock.
func jst(y int, m time.Month, d, hh, mm, ss, ns int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, ns, tz.JST)
}

// utc returns an instant given on the UTC wall clock.
func utc(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
}

// edKey returns a deterministic Ed25519 key for seed byte b.
func edKey(b byte) ed25519.PrivateKey {
	seed := make([]byte, ed25519.SeedSize)
	seed[0] = b
	return ed25519.NewKeyFromSeed(seed)
}

// subject returns the subject used throughout the tests, with common name cn.
func subject(cn string) pkix.Name {
	return pkix.Name{
		CommonName:   cn,
		Organization: []string{"Example Co., Ltd."},
		Locality:     []string{"Minato-ku"},
		Province:     []string{"Tokyo"},
		Country:      []string{"JP"},
	}
}

// held returns a held certificate for cn issued at nb for 398 days with
// key pub and serial.
func held(cn string, nb time.Time, pub crypto.PublicKey, serial int64) Held {
	return Held{
		Subject:      subject(cn),
		NotBefore:    nb,
		NotAfter:     nb.Add(398*24*time.Hour - time.Second),
		PublicKey:    pub,
		SerialNumber: big.NewInt(serial),
	}
}

// heldEqual compares Held values: cmp cannot look into big.Int or keys.
func heldEqual(a, b Held) bool {
	serialEq := (a.SerialNumber == nil && b.SerialNumber == nil) ||
		(a.SerialNumber != nil && b.SerialNumber != nil && a.SerialNumber.Cmp(b.SerialNumber) == 0)
	keyEq := (a.PublicKey == nil && b.PublicKey == nil) || keys.Equal(a.PublicKey, b.PublicKey)
	return serialEq && keyEq && a.NotBefore.Equal(b.NotBefore) && a.NotAfter.Equal(b.NotAfter) &&
		cmp.Equal(a.Subject, b.Subject) && cmp.Equal(a.DNSNames, b.DNSNames) && cmp.Equal(a.RequestSubject, b.RequestSubject)
}

var cmpHeld = cmp.Comparer(heldEqual)

// warningCodes compares warnings by code; details are for people and are
// checked where they matter.
var warningCodes = cmp.Transformer("codes", func(ws []Warning) []WarningCode {
	var cs []WarningCode
	for _, w := range ws {
		cs = append(cs, w.Code)
	}
	return cs
})

// newCert returns a self-signed certificate for cn with the key priv, valid
// from nb to na.
func newCert(t testing.TB, cn string, priv crypto.Signer, serial int64, nb, na time.Time) *x509.Certificate {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      subject(cn),
		NotBefore:    nb,
		NotAfter:     na,
		DNSNames:     []string{cn},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, priv.Public(), priv)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newCSR returns the DER of a CSR for subj signed with priv.
func newCSR(t testing.TB, subj pkix.Name, priv crypto.Signer) []byte {
	t.Helper()
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: subj}, priv)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func ecKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// with returns SeedCA's policy changed by f.
func with(f func(*Policy)) Policy {
	p := DefaultPolicy()
	f(&p)
	return p
}

// elapsed returns SeedCA's policy counting exact 24-hour days.
func elapsed() Policy { return with(func(p *Policy) { p.Counting = Elapsed }) }
