package pkce

import (
	"bytes"
	"crypto/x509"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

var update = flag.Bool("update", false, "rewrite testdata fixtures")

const fixturePassword = "Passw0rd1"

const hostileDir = "testdata/hostile"

// hostileFixtures builds the hostile-file set. Each file's doc line is
// written to testdata/hostile/README.txt.
func hostileFixtures(t *testing.T) (files map[string][]byte, docs map[string]string) {
	pw := fixturePassword
	p := newPKI(t, nil)
	other := ecKey(t)
	files, docs = map[string][]byte{}, map[string]string{}
	add := func(name, doc string, data []byte) { files[name], docs[name] = data, doc }

	good, err := pkcs12.Modern2023.Encode(p.leafKey, p.leaf, []*x509.Certificate{p.inter, p.root}, pw)
	if err != nil {
		t.Fatal(err)
	}
	add("good.p12", "a valid go-pkcs12 Modern2023 file (leaf, intermediate, root); password "+pw, good)
	certs := func() []func(*builder) {
		return []func(*builder){certBag(p.leaf.Raw), certBag(p.inter.Raw), certBag(p.root.Raw)}
	}
	add("mac-50m.p12", "PK-4: MAC with 50,000,000 iterations (digest not valid)",
		buildPFX(pw, 50_000_000, plainSafe(safeContents(append(certs(), keyBag(t, p.leafKey))...))))
	add("keybag-50m.p12", "PK-4: shrouded key bag in a plain safe with 50,000,000 iterations; MAC valid",
		buildPFX(pw, 2048, plainSafe(safeContents(certs()...)), plainSafe(safeContents(shroudedKeyBag3DES(t, p.leafKey, pw, 50_000_000)))))
	add("nested-50m.p12", "PK-4: shrouded key bag with 50,000,000 iterations inside a 3DES safe of 2048 iterations; MAC valid",
		buildPFX(pw, 2048, encryptedSafe3DES(safeContents(append(certs(), shroudedKeyBag3DES(t, p.leafKey, pw, 50_000_000))...), pw, 2048)))
	add("safe-50m.p12", "PK-4: encrypted safe with 50,000,000 iterations (ciphertext random); MAC valid",
		buildPFX(pw, 2048, encryptedSafe3DES(safeContents(certs()...), pw, 50_000_000), plainSafe(safeContents(keyBag(t, p.leafKey)))))
	var many []func(*builder)
	for i := 0; i < 12; i++ {
		many = append(many, encryptedSafe3DES(safeContents(certs()...), pw, 1<<20))
	}
	add("total-budget.p12", "PK-4: twelve encrypted safes of 2^20 iterations each: each within the cap, the sum not",
		buildPFX(pw, 1, many...))
	var keyBags []func(*builder)
	for i := 0; i < 12; i++ {
		keyBags = append(keyBags, shroudedKeyBag3DES(t, p.leafKey, pw, 1<<20))
	}
	add("total-keybags.p12", "PK-4: twelve visible shrouded key bags of 2^20 iterations each; MAC valid",
		buildPFX(pw, 1, plainSafe(safeContents(certs()...)), plainSafe(safeContents(keyBags...))))
	nest := safeContents(keyBag(t, p.leafKey))
	for i := 0; i < defaultNesting+2; i++ {
		nest = safeContents(nestedSafe(nest))
	}
	add("deep-nesting.p12", "safe bags nested deeper than the limit", buildPFX(pw, 1, plainSafe(nest)))

	rootFirst, err := pkcs12.LegacyDES.Encode(p.leafKey, p.root, []*x509.Certificate{p.inter, p.leaf}, pw)
	if err != nil {
		t.Fatal(err)
	}
	add("root-first.p12", "PK-3: certificates listed root, intermediate, leaf (as some key vaults write); LegacyDES", rootFirst)
	add("two-keys.p12", "two different private keys in one file; MAC valid",
		buildPFX(pw, 1, plainSafe(safeContents(append(certs(), keyBag(t, p.leafKey), keyBag(t, other))...))))
	add("key-only.p12", "PK-3: a private key without any certificate; MAC valid",
		buildPFX(pw, 1, plainSafe(safeContents(keyBag(t, p.leafKey)))))
	noMatch, err := pkcs12.LegacyDES.Encode(other, p.leaf, []*x509.Certificate{p.inter, p.root}, pw)
	if err != nil {
		t.Fatal(err)
	}
	add("no-match.p12", "PK-3: a key that matches none of the certificates", noMatch)
	add("truncated-half.p12", "good.p12 cut to half its length", good[:len(good)/2])
	add("truncated-10.p12", "good.p12 cut to 10 bytes", good[:10])
	add("root-first.pem", "RN-8: PEM with the root, the intermediate, the leaf, then its PKCS#8 key",
		append(append(append(pemBlock("CERTIFICATE", p.root.Raw, nil), pemBlock("CERTIFICATE", p.inter.Raw, nil)...),
			pemBlock("CERTIFICATE", p.leaf.Raw, nil)...), pemBlock("PRIVATE KEY", mustPKCS8(t, p.leafKey), nil)...))
	add("ber.p12", "the leaf, intermediate and root with the key, in BER as NSS writes it (indefinite lengths, content in segments); 3DES, 2048 iterations", berFile(t, pw, p.leafKey, 0, p.leaf, p.inter, p.root))
	return files, docs
}

// TestHostileFixtures rewrites testdata/hostile with -update, and checks
// the directory otherwise.
func TestHostileFixtures(t *testing.T) {
	if !*update {
		// The directory holds exactly the files README.txt describes.
		readme, err := os.ReadFile(filepath.Join(hostileDir, "README.txt"))
		if err != nil {
			t.Fatalf("%v; run go test ./pkce -run TestHostileFixtures -update", err)
		}
		want := []string{"README.txt"}
		for _, line := range strings.Split(string(readme), "\n") {
			if name, _, ok := strings.Cut(line, ": "); ok && !strings.Contains(name, " ") {
				want = append(want, name)
			}
		}
		entries, err := os.ReadDir(hostileDir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		sort.Strings(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("testdata/hostile (-README.txt +directory); run go test ./pkce -run TestHostileFixtures -update:\n%s", diff)
		}
		return
	}
	if err := os.RemoveAll(hostileDir); err != nil {
		t.Fatal(err)
	}
	files, docs := hostileFixtures(t)
	if err := os.MkdirAll(hostileDir, 0o755); err != nil {
		t.Fatal(err)
	}
	var readme strings.Builder
	readme.WriteString("Hostile and edge-case PKCS#12 and PEM files for package pkce, written by\n" +
		"TestHostileFixtures (hostile_test.go) with: go test ./pkce -run TestHostileFixtures -update\n" +
		"Password of every PKCS#12 file: " + fixturePassword + ". Keys are throwaway test keys.\n\n")
	for _, name := range sortedKeys(docs) {
		if err := os.WriteFile(filepath.Join(hostileDir, name), files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		readme.WriteString(name + ": " + docs[name] + "\n")
	}
	if err := os.WriteFile(filepath.Join(hostileDir, "README.txt"), []byte(readme.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(hostileDir, name))
	if err != nil {
		t.Fatalf("%v (run go test ./pkce -run TestHostileFixtures -update)", err)
	}
	return b
}

func TestDecodeHostile(t *testing.T) {
	type iterWant struct {
		where string
		count int64
		total bool
	}
	tests := []struct {
		name, file, password string
		reason               string
		want                 error
		iter                 *iterWant
		formatReason         Reason
		limit                string
	}{
		{name: "PK-4 MAC with 50 million iterations", file: "mac-50m.p12",
			reason: "refused from the count alone, before the MAC is computed",
			want:   ErrIterationLimit, iter: &iterWant{"MAC", 50_000_000, false}},
		{name: "PK-4 visible shrouded key bag with 50 million iterations", file: "keybag-50m.p12",
			reason: "refused before even the MAC is verified",
			want:   ErrIterationLimit, iter: &iterWant{"safe 2, bag 1", 50_000_000, false}},
		{name: "PK-4 key bag with 50 million iterations nested in an encrypted safe", file: "nested-50m.p12",
			reason: "visible only after the outer safe is decrypted; refused before its key derivation",
			want:   ErrIterationLimit, iter: &iterWant{"safe 1, bag 4", 50_000_000, false}},
		{name: "PK-4 encrypted safe with 50 million iterations", file: "safe-50m.p12",
			want: ErrIterationLimit, iter: &iterWant{"safe 1", 50_000_000, false}},
		{name: "PK-4 total budget over twelve safes", file: "total-budget.p12",
			reason: "each count is within the cap, but five 3DES derivations at 2^20 already hash 960 MiB of the 1 GiB budget",
			want:   ErrIterationLimit, iter: &iterWant{"safe 6", 0, true}},
		{name: "PK-4 total budget over twelve visible key bags", file: "total-keybags.p12",
			reason: "the sum is refused before the MAC is verified",
			want:   ErrIterationLimit, iter: &iterWant{"safe 2, bag 6", 0, true}},
		{name: "PK-4 safes nested too deep", file: "deep-nesting.p12",
			want: ErrLimit, limit: "Nesting"},
		{name: "PK-3 two keys", file: "two-keys.p12", want: ErrMultipleKeys},
		{name: "PK-3 key matching no certificate", file: "no-match.p12", want: ErrKeyMismatch},
		{name: "PK-3 key without any certificate", file: "key-only.p12", reason: "nothing to compare with: not a mismatch",
			want: ErrNoCertificate},
		{name: "PK-4 untrusted input truncated to half", file: "truncated-half.p12", want: ErrMalformed, formatReason: ReasonTruncated},
		{name: "PK-4 untrusted input truncated to 10 bytes", file: "truncated-10.p12", want: ErrMalformed, formatReason: ReasonTruncated},
		{name: "PK-1 wrong password, not echoed", file: "good.p12", password: "Wr0ngPassword", want: ErrIncorrectPassword},
		{name: "PK-4 wrong password on the 50 million MAC file", file: "mac-50m.p12", password: "Wr0ngPassword",
			reason: "the cap comes before the password check", want: ErrIterationLimit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pw := tc.password
			if pw == "" {
				pw = fixturePassword
			}
			_, err := Decode(readFixture(t, tc.file), pw)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode(%s) = %v, want %v (%s)", tc.file, err, tc.want, tc.reason)
			}
			if tc.iter != nil {
				var ie *IterationError
				if !errors.As(err, &ie) {
					t.Fatalf("error %T is not *IterationError", err)
				}
				got := iterWant{ie.Where, ie.Count, ie.Total}
				if tc.iter.total {
					got.count = 0 // bytes: checked in TestBudget
				}
				if diff := cmp.Diff(*tc.iter, got, cmp.AllowUnexported(iterWant{})); diff != "" {
					t.Errorf("IterationError (-want +got):\n%s", diff)
				}
			}
			if tc.limit != "" {
				var le *LimitError
				if !errors.As(err, &le) || le.Limit != tc.limit {
					t.Errorf("error %v: want a LimitError on %s", err, tc.limit)
				}
			}
			if tc.formatReason != 0 {
				var fe *FormatError
				if !errors.As(err, &fe) || fe.Reason != tc.formatReason {
					t.Errorf("error %v: want a FormatError with reason %v", err, tc.formatReason)
				}
			}
			if strings.Contains(err.Error(), pw) {
				t.Errorf("error %q contains the password", err)
			}
		})
	}
}

func TestDecodeRootFirst(t *testing.T) {
	// PK-3: "The leaf is the certificate whose public key matches the
	// private key", not the first one as go-pkcs12's DecodeChain assumes.
	data := readFixture(t, "root-first.p12")
	b, err := Decode(data, fixturePassword)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckKeyPair(b.Leaf, b.Key); err != nil {
		t.Fatalf("leaf does not match key: %v", err)
	}
	var got []string
	for _, c := range b.certs() {
		got = append(got, c.Subject.CommonName)
	}
	want := []string{"client 0001", "certlife test intermediate", "certlife test root"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("PK-3 chain order (-want +got):\n%s", diff)
	}
	// go-pkcs12 takes the root for the leaf on the same file.
	_, leaf, _, err := pkcs12.DecodeChain(data, fixturePassword)
	if err != nil {
		t.Fatal(err)
	}
	if leaf.Subject.CommonName != "certlife test root" {
		t.Logf("go-pkcs12 now picks %q as leaf", leaf.Subject.CommonName)
	}
}

func TestInspectHostile(t *testing.T) {
	tests := []struct {
		name, file string
		want       error
		check      func(t *testing.T, i *Info)
	}{
		{name: "PK-4 Inspect reports the 50 million MAC count", file: "mac-50m.p12", check: func(t *testing.T, i *Info) {
			if i.MAC.Iterations != 50_000_000 || i.MAC.Algorithm != MACSHA1 {
				t.Errorf("MAC = %+v", i.MAC)
			}
		}},
		{name: "PK-4 Inspect shows where the visible key bag sits", file: "keybag-50m.p12", check: func(t *testing.T, i *Info) {
			want := []KeyBag{{Safe: 2, Bag: 1, Shrouded: true, Scheme: Scheme{Encryption: PBEWithSHA1And3DES, Iterations: 50_000_000, OID: oidPBE3DES.String()}}}
			if diff := cmp.Diff(want, i.KeyBags); diff != "" {
				t.Errorf("KeyBags (-want +got):\n%s", diff)
			}
		}},
		{name: "PK-4 Inspect cannot see a key bag nested in an encrypted safe", file: "nested-50m.p12", check: func(t *testing.T, i *Info) {
			if len(i.KeyBags) != 0 || len(i.Safes) != 1 || !i.Safes[0].Encrypted {
				t.Errorf("Info = %+v", i)
			}
		}},
		{name: "PK-4 BER file read, and reported as BER", file: "ber.p12", check: func(t *testing.T, i *Info) {
			if i.BER != BERContainers || len(i.Safes) != 2 || i.Safes[1].Scheme.Encryption != PBEWithSHA1And3DES || len(i.KeyBags) != 1 {
				t.Errorf("Info = %s", i)
			}
		}},
		{name: "PK-4 truncated file", file: "truncated-half.p12", want: ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(readFixture(t, tc.file))
			if tc.want != nil {
				if !errors.Is(err, tc.want) {
					t.Fatalf("Inspect = %v, want %v", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, info)
		})
	}
}

func TestDecodeBERFixture(t *testing.T) {
	// PK-4: the BER file decodes to what its DER twin holds.
	b, err := Decode(readFixture(t, "ber.p12"), fixturePassword)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range b.certs() {
		got = append(got, c.Subject.CommonName)
	}
	want := []string{"client 0001", "certlife test intermediate", "certlife test root"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chain (-want +got):\n%s", diff)
	}
	if err := CheckKeyPair(b.Leaf, b.Key); err != nil {
		t.Error(err)
	}
	if bytes.Equal(readFixture(t, "good.p12"), readFixture(t, "ber.p12")) {
		t.Fatal("ber.p12 equals good.p12")
	}
}
