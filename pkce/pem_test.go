package pkce

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func pemBlock(typ string, der []byte, headers map[string]string) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der, Headers: headers})
}

func TestLoad(t *testing.T) {
	p := newPKI(t, nil)
	rk := rsaKey(t)
	pr := newPKI(t, rk)
	ek := p.leafKey.(*ecdsa.PrivateKey)
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(ek)
	sec1, _ := x509.MarshalECPrivateKey(ek)
	pkcs1 := x509.MarshalPKCS1PrivateKey(rk)
	cert := func(c *x509.Certificate) []byte { return pemBlock("CERTIFICATE", c.Raw, nil) }
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	p12, err := pkcs12.Modern2023.Encode(ek, p.leaf, []*x509.Certificate{p.inter, p.root}, fixturePassword)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   []byte
		want   error
		chain  []string // leaf first
		hasKey bool
	}{
		{name: "RN-8 PEM chain root first with PKCS#8 key last",
			data:  cat(cert(p.root), cert(p.inter), cert(p.leaf), pemBlock("PRIVATE KEY", pkcs8, nil)),
			chain: []string{"client 0001", "certlife test intermediate", "certlife test root"}, hasKey: true},
		{name: "RN-8 SEC 1 key first, with EC PARAMETERS",
			data:  cat(pemBlock("EC PARAMETERS", []byte{6, 8, 42, 134, 72, 206, 61, 3, 1, 7}, nil), pemBlock("EC PRIVATE KEY", sec1, nil), cert(p.inter), cert(p.leaf)),
			chain: []string{"client 0001", "certlife test intermediate"}, hasKey: true},
		{name: "RN-8 PKCS#1 RSA key",
			data:  cat(cert(pr.leaf), pemBlock("RSA PRIVATE KEY", pkcs1, nil)),
			chain: []string{"client 0001"}, hasKey: true},
		{name: "RN-8 certificates without a key",
			data:  cat(cert(p.inter), cert(p.leaf), cert(p.root)),
			chain: []string{"client 0001", "certlife test intermediate", "certlife test root"}},
		{name: "RN-8 PEM with text around the blocks",
			data:  cat([]byte("subject=CN=client\n"), cert(p.leaf), []byte("trailing words\n")),
			chain: []string{"client 0001"}},
		{name: "PK-2 single DER certificate", data: p.leaf.Raw, chain: []string{"client 0001"}},
		{name: "PK-3 PKCS#12 detected", data: p12,
			chain: []string{"client 0001", "certlife test intermediate", "certlife test root"}, hasKey: true},
		{name: "RN-8 key matching no certificate", data: cat(cert(p.inter), pemBlock("PRIVATE KEY", pkcs8, nil)), want: ErrKeyMismatch},
		{name: "RN-8 two different keys", data: cat(cert(p.leaf), pemBlock("PRIVATE KEY", pkcs8, nil), pemBlock("RSA PRIVATE KEY", pkcs1, nil)), want: ErrMultipleKeys},
		{name: "RN-8 encrypted PKCS#8 refused", data: cat(cert(p.leaf), pemBlock("ENCRYPTED PRIVATE KEY", []byte{0x30, 0}, nil)), want: ErrUnsupported},
		{name: "RN-8 legacy encrypted PEM refused",
			data: cat(cert(p.leaf), pemBlock("RSA PRIVATE KEY", []byte{1, 2, 3}, map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-256-CBC,00"})), want: ErrUnsupported},
		{name: "RN-8 unknown PEM block refused", data: pemBlock("CERTIFICATE REQUEST", []byte{0x30, 0}, nil), want: ErrUnsupported},
		{name: "PK-4 broken certificate", data: pemBlock("CERTIFICATE", []byte{0x30, 0}, nil), want: ErrMalformed},
		{name: "PK-4 broken PEM", data: []byte("-----BEGIN CERTIFICATE-----\nnot base64"), want: ErrMalformed},
		{name: "PK-4 empty input", data: nil, want: ErrMalformed},
		{name: "PK-4 garbage", data: []byte("hello"), want: ErrMalformed},
		{name: "PK-4 one byte that starts a SEQUENCE", data: []byte("0"), want: ErrMalformed},
		{name: "PK-4 BER PKCS#12 read", data: readFixture(t, "ber.p12"),
			chain: []string{"client 0001", "certlife test intermediate", "certlife test root"}, hasKey: true},
		{name: "PK-4 DER certificate holding PEM-like bytes is not PEM", data: certWithPEMText(t, p),
			chain: []string{"-----BEGIN CERTIFICATE-----"}},
		{name: "PK-4 PEM with OpenSSL's Bag Attributes before the blocks",
			data:  cat([]byte("Bag Attributes\n    friendlyName: client\nsubject=/CN=client 0001\n"), cert(p.leaf), pemBlock("PRIVATE KEY", pkcs8, nil)),
			chain: []string{"client 0001"}, hasKey: true},
		{name: "PK-4 truncated DER certificate", data: p.leaf.Raw[:100], want: ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Load(tc.data, fixturePassword)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Load = %v, want %v", err, tc.want)
			}
			if err != nil {
				return
			}
			var got []string
			for _, c := range b.certs() {
				got = append(got, c.Subject.CommonName)
			}
			if diff := cmp.Diff(tc.chain, got); diff != "" {
				t.Errorf("chain (-want +got):\n%s", diff)
			}
			if (b.Key != nil) != tc.hasKey {
				t.Errorf("key present = %v, want %v", b.Key != nil, tc.hasKey)
			}
			// Round trip through EncodePEM.
			first, err := b.EncodePEM()
			if err != nil {
				t.Fatal(err)
			}
			b2, err := Load(first, "")
			if err != nil {
				t.Fatalf("Load(EncodePEM) = %v", err)
			}
			if second, err := b2.EncodePEM(); err != nil || !bytes.Equal(second, first) {
				t.Errorf("EncodePEM round trip differs (%v)", err)
			}
		})
	}
}

