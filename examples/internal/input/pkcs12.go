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
// derivations are capped (PK-4), and returns its keys and certificates as
// items, with their pairing (BundleRole): the key, the leaf that holds it
// (PK-3), the leaf's chain, then the other certificates.
//
// This is the one place the example commands open PKCS#12 for its
// contents (p12check calls pkce itself, as its demonstration). pkce.Decode
// reads one key: a bundle with two private keys (a Java keystore with two
// aliases) is refused here with ErrMultipleKeys's words and a way out, not
// listed. When pkce lists every entry (issue 12), this function is where
// each entry becomes items: Entry n for the n-th key, its leaf and chain.
func openPKCS12(der, password []byte) ([]*Item, error) {
	b, err := pkce.Decode(der, string(password))
	if errors.Is(err, pkce.ErrMultipleKeys) {
		return nil, errors.New("holds more than one private key (a keystore with several entries), " +
			"which this build does not list yet; list its certificates with openssl pkcs12 -nokeys, " +
			"or extract one entry with keytool -importkeystore -srcalias NAME")
	}
	if err != nil {
		return nil, errors.New(strings.TrimPrefix(err.Error(), "pkce: "))
	}
	var items []*Item
	role := func(r string) *BundleRole {
		if b.Key == nil {
			return &BundleRole{Role: "certificate"}
		}
		if r == "other" {
			return &BundleRole{Role: r, KeyType: x509text.KeyType(b.Key)}
		}
		return &BundleRole{Entry: 1, Role: r, KeyType: x509text.KeyType(b.Key)}
	}
	if b.Key != nil {
		items = append(items, &Item{Kind: KindKey, Where: "PKCS#12 key 1", Label: "PKCS#12 private key", Key: b.Key, Bundle: role("key")})
	}
	add := func(c *x509.Certificate, r string) {
		n := strconv.Itoa(len(items) + 1)
		if b.Key != nil {
			n = strconv.Itoa(len(items))
		}
		items = append(items, &Item{Kind: KindCertificate, Where: "PKCS#12 certificate " + n, Label: "PKCS#12 certificate", Cert: c, Bundle: role(r)})
	}
	if b.Leaf != nil {
		add(b.Leaf, "leaf")
	}
	for _, c := range b.Chain {
		add(c, "chain")
	}
	for _, c := range b.Extra {
		add(c, "other")
	}
	return items, nil
}
