package pkce

import (
	"crypto/x509"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// benchFile is a 2048-iteration file of the given encoder with an RSA key
// and a two-certificate chain.
func benchFile(b *testing.B, enc *pkcs12.Encoder) []byte {
	p := newPKI(b, rsaKey(b))
	data, err := enc.Encode(p.leafKey, p.leaf, []*x509.Certificate{p.inter, p.root}, fixturePassword)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

var benchEncoders = []struct {
	name string
	enc  *pkcs12.Encoder
}{
	{"LegacyDES", pkcs12.LegacyDES},
	{"Modern2023", pkcs12.Modern2023},
}

// BenchmarkDecode and BenchmarkGoPKCS12DecodeChain decode the same files;
// their ratio is the cost of this package's checks (PK-3, PK-4).
func BenchmarkDecode(b *testing.B) {
	for _, e := range benchEncoders {
		data := benchFile(b, e.enc)
		b.Run(e.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(data, fixturePassword); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGoPKCS12DecodeChain(b *testing.B) {
	for _, e := range benchEncoders {
		data := benchFile(b, e.enc)
		b.Run(e.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, _, err := pkcs12.DecodeChain(data, fixturePassword); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeHostile measures how fast the 50-million-iteration files
// are refused (PK-4); go-pkcs12 spends many seconds on the MAC one.
func BenchmarkDecodeHostile(b *testing.B) {
	for _, name := range []string{"mac-50m.p12", "nested-50m.p12"} {
		data := readFixture(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(data, fixturePassword); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

func BenchmarkCheckPassword(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := CheckPassword("Passw0rd1xyzABC789"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInspect(b *testing.B) {
	data := benchFile(b, pkcs12.Modern2023)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Inspect(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadPEM(b *testing.B) {
	data := readFixture(b, "root-first.pem")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}
