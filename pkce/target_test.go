package pkce

import (
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"strings"
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
		{"nss", NSS}, {"Firefox", NSS}, {"gnutls", GnuTLS}, {"certtool", GnuTLS},
		{"yum", YumCentOS7}, {"yum-centos7", YumCentOS7}, {"yumcentos7", YumCentOS7},
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

// TestReadableBy is the PK-2 facts table applied to go-pkcs12's encoders
// and to counts at the targets' limits.
func TestReadableBy(t *testing.T) {
	p := newPKI(t, nil)
	infos := map[string]*Info{}
	for name, enc := range map[string]*pkcs12.Encoder{
		"LegacyRC2": pkcs12.LegacyRC2, "LegacyDES": pkcs12.LegacyDES,
		"Modern2023": pkcs12.Modern2023, "Modern2026": pkcs12.Modern2026,
	} {
		data, err := enc.Encode(p.leafKey, p.leaf, []*x509.Certificate{p.inter}, fixturePassword)
		if err != nil {
			t.Fatal(err)
		}
		if infos[name], err = Inspect(data); err != nil {
			t.Fatal(err)
		}
	}
	des := func(n int64) Scheme {
		return Scheme{Encryption: PBEWithSHA1And3DES, Iterations: n, OID: oidPBE3DES.String()}
	}
	rsa600k := func(n int64) *Info {
		return &Info{MAC: MAC{Algorithm: MACSHA1, Iterations: n}, Safes: []Safe{{Scheme: des(n), Encrypted: true}, {Opened: true}},
			KeyBags: []KeyBag{{Safe: 2, Bag: 1, Shrouded: true, Scheme: des(n), Algorithm: "RSA 2048", LocalKeyID: []byte{1}}}}
	}
	infos["Windows' 600,000"], infos["600,001"] = rsa600k(600_000), rsa600k(600_001)
	infos["5,000,001"] = rsa600k(5_000_001)
	noMAC := rsa600k(2048)
	noMAC.MAC = MAC{}
	infos["no MAC"] = noMAC
	ec := rsa600k(2048)
	ec.KeyBags[0].Algorithm = "ECDSA P-256"
	infos["ECDSA key"] = ec
	ecNoPub := rsa600k(2048)
	ecNoPub.KeyBags[0].Algorithm, ecNoPub.KeyBags[0].PublicKeyMissing = "ECDSA P-256", true
	infos["ECDSA key without public key"] = ecNoPub
	legacyMAC := []Target{OpenSSL102, Java8, Windows2016, MacOSKeychain, YumCentOS7}

	// want: the reason for each target that cannot read; absent means readable.
	tests := []struct {
		name, info string
		want       map[Target]Reason
	}{
		{"PK-2 LegacyRC2 (OpenSSL 1.x default): RC2 needs -legacy in OpenSSL 3; yum cannot tell the key", "LegacyRC2",
			map[Target]Reason{OpenSSL30: ReasonEncryption, OpenSSL34: ReasonEncryption, YumCentOS7: ReasonKeyAlgorithm}},
		{"PK-2 LegacyDES (-descert): everyone; PK-5 yum needs the password to see the key", "LegacyDES",
			map[Target]Reason{YumCentOS7: ReasonKeyAlgorithm}},
		{"PK-2 Modern2023 (OpenSSL 3 default): not CentOS 7, old Java, old Windows, macOS", "Modern2023",
			reasons(ReasonMAC, legacyMAC...)},
		{"PK-2 Modern2026 (PBMAC1): OpenSSL 3.4 only", "Modern2026",
			reasons(ReasonMAC, OpenSSL102, OpenSSL111, OpenSSL30, Java8, Java17, Windows2016, Windows2019, MacOSKeychain, NSS, GnuTLS, YumCentOS7)},
		{"PK-2 600,000 iterations: Windows' own limit, read", "Windows' 600,000", map[Target]Reason{}},
		{"PK-2 600,001 iterations: over Windows' limit", "600,001",
			map[Target]Reason{Windows2016: ReasonIterations, Windows2019: ReasonIterations}},
		{"PK-2 5,000,001 iterations: over Java's limit too", "5,000,001",
			reasons(ReasonIterations, Java8, Java17, Windows2016, Windows2019)},
		{"PK-2 no MAC: NSS, GnuTLS, Windows and macOS need one", "no MAC",
			reasons(ReasonMAC, Windows2016, Windows2019, MacOSKeychain, NSS, GnuTLS)},
		{"PK-5 an ECDSA key: not for yum on CentOS 7", "ECDSA key",
			map[Target]Reason{YumCentOS7: ReasonKeyAlgorithm}},
		{"PK-2 an ECDSA key without its public key: not for GnuTLS", "ECDSA key without public key",
			map[Target]Reason{YumCentOS7: ReasonKeyAlgorithm, GnuTLS: ReasonKeyAlgorithm}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info := infos[tc.info]
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

func reasons(r Reason, ts ...Target) map[Target]Reason {
	m := map[Target]Reason{}
	for _, t := range ts {
		m[t] = r
	}
	return m
}

// TestReadableByPBES2 splits the PBES2 facts by cipher and PRF, as
// measured (testdata/interop/readers.txt): keytool 17 reads AES-128 and
// AES-256 only, NSS adds AES-192, DES-EDE3 and Camellia, GnuTLS AES and
// DES-EDE3; NSS and GnuTLS refuse the SHA-512/t PRFs and MACs.
func TestReadableByPBES2(t *testing.T) {
	tests := []struct {
		name, cipher, prf string
		mac               MACAlgorithm
		want              []Target // readers among OpenSSL30, Java17, NSS, GnuTLS
	}{
		{"PK-2 AES-256 hmacWithSHA256", "aes256-CBC", "hmacWithSHA256", MACSHA256, []Target{OpenSSL30, Java17, NSS, GnuTLS}},
		{"PK-2 AES-192: keytool 17 refuses", "aes192-CBC", "hmacWithSHA256", MACSHA256, []Target{OpenSSL30, NSS, GnuTLS}},
		{"PK-2 DES-EDE3-CBC in PBES2: keytool 17 refuses", "des-ede3-cbc", "hmacWithSHA256", MACSHA256, []Target{OpenSSL30, NSS, GnuTLS}},
		{"PK-2 Camellia: OpenSSL and NSS", "camellia256-CBC", "hmacWithSHA256", MACSHA256, []Target{OpenSSL30, NSS}},
		{"PK-2 ARIA: OpenSSL only", "aria256-CBC", "hmacWithSHA256", MACSHA256, []Target{OpenSSL30}},
		{"PK-2 hmacWithSHA512-256 PRF: OpenSSL only", "aes256-CBC", "hmacWithSHA512-256", MACSHA256, []Target{OpenSSL30}},
		{"PK-2 SHA-224 MAC: all four", "aes256-CBC", "hmacWithSHA256", MACSHA224, []Target{OpenSSL30, Java17, NSS, GnuTLS}},
		{"PK-2 SHA-512/224 MAC: not NSS or GnuTLS", "aes256-CBC", "hmacWithSHA256", MACSHA512_224, []Target{OpenSSL30, Java17}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Scheme{Encryption: PBES2, KDF: "PBKDF2", PRF: tc.prf, Cipher: tc.cipher, Iterations: 2048}
			info := &Info{MAC: MAC{Algorithm: tc.mac, Iterations: 2048}, Safes: []Safe{{Scheme: s, Encrypted: true}}}
			var got []Target
			for _, tg := range []Target{OpenSSL30, Java17, NSS, GnuTLS} {
				if info.ReadableBy(tg) == nil {
					got = append(got, tg)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("readers (-want +got):\n%s", diff)
			}
		})
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
		NSS: MACSHA256, GnuTLS: MACSHA256, YumCentOS7: MACSHA1,
	}
	for _, tg := range Targets() {
		t.Run("PK-2 "+tg.String(), func(t *testing.T) {
			data, err := b.Encode(fixturePassword, tg)
			if err != nil {
				t.Fatal(err)
			}
			info, err := InspectWithPassword(data, fixturePassword)
			if err != nil {
				t.Fatal(err)
			}
			if err := info.ReadableBy(tg); err != nil {
				t.Errorf("Encode for %v not readable by it: %v", tg, err)
			}
			if info.MAC.Algorithm != want[tg] {
				t.Errorf("MAC = %v, want %v (strongest the target reads)", info.MAC.Algorithm, want[tg])
			}
			// NSS finds the key's certificate by localKeyId: go-pkcs12
			// writes the same one (the leaf's SHA-1) on both bags.
			for _, k := range info.KeyBags {
				if k.LocalKeyID == nil || !k.Paired {
					t.Errorf("key bag %d in safe %d: localKeyId %x, paired %v; want one shared with the leaf", k.Bag, k.Safe, k.LocalKeyID, k.Paired)
				}
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
		if !errors.As(err, &pe) || pe.Position != 9 {
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

// TestReadableByLocalKeyID: NSS ties a key to its certificate by the
// bags' localKeyId alone (measured with pk12util 3.87.1 on the
// pkce-lkid-*.p12 files of testdata/interop, readers.txt). A key bag
// without one, or with one no certificate of its key carries, is
// unreadable for NSS; openssl, keytool and GnuTLS read those files, and
// PK-5's yum path opens the bundle with OpenSSL 1.0.2, so no other target
// changes. Without the password, only a missing localKeyId shows when the
// certificates are encrypted.
func TestReadableByLocalKeyID(t *testing.T) {
	control := map[Target]error{}
	ctl := inspectBoth(t, "pkce-lkid-paired.p12")
	for _, tg := range Targets() {
		control[tg] = ctl.withPW.ReadableBy(tg)
	}
	tests := []struct {
		name, file      string
		withPW, blindly Reason // NSS's reason, 0: readable
	}{
		{"PK-2 key and leaf share a localKeyId: NSS imports both", "pkce-lkid-paired.p12", 0, 0},
		{"PK-2 no localKeyId on the key bag: NSS imports nothing", "pkce-lkid-key-without.p12", ReasonUnpairedKey, ReasonUnpairedKey},
		{"PK-2 no bag attributes at all, as re-packing tools leave them: NSS imports nothing", "pkce-lkid-none.p12", ReasonUnpairedKey, ReasonUnpairedKey},
		{"PK-2 a shared friendlyName is not enough for NSS", "pkce-lkid-names-only.p12", ReasonUnpairedKey, ReasonUnpairedKey},
		{"PK-2 different localKeyIds: NSS imports nothing; the certificates are encrypted, so only the password shows it", "pkce-lkid-mismatch.p12", ReasonUnpairedKey, 0},
		{"PK-2 the leaf without a localKeyId: NSS imports nothing", "pkce-lkid-cert-without.p12", ReasonUnpairedKey, 0},
		{"PK-2 the key's localKeyId on a CA certificate: NSS files the key under it, the leaf has none", "pkce-lkid-ca-cert.p12", ReasonUnpairedKey, 0},
		{"PK-2 two keys, each paired: NSS imports both", "pkce-lkid-two-keys-paired.p12", 0, 0},
		{"PK-2 two keys, one unpaired: NSS imports neither", "pkce-lkid-two-keys-one.p12", ReasonUnpairedKey, ReasonUnpairedKey},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := inspectBoth(t, tc.file)
			for _, c := range []struct {
				what string
				info *Info
				want Reason
			}{{"with the password", in.withPW, tc.withPW}, {"without it", in.blind, tc.blindly}} {
				var got Reason
				var te *TargetError
				if err := c.info.ReadableBy(NSS); errors.As(err, &te) {
					got = te.Reason
				} else if err != nil {
					t.Fatalf("%s: %v is not a TargetError", c.what, err)
				}
				if got != c.want {
					t.Errorf("%s: ReadableBy(NSS) reason %v, want %v", c.what, got, c.want)
				}
			}
			if strings.Contains(tc.file, "two-keys") {
				return // the ECDSA key changes yum's answer, not the pairing
			}
			for _, tg := range Targets() {
				if tg == NSS {
					continue
				}
				if got, want := in.withPW.ReadableBy(tg), control[tg]; (got == nil) != (want == nil) {
					t.Errorf("ReadableBy(%v) = %v, and %v for the paired control", tg, got, want)
				}
			}
		})
	}
	t.Run("PK-2 an unencrypted file shows a mismatch without the password", func(t *testing.T) {
		key := testRSA(t, "leaf")
		data := buildPFX(fixturePassword, 2048, plainSafe(safeContents(
			certBagA(interopCert(t, "leaf").Raw, "client", []byte{2}),
			safeBag(oidKeyBag, mustPKCS8(t, key), attrsOf("client", []byte{1})))))
		info, err := Inspect(data)
		if err != nil {
			t.Fatal(err)
		}
		var te *TargetError
		if err := info.ReadableBy(NSS); !errors.As(err, &te) || te.Reason != ReasonUnpairedKey {
			t.Fatalf("ReadableBy(NSS) = %v, want ReasonUnpairedKey", err)
		}
		want := "pkce: NSS 3.87 (Firefox, Chrome) cannot read key bag 2 in safe 1: a key whose localKeyId (01) no certificate of that key carries; " +
			"NSS 3.87 (Firefox, Chrome) finds a key's certificate by that attribute alone, so it imports nothing, or files the key under the wrong certificate; " +
			"re-encode the bundle with Encode for this target"
		if diff := cmp.Diff(want, te.Error()); diff != "" {
			t.Errorf("message (-want +got):\n%s", diff)
		}
	})
}

type inspected struct{ blind, withPW *Info }

func inspectBoth(t *testing.T, file string) inspected {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(interopDir, file))
	if err != nil {
		t.Fatal(err)
	}
	var in inspected
	if in.blind, err = Inspect(data); err != nil {
		t.Fatal(err)
	}
	if in.withPW, err = InspectWithPassword(data, fixturePassword); err != nil {
		t.Fatal(err)
	}
	return in
}
