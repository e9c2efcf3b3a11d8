package pkce

import (
	"crypto/ecdh"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// entrySummary is what the entry tests compare.
type entrySummary struct {
	Name, Leaf string
	Key        bool
	Chain      int
}

func summarize(es []Entry) []entrySummary {
	var out []entrySummary
	for _, e := range es {
		s := entrySummary{Name: e.Name(), Key: e.Key != nil, Chain: len(e.Chain)}
		if e.Leaf != nil {
			s.Leaf = e.Leaf.Subject.CommonName
		}
		out = append(out, s)
	}
	return out
}

func TestDecodeEntries(t *testing.T) {
	p := newPKI(t, nil)
	other := newPKI(t, nil)
	pw := fixturePassword
	id1, id2 := []byte{1}, []byte{2}
	tests := []struct {
		name, reason string
		data         []byte
		want         []entrySummary
	}{
		{name: "PK-3 two key entries tied by localKeyId, one CA shared",
			data: buildPFX(pw, 1, plainSafe(safeContents(
				certBagA(p.leaf.Raw, "", id1), certBagA(other.leaf.Raw, "", id2), certBag(p.inter.Raw), certBag(p.root.Raw),
				safeBag(oidKeyBag, mustPKCS8(t, other.leafKey), attrsOf("bob", id2)),
				safeBag(oidKeyBag, mustPKCS8(t, p.leafKey), attrsOf("alice", id1))))),
			want: []entrySummary{
				{Name: `"bob"`, Leaf: "client 0001", Key: true, Chain: 0},
				{Name: `"alice"`, Leaf: "client 0001", Key: true, Chain: 2},
			}},
		{name: "PK-3 alias from the certificate bag when the key has none",
			data: buildPFX(pw, 1, plainSafe(safeContents(certBagA(p.leaf.Raw, "client", id1), safeBag(oidKeyBag, mustPKCS8(t, p.leafKey), attrsOf("", id1))))),
			want: []entrySummary{{Name: `"client"`, Leaf: "client 0001", Key: true}}},
		{name: "PK-3 truststore: certificate entries only, in file order",
			data: buildPFX(pw, 1, plainSafe(safeContents(certBagA(p.root.Raw, "root", nil), certBagA(p.inter.Raw, "inter", nil)))),
			want: []entrySummary{{Name: `"root"`, Leaf: "certlife test root"}, {Name: `"inter"`, Leaf: "certlife test intermediate", Chain: 1}}},
		{name: "PK-3 a key without certificate is an entry without Leaf",
			data: buildPFX(pw, 1, plainSafe(safeContents(keyBag(t, p.leafKey)))),
			want: []entrySummary{{Name: "a key without certificate", Key: true}}},
		{name: "PK-3 the same key twice is one entry", reason: "a key bag and a shrouded key bag of one key",
			data: buildPFX(pw, 1, plainSafe(safeContents(certBag(p.leaf.Raw), keyBag(t, p.leafKey), shroudedKeyBag3DES(t, p.leafKey, pw, 1)))),
			want: []entrySummary{{Name: "CN=client 0001,O=certlife test", Leaf: "client 0001", Key: true}}},
		{name: "PK-3 the same certificate twice is one", reason: "a chain certificate stored with every entry",
			data: buildPFX(pw, 1, plainSafe(safeContents(certBag(p.root.Raw), certBag(p.root.Raw)))),
			want: []entrySummary{{Name: "CN=certlife test root,O=certlife test", Leaf: "certlife test root"}}},
		{name: "PK-3 an empty file has no entries", data: buildPFX(pw, 1), want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			es, err := DecodeEntries(tc.data, pw)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, summarize(es)); diff != "" {
				t.Errorf("entries (-want +got) (%s):\n%s", tc.reason, diff)
			}
		})
	}
}

