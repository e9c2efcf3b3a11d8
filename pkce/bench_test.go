package pkce

import (
	"crypto/pbkdf2"
	"crypto/x509"
	"strings"
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

// benchFiles are DER files both decoders read: go-pkcs12's own encodings
// and interop vectors from OpenSSL, keytool and Python's cryptography.
func benchFiles(b *testing.B) []struct {
	name     string
	data     []byte
	password string
} {
	out := []struct {
		name     string
		data     []byte
		password string
	}{
		{"LegacyDES", benchFile(b, pkcs12.LegacyDES), fixturePassword},
		{"Modern2023", benchFile(b, pkcs12.Modern2023), fixturePassword},
	}
	for _, f := range []string{"openssl-default.p12", "openssl-legacy.p12", "keytool-default.p12", "pyca-best.p12"} {
		out = append(out, struct {
			name     string
			data     []byte
			password string
		}{strings.TrimSuffix(f, ".p12"), vector{file: f}.data(b), fixturePassword})
	}
	return out
}

// BenchmarkDecode and BenchmarkGoPKCS12DecodeChain decode the same DER
// files; their ratio is the cost of this package's checks (PK-3, PK-4,
// the BER scan).
func BenchmarkDecode(b *testing.B) {
	for _, f := range benchFiles(b) {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(f.data, f.password); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGoPKCS12DecodeChain(b *testing.B) {
	for _, f := range benchFiles(b) {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, _, err := pkcs12.DecodeChain(f.data, f.password); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeBER decodes the same bundle in DER and in BER at every
// level (as NSS writes it): the difference is the BER reader's cost.
func BenchmarkDecodeBER(b *testing.B) {
	p := newPKI(b, rsaKey(b))
	files := map[string][]byte{
		"DER": buildPFX(fixturePassword, 2048,
			encryptedSafe3DES(safeContents(certBag(p.leaf.Raw), certBag(p.inter.Raw), certBag(p.root.Raw)), fixturePassword, 2048),
			plainSafe(safeContents(shroudedKeyBag3DES(b, p.leafKey, fixturePassword, 2048)))),
		"BER": berFile(b, fixturePassword, p.leafKey, 0, p.leaf, p.inter, p.root),
	}
	for _, name := range []string{"DER", "BER"} {
		data := files[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(data, fixturePassword); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBER measures the BER reader alone on that file's outer level:
// a DER input is only scanned, a BER one scanned and rewritten.
func BenchmarkBER(b *testing.B) {
	p := newPKI(b, rsaKey(b))
	ber := berFile(b, fixturePassword, p.leafKey, 0, p.leaf, p.inter, p.root)
	derForm, _, err := newBERReader(Limits{}.withDefaults()).normalize(ber, "PFX")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"DER", derForm}, {"BER", ber}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.data)))
			for b.Loop() {
				if _, _, err := newBERReader(Limits{}.withDefaults()).normalize(c.data, "PFX"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBERHostile measures how fast the hostile BER shapes of PK-4
// are refused, and what that allocates.
func BenchmarkBERHostile(b *testing.B) {
	for name, h := range hostileBER() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(h.data, fixturePassword); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// BenchmarkDecodeHostile measures how fast the hostile files are refused
// (PK-4); go-pkcs12 spends many seconds on the MAC one.
func BenchmarkDecodeHostile(b *testing.B) {
	for _, name := range []string{"mac-50m.p12", "nested-50m.p12", "total-budget.p12"} {
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

// BenchmarkShapeLimits measures the refusal of the PK-4 shapes: a
// million empty safes, 200,000 one-iteration safes, 4,000 key bags, 10 MB
// salts, 8 × 2^20 PBKDF2-SHA512 iterations.
func BenchmarkShapeLimits(b *testing.B) {
	for _, c := range shapeCases(b, false) {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(c.data, fixturePassword, c.opts...); err == nil {
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

// BenchmarkInspectWithPassword includes deciding KeyBag.Paired: an RSA
// modulus read and one certificate parse for a file of one key.
func BenchmarkInspectWithPassword(b *testing.B) {
	data := benchFile(b, pkcs12.Modern2023)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := InspectWithPassword(data, fixturePassword); err != nil {
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

// BenchmarkHash measures the hashing the budget of Limits counts in
// bytes: the PKCS#12 KDF's iterations (one block of the hash each) and
// PBKDF2's (two blocks), in bytes hashed per second, for the hashes of
// 64-byte and 128-byte blocks.
func BenchmarkHash(b *testing.B) {
	pw := bmpPassword(fixturePassword)
	salt := make([]byte, 8)
	for _, h := range []hashSpec{hashSHA1, hashSHA256, hashSHA512} {
		b.Run("PKCS12KDF-"+h.name, func(b *testing.B) {
			b.SetBytes(1000 * int64(h.v))
			for b.Loop() {
				pkcs12KDF(h, salt, pw, 1000, 3, h.u)
			}
		})
		b.Run("PBKDF2-"+h.name, func(b *testing.B) {
			k := &pbkdf2Parameters{salt: salt, iter: 1000, prf: h}
			b.SetBytes(1000 * 2 * int64(h.v))
			for b.Loop() {
				pbkdf2.Key(k.prf.new, fixturePassword, k.salt, int(k.iter), h.u)
			}
		})
	}
}
