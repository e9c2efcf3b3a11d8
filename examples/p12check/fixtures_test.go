package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/clitest"
	"github.com/certlife/certlife/pkce"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"software.sslmate.com/src/go-pkcs12"
)

// samplePassword is the documented password of the sample bundle; it is
// also in testdata/sample.password, which the binary embeds.
const samplePassword = "Sample2026"

// makeBundle returns a client-certificate bundle as a vendor's download
// page might hand it out: an RSA key, its certificate (CT-1: bound to a
// contract by the subject serialNumber) and the issuing CA.
func makeBundle(tb testing.TB) *pkce.Bundle {
	tb.Helper()
	caKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		tb.Fatal(err)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		tb.Fatal(err)
	}
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Linux Vendor K.K."}, CommonName: "Example Extended Support CA"},
		NotBefore:    time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2034, 3, 31, 23, 59, 59, 0, time.UTC),
		IsCA:         true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, caKey.Public(), caKey)
	if err != nil {
		tb.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(0x0c2026),
		Subject: pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Customer K.K."},
			CommonName: "update client", SerialNumber: "C-2026-0001"},
		NotBefore:   time.Date(2026, 5, 11, 1, 0, 0, 0, time.UTC),
		NotAfter:    time.Date(2031, 5, 10, 14, 59, 59, 0, time.UTC),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, key.Public(), caKey)
	if err != nil {
		tb.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	return &pkce.Bundle{Key: key, Leaf: leaf, Chain: []*x509.Certificate{ca}}
}

// regen rewrites the bundles in testdata. It is not -update, which
// rewrites the golden files: the keys are random, so new bundles change
// the embedded sample on every run.
var regen = flag.Bool("regen", false, "rewrite the PKCS#12 fixtures in testdata (new random keys)")

// TestFixtures checks the sample bundle (an OpenSSL 3 style file, PBES2
// AES-256 with a SHA-256 MAC, which CentOS 7 cannot read) and writes the
// fixtures with -regen: sample.p12, sample.password, legacy.p12 (3DES,
// SHA-1 MAC), symbol.p12 with its password that breaks PK-1, mismatch.p12
// whose certificate is not its key's (PK-3), and a wrong password.
func TestFixtures(t *testing.T) {
	if *regen {
		b := makeBundle(t)
		modern, err := b.Encode(samplePassword, pkce.OpenSSL30)
		if err != nil {
			t.Fatal(err)
		}
		legacy, err := b.Encode(samplePassword, pkce.OpenSSL102)
		if err != nil {
			t.Fatal(err)
		}
		// PK-1: a password with a symbol, which pkce.Encode refuses to
		// write; go-pkcs12 writes it.
		symbol, err := pkcs12.Modern2023.Encode(b.Key, b.Leaf, b.Chain, "Sample2026!")
		if err != nil {
			t.Fatal(err)
		}
		// PK-3: the CA's certificate beside a key that is not its own.
		mismatch, err := pkcs12.LegacyDES.Encode(b.Key, b.Chain[0], nil, samplePassword)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range map[string][]byte{
			"sample.p12":      modern,
			"legacy.p12":      legacy,
			"symbol.p12":      symbol,
			"mismatch.p12":    mismatch,
			"sample.password": []byte(samplePassword + "\n"),
			"symbol.password": []byte("Sample2026!\n"),
			"wrong.password":  []byte("Wrong2026\n"),
		} {
			if err := os.WriteFile(filepath.Join("testdata", name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	data, err := os.ReadFile("testdata/sample.p12")
	if err != nil {
		t.Fatal(err)
	}
	info, err := pkce.Inspect(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := info.ReadableBy(pkce.OpenSSL102); err == nil {
		t.Error("PK-2 sample.p12 is readable by OpenSSL 1.0.2; it should need re-encoding")
	}
	if _, err := pkce.Decode(data, samplePassword); err != nil {
		t.Errorf("sample.p12 does not decode with the sample password: %v", err)
	}
}

// bigSalt rewrites the MacData of a PKCS#12 file with a salt of n bytes
// (writers use 8 to 20): a file over pkce's Limits.SaltBytes (1024), which
// pkce refuses before any key derivation (PK-4, ErrLimit). The MAC no
// longer verifies; the refusal comes first.
func bigSalt(tb testing.TB, pfx []byte, n int) []byte {
	tb.Helper()
	var body, authSafe, macData, digestInfo, salt cryptobyte.String
	var version int64
	in := cryptobyte.String(pfx)
	if !in.ReadASN1(&body, cbasn1.SEQUENCE) || !body.ReadASN1Integer(&version) ||
		!body.ReadASN1Element(&authSafe, cbasn1.SEQUENCE) || !body.ReadASN1(&macData, cbasn1.SEQUENCE) ||
		!macData.ReadASN1Element(&digestInfo, cbasn1.SEQUENCE) || !macData.ReadASN1(&salt, cbasn1.OCTET_STRING) {
		tb.Fatal("not a DER PFX with MacData")
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Int64(version)
		b.AddBytes(authSafe)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddBytes(digestInfo)
			b.AddASN1OctetString(make([]byte, n))
			b.AddBytes(macData) // the iterations
		})
	})
	return b.BytesOrPanic()
}

// TestDerivedFixtures checks the fixtures made from the sample without
// randomness (-update rewrites them): bigsalt.p12, the sample with a MAC
// salt of 2,048 bytes.
func TestDerivedFixtures(t *testing.T) {
	clitest.CheckFixture(t, "bigsalt.p12", bigSalt(t, sampleP12, 2048))
}
