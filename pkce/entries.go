package pkce

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"fmt"
	"strconv"
	"strings"

	"github.com/certlife/certlife/internal/keys"
)

// Entry is one entry of a PKCS#12 keystore, as keytool, NSS and OpenSSL
// list them: a private key with its certificate and chain (a key entry),
// or a certificate alone (a certificate entry, such as a truststore's
// CA). [DecodeEntries] returns them.
type Entry struct {
	// Alias is the entry's friendlyName (PKCS#9, RFC 2985 section 5.5.1),
	// the name keytool, NSS and Windows show, or "" when the file gives
	// none. It is taken from the key bag, or from the certificate bag
	// when the key has none.
	Alias string
	// LocalKeyID is the entry's localKeyId (RFC 2985 section 5.5.2), the
	// bytes that tie a key bag to its certificate bag, or nil.
	LocalKeyID []byte
	// Key is the private key, or nil for a certificate entry.
	Key crypto.PrivateKey
	// Leaf is the key's certificate (PK-3: the one holding its public
	// key, preferring the one with the same localKeyId), or the
	// certificate of a certificate entry. It is nil for a key whose
	// certificate is not in the file.
	Leaf *x509.Certificate
	// Chain holds Leaf's issuers found in the file, leaf to root.
	Chain []*x509.Certificate
}

// Name returns how messages name the entry: its alias in quotes, or
// without one its certificate's subject, or "key N" for a key without a
// certificate.
//
//	fmt.Println(e.Name()) // "client" or CN=client 0001,O=certlife test
func (e *Entry) Name() string {
	switch {
	case e.Alias != "":
		return strconv.Quote(e.Alias)
	case e.Leaf != nil:
		if s := e.Leaf.Subject.String(); s != "" {
			return s
		}
		return "certificate serial " + e.Leaf.SerialNumber.String()
	}
	return "a key without certificate"
}

// SelectAlias makes [Decode] and [Load] return the entry whose alias
// (friendlyName) is name, when a file holds several keys; failing an exact
// match, one that differs in case only, since keytool takes aliases so. A
// certificate entry may be selected too; the bundle then has no key. If no entry has
// that alias, they return a *[KeyError] with ReasonNoEntry listing the
// entries. PEM files have no aliases.
//
//	b, err := pkce.Decode(keystore, pw, pkce.SelectAlias("client"))
func SelectAlias(name string) Option { return func(c *config) { c.alias = &name } }

// SelectKey makes [Decode] and [Load] return the entry whose private key
// (or, for a certificate entry, whose certificate) has the public key
// pub: a certificate's PublicKey, or a key's Public(). If none has, they
// return a *[KeyError] with ReasonNoEntry listing the entries.
//
//	b, err := pkce.Decode(keystore, pw, pkce.SelectKey(cert.PublicKey))
func SelectKey(pub crypto.PublicKey) Option { return func(c *config) { c.pub = pub } }

// contents are the keys and certificates of a file, before they are
// grouped into entries.
type contents struct {
	keys  []keyItem
	certs []certItem
	err   error // a key of an unsupported kind
}

func (d *decoded) contents() *contents { return newContents(d.keys, d.certs) }

// newContents merges keys with the same public key and identical
// certificates, keeping the first's place and the first non-empty
// attributes.
func newContents(ks []keyItem, cs []certItem) *contents {
	c := &contents{}
	pubs := make([]crypto.PublicKey, 0, len(ks))
	for _, k := range ks {
		pub, ok := keys.Public(k.key)
		if !ok {
			c.err = &KeyError{Reason: ReasonUnsupportedKey, Detail: fmt.Sprintf("%s: %T", k.where, k.key)}
			return c
		}
		dup := false
		for i, p := range pubs {
			if keys.Equal(p, pub) {
				c.keys[i].attrs = mergeAttrs(c.keys[i].attrs, k.attrs)
				dup = true
				break
			}
		}
		if !dup {
			pubs = append(pubs, pub)
			c.keys = append(c.keys, k)
		}
	}
	seen := make(map[string]int, len(cs))
	for _, x := range cs {
		if i, ok := seen[string(x.cert.Raw)]; ok {
			c.certs[i].attrs = mergeAttrs(c.certs[i].attrs, x.attrs)
			continue
		}
		seen[string(x.cert.Raw)] = len(c.certs)
		c.certs = append(c.certs, x)
	}
	return c
}

func mergeAttrs(a, b attrs) attrs {
	if a.friendlyName == "" {
		a.friendlyName = b.friendlyName
	}
	if a.localKeyID == nil {
		a.localKeyID = b.localKeyID
	}
	a.trusted = a.trusted || b.trusted
	return a
}