// certWithPEMText is a self-signed DER certificate whose subject holds the
// bytes "-----BEGIN CERTIFICATE-----", which once made Load take it for
// PEM.
func certWithPEMText(t *testing.T, p *pki) []byte {
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(9), Subject: pkix.Name{CommonName: "-----BEGIN CERTIFICATE-----"},
		NotBefore: notBefore, NotAfter: notBefore.AddDate(1, 0, 0)}
	return mustCert(t, tmpl, tmpl, p.rootKey.Public(), p.rootKey).Raw
}

func TestEncodePEMRefusesUnmarshalableKey(t *testing.T) {
	p := newPKI(t, nil)
	b := &Bundle{Key: struct{ crypto.PrivateKey }{}, Leaf: p.leaf}
	out, err := b.EncodePEM()
	if !errors.Is(err, ErrUnsupported) || out != nil {
		t.Fatalf("EncodePEM = %d bytes, %v; want no output and ErrUnsupported rather than a file without its key", len(out), err)
	}
}

func TestLoadPEMLimits(t *testing.T) {
	// PK-4: a million EC PARAMETERS blocks, which Load skips, still count:
	// a quarter million already exceed Bytes, and within Bytes the Bags
	// limit stops at block 4097.
	blk := pemBlock("EC PARAMETERS", []byte{6, 8, 42, 134, 72, 206, 61, 3, 1, 7}, nil)
	many := bytes.Repeat(blk, 250_000)
	_, err := Load(many, "")
	var le *LimitError
	if !errors.As(err, &le) || le.Limit != "Bytes" {
		t.Errorf("PK-4 250,000 EC PARAMETERS blocks (%d MB): %v, want the Bytes limit", len(many)>>20, err)
	}
	_, err = Load(many, "", WithLimits(Limits{Bytes: 1 << 30}))
	if !errors.As(err, &le) || le.Limit != "Bags" || le.Count != 4097 {
		t.Errorf("PK-4 EC PARAMETERS blocks within Bytes: %v, want the Bags limit at block 4097", err)
	}
	p := newPKI(t, nil)
	certs := bytes.Repeat(pemBlock("CERTIFICATE", p.leaf.Raw, nil), 3)
	if _, err := Load(certs, "", WithLimits(Limits{Certificates: 2})); !errors.As(err, &le) || le.Limit != "Certificates" {
		t.Errorf("PK-4 certificates: %v", err)
	}
	keysPEM := bytes.Repeat(pemBlock("PRIVATE KEY", mustPKCS8(t, p.leafKey), nil), 3)
	if _, err := Load(keysPEM, "", WithLimits(Limits{Keys: 2})); !errors.As(err, &le) || le.Limit != "Keys" {
		t.Errorf("PK-4 keys: %v", err)
	}
}
