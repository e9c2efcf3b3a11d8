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
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Keys of the sample certificates, from fixed seeds so that the output is
// the same on every run (Ed25519 signatures are deterministic).
var (
	caKey   = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{0xca}, ed25519.SeedSize))
	leafKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{0x1e}, ed25519.SeedSize))
	caName  = pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Trust K.K."}, CommonName: "Example Server ID CA"}
)

// tv2NotBefore and tv2NotAfter are the validity of the server FAQ's worked
// example (TV-2): 12/10/2011 00:00:00 GMT to 12/10/2012 23:59:59 GMT.
var (
	tv2NotBefore = time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC)
	tv2NotAfter  = time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC)
)

// leafDER returns a TLS server certificate for cn with the given serial and
// validity, signed by the sample CA key.
func leafDER(tb testing.TB, serial int64, cn string, notBefore, notAfter time.Time) []byte {
	tb.Helper()
	return certDER(tb, serial, cn, notBefore, notAfter, false, x509.ExtKeyUsageServerAuth)
}

// certDER returns a certificate for cn with the given serial, validity and
// extended key usages, signed by the sample CA key, or by its own key when
// selfSigned (a self-signed leaf, issued by no CA).
func certDER(tb testing.TB, serial int64, cn string, notBefore, notAfter time.Time, selfSigned bool, eku ...x509.ExtKeyUsage) []byte {
	tb.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject: pkix.Name{Country: []string{"JP"}, Province: []string{"Tokyo"}, Locality: []string{"Chiyoda-ku"},
			Organization: []string{"Example K.K."}, CommonName: cn},
		NotBefore:             notBefore,
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           eku,
		DNSNames:              []string{cn},
		BasicConstraintsValid: true,
	}
	parent, signer := &x509.Certificate{Subject: caName, SubjectKeyId: []byte{1, 2, 3, 4}}, caKey
	if selfSigned {
		parent, signer = tmpl, leafKey
	}
	der, err := x509.CreateCertificate(nil, tmpl, parent, leafKey.Public(), signer)
	if err != nil {
		tb.Fatal(err)
	}
	return der
}

// samplePEM is the embedded sample: one certificate with TV-2's validity.
func samplePEM(tb testing.TB) []byte {
	der := leafDER(tb, 0x20111210, "www.example.jp", tv2NotBefore, tv2NotAfter)
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// bundlePEM returns n certificates in PEM, a year each, issued a day apart
// from 2025-01-01.
func bundlePEM(tb testing.TB, n int) []byte {
	if tb == nil {
		tb = panicTB{}
	}
	var b bytes.Buffer
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		nb := start.AddDate(0, 0, i%1000)
		der := leafDER(tb, int64(i+1), "host"+itoa(i)+".example.jp", nb, nb.AddDate(1, 0, 0).Add(-time.Second))
		pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: der})
	}
	return b.Bytes()
}

func itoa(i int) string { return big.NewInt(int64(i)).String() }

// tv6PEM holds TLS server certificates at TV-6's bounds, and a CA
// certificate.
func tv6PEM(tb testing.TB) []byte {
	var b bytes.Buffer
	add := func(der []byte) { pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: der}) }
	sep2020 := time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)
	mar2026 := time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	days := func(t time.Time, n int) time.Time { return t.Add(time.Duration(n)*24*time.Hour - time.Second) }
	add(leafDER(tb, 1, "397.example.jp", sep2020, days(sep2020, 397)))
	add(leafDER(tb, 2, "398.example.jp", sep2020, days(sep2020, 398)))
	add(leafDER(tb, 3, "399.example.jp", sep2020, days(sep2020, 398).Add(time.Second)))
	add(leafDER(tb, 4, "200.example.jp", mar2026, days(mar2026, 200)))
	dec2049 := time.Date(2049, 12, 1, 0, 0, 0, 0, time.UTC)
	add(leafDER(tb, 5, "2050.example.jp", dec2049, days(dec2049, 46)))
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(6), Subject: caName, NotBefore: sep2020,
		NotAfter: time.Date(2049, 12, 31, 23, 59, 59, 0, time.UTC), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(nil, tmpl, tmpl, caKey.Public(), caKey)
	if err != nil {
		tb.Fatal(err)
	}
	add(der)
	// TV-5: 99991231235959Z, "no well-defined expiration".
	add(leafDER(tb, 7, "9999.example.jp", sep2020, time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)))
	// TV-5: a notBefore before 2050 written as GeneralizedTime.
	add(generalizedNotBefore(tb, leafDER(tb, 8, "gt.example.jp", sep2020, days(sep2020, 90))))
	return b.Bytes()
}

// measurePEM holds TLS server certificates issued in 2019, under the
// 825-day step, which measures notAfter - notBefore (BR 1.6.1 before
// 2020-09-01): one of exactly 825×86,400 s, within the limit though TV-3
// counts it 826 days, and one a second longer, over it.
func measurePEM(tb testing.TB) []byte {
	var b bytes.Buffer
	jan2019 := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: leafDER(tb, 0x825, "825.example.jp", jan2019, jan2019.Add(825*24*time.Hour))})
	pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: leafDER(tb, 0x826, "826.example.jp", jan2019, jan2019.Add(825*24*time.Hour+time.Second))})
	return b.Bytes()
}

