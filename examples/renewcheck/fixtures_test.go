package main

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// Keys from fixed seeds: Ed25519 keys and signatures are deterministic, so
// the fixtures are the same on every run.
func seedKey(b byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{b}, ed25519.SeedSize))
}

var (
	caKey   = seedKey(0xca)
	oldKey  = seedKey(0x01) // the key of the installed certificate
	newKey  = seedKey(0x02) // the key made for the renewal
	subject = pkix.Name{Country: []string{"JP"}, Province: []string{"Tokyo"}, Locality: []string{"Chiyoda-ku"},
		Organization: []string{"Example K.K."}, CommonName: "www.example.jp"}
	// issued is the notBefore of the installed certificate; it is valid
	// for 397 days (TV-6: 398 MUST NOT, 397 SHOULD NOT before 2026-03-15).
	issued = time.Date(2025, 12, 10, 0, 0, 0, 0, time.UTC)
)

func certPEM(tb testing.TB, serial int64, name pkix.Name, key crypto.PublicKey, notBefore time.Time, days int) []byte {
	tb.Helper()
	return certPEMFor(tb, serial, name, key, notBefore, time.Duration(days)*24*time.Hour)
}

// certPEMFor is certPEM for a lifetime given as a duration (TV-3: notAfter
// is notBefore + lifetime - 1 s).
func certPEMFor(tb testing.TB, serial int64, name pkix.Name, key crypto.PublicKey, notBefore time.Time, lifetime time.Duration) []byte {
	tb.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      name,
		NotBefore:    notBefore,
		NotAfter:     notBefore.Add(lifetime - time.Second),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{name.CommonName},
	}
	parent := &x509.Certificate{Subject: pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Trust K.K."},
		CommonName: "Example Server ID CA"}, SubjectKeyId: []byte{1, 2, 3, 4}}
	der, err := x509.CreateCertificate(nil, tmpl, parent, key, caKey)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

func csrPEM(tb testing.TB, name pkix.Name, key ed25519.PrivateKey) []byte {
	tb.Helper()
	der, err := x509.CreateCertificateRequest(nil, &x509.CertificateRequest{Subject: name, DNSNames: []string{name.CommonName}}, key)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der})
}

func keyPEM(tb testing.TB, key ed25519.PrivateKey) []byte {
	tb.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})
}

// caPEM is the issuing CA's certificate (self-signed, for the fixtures).
func caPEM(tb testing.TB) []byte {
	tb.Helper()
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(0xca01), Subject: pkix.Name{Country: []string{"JP"},
		Organization: []string{"Example Trust K.K."}, CommonName: "Example Server ID CA"},
		NotBefore: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2035, 12, 31, 23, 59, 59, 0, time.UTC),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign, SubjectKeyId: []byte{1, 2, 3, 4}}
	der, err := x509.CreateCertificate(nil, tmpl, tmpl, caKey.Public(), caKey)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// installed is the installed certificate of the sample.
func installed(tb testing.TB) []byte {
	return certPEM(tb, 0x2025121001, subject, oldKey.Public(), issued, 397)
}

// fixtures are the files in testdata and how to make them. The sample
// directory is a server after a renewal went wrong (RN-8 a): server.crt is
// the installed certificate, server.key was overwritten by the new key,
// and request.csr is the CSR made with it.
var fixtures = map[string]func(testing.TB) []byte{
	"sample/server.crt":  installed,
	"sample/server.key":  func(tb testing.TB) []byte { return keyPEM(tb, newKey) },
	"sample/request.csr": func(tb testing.TB) []byte { return csrPEM(tb, subject, newKey) },
	// RN-8 b: the old key is still there, and a new key beside it.
	"old.key": func(tb testing.TB) []byte { return keyPEM(tb, oldKey) },
	// RN-7: a CSR made with the installed certificate's key.
	"reused-key.csr": func(tb testing.TB) []byte { return csrPEM(tb, subject, oldKey) },
	// RN-1: another common name; RN-4: another organization.
	"other-name.csr": func(tb testing.TB) []byte {
		n := subject
		n.CommonName = "shop.example.jp"
		return csrPEM(tb, n, newKey)
	},
	"moved.csr": func(tb testing.TB) []byte {
		n := subject
		n.Locality = []string{"Minato-ku"}
		return csrPEM(tb, n, newKey)
	},
	// A Let's Encrypt style directory: live/www.example.jp holds links
	// (cert.pem, chain.pem, fullchain.pem, privkey.pem) to the files of
	// archive/www.example.jp, and a README. The links are committed.
	"letsencrypt/archive/www.example.jp/cert1.pem":      installed,
	"letsencrypt/archive/www.example.jp/chain1.pem":     caPEM,
	"letsencrypt/archive/www.example.jp/fullchain1.pem": func(tb testing.TB) []byte { return append(installed(tb), caPEM(tb)...) },
	"letsencrypt/archive/www.example.jp/privkey1.pem":   func(tb testing.TB) []byte { return keyPEM(tb, oldKey) },
	"letsencrypt/live/README": func(testing.TB) []byte {
		return []byte("This directory contains your keys and certificates.\n")
	},
	// A server whose key is encrypted (encrypted/server.key is written by
	// examples/testdata/make.sh with openssl).
	"encrypted/server.crt": installed,
	// RN-12: a Let's Encrypt "shortlived" certificate of 160 hours, which
	// the seed CA's 30-day wait cannot renew.
	"shortlived.pem": func(tb testing.TB) []byte {
		n := subject
		n.CommonName = "short.example.jp"
		return certPEMFor(tb, 0x2026090101, n, oldKey.Public(), time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), 160*time.Hour)
	},
	// RN-13: the renewalInfo an ACME CA might return for the installed
	// certificate, and one whose window ends before it starts.
	"ari.json": func(testing.TB) []byte {
		return []byte(`{"suggestedWindow": {"start": "2026-11-30T15:00:00Z", "end": "2026-12-02T15:00:00Z"},` + "\n" +
			` "explanationURL": "https://acme.example.jp/docs/ari"}` + "\n")
	},
	"ari-backwards.json": func(testing.TB) []byte {
		return []byte(`{"suggestedWindow": {"start": "2026-12-02T15:00:00Z", "end": "2026-11-30T15:00:00Z"}}` + "\n")
	},
	// Two certificates for one name, the later one current (RN-1, RN-2).
	"two.pem": func(tb testing.TB) []byte {
		a := certPEM(tb, 0x2024121001, subject, oldKey.Public(), issued.AddDate(-1, 0, 0), 397)
		return append(a, certPEM(tb, 0x2025121001, subject, oldKey.Public(), issued, 397)...)
	},
}

// TestFixtures checks the files in testdata against their generators;
// -update rewrites them.
func TestFixtures(t *testing.T) {
	for name, gen := range fixtures {
		clitest.CheckFixture(t, name, gen(t))
	}
}

func readFile(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
