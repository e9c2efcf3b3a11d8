package pkce

import (
	"crypto/x509"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in   string
		want Target
	}{
		{"centos7", OpenSSL102}, {"CentOS 7", OpenSSL102}, {"rhel7", OpenSSL102},
		{"openssl102", OpenSSL102}, {"OpenSSL-1.0.2", OpenSSL102},
		{"openssl111", OpenSSL111}, {"openssl 1.1.1", OpenSSL111},
		{"openssl30", OpenSSL30}, {"openssl3", OpenSSL30}, {"OpenSSL 3.0", OpenSSL30},
		{"openssl34", OpenSSL34}, {"openssl-3.4", OpenSSL34},
		{"java8", Java8}, {"java17", Java17}, {"java-17", Java17}, {"jdk21", Java17},
		{"windows2016", Windows2016}, {"Windows_2016", Windows2016}, {"windows2019", Windows2019},
		{"macos", MacOSKeychain}, {"macOS keychain", MacOSKeychain},
	}
	for _, tc := range tests {
		t.Run("PK-2 "+tc.in, func(t *testing.T) {
			got, err := ParseTarget(tc.in)
			if err != nil || got != tc.want {
				t.Fatalf("ParseTarget(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
			back, err := ParseTarget(got.String())
			if err != nil || back != got {
				t.Errorf("round trip of %v: %v, %v", got, back, err)
			}
			text, err := got.MarshalText()
			if err != nil {
				t.Fatal(err)
			}
			var u Target
			if err := u.UnmarshalText(text); err != nil || u != got {
				t.Errorf("UnmarshalText(%s) = %v, %v", text, u, err)
			}
		})
	}
	for _, bad := range []string{"", "openssl", "java", "windows", "centos6"} {
		if _, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) succeeded", bad)
		}
	}
	if _, err := Target(0).MarshalText(); err == nil {
		t.Error("Target(0).MarshalText succeeded")
	}
	if Target(0).String() != "Target(0)" {
		t.Errorf("Target(0).String() = %q", Target(0).String())
	}
}

// TestReadableBy is the PK-2 facts table applied to go-pkcs12's encoders.
func TestReadableBy(t *testing.T) {
	p := newPKI(t, nil)
	encs := map[string]*pkcs12.Encoder{
		"LegacyRC2": pkcs12.LegacyRC2, "LegacyDES": pkcs12.LegacyDES,
		"Modern2023": pkcs12.Modern2023, "Modern2026": pkcs12.Modern2026,
		"Win600k": pkcs12.LegacyDES.WithIterations(600_001),
	}
	// want: the reason for each target that cannot read; absent means readable.
	tests := []struct {
		name, enc string
		want      map[Target]Reason
	}{
		{"PK-2 LegacyRC2 (OpenSSL 1.x default): RC2 needs -legacy in OpenSSL 3", "LegacyRC2",
			map[Target]Reason{OpenSSL30: ReasonEncryption, OpenSSL34: ReasonEncryption}},
		{"PK-2 LegacyDES (-descert): everyone", "LegacyDES", map[Target]Reason{}},
		{"PK-2 Modern2023 (OpenSSL 3 default): not CentOS 7, old Java, old Windows, macOS", "Modern2023",
			map[Target]Reason{OpenSSL102: ReasonMAC, Java8: ReasonMAC, Windows2016: ReasonMAC, MacOSKeychain: ReasonMAC}},
		{"PK-2 Modern2026 (PBMAC1): OpenSSL 3.4 only", "Modern2026",
			map[Target]Reason{OpenSSL102: ReasonMAC, OpenSSL111: ReasonMAC, OpenSSL30: ReasonMAC, Java8: ReasonMAC,
				Java17: ReasonMAC, Windows2016: ReasonMAC, Windows2019: ReasonMAC, MacOSKeychain: ReasonMAC}},
		{"PK-2 600,001 iterations: over Windows' limit", "Win600k",
			map[Target]Reason{Windows2016: ReasonIterations, Windows2019: ReasonIterations}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := encs[tc.enc].Encode(p.leafKey, p.leaf, []*x509.Certificate{p.inter}, fixturePassword)
			if err != nil {
				t.Fatal(err)
			}
			info, err := Inspect(data)
			if err != nil {
				t.Fatal(err)
			}
			got := map[Target]Reason{}
			for _, tg := range Targets() {
				err := info.ReadableBy(tg)
				if err == nil {
					continue
				}
				var te *TargetError
				if !errors.As(err, &te) || !errors.Is(err, ErrUnreadable) || te.Target != tg {
					t.Fatalf("%v: %v is not a TargetError", tg, err)
				}
				got[tg] = te.Reason
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("unreadable targets (-want +got):\n%s", diff)
			}
		})
	}
	if err := (&Info{}).ReadableBy(Target(99)); err == nil {
		t.Error("invalid target accepted")
	}
}

// TestEncodeTargets checks PK-2's promise: what Encode writes for t,
// ReadableBy(t) accepts, and Decode reads back.
func TestEncodeTargets(t *testing.T) {
	p := newPKI(t, rsaKey(t))
	b := &Bundle{Key: p.leafKey, Leaf: p.leaf, Chain: []*x509.Certificate{p.inter, p.root}}
	want := map[Target]MACAlgorithm{
		OpenSSL102: MACSHA1, OpenSSL111: MACSHA256, OpenSSL30: MACSHA256, OpenSSL34: PBMAC1,
		Java8: MACSHA1, Java17: MACSHA256, Windows2016: MACSHA1, Windows2019: MACSHA256, MacOSKeychain: MACSHA1,
	}
	for _, tg := range Targets() {
		t.Run("PK-2 "+tg.String(), func(t *testing.T) {
			data, err := b.Encode(fixturePassword, tg)
			if err != nil {
				t.Fatal(err)
			}
			info, err := Inspect(data)
			if err != nil {
				t.Fatal(err)
			}
			if err := info.ReadableBy(tg); err != nil {
				t.Errorf("Encode for %v not readable by it: %v", tg, err)
			}
			if info.MAC.Algorithm != want[tg] {
				t.Errorf("MAC = %v, want %v (strongest the target reads)", info.MAC.Algorithm, want[tg])
			}
			got, err := Decode(data, fixturePassword)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Leaf.Equal(p.leaf) || len(got.Chain) != 2 {
				t.Errorf("round trip lost certificates")
			}
		})
	}
	t.Run("PK-1 Encode refuses a password with a symbol", func(t *testing.T) {
		_, err := b.Encode("Passw0rd!", OpenSSL102)
		var pe *PasswordError
		if !errors.As(err, &pe) || pe.Index != 9 {
			t.Fatalf("Encode = %v, want PasswordError at 9", err)
		}
	})
	t.Run("PK-3 Encode refuses a mismatched key", func(t *testing.T) {
		bad := &Bundle{Key: p.interKey, Leaf: p.leaf}
		if _, err := bad.Encode(fixturePassword, OpenSSL30); !errors.Is(err, ErrKeyMismatch) {
			t.Fatalf("Encode = %v", err)
		}
	})
	t.Run("PK-3 Encode needs a key", func(t *testing.T) {
		if _, err := (&Bundle{Leaf: p.leaf}).Encode(fixturePassword, OpenSSL30); err == nil {
			t.Fatal("Encode without a key succeeded")
		}
	})
	t.Run("PK-2 Encode refuses an invalid target", func(t *testing.T) {
		if _, err := b.Encode(fixturePassword, 0); err == nil {
			t.Fatal("Encode with target 0 succeeded")
		}
	})
}