// scopePEM holds certificates outside TV-6's scope or on its edges: a
// self-signed TLS server leaf of 400 days (issued by no CA: no limit binds
// it), and TLS server certificates carrying clientAuth, whose successors
// the Chrome Root Program's ban from 2027-03-15 concerns: one ending before
// the ban, one ending after it, one issued on the ban's first instant (a
// breach), and a client certificate (clientAuth alone, not in scope).
func scopePEM(tb testing.TB) []byte {
	var b bytes.Buffer
	add := func(der []byte) { pem.Encode(&b, &pem.Block{Type: "CERTIFICATE", Bytes: der}) }
	days := func(t time.Time, n int) time.Time { return t.Add(time.Duration(n)*24*time.Hour - time.Second) }
	jan2026 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	sep2026 := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	ban := time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)
	serverAuth, clientAuth := x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth
	add(certDER(tb, 0x5e1f, "self.example.jp", jan2026, days(jan2026, 400), true, serverAuth))
	add(certDER(tb, 0xca01, "mtls-2026.example.jp", jan2026, days(jan2026, 200), false, serverAuth, clientAuth))
	add(certDER(tb, 0xca02, "mtls-2027.example.jp", sep2026, days(sep2026, 199), false, serverAuth, clientAuth))
	add(certDER(tb, 0xca03, "mtls-banned.example.jp", ban, days(ban, 99), false, serverAuth, clientAuth))
	add(certDER(tb, 0xc1, "client.example.jp", jan2026, days(jan2026, 400), false, clientAuth))
	return b.Bytes()
}

// generalizedNotBefore rewrites the UTCTime notBefore of a certificate as
// a GeneralizedTime, which RFC 5280 4.1.2.5 forbids before 2050. The
// signature no longer matches; certinfo does not verify signatures.
func generalizedNotBefore(tb testing.TB, der []byte) []byte {
	tb.Helper()
	var cert, tbs, sigAlg, sig, version, serial, tbsSigAlg, issuer, validity, notBefore cryptobyte.String
	var notBeforeTag cbasn1.Tag
	in := cryptobyte.String(der)
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !cert.ReadASN1(&tbs, cbasn1.SEQUENCE) ||
		!cert.ReadASN1Element(&sigAlg, cbasn1.SEQUENCE) || !cert.ReadASN1Element(&sig, cbasn1.BIT_STRING) ||
		!tbs.ReadASN1Element(&version, cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!tbs.ReadASN1Element(&serial, cbasn1.INTEGER) || !tbs.ReadASN1Element(&tbsSigAlg, cbasn1.SEQUENCE) ||
		!tbs.ReadASN1Element(&issuer, cbasn1.SEQUENCE) || !tbs.ReadASN1(&validity, cbasn1.SEQUENCE) ||
		!validity.ReadAnyASN1(&notBefore, &notBeforeTag) || notBeforeTag != cbasn1.UTCTime {
		tb.Fatal("generalizedNotBefore: unexpected certificate structure")
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			for _, e := range []cryptobyte.String{version, serial, tbsSigAlg, issuer} {
				b.AddBytes(e)
			}
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.GeneralizedTime, func(b *cryptobyte.Builder) {
					b.AddBytes([]byte("20" + string(notBefore)))
				})
				b.AddBytes(validity) // notAfter, unchanged
			})
			b.AddBytes(tbs) // subject and the rest, unchanged
		})
		b.AddBytes(sigAlg)
		b.AddBytes(sig)
	})
	return b.BytesOrPanic()
}

// TestFixtures checks that the embedded sample, testdata/tv6.pem,
// tv6-2019.pem and scope.pem are what the generators above write, and that
// the sample carries TV-2's validity; -update rewrites them.
func TestFixtures(t *testing.T) {
	files := map[string][]byte{"sample.pem": samplePEM(t), "tv6.pem": tv6PEM(t), "tv6-2019.pem": measurePEM(t), "scope.pem": scopePEM(t)}
	for name, want := range files {
		clitest.CheckFixture(t, name, want)
	}
	p, _ := pem.Decode(sample)
	c, err := x509.ParseCertificate(p.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if !c.NotBefore.Equal(tv2NotBefore) || !c.NotAfter.Equal(tv2NotAfter) {
		t.Errorf("TV-2 sample validity = %v..%v, want %v..%v", c.NotBefore, c.NotAfter, tv2NotBefore, tv2NotAfter)
	}
}

// derOf returns the DER of the first PEM block in data.
func derOf(tb testing.TB, data []byte) []byte {
	p, _ := pem.Decode(data)
	if p == nil {
		tb.Fatal("no PEM block")
	}
	return p.Bytes
}

// panicTB lets generators run outside a test (sync.OnceValue in benchmarks).
type panicTB struct{ testing.TB }

func (panicTB) Helper()           {}
func (panicTB) Fatal(args ...any) { panic(args) }
