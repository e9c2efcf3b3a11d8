package renewal

import (
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Held is a server certificate the applicant already holds, reduced to what
// the rules of this package read. Build it with [HeldFrom], or directly when
// the certificates live in a database rather than in DER.
type Held struct {
	// Subject is the certificate's subject. Subject.CommonName is the name
	// RN-1 to RN-4 compare.
	Subject pkix.Name
	// DNSNames are the certificate's DNS subject alternative names. They
	// name the certificate when its subject has no common name, as
	// certificates under the Baseline Requirements' newer profiles do.
	DNSNames []string
	// RequestSubject is the subject of the CSR the certificate was issued
	// for, when the applicant kept it; nil otherwise. RN-4 compares a new
	// CSR with it rather than with the subject the CA printed, which may
	// drop, add or re-encode attributes.
	RequestSubject *pkix.Name
	// NotBefore is the certificate's notBefore, which this package takes as
	// its issue instant (RN-3, TV-6).
	NotBefore time.Time
	// NotAfter is the certificate's notAfter, the last second it is valid
	// (TV-3).
	NotAfter time.Time
	// PublicKey is the certificate's public key (RN-7); nil if unknown.
	PublicKey crypto.PublicKey
	// SerialNumber is the certificate's serial number; nil if unknown. It
	// identifies the certificate in messages and seeds [Spread] and the
	// instant chosen in an ARI window.
	SerialNumber *big.Int
}

// HeldFrom returns the parts of cert that [Held] keeps. The subject,
// names, validity, public key and serial number are shared with cert, not
// copied; RequestSubject is nil (set it when the CSR is known). A nil cert
// gives the zero Held.
func HeldFrom(cert *x509.Certificate) Held {
	if cert == nil {
		return Held{}
	}
	return Held{
		Subject:      cert.Subject,
		DNSNames:     cert.DNSNames,
		NotBefore:    cert.NotBefore,
		NotAfter:     cert.NotAfter,
		PublicKey:    cert.PublicKey,
		SerialNumber: cert.SerialNumber,
	}
}

// Application is what an applicant applies for. Build it with
// [ApplicationFrom], which checks the CSR, or directly.
//
// It has no field for who applies (RN-5: the applicant may differ from the
// one who applied for the current certificate) nor for how the CSR was made
// on the server (RN-9: the server's "new" or "renewal" procedure does not
// decide the category); neither influences [Classify].
type Application struct {
	// Subject is the subject of the CSR; Subject.CommonName is compared
	// with the held certificates' (RN-1, RN-2) and the other attributes
	// with the renewed certificate's (RN-4).
	Subject pkix.Name
	// DNSNames are the CSR's DNS subject alternative names; they name the
	// application when its subject has no common name.
	DNSNames []string
	// PublicKey is the CSR's public key, compared with the held
	// certificates' keys (RN-7). It may be nil.
	PublicKey crypto.PublicKey
	// Additional is set when the applicant asks for an extra certificate
	// for a common name it already holds, for example for another server
	// behind a load balancer (RN-1). Such an application is new.
	Additional bool
	// Replaces is the held certificate the applicant says the application
	// follows, when it says so (a portal's "renew this certificate"); nil
	// otherwise, and the current certificate for the name is taken. A
	// different name then is RN-1's "common name changed".
	Replaces *Held
	// At is the instant of the application. It must not be zero.
	At time.Time
}

// ApplicationFrom returns the application for csr made at the instant at,
// after checking the CSR's self-signature. Additional and Replaces are
// unset; set them on the result when the applicant asks for them.
//
// It returns an [*Error] with ReasonNoRequest for a nil csr, ReasonZeroTime
// for a zero at and ReasonBadSignature, wrapping the error of
// [x509.CertificateRequest.CheckSignature], when the signature does not
// verify. An application without a name is accepted here and refused by
// [Classify].
func ApplicationFrom(csr *x509.CertificateRequest, at time.Time) (Application, error) {
	if csr == nil {
		return Application{}, &Error{Reason: ReasonNoRequest}
	}
	if at.IsZero() {
		return Application{}, &Error{Reason: ReasonZeroTime}
	}
	if err := csr.CheckSignature(); err != nil {
		return Application{}, &Error{Reason: ReasonBadSignature, Detail: csr.Subject.CommonName, Err: err}
	}
	return Application{Subject: csr.Subject, DNSNames: csr.DNSNames, PublicKey: csr.PublicKey, At: at}, nil
}

// names returns the keys by which a certificate or application is named
// (RN-1 to RN-4), as normalizeName makes them: its common name, or when it
// has none, each of its DNS names, since a CA puts the common name among
// the DNS names (Baseline Requirements 7.1.4.3) and newer profiles leave
// it out. It also reports whether every name is ASCII.
func names(subject *pkix.Name, dnsNames []string) (keys []string, ascii bool) {
	if subject.CommonName != "" {
		k, a := normalizeName(subject.CommonName)
		if k == "" {
			return nil, a
		}
		return []string{k}, a
	}
	ascii = true
	for _, d := range dnsNames {
		k, a := normalizeName(d)
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
			ascii = ascii && a
		}
	}
	return keys, ascii
}

