package renewal

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPairKeys(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecOld, ecNew := ecKey(t), ecKey(t)
	edOld := edKey(1)
	nb := utc(2025, 3, 1, 0, 0, 0)
	na := nb.Add(398*24*time.Hour - time.Second)
	rsaCert := newCert(t, "rsa.example.jp", rsaKey, 1, nb, na)
	oldCert := newCert(t, "www.example.jp", ecOld, 2, nb, na)
	newCert_ := newCert(t, "www.example.jp", ecNew, 3, nb.AddDate(1, 0, 0), na.AddDate(1, 0, 0))
	edCert := newCert(t, "ed.example.jp", edOld, 4, nb, na)
	reused := newCert(t, "www.example.jp", ecOld, 5, nb.AddDate(1, 0, 0), na.AddDate(1, 0, 0))

	tests := []struct {
		name  string
		why   string
		certs []*x509.Certificate
		keys  []crypto.PrivateKey
		want  Pairing
	}{
		{
			name:  "RN-8 every certificate has its key: RSA, ECDSA and Ed25519",
			certs: []*x509.Certificate{rsaCert, oldCert, edCert},
			keys:  []crypto.PrivateKey{edOld, rsaKey, ecOld},
			want:  Pairing{Pairs: []Pair{{0, 1}, {1, 2}, {2, 0}}},
		},
		{
			name:  "RN-8 a: the new key overwrote the old one",
			why:   "the installed certificate matches no key; the key on disk matches no certificate",
			certs: []*x509.Certificate{oldCert},
			keys:  []crypto.PrivateKey{ecNew},
			want:  Pairing{OrphanCerts: []int{0}, OrphanKeys: []int{0}, Diagnosis: CauseKeyOverwritten},
		},
		{
			name:  "RN-8 a: the installed certificate has no key at all",
			certs: []*x509.Certificate{oldCert},
			want:  Pairing{OrphanCerts: []int{0}, Diagnosis: CauseKeyOverwritten},
		},
		{
			name:  "RN-8 b: the configuration points at the new key while the old certificate is installed",
			why:   "the old key is still on disk under its own name; the new key has no certificate yet",
			certs: []*x509.Certificate{oldCert},
			keys:  []crypto.PrivateKey{ecOld, ecNew},
			want:  Pairing{Pairs: []Pair{{0, 0}}, OrphanKeys: []int{1}, Diagnosis: CauseConfigNewKey},
		},
		{
			name:  "RN-8 after the new certificate is installed both pairs are whole",
			certs: []*x509.Certificate{oldCert, newCert_},
			keys:  []crypto.PrivateKey{ecNew, ecOld},
			want:  Pairing{Pairs: []Pair{{0, 1}, {1, 0}}},
		},
		{
			name:  "RN-7 RN-8 a reused key belongs to two certificates",
			certs: []*x509.Certificate{oldCert, reused},
			keys:  []crypto.PrivateKey{ecOld},
			want:  Pairing{Pairs: []Pair{{0, 0}, {1, 0}}},
		},
		{
			name:  "RN-8 a key given twice pairs once and is a duplicate",
			certs: []*x509.Certificate{edCert},
			keys:  []crypto.PrivateKey{edOld, &edOld},
			want:  Pairing{Pairs: []Pair{{0, 0}}, Duplicates: []Duplicate{{Key: 1, Of: 0}}},
		},
		{
			name:  "RN-8 nil and unsupported keys are orphans but do not diagnose b",
			certs: []*x509.Certificate{edCert},
			keys:  []crypto.PrivateKey{nil, "not a key", edOld, (*rsa.PrivateKey)(nil)},
			want:  Pairing{Pairs: []Pair{{0, 2}}, OrphanKeys: []int{0, 1, 3}, Unsupported: []int{0, 1, 3}},
		},
		{
			name:  "RN-8 a nil certificate is an orphan",
			certs: []*x509.Certificate{nil, edCert},
			keys:  []crypto.PrivateKey{edOld},
			want:  Pairing{Pairs: []Pair{{1, 0}}, OrphanCerts: []int{0}, Diagnosis: CauseKeyOverwritten},
		},
		{
			name: "RN-8 nothing given",
			want: Pairing{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PairKeys(tt.certs, tt.keys)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("PairKeys() mismatch (-want +got): %s\n%s", tt.why, diff)
			}
		})
	}
}

func TestPairingKeyFor(t *testing.T) {
	p := Pairing{Pairs: []Pair{{0, 3}, {2, 1}}}
	tests := []struct {
		name string
		cert int
		key  int
		ok   bool
	}{
		{"RN-8 first key of a certificate", 2, 1, true},
		{"RN-8 single key", 0, 3, true},
		{"RN-8 orphan certificate", 1, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, ok := p.KeyFor(tt.cert)
			if k != tt.key || ok != tt.ok {
				t.Errorf("KeyFor(%d) = %d, %v; want %d, %v", tt.cert, k, ok, tt.key, tt.ok)
			}
		})
	}
}

func TestCauseString(t *testing.T) {
	for _, c := range []Cause{CauseNone, CauseKeyOverwritten, CauseConfigNewKey, Cause(9)} {
		if c.String() == "" {
			t.Errorf("Cause(%d).String() is empty", int(c))
		}
	}
	if got := Cause(9).String(); got != "Cause(9)" {
		t.Errorf("Cause(9).String() = %q", got)
	}
}

// duplicatePairs returns n certificates and n copies of the one key they
// share (parsed once, referenced n times, as a directory of backups would
// give after parsing each file: distinct values of one key).
func duplicatePairs(t testing.TB, n int) ([]*x509.Certificate, []crypto.PrivateKey) {
	k := edKey(9)
	c := newCert(t, "www.example.jp", k, 1, utc(2025, 3, 1, 0, 0, 0), utc(2026, 3, 1, 0, 0, 0))
	certs := make([]*x509.Certificate, n)
	privs := make([]crypto.PrivateKey, n)
	for i := range n {
		cc := *c
		certs[i] = &cc
		privs[i] = append(ed25519.PrivateKey(nil), k...)
	}
	return certs, privs
}

// TestPairKeysDuplicates pins the hostile size of the issue: 1 500 copies
// of one key and 1 500 certificates for it pair in linear time, each
// certificate once, the copies reported as duplicates (RN-8).
func TestPairKeysDuplicates(t *testing.T) {
	certs, privs := duplicatePairs(t, 1500)
	p := PairKeys(certs, privs)
	if len(p.Pairs) != 1500 || len(p.Duplicates) != 1499 || len(p.OrphanKeys) != 0 || len(p.OrphanCerts) != 0 || p.Diagnosis != CauseNone {
		t.Errorf("RN-8 1500 duplicates: %d pairs, %d duplicates, %d orphan keys, %d orphan certs, %v",
			len(p.Pairs), len(p.Duplicates), len(p.OrphanKeys), len(p.OrphanCerts), p.Diagnosis)
	}
	if p.Pairs[1499] != (Pair{Cert: 1499, Key: 0}) || p.Duplicates[0] != (Duplicate{Key: 1, Of: 0}) {
		t.Errorf("RN-8 first key not paired: %v, %v", p.Pairs[1499], p.Duplicates[0])
	}
}
