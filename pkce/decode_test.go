package pkce

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/certlife/certlife/internal/keys"
)

func TestRC2Vectors(t *testing.T) {
	// RFC 2268 section 5 test vectors.
	tests := []struct {
		key, pt, ct string
		t1          int
	}{
		{"0000000000000000", "0000000000000000", "ebb773f993278eff", 63},
		{"ffffffffffffffff", "ffffffffffffffff", "278b27e42e2f0d49", 64},
		{"3000000000000000", "1000000000000001", "30649edf9be7d2c2", 64},
		{"88", "0000000000000000", "61a8a244adacccf0", 64},
		{"88bca90e90875a", "0000000000000000", "6ccf4308974c267f", 64},
		{"88bca90e90875a7f0f79c384627bafb2", "0000000000000000", "1a807d272bbe5db1", 64},
		{"88bca90e90875a7f0f79c384627bafb2", "0000000000000000", "2269552ab0f85ca6", 128},
	}
	for _, tc := range tests {
		t.Run("PK-2 RFC 2268 "+tc.key+"/"+itoa(tc.t1), func(t *testing.T) {
			k, _ := hex.DecodeString(tc.key)
			pt, _ := hex.DecodeString(tc.pt)
			ct, _ := hex.DecodeString(tc.ct)
			c := newRC2(k, tc.t1)
			got := make([]byte, 8)
			c.Encrypt(got, pt)
			if !bytes.Equal(got, ct) {
				t.Errorf("Encrypt = %x, want %x", got, ct)
			}
			c.Decrypt(got, ct)
			if !bytes.Equal(got, pt) {
				t.Errorf("Decrypt = %x, want %x", got, pt)
			}
		})
	}
}

type keyCase struct {
	name string
	key  crypto.Signer
}

func keyCases(t *testing.T) []keyCase {
	return []keyCase{
		{"ECDSA P-256", ecKey(t)},
		{"RSA 2048", rsaKey(t)},
		{"Ed25519", edKey(t)},
	}
}

// TestDecodeGoPKCS12 decodes every go-pkcs12 encoder's output for every
// key type and compares with go-pkcs12's own DecodeChain.
func TestDecodeGoPKCS12(t *testing.T) {
	encoders := []struct {
		name string
		enc  *pkcs12.Encoder
		want Info
	}{
		{"LegacyRC2", pkcs12.LegacyRC2, Info{MAC: MAC{Algorithm: MACSHA1, Iterations: 1}}},
		{"LegacyDES", pkcs12.LegacyDES, Info{MAC: MAC{Algorithm: MACSHA1, Iterations: 1}}},
		{"Modern2023", pkcs12.Modern2023, Info{MAC: MAC{Algorithm: MACSHA256, Iterations: 2048}}},
		{"Modern2026", pkcs12.Modern2026, Info{MAC: MAC{Algorithm: PBMAC1, Iterations: 2048, PRF: "hmacWithSHA256", HMAC: "hmacWithSHA256"}}},
	}
	for _, kc := range keyCases(t) {
		p := newPKI(t, kc.key)
		for _, e := range encoders {
			t.Run("PK-3 "+e.name+" "+kc.name, func(t *testing.T) {
				data, err := e.enc.Encode(kc.key, p.leaf, []*x509.Certificate{p.inter, p.root}, fixturePassword)
				if err != nil {
					t.Fatal(err)
				}
				b, err := Decode(data, fixturePassword)
				if err != nil {
					t.Fatal(err)
				}
				if !keys.Match(p.leaf.PublicKey, b.Key) || !b.Leaf.Equal(p.leaf) {
					t.Fatalf("wrong leaf or key")
				}
				if len(b.Chain) != 2 || !b.Chain[0].Equal(p.inter) || !b.Chain[1].Equal(p.root) || len(b.Extra) != 0 {
					t.Fatalf("chain = %d certs, extra %d", len(b.Chain), len(b.Extra))
				}
				k2, leaf2, cas2, err := pkcs12.DecodeChain(data, fixturePassword)
				if err != nil {
					t.Fatal(err)
				}
				if !keys.Match(leaf2.PublicKey, k2) || !leaf2.Equal(b.Leaf) || len(cas2) != len(b.Chain) {
					t.Errorf("go-pkcs12 disagrees")
				}
				info, err := Inspect(data)
				if err != nil {
					t.Fatal(err)
				}
				got := MAC{Algorithm: info.MAC.Algorithm, Iterations: info.MAC.Iterations, PRF: info.MAC.PRF, HMAC: info.MAC.HMAC}
				if diff := cmp.Diff(e.want.MAC, got); diff != "" {
					t.Errorf("MAC (-want +got):\n%s", diff)
				}
				if _, err := Decode(data, "Wr0ng"); !errors.Is(err, ErrIncorrectPassword) {
					t.Errorf("wrong password: %v", err)
				}
			})
		}
	}
}

