package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/clitest"
	"github.com/certlife/certlife/pkce"
	"github.com/certlife/certlife/tz"
	"github.com/google/go-cmp/cmp"
)

// The sample PKI: a test CA, the update server's certificate for the
// loopback, and the client certificate of contract C-2026-0001. Ed25519
// keys from fixed seeds and Ed25519's deterministic signatures make the
// certificates the same on every run; only client.p12 changes when it is
// rewritten, since PKCS#12 encryption takes a random salt.
var (
	caKey     = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{0xca}, ed25519.SeedSize))
	serverKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{0x5e}, ed25519.SeedSize))
	clientKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{0xc1}, ed25519.SeedSize))

	caTemplate = &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject: pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Linux Vendor K.K."},
			CommonName: "Example Extended Support Test CA"},
		NotBefore:             time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:              time.Date(2049, 12, 31, 23, 59, 59, 0, time.UTC),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign,
	}
)

// regen rewrites client.p12 (a new random salt): go test -run TestFixtures -regen.
var regen = flag.Bool("regen", false, "rewrite testdata/client.p12")

func mustCert(tb testing.TB, tmpl, parent *x509.Certificate, pub any) *x509.Certificate {
	tb.Helper()
	der, err := x509.CreateCertificate(nil, tmpl, parent, pub, caKey)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func pemOf(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

// fixtures returns the files of testdata/ as the generator makes them now,
// client.p12 aside, and the client certificate.
func fixtures(tb testing.TB) (map[string][]byte, *x509.Certificate, *x509.Certificate) {
	tb.Helper()
	ca := mustCert(tb, caTemplate, caTemplate, caKey.Public())
	server := mustCert(tb, &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		DNSNames:     []string{"localhost"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
		NotBefore:    time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2049, 12, 31, 23, 59, 59, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}, ca, serverKey.Public())
	// CT-1: bound to the contract by the subject serialNumber, issued when
	// the download mail was sent, valid for five years: its notAfter is
	// not what decides access.
	mailed := time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)
	client := mustCert(tb, &x509.Certificate{
		SerialNumber: big.NewInt(0x0c2026),
		Subject: pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Customer K.K."},
			CommonName: "update client", SerialNumber: "C-2026-0001"},
		NotBefore:   mailed,
		NotAfter:    time.Date(2031, 5, 10, 23, 59, 59, 0, tz.JST),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}, ca, clientKey.Public())
	serverKeyDER, err := x509.MarshalPKCS8PrivateKey(serverKey)
	if err != nil {
		tb.Fatal(err)
	}
	return map[string][]byte{
		"ca.pem":         pemOf("CERTIFICATE", ca.Raw),
		"server.pem":     pemOf("CERTIFICATE", server.Raw),
		"server-key.pem": pemOf("PRIVATE KEY", serverKeyDER),
	}, ca, client
}

// TestFixtures checks the PEM files in testdata against their generator
// (-update rewrites them), and that client.p12 opens with the sample
// password to the client certificate and key the generator makes, with
// the CA as its chain (-regen rewrites it, for CentOS 7's OpenSSL 1.0.2:
// PK-2).
func TestFixtures(t *testing.T) {
	files, ca, client := fixtures(t)
	for name, want := range files {
		path := filepath.Join("testdata", name)
		if clitest.Updating() {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s is stale; run go test -run TestFixtures -update (-want +got):\n%s", path, diff)
		}
	}
	if *regen {
		p12, err := (&pkce.Bundle{Key: clientKey, Leaf: client, Chain: []*x509.Certificate{ca}}).Encode(samplePassword, pkce.OpenSSL102)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("testdata", "client.p12"), p12, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p12, err := os.ReadFile(filepath.Join("testdata", "client.p12"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := pkce.Decode(p12, samplePassword)
	if err != nil {
		t.Fatal(err)
	}
	if !b.Leaf.Equal(client) || !clientKey.Equal(b.Key) || len(b.Chain) != 1 || !b.Chain[0].Equal(ca) {
		t.Errorf("client.p12 does not hold the generator's client certificate, key and CA; run go test -run TestFixtures -regen")
	}
	info, err := pkce.Inspect(p12)
	if err != nil {
		t.Fatal(err)
	}
	if err := info.ReadableBy(pkce.OpenSSL102); err != nil {
		t.Errorf("PK-2 client.p12 is not readable on CentOS 7: %v", err)
	}
}
