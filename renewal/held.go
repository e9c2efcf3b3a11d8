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
	// Subject is the certificate's subject. Subject.CommonName is the common
	// name RN-1 to RN-4 compare.
	Subject pkix.Name
	// NotBefore is the certificate's notBefore, which this package takes as
	// its issue instant (RN-3, TV-6).
	NotBefore time.Time
	// NotAfter is the certificate's notAfter, the last second it is valid
	// (TV-3).
	NotAfter time.Time
	// PublicKey is the certificate's public key (RN-7); nil if unknown.
	PublicKey crypto.PublicKey
	// SerialNumber is the certificate's serial number; nil if unknown. It
	// identifies the certificate in messages and seeds [Spread].
	SerialNumber *big.Int
}

// HeldFrom returns the parts of cert that [Held] keeps. The subject,
// validity, public key and serial number are shared with cert, not copied.
// A nil cert gives the zero Held.
func HeldFrom(cert *x509.Certificate) Held {
	if cert == nil {
		return Held{}
	}
	return Held{
		Subject:      cert.Subject,
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
	// with the current certificate's (RN-4).
	Subject pkix.Name
	// PublicKey is the CSR's public key, compared with the held
	// certificates' keys (RN-7). It may be nil.
	PublicKey crypto.PublicKey
	// Additional is set when the applicant asks for an extra certificate
	// for a common name it already holds, for example for another server
	// behind a load balancer (RN-1). Such an application is new.
	Additional bool
	// At is the instant of the application. It must not be zero.
	At time.Time
}

// ApplicationFrom returns the application for csr made at the instant at,
// after checking the CSR's self-signature. Additional is false; set it on
// the result for an extra certificate (RN-1).
//
// It returns an [*Error] with ReasonNoRequest for a nil csr, ReasonZeroTime
// for a zero at and ReasonBadSignature, wrapping the error of
// [x509.CertificateRequest.CheckSignature], when the signature does not
// verify. An empty common name is accepted here and refused by [Classify].
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
	return Application{Subject: csr.Subject, PublicKey: csr.PublicKey, At: at}, nil
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
// and those in ignore, with canonical values, sorted. A name parsed from DER carries all its
// attributes in Names; a name built by hand carries them in its fields and
// ExtraNames.
func subjectAttributes(n pkix.Name, ignore []asn1.ObjectIdentifier) []attribute {
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
	return out
}

// canonicalValue folds case and collapses white space, after RFC 5280
// section 7.1 (which defers to the LDAP string preparation of RFC 4518),
// without its Unicode normalization.
func canonicalValue(v any) string {
	s, ok := v.(string)
	if !ok {
		return fmt.Sprintf("%T:%v", v, v)
	}
	return foldUnicode(strings.Join(strings.Fields(s), " "))
}

// changedAttributes returns the short names of the attribute types, other
// than those in ignore, whose values differ between a and b (RN-4), sorted;
// nil when none differ. The order of the attributes in the subject does not
// matter.
func changedAttributes(a, b pkix.Name, ignore []asn1.ObjectIdentifier) []string {
	x, y := subjectAttributes(a, ignore), subjectAttributes(b, ignore)
	if slices.Equal(x, y) {
		return nil
	}
	group := func(as []attribute) map[string][]string {
		m := make(map[string][]string)
		for _, a := range as {
			m[a.oid] = append(m[a.oid], a.value)
		}
		return m
	}
	gx, gy := group(x), group(y)
	var changed []string
	for oid, vx := range gx {
		if !slices.Equal(vx, gy[oid]) {
			changed = append(changed, attributeName(oid))
		}
	}
	for oid := range gy {
		if _, ok := gx[oid]; !ok {
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
	}
	return oid
}