// nameKey returns one key naming a certificate: the first of names, or the
// least of its DNS names when it has no common name. It seeds the hashes
// of Spread and ARI.
func nameKey(subject *pkix.Name, dnsNames []string) string {
	ks, _ := names(subject, dnsNames)
	if len(ks) == 0 {
		return ""
	}
	return slices.Min(ks)
}

// shareName reports whether two name lists have a name in common.
func shareName(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// displayName is the name shown in messages: the common name, or the
// first DNS name.
func displayName(subject *pkix.Name, dnsNames []string) string {
	if subject.CommonName != "" || len(dnsNames) == 0 {
		return subject.CommonName
	}
	return dnsNames[0]
}

// normalizeName returns the key by which common names are compared, and
// whether the name is all ASCII. Common names compare as DNS names do
// (RFC 4343): ASCII letters without regard to case, and one trailing dot
// (the root label) is ignored. A non-ASCII rune is compared after Unicode
// simple case folding (the equivalence of [strings.EqualFold]), without
// IDNA mapping or normalization: a U-label and its A-label ("xn--...") are
// different names. Bytes that are not valid UTF-8 compare as themselves.
//
// A name that is already lower-case ASCII without a trailing dot is
// returned as is, without allocating.
func normalizeName(s string) (key string, ascii bool) {
	s = strings.TrimSuffix(s, ".")
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldUnicode(s), false
		}
		if 'A' <= c && c <= 'Z' {
			clean = false
		}
	}
	if clean {
		return s, true
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b), true
}

// foldUnicode maps every rune of s to a representative of its simple case
// folding orbit: the smallest rune of the orbit, with ASCII capitals then
// lowered, so that the Kelvin sign folds to "k" as strings.EqualFold has it.
func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteRune(foldRune(r))
		i += size
	}
	return b.String()
}