// chainer finds issuers by subject, so that ordering a file of n
// certificates costs O(n), not O(n²).
type chainer struct {
	certs               []certItem
	bySubject, byIssuer map[string][]int
	sigChecks           int
	steps               int // candidate examinations left
}

// maxSignatureChecks caps the signature verifications one file may cost
// when names and key identifiers do not decide an issuer.
const maxSignatureChecks = 16

func newChainer(certs []certItem) *chainer {
	// Ordering real files takes a few steps per certificate; a hostile
	// file of look-alike names gets at most 64 per certificate in total,
	// after which chains stop growing.
	ch := &chainer{certs: certs, bySubject: make(map[string][]int, len(certs)), byIssuer: make(map[string][]int, len(certs)),
		steps: 64*len(certs) + 1024}
	for i, c := range certs {
		ch.bySubject[string(c.cert.RawSubject)] = append(ch.bySubject[string(c.cert.RawSubject)], i)
		ch.byIssuer[string(c.cert.RawIssuer)] = append(ch.byIssuer[string(c.cert.RawIssuer)], i)
	}
	return ch
}

// chain returns the indexes of leaf's issuers, leaf to root.
func (ch *chainer) chain(leaf int) []int {
	used := map[int]bool{leaf: true}
	var out []int
	cur := ch.certs[leaf].cert
	for !selfIssued(cur) {
		var cands []int
		for _, i := range ch.bySubject[string(cur.RawIssuer)] {
			if ch.steps <= 0 {
				break
			}
			ch.steps--
			if !used[i] && issued(ch.certs[i].cert, cur) {
				cands = append(cands, i)
			}
		}
		if len(cands) == 0 {
			break
		}
		next := cands[0]
		// When names and key identifiers do not decide, prefer the
		// candidate whose signature verifies; the checks are capped so that
		// a file of look-alike certificates stays cheap.
		if len(cands) > 1 {
			for _, j := range cands {
				if ch.sigChecks >= maxSignatureChecks {
					break
				}
				ch.sigChecks++
				if cur.CheckSignatureFrom(ch.certs[j].cert) == nil {
					next = j
					break
				}
			}
		}
		used[next] = true
		out = append(out, next)
		cur = ch.certs[next].cert
	}
	return out
}

// issuedOther reports whether certificate i issued another one of the
// file.
func (ch *chainer) issuedOther(i int) bool {
	c := ch.certs[i].cert
	for _, j := range ch.byIssuer[string(c.RawSubject)] {
		if ch.steps <= 0 {
			break
		}
		ch.steps--
		if j != i && issued(c, ch.certs[j].cert) {
			return true
		}
	}
	return false
}

// issued reports whether parent's subject and key identifier fit child's
// issuer (RFC 5280 section 4.1.2.4 and 4.2.1.1).
func issued(parent, child *x509.Certificate) bool {
	if !bytes.Equal(parent.RawSubject, child.RawIssuer) {
		return false
	}
	if len(child.AuthorityKeyId) > 0 && len(parent.SubjectKeyId) > 0 {
		return bytes.Equal(child.AuthorityKeyId, parent.SubjectKeyId)
	}
	return true
}

func selfIssued(c *x509.Certificate) bool {
	return bytes.Equal(c.RawSubject, c.RawIssuer)
}

// entryPlan is an entry with certificate indexes, before it becomes an
// Entry or a Bundle.
type entryPlan struct {
	key   *keyItem
	leaf  int // -1: none
	chain []int
	attrs attrs
}

// plan groups the contents into entries: key entries in key order, then
// certificate entries in file order.
func (c *contents) plan() []entryPlan {
	ch := newChainer(c.certs)
	var plans []entryPlan
	used := make([]bool, len(c.certs))
	leafOf := make([]bool, len(c.certs))
	for i := range c.keys {
		k := &c.keys[i]
		p := entryPlan{key: k, leaf: -1, attrs: k.attrs}
		for j, x := range c.certs {
			if !keys.Match(x.cert.PublicKey, k.key) {
				continue
			}
			if p.leaf < 0 || (len(k.attrs.localKeyID) > 0 && bytes.Equal(x.attrs.localKeyID, k.attrs.localKeyID)) {
				p.leaf = j
			}
		}
		if p.leaf >= 0 {
			p.chain = ch.chain(p.leaf)
			used[p.leaf], leafOf[p.leaf] = true, true
			for _, j := range p.chain {
				used[j] = true
			}
			if p.attrs.friendlyName == "" {
				p.attrs.friendlyName = c.certs[p.leaf].attrs.friendlyName
			}
			if p.attrs.localKeyID == nil {
				p.attrs.localKeyID = c.certs[p.leaf].attrs.localKeyID
			}
		}
		plans = append(plans, p)
	}
	for j, x := range c.certs {
		// A certificate is its own entry when no key uses it, or when the
		// JDK marked it a trusted certificate entry (then it may also sit
		// in a key's chain, as keytool lists it).
		if leafOf[j] || (used[j] && !x.attrs.trusted) {
			continue
		}
		plans = append(plans, entryPlan{leaf: j, chain: ch.chain(j), attrs: x.attrs})
	}
	return plans
}

