package pkce

import (
	"bytes"
	"errors"
	"testing"
)

// shapeCase is a hostile file and the limit that must stop it (PK-4:
// "bounded by shape, not only by iteration counts").
type shapeCase struct {
	name, reason string
	data         []byte
	opts         []Option
	limit        string // LimitError.Limit; "" for the hashed-bytes budget
	big          bool   // tens of megabytes: the race detector's shadow memory makes them cost seconds
}

// shapeCases builds the cases; with small set, the big ones are left
// without data (the race detector's runs skip them).
func shapeCases(t testing.TB, small bool) []shapeCase {
	p := newPKI(t, nil)
	pw := fixturePassword
	leafBag := certBag(p.leaf.Raw)
	emptySafe := plainSafeCI(safeContents())
	authOf := func(cis ...[]byte) []byte {
		body := bytes.Join(cis, nil)
		return append(appendDERLen([]byte{0x30}, len(body)), body...)
	}
	// many repeats one ContentInfo n times in a SEQUENCE, with one
	// allocation, fast enough for a million.
	many := func(n int, ci []byte) []byte {
		h := appendDERLen([]byte{0x30}, n*len(ci))
		out := make([]byte, 0, len(h)+n*len(ci))
		out = append(out, h...)
		for range n {
			out = append(out, ci...)
		}
		return out
	}
	oneIter := encryptedSafeCI(safeContents(leafBag), pbe3DES(bmpPassword(pw), []byte("s"), 1))
	rsaBag := der(keyBag(t, testRSA(t, "root")))
	keyBags := plainSafeCI(many(4000, rsaBag))
	var millionSafes []byte
	if !small {
		millionSafes = buildPFXWith(sha1MAC(pw, 1), many(1_000_000, emptySafe), false)
	}
	// A hostile salt needs no real encryption behind it.
	fake := func([]byte) []byte { return randomBytes(64) }
	var saltSafe []byte
	if !small {
		saltSafe = encryptedSafeCI(safeContents(leafBag), scheme{pbeParams(oidPBE3DES, bytes.Repeat([]byte{1}, 10<<20), 1), fake})
	}
	salt1500 := encryptedSafeCI(safeContents(leafBag), scheme{pbeParams(oidPBE3DES, bytes.Repeat([]byte{1}, 1500), 1), fake})
	sha512Safe := encryptedSafeCI(safeContents(leafBag), pbes2(pw, hashSHA512, oidHMACSHA512, oidAES256CBC, 1<<20))
	raised := WithLimits(Limits{Bytes: 1 << 30})
	return []shapeCase{
		{name: "PK-4 a million empty safes", reason: "17 MB: over the Bytes limit before any parsing",
			data: millionSafes, limit: "Bytes", big: true},
		{name: "PK-4 a million empty safes within Bytes", reason: "the scan of the level counts 32 elements per safe and bag allowed, before any safe is parsed",
			data: millionSafes, opts: []Option{raised}, limit: "Elements", big: true},
		{name: "PK-4 1,025 empty safes", reason: "the Safes limit stops the parse at the 1025th",
			data: buildPFXWith(sha1MAC(pw, 1), many(1025, emptySafe), false), limit: "Safes"},
		{name: "PK-4 200,000 encrypted safes of one iteration", reason: "each derivation is cheap, but there may be only 1024; the element count stops them sooner",
			data: lazy(small, func() []byte { return buildPFXWith(sha1MAC(pw, 1), many(200_000, oneIter), false) }), opts: []Option{raised}, limit: "Elements", big: true},
		{name: "PK-4 1,025 encrypted safes of one iteration", reason: "refused before any derivation",
			data: buildPFXWith(sha1MAC(pw, 1), many(1025, oneIter), false), limit: "Safes"},
		{name: "PK-4 4,000 RSA key bags", reason: "counted as they are read, before any is parsed",
			data: buildPFXWith(sha1MAC(pw, 1), authOf(keyBags), false), limit: "Keys"},
		{name: "PK-4 10 MB salts", reason: "sixteen are 160 MB, over Bytes; two already are",
			data: lazy(small, func() []byte { return buildPFXWith(sha1MAC(pw, 1), authOf(saltSafe, saltSafe), false) }), limit: "Bytes", big: true},
		{name: "PK-4 a 10 MB salt within Bytes", reason: "refused with its parameters, before any hashing",
			data: lazy(small, func() []byte { return buildPFXWith(sha1MAC(pw, 1), authOf(saltSafe), false) }), limit: "ParameterBytes", big: true},
		{name: "PK-4 a 1,500-byte salt", reason: "within ParameterBytes, over SaltBytes",
			data: buildPFXWith(sha1MAC(pw, 1), authOf(salt1500), false), limit: "SaltBytes"},
		{name: "PK-4 8 × 2^20 PBKDF2-SHA512 iterations", reason: "at 256 bytes an iteration, the fifth safe would pass 1 GiB; refused before any runs",
			data: buildPFXWith(sha1MAC(pw, 1), many(8, sha512Safe), false), limit: ""},
		{name: "PK-4 certificates", reason: "a truststore's thousand is fine, more is refused",
			data: buildPFX(pw, 1, plainSafe(safeContents(leafBag, leafBag, leafBag))), opts: []Option{WithLimits(Limits{Certificates: 2})}, limit: "Certificates"},
		{name: "PK-4 bags", data: buildPFX(pw, 1, plainSafe(safeContents(leafBag, leafBag, leafBag))),
			opts: []Option{WithLimits(Limits{Bags: 2})}, limit: "Bags"},
		{name: "PK-4 algorithm parameters", data: buildPFXWith(sha1MAC(pw, 1), authOf(oneIter), false),
			opts: []Option{WithLimits(Limits{ParameterBytes: 5})}, limit: "ParameterBytes"},
	}
}