func TestInspectSchemes(t *testing.T) {
	p := newPKI(t, nil)
	tests := []struct {
		name string
		enc  *pkcs12.Encoder
		want []Scheme // safe schemes, then key bag schemes
	}{
		{"PK-2 LegacyRC2", pkcs12.LegacyRC2, []Scheme{
			{Encryption: PBEWithSHA1And40BitRC2, Iterations: 2048, OID: "1.2.840.113549.1.12.1.6"},
			{Encryption: NoEncryption},
			{Encryption: PBEWithSHA1And3DES, Iterations: 2048, OID: "1.2.840.113549.1.12.1.3"},
		}},
		{"PK-2 LegacyDES", pkcs12.LegacyDES, []Scheme{
			{Encryption: PBEWithSHA1And3DES, Iterations: 2048, OID: "1.2.840.113549.1.12.1.3"},
			{Encryption: NoEncryption},
			{Encryption: PBEWithSHA1And3DES, Iterations: 2048, OID: "1.2.840.113549.1.12.1.3"},
		}},
		{"PK-2 Modern2023", pkcs12.Modern2023, []Scheme{
			{Encryption: PBES2, KDF: "PBKDF2", PRF: "hmacWithSHA256", Cipher: "aes256-CBC", Iterations: 2048, OID: "1.2.840.113549.1.5.13"},
			{Encryption: NoEncryption},
			{Encryption: PBES2, KDF: "PBKDF2", PRF: "hmacWithSHA256", Cipher: "aes256-CBC", Iterations: 2048, OID: "1.2.840.113549.1.5.13"},
		}},
		{"PK-2 Passwordless", pkcs12.Passwordless, []Scheme{
			{Encryption: NoEncryption},
			{Encryption: NoEncryption},
			{Encryption: NoEncryption},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pw := fixturePassword
			if tc.enc == pkcs12.Passwordless {
				pw = ""
			}
			data, err := tc.enc.Encode(p.leafKey, p.leaf, []*x509.Certificate{p.inter, p.root}, pw)
			if err != nil {
				t.Fatal(err)
			}
			info, err := Inspect(data)
			if err != nil {
				t.Fatal(err)
			}
			var got []Scheme
			for _, s := range info.Safes {
				got = append(got, s.Scheme)
			}
			for _, k := range info.KeyBags {
				got = append(got, k.Scheme)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("schemes (-want +got):\n%s", diff)
			}
			if len(info.KeyBags) != 1 || info.KeyBags[0].Safe != 2 || info.KeyBags[0].Bag != 1 {
				t.Errorf("KeyBags = %+v", info.KeyBags)
			}
			if _, err := Decode(data, pw); err != nil {
				t.Errorf("Decode: %v", err)
			}
			if info.String() == "" {
				t.Error("empty String")
			}
		})
	}
}