func (c *contents) entry(p entryPlan) Entry {
	e := Entry{Alias: p.attrs.friendlyName, LocalKeyID: p.attrs.localKeyID}
	if p.key != nil {
		e.Key = p.key.key
	}
	if p.leaf >= 0 {
		e.Leaf = c.certs[p.leaf].cert
	}
	for _, j := range p.chain {
		e.Chain = append(e.Chain, c.certs[j].cert)
	}
	return e
}

func (c *contents) entries() ([]Entry, error) {
	if c.err != nil {
		return nil, c.err
	}
	var out []Entry
	for _, p := range c.plan() {
		out = append(out, c.entry(p))
	}
	return out, nil
}

func names(es []Entry) []string {
	out := make([]string, len(es))
	for i := range es {
		out[i] = es[i].Name()
	}
	return out
}

// bundle applies Decode's one-key contract and the selection options.
func (c *contents) bundle(cfg config) (*Bundle, error) {
	if c.err != nil {
		return nil, c.err
	}
	plans := c.plan()
	all := make([]Entry, len(plans))
	for i, p := range plans {
		all[i] = c.entry(p)
	}
	pick := -1
	switch {
	case cfg.alias != nil:
		// The exact alias first; then, as keytool treats aliases, without
		// regard to case.
		for _, same := range []func(string, string) bool{func(a, b string) bool { return a == b }, strings.EqualFold} {
			for i, e := range all {
				if same(e.Alias, *cfg.alias) && (pick < 0 || all[pick].Key == nil && e.Key != nil) {
					pick = i
				}
			}
			if pick >= 0 {
				break
			}
		}
		if pick < 0 {
			return nil, &KeyError{Reason: ReasonNoEntry, Detail: "no entry has the alias " + strconv.Quote(*cfg.alias), Entries: names(all)}
		}
	case cfg.pub != nil:
		for i, e := range all {
			if pick >= 0 {
				break
			}
			if e.Key != nil && keys.Match(cfg.pub, e.Key) || e.Key == nil && e.Leaf != nil && keys.Equal(cfg.pub, e.Leaf.PublicKey) {
				pick = i
			}
		}
		if pick < 0 {
			return nil, &KeyError{Reason: ReasonNoEntry, Detail: "no entry has the public key", Entries: names(all)}
		}
	default:
		nkeys := 0
		for i, e := range all {
			if e.Key != nil {
				nkeys++
				pick = i
			}
		}
		if nkeys > 1 {
			var ks []Entry
			for _, e := range all {
				if e.Key != nil {
					ks = append(ks, e)
				}
			}
			return nil, &KeyError{Reason: ReasonMultipleKeys, Detail: fmt.Sprintf("%d keys", nkeys), Entries: names(ks)}
		}
		if nkeys == 0 {
			return c.certificateBundle()
		}
	}
	p, e := plans[pick], all[pick]
	if e.Key != nil && e.Leaf == nil {
		if len(c.certs) == 0 {
			return nil, &KeyError{Reason: ReasonNoCertificate, Detail: "a private key without its certificate"}
		}
		return nil, &KeyError{Reason: ReasonKeyMismatch, Detail: fmt.Sprintf("none of %d certificates holds its public key", len(c.certs))}
	}
	return c.assemble(e.Key, p.leaf, p.chain), nil
}

// certificateBundle is the bundle of a file without keys: its leaf is the
// first certificate that issued no other.
func (c *contents) certificateBundle() (*Bundle, error) {
	if len(c.certs) == 0 {
		return nil, &KeyError{Reason: ReasonNoCertificate, Detail: "the bundle is empty"}
	}
	ch := newChainer(c.certs)
	leaf := 0
	for i := range c.certs {
		if !ch.issuedOther(i) {
			leaf = i
			break
		}
	}
	return c.assemble(nil, leaf, ch.chain(leaf)), nil
}

func (c *contents) assemble(key crypto.PrivateKey, leaf int, chain []int) *Bundle {
	b := &Bundle{Key: key, Leaf: c.certs[leaf].cert}
	used := make([]bool, len(c.certs))
	used[leaf] = true
	for _, j := range chain {
		used[j] = true
		b.Chain = append(b.Chain, c.certs[j].cert)
	}
	for j, x := range c.certs {
		if !used[j] {
			b.Extra = append(b.Extra, x.cert)
		}
	}
	return b
}