func foldRune(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < m {
			m = f
		}
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

// isCommonName reports whether oid is id-at-commonName, 2.5.4.3.
func isCommonName(oid asn1.ObjectIdentifier) bool {
	return len(oid) == 4 && oid[0] == 2 && oid[1] == 5 && oid[2] == 4 && oid[3] == 3
}

type attribute struct{ oid, value string }

// subjectAttributes returns the attributes of n other than the common name
// and those in ignore, with canonical values, sorted by type then value.
// A name parsed from DER carries all its attributes in Names, whatever
// their RDN (multi-valued RDNs included) and order; a name built by hand
// carries them in its fields and ExtraNames.
func subjectAttributes(n *pkix.Name, ignore []asn1.ObjectIdentifier) []attribute {
	var in []pkix.AttributeTypeAndValue
	if len(n.Names) > 0 {
		in = append(in, n.Names...)
		in = append(in, n.ExtraNames...)
	} else {
		for _, rdn := range n.ToRDNSequence() {
			in = append(in, rdn...)
		}
	}
	out := make([]attribute, 0, len(in))
	for _, a := range in {
		if isCommonName(a.Type) || slices.ContainsFunc(ignore, a.Type.Equal) {
			continue
		}
		out = append(out, attribute{a.Type.String(), canonicalValue(a.Value)})
	}
	slices.SortFunc(out, func(a, b attribute) int {
		if c := strings.Compare(a.oid, b.oid); c != 0 {
			return c
		}
		return strings.Compare(a.value, b.value)
	})
	return slices.Compact(out)
}

// canonicalValue is the form in which RN-4 compares attribute values,
// after the string preparation of RFC 4518 that RFC 5280 section 7.1
// points to, without its Unicode normalization: the ASN.1 string type is
// gone already (crypto/x509 decodes PrintableString, UTF8String,
// IA5String, BMPString and T61String, the last as Latin-1, to Go
// strings), white space is collapsed and trimmed, and case is folded. A
// UTF-8 string that was stored in a T61String and so decoded as Latin-1
// ("Ã©" for "é"), as some tools write them, is decoded again as UTF-8.
func canonicalValue(v any) string {
	s, ok := v.(string)
	if !ok {
		return fmt.Sprintf("%T:%v", v, v)
	}
	s = latin1AsUTF8(s)
	return foldUnicode(strings.Join(strings.Fields(s), " "))
}

// latin1AsUTF8 returns s decoded again as UTF-8 when every rune of s is
// below U+0100, some are not ASCII, and their bytes form valid UTF-8: the
// trace of UTF-8 bytes read as Latin-1. Otherwise it returns s.
func latin1AsUTF8(s string) string {
	high := false
	for _, r := range s {
		if r > 0xFF {
			return s
		}
		high = high || r >= 0x80
	}
	if !high {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

// changedAttributes returns the short names of the attribute types whose
// values differ between prev and app (RN-4), sorted; nil when none
// differ. With common set, only the types both carry are compared: the
// others were dropped or added by the CA. Both are sorted as
// subjectAttributes sorts them.
func changedAttributes(prev, app []attribute, common bool) []string {
	var changed []string
	i, j := 0, 0
	for i < len(prev) || j < len(app) {
		var oid string
		switch {
		case j == len(app) || i < len(prev) && prev[i].oid < app[j].oid:
			oid = prev[i].oid
		default:
			oid = app[j].oid
		}
		i0, j0 := i, j
		for i < len(prev) && prev[i].oid == oid {
			i++
		}
		for j < len(app) && app[j].oid == oid {
			j++
		}
		inPrev, inApp := i > i0, j > j0
		if common && (!inPrev || !inApp) {
			continue
		}
		if !slices.Equal(prev[i0:i], app[j0:j]) {
			changed = append(changed, attributeName(oid))
		}
	}
	slices.Sort(changed)
	return changed
}

// attributeName gives the short name of a subject attribute that
// [Decision.Changed] reports; other attributes are reported by their dotted
// OID.
func attributeName(oid string) string {
	switch oid {
	case "2.5.4.6":
		return "C"
	case "2.5.4.10":
		return "O"
	case "2.5.4.11":
		return "OU"
	case "2.5.4.7":
		return "L"
	case "2.5.4.8":
		return "ST"
	case "2.5.4.9":
		return "STREET"
	case "2.5.4.17":
		return "POSTALCODE"
	case "2.5.4.5":
		return "SERIALNUMBER"
	case "2.5.4.15":
		return "businessCategory"
	case "1.2.840.113549.1.9.1":
		return "emailAddress"
	case "1.3.6.1.4.1.311.60.2.1.1":
		return "jurisdictionL"
	case "1.3.6.1.4.1.311.60.2.1.2":
		return "jurisdictionST"
	case "1.3.6.1.4.1.311.60.2.1.3":
		return "jurisdictionC"
	case "2.5.4.97":
		return "organizationIdentifier"
	case "0.9.2342.19200300.100.1.25":
		return "DC"
	case "2.5.4.42":
		return "GN"
	case "2.5.4.4":
		return "SN"
	}
	return oid
}
