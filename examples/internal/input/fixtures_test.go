package input

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// The shared fixtures in examples/testdata: a chain of Ed25519
// certificates from fixed seeds (Ed25519 signatures are deterministic, so
// the files are the same on every run). The intermediate has the name and
// key that sign certinfo's embedded sample, so the sample verifies up to
// root.pem through ca.pem. Files made from these by openssl and keytool
// are written by examples/testdata/make.sh.
var (
	rootKey = seedKey(0x70)
	caKey   = seedKey(0xca)
	leafKey = seedKey(0x1e)
	// otherKey is the key of a certificate nothing pairs with.
	otherKey = seedKey(0x0e)

	rootName = pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Trust K.K."}, CommonName: "Example Root CA"}
	caName   = pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Trust K.K."}, CommonName: "Example Server ID CA"}
	leafName = pkix.Name{Country: []string{"JP"}, Province: []string{"Tokyo"}, Locality: []string{"Chiyoda-ku"},
		Organization: []string{"Example K.K."}, CommonName: "www.example.jp"}
)

func seedKey(b byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{b}, ed25519.SeedSize))
}

// fixtureCert signs tmpl with the parent's key.
func fixtureCert(tb testing.TB, tmpl, parent *x509.Certificate, pub crypto.PublicKey, signer crypto.Signer) []byte {
	tb.Helper()
	der, err := x509.CreateCertificate(nil, tmpl, parent, pub, signer)
	if err != nil {
		tb.Fatal(err)
	}
	return der
}

// chainDER returns the leaf, the intermediate and the root.
func chainDER(tb testing.TB) (leaf, ca, root []byte) {
	rootTmpl := &x509.Certificate{SerialNumber: big.NewInt(0x7001), Subject: rootName,
		NotBefore: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2040, 12, 31, 23, 59, 59, 0, time.UTC),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		SubjectKeyId: []byte{7, 7, 7, 7}}
	root = fixtureCert(tb, rootTmpl, rootTmpl, rootKey.Public(), rootKey)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(0xca01), Subject: caName,
		NotBefore: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2035, 12, 31, 23, 59, 59, 0, time.UTC),
		IsCA: true, BasicConstraintsValid: true, MaxPathLenZero: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		SubjectKeyId: []byte{1, 2, 3, 4}}
	ca = fixtureCert(tb, caTmpl, rootTmpl, caKey.Public(), rootKey)
	leafTmpl := &x509.Certificate{SerialNumber: new(big.Int).SetBytes([]byte{0x8c, 0x20, 0x26, 0x01, 0x01, 0x00, 0x00, 0x00, 0x01}),
		Subject:   leafName,
		NotBefore: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2026, 7, 19, 23, 59, 59, 0, time.UTC),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
		DNSNames: []string{"www.example.jp", "example.jp"}, IPAddresses: []net.IP{net.ParseIP("192.0.2.1")},
		BasicConstraintsValid: true}
	leaf = fixtureCert(tb, leafTmpl, caTmpl, leafKey.Public(), caKey)
	return leaf, ca, root
}

func pemOf(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

func pkcs8(tb testing.TB, k crypto.PrivateKey) []byte {
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		tb.Fatal(err)
	}
	return der
}

// sharedFixtures are the Go-made files of examples/testdata.
func sharedFixtures(tb testing.TB) map[string][]byte {
	leaf, ca, root := chainDER(tb)
	crlf := bytes.ReplaceAll(pemOf("CERTIFICATE", leaf), []byte("\n"), []byte("\r\n"))
	// A certificate request whose PEM label is right but whose content is
	// a certificate, as when the wrong file is pasted.
	return map[string][]byte{
		"leaf.pem":      pemOf("CERTIFICATE", leaf),
		"ca.pem":        pemOf("CERTIFICATE", ca),
		"root.pem":      pemOf("CERTIFICATE", root),
		"leaf.key":      pemOf("PRIVATE KEY", pkcs8(tb, leafKey)),
		"other.key":     pemOf("PRIVATE KEY", pkcs8(tb, otherKey)),
		"fullchain.pem": append(pemOf("CERTIFICATE", leaf), pemOf("CERTIFICATE", ca)...),
		"leaf.der":      leaf,
		"chain.der":     append(append(append([]byte{}, leaf...), ca...), root...),
		"bom.pem":       append([]byte("\xef\xbb\xbf"), pemOf("CERTIFICATE", leaf)...),
		"crlf.pem":      append([]byte("subject=www.example.jp\r\n\r\n"), crlf...),
		"wrong.csr":     pemOf("CERTIFICATE REQUEST", leaf),
		"truncated.csr": pemOf("CERTIFICATE REQUEST", leaf[:len(leaf)/2]),
	}
}

// TestFixtures checks the Go-made files of examples/testdata against their
// generator; -update rewrites them.
func TestFixtures(t *testing.T) {
	for name, data := range sharedFixtures(t) {
		clitest.CheckFixture(t, "../../../testdata/"+name, data)
	}
}