// lazy builds data unless small is set.
func lazy(small bool, f func() []byte) []byte {
	if small {
		return nil
	}
	return f()
}

func TestShapeLimits(t *testing.T) {
	for _, tc := range shapeCases(t, raceDetector) {
		t.Run(tc.name, func(t *testing.T) {
			if tc.big && raceDetector {
				t.Skip("tens of megabytes cost seconds under -race; checked by the run without it and BenchmarkShapeLimits")
			}
			_, err := Decode(tc.data, fixturePassword, tc.opts...)
			if tc.limit == "" {
				var ie *IterationError
				if !errors.As(err, &ie) || !ie.Total || !errors.Is(err, ErrIterationLimit) {
					t.Fatalf("Decode = %v, want the hashed-bytes budget (%s)", err, tc.reason)
				}
				return
			}
			var le *LimitError
			if !errors.As(err, &le) || le.Limit != tc.limit || !errors.Is(err, ErrLimit) {
				t.Fatalf("Decode = %v, want a LimitError on %s (%s)", err, tc.limit, tc.reason)
			}
			if le.Count <= le.Max {
				t.Errorf("LimitError %+v: count within the limit", le)
			}
			if _, err := Inspect(tc.data, tc.opts...); !errors.Is(err, ErrLimit) && tc.limit != "Keys" {
				// Inspect applies the same limits to what it reads.
				t.Errorf("Inspect = %v", err)
			}
		})
	}
}

// TestDefaultLimitsAdmitProducers: PK-4, "a file from any producer above
// stays inside the defaults". The heaviest vectors (GnuTLS with five 3DES
// safes at 600,000 iterations, NSS at 600,000) fit the default budget:
// their decoding succeeds in TestInteropVectors; here their cost is
// computed without running it, and checked against the formula.
func TestDefaultLimitsAdmitProducers(t *testing.T) {
	for _, tc := range []struct {
		file, password string
		parts          int64
	}{
		{"gnutls-3des-5certs.p12", fixturePassword, 7},
		{"nss-default.p12", fixturePassword, 3},
		{"gnutls-null-password.p12", "", 3},
	} {
		data := vector{file: tc.file}.data(t)
		lim := Limits{}.withDefaults()
		p := newParser(lim)
		pf, err := p.parsePFX(data)
		if err != nil {
			t.Fatal(err)
		}
		sec := newSecret(tc.password)
		b := &budget{lim: lim, parts: 1}
		b.addParts(p.encryptedSafes + p.shroudedCount)
		if b.parts > tc.parts {
			t.Errorf("%s: %d parts visible, want at most %d", tc.file, b.parts, tc.parts)
		}
		if err := reserveMAC(b, pf, sec); err != nil {
			t.Fatal(err)
		}
		for _, s := range pf.safes {
			if s.ciphertext != nil {
				if err := reserveScheme(b, "safe", s.scheme, sec); err != nil {
					t.Fatal(err)
				}
			} else if err := reserveBags(b, s.bags, sec); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("PK-4 %s: %d MB hashed before the keys of encrypted safes, budget %d MB", tc.file, b.spent>>20, b.limit()>>20)
	}
}

// TestDecodeEntriesShapes: the same limits hold for DecodeEntries and
// Load (Load delegates PKCS#12 to Decode).
func TestDecodeEntriesShapes(t *testing.T) {
	p := newPKI(t, nil)
	data := buildPFX(fixturePassword, 1, plainSafe(safeContents(certBag(p.leaf.Raw), certBag(p.inter.Raw))))
	opt := WithLimits(Limits{Certificates: 1})
	if _, err := DecodeEntries(data, fixturePassword, opt); !errors.Is(err, ErrLimit) {
		t.Errorf("PK-4 DecodeEntries = %v", err)
	}
	if _, err := Load(data, fixturePassword, opt); !errors.Is(err, ErrLimit) {
		t.Errorf("PK-4 Load = %v", err)
	}
}