func TestDecodeLimits(t *testing.T) {
	p := newPKI(t, nil)
	data, err := pkcs12.Modern2023.WithIterations(4096).Encode(p.leafKey, p.leaf, nil, fixturePassword)
	if err != nil {
		t.Fatal(err)
	}
	// What the file's three derivations hash, as Decode costs them.
	sec := newSecret(fixturePassword)
	pf, err := newParser(Limits{}.withDefaults()).parsePFX(data)
	if err != nil {
		t.Fatal(err)
	}
	macCost := pf.mac.cost(sec, len(pf.authSafe))
	safeCost := pf.safes[0].scheme.cost(sec)
	keyCost := pf.safes[1].bags[0].scheme.cost(sec)
	all := macCost + safeCost + keyCost
	tests := []struct {
		name string
		opts []Option
		want error
	}{
		{"PK-4 default cap reads 4096", nil, nil},
		{"PK-4 cap exactly at the count", []Option{MaxIterations(4096)}, nil},
		{"PK-4 cap one below the count", []Option{MaxIterations(4095)}, ErrIterationLimit},
		{"PK-4 hashed bytes exactly MAC+safe+key", []Option{WithLimits(Limits{HashedBytes: all})}, nil},
		{"PK-4 hashed bytes one short", []Option{WithLimits(Limits{HashedBytes: all - 1})}, ErrIterationLimit},
		{"PK-4 non-positive means default", []Option{MaxIterations(0), WithLimits(Limits{HashedBytes: -1}), nil}, nil},
		{"PK-4 MaxIterations after WithLimits wins", []Option{WithLimits(Limits{Iterations: 1 << 30}), MaxIterations(4095)}, ErrIterationLimit},
		{"PK-4 WithLimits keeps an earlier MaxIterations when its own is zero", []Option{MaxIterations(4095), WithLimits(Limits{Bags: 10})}, ErrIterationLimit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(data, fixturePassword, tc.opts...)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestBudget(t *testing.T) {
	lim := Limits{}.withDefaults()
	// PK-4: a cap near the int64 limit must not wrap the budget negative,
	// and a saturated count must still be refused.
	huge := Limits{Iterations: math.MaxInt64, HashedBytes: math.MaxInt64}.withDefaults()
	b := &budget{lim: huge, parts: 3}
	if got := b.limit(); got != math.MaxInt64 {
		t.Errorf("PK-4 saturated budget = %d, want MaxInt64", got)
	}
	s := &encScheme{info: Scheme{Encryption: PBEWithSHA1And3DES, Iterations: math.MaxInt64}}
	b = &budget{lim: lim, parts: 1}
	if err := b.reserve("safe 1", s.info.Iterations, s.cost(newSecret("x"))); !errors.Is(err, ErrIterationLimit) {
		t.Errorf("PK-4 saturated count: %v", err)
	}
	b = &budget{lim: huge, parts: 1, spent: math.MaxInt64 - 1}
	if err := b.reserve("safe 1", 5, 5); !errors.Is(err, ErrIterationLimit) {
		t.Errorf("PK-4 total overflow: %v", err)
	}
	// The formula: min(H, 256·I·parts).
	tests := []struct {
		name  string
		parts int64
		want  int64
	}{
		{"PK-4 one part (MAC only) gets one share", 1, 256 << 20},
		{"PK-4 three parts get three shares", 3, 768 << 20},
		{"PK-4 four parts reach H exactly", 4, 1 << 30},
		{"PK-4 seven parts are capped at H", 7, 1 << 30},
	}
	for _, tc := range tests {
		b := &budget{lim: lim, parts: tc.parts}
		if got := b.limit(); got != tc.want {
			t.Errorf("%s: limit = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestCost pins the bytes each derivation is charged, PK-4's "total bytes
// hashed": a PBKDF2-HMAC-SHA-512 iteration hashes 256 bytes, a PKCS#12-KDF
// SHA-1 iteration 64 per output block.
func TestCost(t *testing.T) {
	sec := newSecret("Passw0rd1") // 20 BMP bytes: one 64-byte block
	salt8 := make([]byte, 8)
	tests := []struct {
		name string
		got  int64
		want int64
	}{
		{"PK-4 PBE-SHA1-3DES: key (2 blocks) and IV (1 block) of SHA-1",
			(&encScheme{info: Scheme{Encryption: PBEWithSHA1And3DES, Iterations: 2048}, salt: salt8}).cost(sec),
			3 * (2048*64 + 64*2)},
		{"PK-4 PBES2 hmacWithSHA512 AES-256: one block, two 128-byte compressions an iteration",
			(&encScheme{info: Scheme{Encryption: PBES2, Iterations: 2048}, kdf: &pbkdf2Parameters{salt: salt8, iter: 2048, prf: hashSHA512}, cipher: cipherSpec{keyLen: 32}}).cost(sec),
			2048*256 + 128 + 128*3},
		{"PK-4 PBES2 hmacWithSHA1 AES-256: two SHA-1 blocks",
			(&encScheme{info: Scheme{Encryption: PBES2, Iterations: 2048}, kdf: &pbkdf2Parameters{salt: salt8, iter: 2048, prf: hashSHA1}, cipher: cipherSpec{keyLen: 32}}).cost(sec),
			2*(2048*128+64) + 64*3},
		{"PK-4 MAC SHA-256 over 1000 bytes",
			(&macData{info: MAC{Algorithm: MACSHA256, Iterations: 2048}, hash: hashSHA256, salt: salt8}).cost(sec, 1000),
			(2048*64 + 64*2) + 1000 + 3*64},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: cost %d, want %d", tc.name, tc.got, tc.want)
		}
	}
}

func TestDecodeStructures(t *testing.T) {
	p := newPKI(t, nil)
	pw := fixturePassword
	certs := func() []func(*builder) {
		return []func(*builder){certBag(p.root.Raw), certBag(p.leaf.Raw), certBag(p.inter.Raw)}
	}
	tests := []struct {
		name   string
		data   []byte
		pw     string
		want   error
		leafCN string
		reason string
	}{
		{name: "PK-3 key nested in an encrypted safe, chain scrambled",
			data:   buildPFX(pw, 2048, encryptedSafe3DES(safeContents(append(certs(), shroudedKeyBag3DES(t, p.leafKey, pw, 2048))...), pw, 2048)),
			leafCN: "client 0001"},
		{name: "PK-3 key in a nested safeContentsBag",
			data:   buildPFX(pw, 1, plainSafe(safeContents(append(certs(), nestedSafe(safeContents(keyBag(t, p.leafKey))))...))),
			leafCN: "client 0001"},
		{name: "PK-3 same key twice is not ambiguous",
			data:   buildPFX(pw, 1, plainSafe(safeContents(append(certs(), keyBag(t, p.leafKey), shroudedKeyBag3DES(t, p.leafKey, pw, 1))...))),
			leafCN: "client 0001"},
		{name: "PK-3 three safes", reason: "go-pkcs12 accepts at most two",
			data:   buildPFX(pw, 1, plainSafe(safeContents(certs()...)), plainSafe(safeContents()), plainSafe(safeContents(keyBag(t, p.leafKey)))),
			leafCN: "client 0001"},
		{name: "PK-3 certificates only: leaf is the one that issued nothing",
			data:   buildPFX(pw, 1, plainSafe(safeContents(certs()...))),
			leafCN: "client 0001"},
		{name: "PK-3 DSA key reported as unsupported, with its OID",
			data: buildPFX(pw, 1, plainSafe(safeContents(append(certs(), rawKeyBag(dsaPKCS8()))...))), want: ErrUnsupported},
		{name: "PK-1 MAC and safe under different passwords (openssl -twopass)",
			reason: "the MAC verifies, so the safe's failure is its password, not corruption",
			data:   buildPFX(pw, 1, encryptedSafe3DES(safeContents(certs()...), "Other1", 4)), want: ErrIncorrectPassword},
		{name: "PK-3 key only is no certificate, not a mismatch", data: buildPFX(pw, 1, plainSafe(safeContents(keyBag(t, p.leafKey)))), want: ErrNoCertificate},
		{name: "PK-3 empty authenticated safe", data: buildPFX(pw, 1), want: ErrNoCertificate},
		{name: "PK-1 wrong password on the encrypted safe", pw: "Wr0ng",
			data: buildPFX(pw, 2048, encryptedSafe3DES(safeContents(certs()...), pw, 2048)), want: ErrIncorrectPassword},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			use := pw
			if tc.pw != "" {
				use = tc.pw
			}
			b, err := Decode(tc.data, use)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode = %v, want %v (%s)", err, tc.want, tc.reason)
			}
			if err != nil {
				return
			}
			var got []string
			for _, c := range b.certs() {
				got = append(got, c.Subject.CommonName)
			}
			want := []string{tc.leafCN, "certlife test intermediate", "certlife test root"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("leaf and chain (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeEmptyPassword(t *testing.T) {
	p := newPKI(t, nil)
	for _, enc := range []*pkcs12.Encoder{pkcs12.LegacyDES, pkcs12.Modern2023, pkcs12.Passwordless} {
		data, err := enc.Encode(p.leafKey, p.leaf, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(data, ""); err != nil {
			t.Errorf("empty password: %v", err)
		}
	}
}

func TestCheckKeyPair(t *testing.T) {
	p := newPKI(t, nil)
	rk, ek := rsaKey(t), edKey(t)
	pr, pe := newPKI(t, rk), newPKI(t, ek)
	tests := []struct {
		name string
		cert *x509.Certificate
		key  crypto.PrivateKey
		want error
	}{
		{"PK-3 ECDSA match", p.leaf, p.leafKey, nil},
		{"PK-3 RSA match", pr.leaf, rk, nil},
		{"PK-3 Ed25519 match", pe.leaf, ek, nil},
		{"PK-3 ECDSA mismatch", p.leaf, p.interKey, ErrKeyMismatch},
		{"PK-3 RSA key, ECDSA certificate", p.leaf, rk, ErrKeyMismatch},
		{"PK-3 Ed25519 key, RSA certificate", pr.leaf, ek, ErrKeyMismatch},
		{"PK-3 unsupported key type", p.leaf, "not a key", ErrUnsupported},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := CheckKeyPair(tc.cert, tc.key); !errors.Is(err, tc.want) {
				t.Errorf("CheckKeyPair = %v, want %v", err, tc.want)
			}
		})
	}
	var ke *KeyError
	if err := CheckKeyPair(nil, p.leafKey); !errors.As(err, &ke) || ke.Reason != ReasonNoKey {
		t.Errorf("nil certificate: %v", err)
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"PK-4 iteration error", &IterationError{Where: "MAC", Count: 50_000_000, Limit: 1 << 20},
			"pkce: MAC: 50000000 key-derivation iterations exceed the limit 1048576"},
		{"PK-4 format error", &FormatError{Where: "PFX", Reason: ReasonTruncated, Detail: "an ASN.1 length runs past the end of the input"},
			"pkce: PFX: truncated: an ASN.1 length runs past the end of the input"},
		{"PK-4 limit error", &LimitError{Where: "authenticated safe", Limit: "Safes", Count: 1025, Max: 1024},
			"pkce: authenticated safe: 1025 safes exceed the limit 1024 (Limits.Safes)"},
		{"PK-4 BER element limit names Bags", &LimitError{Where: "PFX", Limit: "Elements", Count: 163905, Max: 163904},
			"pkce: PFX: 163905 ASN.1 elements exceed the limit 163904 (Limits.Bags)"},
		{"PK-4 budget error", &IterationError{Where: "safe 6", Count: 1 << 31, Limit: 1 << 30, Total: true},
			"pkce: safe 6: key derivations would hash 2147483648 bytes, over the file's budget of 1073741824"},
		{"PK-3 several keys named", &KeyError{Reason: ReasonMultipleKeys, Detail: "2 keys", Entries: []string{`"alice"`, `"bob"`}},
			`pkce: bundle holds more than one private key: 2 keys; entries: "alice", "bob"; choose one with SelectAlias or SelectKey`},
		{"PK-5 key algorithm", &TargetError{Target: YumCentOS7, Reason: ReasonKeyAlgorithm, Where: "key", Found: "an ECDSA P-256 key"},
			"pkce: yum on CentOS 7 (nss-pem) cannot read key: an ECDSA P-256 key"},
		{"PK-2 unsupported", &UnsupportedError{Where: "safe 1", Algorithm: "content type 1.2.3"},
			"pkce: safe 1: unsupported content type 1.2.3"},
		{"PK-2 target", &TargetError{Target: OpenSSL102, Reason: ReasonMAC, Where: "MAC", Found: "HMAC-SHA256, 2048 iterations"},
			"pkce: OpenSSL 1.0.2 (CentOS 7) cannot read MAC: HMAC-SHA256, 2048 iterations; re-encode the bundle with Encode for this target"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if !strings.HasPrefix(tc.err.Error(), "pkce: ") {
			t.Errorf("%s: no prefix", tc.name)
		}
	}
	for r := ReasonEmptyPassword; r <= ReasonKeyAlgorithm; r++ {
		if strings.HasPrefix(r.String(), "Reason(") {
			t.Errorf("reason %d has no name", r)
		}
	}
}

// dsaPKCS8 is a PrivateKeyInfo with the DSA OID (1.2.840.10040.4.1), which
// crypto/x509 does not parse.
func dsaPKCS8() []byte {
	var b builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
		b.AddASN1Int64(0)
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1})
			b.AddASN1(cbasn1.SEQUENCE, func(b *builder) { b.AddASN1Int64(23); b.AddASN1Int64(11); b.AddASN1Int64(4) })
		})
		b.AddASN1(cbasn1.OCTET_STRING, func(b *builder) { b.AddASN1Int64(7) })
	})
	return b.BytesOrPanic()
}
