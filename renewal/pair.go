package renewal

import (
	"crypto"
	"crypto/x509"
	"slices"
	"strconv"

	"github.com/certlife/certlife/internal/keys"
)

// Pair is a certificate and a private key that belong together: the key is
// the private half of the certificate's public key.
type Pair struct {
	// Cert and Key are indexes into the slices given to [PairKeys].
	Cert, Key int
}

// Cause is the diagnosis of a [Pairing], after the two causes RN-8 gives
// for a server that stops working after a renewal.
type Cause int

const (
	// CauseNone results when every certificate has its key and every key
	// its certificate.
	CauseNone Cause = iota
	// CauseKeyOverwritten results when a certificate matches no key (RN-8
	// a): the new key pair was most likely written over the old one, so
	// the installed certificate has lost its key. Restore the backup of the
	// old key file and save new keys under another name; without a backup
	// the old key cannot be recovered and the new certificate must be
	// installed at once.
	CauseKeyOverwritten
	// CauseConfigNewKey results when every certificate has its key but some
	// key matches no certificate (RN-8 b): if the server is configured with
	// that key, the configuration points at the new key while the old
	// certificate is still installed. Point the configuration at the key
	// of the installed certificate until the new certificate is installed.
	CauseConfigNewKey
)

// String describes the cause and what to do, after RN-8.
func (c Cause) String() string {
	switch c {
	case CauseNone:
		return "every certificate and key is paired"
	case CauseKeyOverwritten:
		return "RN-8 a certificate has no key: the key was overwritten; restore the key backup, or without one install the new certificate at once"
	case CauseConfigNewKey:
		return "RN-8 a key has no certificate: the configuration may point at the new key while the old certificate is still installed"
	}
	return "Cause(" + strconv.Itoa(int(c)) + ")"
}

// Duplicate says that a key given to [PairKeys] is the same key as an
// earlier one: the same file read twice, or a backup of it.
type Duplicate struct {
	// Key is the index of the repeated key, Of the index of its first
	// occurrence.
	Key, Of int
}

// Pairing is the result of [PairKeys].
type Pairing struct {
	// Pairs lists every certificate that has its key, with the first key
	// given that belongs to it, ordered by certificate index. A key may
	// belong to several certificates (a renewal that reused the key,
	// RN-7); a key given again is listed in Duplicates instead.
	Pairs []Pair
	// OrphanCerts are the indexes of the certificates no key belongs to,
	// including nil certificates and those whose public key is of a kind
	// this package does not compare (not RSA, ECDSA or Ed25519).
	OrphanCerts []int
	// OrphanKeys are the indexes of the keys that belong to no certificate,
	// each distinct key once.
	OrphanKeys []int
	// Unsupported are the indexes, among OrphanKeys, of keys that are nil
	// or of a kind this package does not compare.
	Unsupported []int
	// Duplicates lists the keys that repeat an earlier key, ordered by
	// Key; they are neither paired again nor orphans.
	Duplicates []Duplicate
	// Diagnosis is the RN-8 cause the shape fits.
	Diagnosis Cause
}

// KeyFor returns the index of the first key that belongs to certificate
// cert, and whether there is one.
func (p Pairing) KeyFor(cert int) (int, bool) {
	i, ok := slices.BinarySearchFunc(p.Pairs, cert, func(pr Pair, c int) int { return pr.Cert - c })
	if !ok {
		return 0, false
	}
	return p.Pairs[i].Key, true
}

// PairKeys says which key belongs to which certificate, which certificates
// and keys are orphans, and which cause of RN-8 the shape fits. Give it the
// certificates and keys found on a server (the installed ones, the new
// ones, backups): an installed certificate whose key is gone
// ([CauseKeyOverwritten]) or a key that matches no certificate
// ([CauseConfigNewKey]).
//
// Keys are *rsa.PrivateKey, *ecdsa.PrivateKey or ed25519.PrivateKey (or a
// pointer to it). Public keys are looked up by a canonical encoding (RSA
// modulus and exponent, ECDSA curve and point, Ed25519 bytes) in an index
// of the certificates, and each distinct key is confirmed once, as package
// pkce compares keys; so the cost is linear in the number of certificates
// plus keys, however many of them repeat one key (1,500 copies of one key
// and 1,500 certificates for it give 1,500 pairs and 1,499 duplicates).
func PairKeys(certs []*x509.Certificate, privs []crypto.PrivateKey) Pairing {
	var p Pairing
	index := make(map[string][]int, len(certs))
	for i, c := range certs {
		if c == nil {
			continue
		}
		if id, ok := canonicalKey(c.PublicKey); ok {
			index[string(id)] = append(index[string(id)], i)
		}
	}
	first := make(map[string]int, len(privs))
	paired := make([]bool, len(certs))
	for k, priv := range privs {
		pub, ok := keys.Public(priv)
		id, ok2 := canonicalKey(pub)
		if !ok || !ok2 {
			p.OrphanKeys = append(p.OrphanKeys, k)
			p.Unsupported = append(p.Unsupported, k)
			continue
		}
		if f, dup := first[string(id)]; dup {
			p.Duplicates = append(p.Duplicates, Duplicate{Key: k, Of: f})
			continue
		}
		first[string(id)] = k
		bucket := index[string(id)]
		// RN-8 and PK-3: the same comparison pkce makes, once for the
		// bucket, whose certificates all have this public key.
		if len(bucket) == 0 || !keys.Match(certs[bucket[0]].PublicKey, priv) {
			p.OrphanKeys = append(p.OrphanKeys, k)
			continue
		}
		for _, i := range bucket {
			p.Pairs = append(p.Pairs, Pair{Cert: i, Key: k})
			paired[i] = true
		}
	}
	slices.SortFunc(p.Pairs, func(a, b Pair) int { return a.Cert - b.Cert })
	for i, ok := range paired {
		if !ok {
			p.OrphanCerts = append(p.OrphanCerts, i)
		}
	}
	switch {
	case len(p.OrphanCerts) > 0:
		p.Diagnosis = CauseKeyOverwritten
	case len(p.OrphanKeys) > len(p.Unsupported):
		p.Diagnosis = CauseConfigNewKey
	}
	return p
}
