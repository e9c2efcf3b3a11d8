package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// clientPEM is the sample client certificate: bound to contract
// C-2026-0001 by its subject serialNumber, issued when the download mail
// was sent (2026-05-11 10:00 JST) and valid for five years, far beyond the
// contract, since the contract decides access (CT-1). Ed25519 keys from
// fixed seeds make it the same on every run.
func clientPEM(tb testing.TB, id string, notBefore, notAfter time.Time, serial int64) []byte {
	tb.Helper()
	caKey := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{0xca}, ed25519.SeedSize))
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{0xc1}, ed25519.SeedSize))
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject: pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Customer K.K."},
			CommonName: "update client", SerialNumber: id},
		NotBefore:   notBefore,
		NotAfter:    notAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	parent := &x509.Certificate{Subject: pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Linux Vendor K.K."},
		CommonName: "Example Extended Support CA"}, SubjectKeyId: []byte{5, 6, 7, 8}}
	der, err := x509.CreateCertificate(nil, tmpl, parent, key.Public(), caKey)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// vendorCA is the self-signed certificate of the vendor's CA, whose key
// signs the client certificates.
func vendorCA(tb testing.TB) []byte {
	tb.Helper()
	caKey := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{0xca}, ed25519.SeedSize))
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(0xca02), Subject: pkix.Name{Country: []string{"JP"},
		Organization: []string{"Example Linux Vendor K.K."}, CommonName: "Example Extended Support CA"},
		NotBefore: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2034, 3, 31, 23, 59, 59, 0, time.UTC),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign, SubjectKeyId: []byte{5, 6, 7, 8}}
	der, err := x509.CreateCertificate(nil, tmpl, tmpl, caKey.Public(), caKey)
	if err != nil {
		tb.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

var (
	mailed     = time.Date(2026, 5, 11, 10, 0, 0, 0, time.FixedZone("JST", 9*3600))
	fixtureFns = map[string]func(testing.TB) []byte{
		"client.pem": func(tb testing.TB) []byte {
			return clientPEM(tb, "C-2026-0001", mailed, mailed.AddDate(5, 0, -1).Add(14*time.Hour-time.Second), 0x0c2026)
		},
		// The client certificate followed by its CA's, as a download may
		// come: -cert takes the one end-entity certificate.
		"client-chain.pem": func(tb testing.TB) []byte {
			c := clientPEM(tb, "C-2026-0001", mailed, mailed.AddDate(5, 0, -1).Add(14*time.Hour-time.Second), 0x0c2026)
			return append(c, vendorCA(tb)...)
		},
		"other-client.pem": func(tb testing.TB) []byte {
			return clientPEM(tb, "C-2026-0002", mailed, mailed.AddDate(5, 0, -1).Add(14*time.Hour-time.Second), 0x0c2027)
		},
		"short-client.pem": func(tb testing.TB) []byte {
			return clientPEM(tb, "C-2026-0001", mailed, mailed.AddDate(0, 6, 0), 0x0c2028)
		},
	}
)

// TestFixtures checks the certificates in testdata against their
// generators; -update rewrites them.
func TestFixtures(t *testing.T) {
	for name, gen := range fixtureFns {
		clitest.CheckFixture(t, name, gen(t))
	}
}
