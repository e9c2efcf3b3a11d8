package pkce

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// fuzzCap keeps each fuzz execution cheap; the seeds use counts below it
// so that the fuzzer reaches the decryption and parsing code.
const fuzzCap = 256

// ownError reports whether err is one of this package's errors.
func ownError(err error) bool {
	var (
		pe *PasswordError
		fe *FormatError
		ie *IterationError
		le *LimitError
		ue *UnsupportedError
		ke *KeyError
		te *TargetError
	)
	for _, s := range []error{ErrIncorrectPassword, ErrKeyMismatch, ErrNoCertificate, ErrMultipleKeys, ErrIterationLimit, ErrLimit, ErrUnsupported, ErrMalformed} {
		if errors.Is(err, s) {
			return true
		}
	}
	return errors.As(err, &pe) || errors.As(err, &fe) || errors.As(err, &ie) || errors.As(err, &le) ||
		errors.As(err, &ue) || errors.As(err, &ke) || errors.As(err, &te)
}

// fuzzSeeds returns small PKCS#12 and PEM inputs covering every format
// path, with iteration counts under fuzzCap.
func fuzzSeeds(t testing.TB) [][]byte {
	p := newPKI(t, nil)
	pw := fixturePassword
	var seeds [][]byte
	for _, enc := range []*pkcs12.Encoder{pkcs12.LegacyRC2, pkcs12.LegacyDES, pkcs12.Modern2023, pkcs12.Modern2026} {
		data, err := enc.WithIterations(2).Encode(p.leafKey, p.leaf, []*x509.Certificate{p.inter}, pw)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	seeds = append(seeds,
		buildPFX(pw, 1, encryptedSafe3DES(safeContents(certBag(p.leaf.Raw), shroudedKeyBag3DES(t, p.leafKey, pw, 2)), pw, 2)),
		buildPFX(pw, 1, plainSafe(safeContents(certBag(p.leaf.Raw), nestedSafe(safeContents(keyBag(t, p.leafKey)))))),
		buildPFX(pw, 300, plainSafe(safeContents(certBag(p.leaf.Raw)))),
	)
	b := &Bundle{Key: p.leafKey, Leaf: p.leaf, Chain: []*x509.Certificate{p.inter}}
	pemData, err := b.EncodePEM()
	if err != nil {
		t.Fatal(err)
	}
	seeds = append(seeds, pemData, p.leaf.Raw, []byte("-----BEGIN CERTIFICATE-----\n"))
	seeds = append(seeds, berFile(t, pw, p.leafKey, BERBags|BERKeys|BERParameters, p.leaf, p.inter), nullPasswordFile(t, p.leafKey, p.leaf))
	return seeds
}

// TestFuzzCorpus writes the seed corpora with -update and checks that they
// exist, so that no fuzzer starts from an empty corpus.
func TestFuzzCorpus(t *testing.T) {
	targets := []string{"FuzzInspect", "FuzzDecode", "FuzzLoad", "FuzzBER"}
	if *update {
		for _, target := range targets {
			dir := filepath.Join("testdata", "fuzz", target)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, s := range fuzzSeeds(t) {
				body := "go test fuzz v1\n[]byte(" + strconv.Quote(string(s)) + ")\n"
				if target != "FuzzInspect" && target != "FuzzBER" {
					body += "string(" + strconv.Quote(fixturePassword) + ")\n"
				}
				sum := sha256.Sum256([]byte(body))
				if err := os.WriteFile(filepath.Join(dir, hex.EncodeToString(sum[:8])), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for _, target := range targets {
		m, err := filepath.Glob(filepath.Join("testdata", "fuzz", target, "*"))
		if err != nil || len(m) < 5 {
			t.Errorf("seed corpus of %s has %d files (run go test ./pkce -run TestFuzzCorpus -update)", target, len(m))
		}
	}
}

func FuzzInspect(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := Inspect(data)
		if err != nil {
			if !ownError(err) {
				t.Fatalf("foreign error %T: %v", err, err)
			}
			return
		}
		for _, tg := range Targets() {
			if err := info.ReadableBy(tg); err != nil && !errors.Is(err, ErrUnreadable) {
				t.Fatalf("ReadableBy: %v", err)
			}
		}
		_ = info.String()
	})
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, fixturePassword)
	}
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		b, err := Decode(data, password, MaxIterations(fuzzCap))
		if err != nil {
			if !ownError(err) {
				t.Fatalf("foreign error %T: %v", err, err)
			}
			return
		}
		checkBundle(t, b)
	})
}

func FuzzLoad(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, fixturePassword)
	}
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		b, err := Load(data, password, MaxIterations(fuzzCap))
		if err != nil {
			if !ownError(err) {
				t.Fatalf("foreign error %T: %v", err, err)
			}
			return
		}
		checkBundle(t, b)
	})
}

// checkBundle asserts the bundle invariants and the PEM round trip.
func checkBundle(t *testing.T, b *Bundle) {
	if b.Leaf == nil {
		t.Fatal("bundle without leaf")
	}
	if b.Key != nil {
		if err := CheckKeyPair(b.Leaf, b.Key); err != nil {
			t.Fatalf("PK-3 leaf does not match key: %v", err)
		}
	}
	pemData, err := b.EncodePEM()
	if err != nil {
		if !ownError(err) {
			t.Fatalf("EncodePEM: foreign error %T: %v", err, err)
		}
		return
	}
	b2, err := Load(pemData, "")
	if err != nil {
		t.Fatalf("Load(EncodePEM()) = %v", err)
	}
	again, err := b2.EncodePEM()
	if err != nil || !bytes.Equal(again, pemData) {
		t.Fatalf("PEM round trip differs (%v)", err)
	}
}

// FuzzBER checks the BER reader: no panic, every error the package's own,
// output that is DER (a second pass changes nothing), and the same
// content: converting the DER back through berify and reading it again
// gives the same DER.
func FuzzBER(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Add([]byte{0x30, 0x80, 0x24, 0x80, 0x04, 0x01, 0xaa, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{Bags: 64, Safes: 16}.withDefaults()
		out, changed, err := newBERReader(lim).normalize(data, "input")
		if err != nil {
			if !ownError(err) {
				t.Fatalf("foreign error %T: %v", err, err)
			}
			return
		}
		if changed == 0 && !bytes.Equal(out, data) {
			t.Fatal("unchanged input was rewritten")
		}
		again, changed2, err := newBERReader(lim).normalize(out, "input")
		if err != nil || changed2 != 0 || !bytes.Equal(again, out) {
			t.Fatalf("output is not DER: changed at depth %d, err=%v", changed2, err)
		}
	})
}
