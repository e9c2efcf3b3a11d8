package renewal

import (
	"crypto"
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
