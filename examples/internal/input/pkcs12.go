package input

import (
	"crypto/x509"
	"errors"
	"strconv"
	"strings"

	"github.com/certlife/certlife/examples/internal/x509text"
	"github.com/certlife/certlife/pkce"
)

// openPKCS12 opens a PKCS#12 bundle with package pkce, whose key
// derivations and shape are bounded (PK-4), and returns every key and
// certificate as items, entry by entry, with their pairing (BundleRole):
// pkce.DecodeEntries lists a keystore's entries as keytool and NSS do, key
// entries first (the key, the leaf holding its public key, PK-3, and the
// leaf's chain), then certificate entries (a truststore's CA, a
// certificate no key uses). A certificate that several entries hold (a CA
// in two chains) is listed once, with the first.
//
// This is the one place the example commands open PKCS#12 for its
// contents (p12check calls pkce itself, as its demonstration).
func openPKCS12(der, password []byte) ([]*Item, error) {
	entries, err := pkce.DecodeEntries(der, string(password))
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "pkce: "))
	}
	var items []*Item
	seen := map[string]bool{}
	nk, nc := 0, 0
	for i, e := range entries {
		kt := ""
		if e.Key != nil {
			kt = x509text.KeyType(e.Key)
			nk++
			items = append(items, &Item{Kind: KindKey, Where: "PKCS#12 key " + strconv.Itoa(nk), Label: "PKCS#12 private key",
				Key: e.Key, Bundle: &BundleRole{Entry: i + 1, Role: "key", KeyType: kt, Alias: e.Alias}})
		}
		add := func(c *x509.Certificate, role string) {
			if seen[string(c.Raw)] {
				return
			}
			seen[string(c.Raw)] = true
			nc++
			items = append(items, &Item{Kind: KindCertificate, Where: "PKCS#12 certificate " + strconv.Itoa(nc), Label: "PKCS#12 certificate",
				Cert: c, Bundle: &BundleRole{Entry: i + 1, Role: role, KeyType: kt, Alias: e.Alias}})
		}
		switch {
		case e.Leaf != nil && e.Key != nil:
			add(e.Leaf, "leaf")
		case e.Leaf != nil:
			add(e.Leaf, "certificate")
		}
		for _, c := range e.Chain {
			add(c, "chain")
		}
	}
	return items, nil
}