func TestDecodeSelect(t *testing.T) {
	p := newPKI(t, nil)
	other := newPKI(t, nil)
	pw := fixturePassword
	id1, id2 := []byte{1}, []byte{2}
	data := buildPFX(pw, 1, plainSafe(safeContents(
		certBagA(p.leaf.Raw, "", id1), certBagA(other.leaf.Raw, "", id2), certBag(p.inter.Raw), certBag(p.root.Raw),
		certBagA(other.root.Raw, "trusted", nil),
		safeBag(oidKeyBag, mustPKCS8(t, p.leafKey), attrsOf("alice", id1)),
		safeBag(oidKeyBag, mustPKCS8(t, other.leafKey), attrsOf("bob", id2)))))
	tests := []struct {
		name    string
		opts    []Option
		want    error
		reason  Reason
		key     bool
		chain   int
		extra   int
		entries []string
	}{
		{name: "PK-3 two keys and no choice", want: ErrMultipleKeys, reason: ReasonMultipleKeys, entries: []string{`"alice"`, `"bob"`}},
		{name: "PK-3 SelectAlias alice", opts: []Option{SelectAlias("alice")}, key: true, chain: 2, extra: 2},
		{name: "PK-3 SelectAlias bob", opts: []Option{SelectAlias("bob")}, key: true, chain: 0, extra: 4},
		{name: "PK-3 SelectAlias ignores case when nothing matches exactly", opts: []Option{SelectAlias("BOB")}, key: true, chain: 0, extra: 4},
		{name: "PK-3 SelectAlias of a certificate entry", opts: []Option{SelectAlias("trusted")}, key: false, chain: 0, extra: 4},
		{name: "PK-3 SelectAlias unknown", opts: []Option{SelectAlias("carol")}, reason: ReasonNoEntry,
			entries: []string{`"alice"`, `"bob"`, `"trusted"`}},
		{name: "PK-3 SelectKey by certificate", opts: []Option{SelectKey(other.leaf.PublicKey)}, key: true, chain: 0, extra: 4},
		{name: "PK-3 SelectKey of a certificate entry", opts: []Option{SelectKey(other.root.PublicKey)}, key: false, extra: 4},
		{name: "PK-3 SelectKey matching nothing", opts: []Option{SelectKey(ecKey(t).Public())}, reason: ReasonNoEntry,
			entries: []string{`"alice"`, `"bob"`, `"trusted"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Decode(data, pw, tc.opts...)
			if tc.reason != 0 {
				var ke *KeyError
				if !errors.As(err, &ke) || ke.Reason != tc.reason || (tc.want != nil && !errors.Is(err, tc.want)) {
					t.Fatalf("Decode = %v, want a KeyError %v", err, tc.reason)
				}
				if diff := cmp.Diff(tc.entries, ke.Entries); diff != "" {
					t.Errorf("Entries (-want +got):\n%s", diff)
				}
				for _, e := range tc.entries {
					if !strings.Contains(err.Error(), e) {
						t.Errorf("message %q does not name %s", err, e)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (b.Key != nil) != tc.key || len(b.Chain) != tc.chain || len(b.Extra) != tc.extra {
				t.Errorf("key %v chain %d extra %d, want %v %d %d", b.Key != nil, len(b.Chain), len(b.Extra), tc.key, tc.chain, tc.extra)
			}
			if b.Key != nil {
				if err := CheckKeyPair(b.Leaf, b.Key); err != nil {
					t.Error(err)
				}
			}
		})
	}
	t.Run("PK-3 SelectKey picks among PEM keys", func(t *testing.T) {
		pemData := append(append(pemBlock("CERTIFICATE", p.leaf.Raw, nil), pemBlock("CERTIFICATE", other.leaf.Raw, nil)...),
			append(pemBlock("PRIVATE KEY", mustPKCS8(t, p.leafKey), nil), pemBlock("PRIVATE KEY", mustPKCS8(t, other.leafKey), nil)...)...)
		if _, err := Load(pemData, ""); !errors.Is(err, ErrMultipleKeys) {
			t.Fatalf("Load = %v", err)
		}
		b, err := Load(pemData, "", SelectKey(other.leaf.PublicKey))
		if err != nil || !b.Leaf.Equal(other.leaf) {
			t.Fatalf("Load with SelectKey = %v", err)
		}
	})
}

// TestDecodeNullPassword: PK-1's files without a password, as Windows
// writes them (a NULL password, zero octets) and as OpenSSL and go-pkcs12
// do (the empty BMPString, two zero octets): the form that verified the
// MAC decrypts the file.
func TestDecodeNullPassword(t *testing.T) {
	p := newPKI(t, rsaKey(t))
	emptyForm, err := pkcs12.LegacyDES.Encode(p.leafKey, p.leaf, []*x509.Certificate{p.inter}, "")
	if err != nil {
		t.Fatal(err)
	}
	windowsFile := vector{file: "gopkcs12-windows-null-password.p12"}.data(t)
	tests := []struct {
		name, reason string
		data         []byte
		password     string
		want         error
	}{
		{name: "PK-1 NULL password, our encoder", data: nullPasswordFile(t, p.leafKey, p.leaf, p.inter)},
		{name: "PK-1 NULL password, Windows export (go-pkcs12's vector)", data: windowsFile},
		{name: "PK-1 empty password, the BMPString terminator", data: emptyForm},
		{name: "PK-1 NULL-password file with a password", data: windowsFile, password: "x", want: ErrIncorrectPassword},
		{name: "PK-1 NULL password without a MAC", reason: "the first encrypted part decides the form",
			data: noMAC(t, nullPasswordFile(t, p.leafKey, p.leaf))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Decode(tc.data, tc.password)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode = %v, want %v (%s)", err, tc.want, tc.reason)
			}
			if err == nil && CheckKeyPair(b.Leaf, b.Key) != nil {
				t.Error("leaf does not match key")
			}
		})
	}
}

// noMAC drops a PFX's MacData.
func noMAC(t *testing.T, pfx []byte) []byte {
	p := newParser(Limits{}.withDefaults())
	pf, err := p.parsePFX(pfx)
	if err != nil {
		t.Fatal(err)
	}
	return der(func(b *builder) {
		b.AddASN1(0x30, func(b *builder) {
			b.AddBytes([]byte{2, 1, 3})
			b.AddBytes(plainSafeCI(pf.authSafe))
		})
	})
}

func TestDecodeEntriesUnsupportedKey(t *testing.T) {
	// An X25519 key parses (crypto/ecdh) but is no signing key: listed
	// entries would silently lack it, so DecodeEntries refuses the file.
	x, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	data := buildPFX(fixturePassword, 1, plainSafe(safeContents(keyBag(t, x))))
	if _, err := DecodeEntries(data, fixturePassword); !errors.Is(err, ErrUnsupported) {
		t.Errorf("PK-3 DecodeEntries = %v, want ErrUnsupported", err)
	}
	if _, err := Decode(data, fixturePassword); !errors.Is(err, ErrUnsupported) {
		t.Errorf("PK-3 Decode = %v, want ErrUnsupported", err)
	}
}
