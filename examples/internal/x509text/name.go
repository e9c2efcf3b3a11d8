// Package x509text prints what the example commands show of a certificate,
// the same way in every command and in text and JSON alike: distinguished
// names as openssl prints them with -nameopt RFC2253, serial numbers and
// fingerprints as colon-separated hex, key types, key usages and subject
// alternative names.
package x509text

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// attrNames are the short names openssl gives the attribute types that
// certificates carry (its OBJ_nid2sn), keyed by the OID's DER content.
var attrNames = map[string]string{
	"\x55\x04\x03": "CN",
	"\x55\x04\x04": "SN",
	"\x55\x04\x05": "serialNumber",
	"\x55\x04\x06": "C",
	"\x55\x04\x07": "L",
	"\x55\x04\x08": "ST",
	"\x55\x04\x09": "street",
	"\x55\x04\x0a": "O",
	"\x55\x04\x0b": "OU",
	"\x55\x04\x0c": "title",
	"\x55\x04\x0d": "description",
	"\x55\x04\x0f": "businessCategory",
	"\x55\x04\x11": "postalCode",
	"\x55\x04\x12": "postOfficeBox",
	"\x55\x04\x29": "name",
	"\x55\x04\x2a": "GN",
	"\x55\x04\x2b": "initials",
	"\x55\x04\x2c": "generationQualifier",
	"\x55\x04\x2e": "dnQualifier",
	"\x55\x04\x41": "pseudonym",
	"\x55\x04\x61": "organizationIdentifier",
	// PKCS #9.
	"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x01": "emailAddress",
	"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x02": "unstructuredName",
	// RFC 4519: domainComponent and userId.
	"\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x19": "DC",
	"\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x01": "UID",
	// EV jurisdiction fields (CA/Browser Forum EV Guidelines 9.2.4).
	"\x2b\x06\x01\x04\x01\x82\x37\x3c\x02\x01\x01": "jurisdictionL",
	"\x2b\x06\x01\x04\x01\x82\x37\x3c\x02\x01\x02": "jurisdictionST",
	"\x2b\x06\x01\x04\x01\x82\x37\x3c\x02\x01\x03": "jurisdictionC",
}

// maxRDNs bounds the attributes of a name that are printed; a name with
// more is printed from the parsed form instead.
const maxAttrs = 64

// Name returns the distinguished name encoded in raw (an RDNSequence, as
// Certificate.RawSubject or CertificateRequest.RawSubject) as openssl x509
// -nameopt RFC2253 prints it (RFC 4514 text, last attribute first,
// separators "," and "+"), except that characters outside ASCII are printed
// as UTF-8 rather than as escaped bytes (openssl's -nameopt
// RFC2253,-esc_msb). parsed is printed instead when raw is not an
// RDNSequence.
//
// Names: the short names openssl uses (CN, O, serialNumber,
// emailAddress, jurisdictionC, ...); other attribute types as a dotted
// OID. Values: string types as text, escaped as RFC 4514 2.4 and openssl
// escape them (",+\"\\<>;", a leading '#' or space, a trailing space, and
// control characters as \XX); values of other types, of attribute types
// without a name, or that do not decode, as '#' and the hex of their DER.
//
// Unlike pkix.Name.String, which rebuilds the name in a fixed order (C,
// ST, L, ... CN), it keeps the certificate's order, reversed, as RFC 4514
// and openssl do.
func Name(raw []byte, parsed *pkix.Name) string {
	var buf [256]byte
	if b, ok := AppendName(buf[:0], raw); ok {
		return string(b)
	}
	if parsed == nil {
		return ""
	}
	return parsed.String()
}

// attr is one attribute type and value of a name.
type attr struct {
	oid, value cryptobyte.String // the OID element, the value element
	set        int               // index of its RDN
}

// AppendName appends the name in raw as Name prints it; ok is false when
// raw is not an RDNSequence of at most 64 attributes.
func AppendName(b []byte, raw []byte) (_ []byte, ok bool) {
	in := cryptobyte.String(raw)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || !in.Empty() {
		return b, false
	}
	var attrs [maxAttrs]attr
	n := 0
	for set := 0; !seq.Empty(); set++ {
		var rdn cryptobyte.String
		if !seq.ReadASN1(&rdn, cbasn1.SET) || rdn.Empty() {
			return b, false
		}
		for !rdn.Empty() {
			var atv cryptobyte.String
			if n == len(attrs) || !rdn.ReadASN1(&atv, cbasn1.SEQUENCE) ||
				!atv.ReadASN1Element(&attrs[n].oid, cbasn1.OBJECT_IDENTIFIER) ||
				!atv.ReadAnyASN1Element(&attrs[n].value, new(cbasn1.Tag)) || !atv.Empty() {
				return b, false
			}
			attrs[n].set = set
			n++
		}
	}
	start := len(b)
	// openssl's XN_FLAG_DN_REV reverses the list of attributes, so the
	// attributes of a multi-valued RDN come out reversed too.
	for i := n - 1; i >= 0; i-- {
		a := attrs[i]
		switch {
		case i == n-1:
		case a.set == attrs[i+1].set:
			b = append(b, '+')
		default:
			b = append(b, ',')
		}
		var content cryptobyte.String
		oid := a.oid
		oid.ReadASN1(&content, cbasn1.OBJECT_IDENTIFIER)
		short, known := attrNames[string(content)]
		if known {
			b = append(b, short...)
		} else {
			var id asn1.ObjectIdentifier
			if o := a.oid; !o.ReadASN1ObjectIdentifier(&id) {
				return b[:start], false
			}
			b = append(b, id.String()...)
		}
		b = append(b, '=')
		ok := false
		if known {
			b, ok = appendValue(b, a.value)
		}
		if !ok {
			b = appendDump(b, a.value)
		}
	}
	return b, true
}

// appendValue appends a string value, escaped, decoded as openssl does
// with UTF8_CONVERT: one-byte types as ISO 8859-1, BMPString as UTF-16BE,
// UniversalString as UCS-4, UTF8String as UTF-8. ok is false for other
// types and for values that do not decode; b is then unchanged.
func appendValue(b []byte, elem cryptobyte.String) (_ []byte, ok bool) {
	var val cryptobyte.String
	var tag cbasn1.Tag
	if !elem.ReadAnyASN1(&val, &tag) {
		return b, false
	}
	switch tag {
	case cbasn1.UTF8String:
		if !utf8.Valid(val) {
			return b, false
		}
		return appendEscaped(b, val, false), true
	case 18, cbasn1.PrintableString, cbasn1.T61String, 21, cbasn1.IA5String, cbasn1.UTCTime,
		cbasn1.GeneralizedTime, 25, 26, 27:
		// NumericString, PrintableString, T61String, VideotexString,
		// IA5String, the times, GraphicString, VisibleString,
		// GeneralString: one byte a character.
		return appendEscaped(b, val, true), true
	case 30: // BMPString
		if len(val)%2 != 0 {
			return b, false
		}
		u := make([]uint16, len(val)/2)
		for i := range u {
			u[i] = uint16(val[2*i])<<8 | uint16(val[2*i+1])
		}
		r := utf16.Decode(u)
		for _, c := range r {
			if c == utf8.RuneError {
				return b, false
			}
		}
		return appendEscaped(b, []byte(string(r)), false), true
	case 28: // UniversalString
		if len(val)%4 != 0 {
			return b, false
		}
		r := make([]rune, len(val)/4)
		for i := range r {
			c := rune(val[4*i])<<24 | rune(val[4*i+1])<<16 | rune(val[4*i+2])<<8 | rune(val[4*i+3])
			if !utf8.ValidRune(c) {
				return b, false
			}
			r[i] = c
		}
		return appendEscaped(b, []byte(string(r)), false), true
	}
	return b, false
}

const hexUpper = "0123456789ABCDEF"

// appendEscaped appends s escaped as openssl's ESC_2253 and ESC_CTRL do
// (RFC 4514 2.4). With latin1, s is ISO 8859-1 and its bytes over 0x7f
// are written as UTF-8; otherwise s is UTF-8.
func appendEscaped(b []byte, s []byte, latin1 bool) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case latin1 && c >= 0x80:
			b = utf8.AppendRune(b, rune(c))
		case c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';',
			(c == ' ' || c == '#') && i == 0,
			c == ' ' && i == len(s)-1:
			b = append(b, '\\', c)
		case c < 0x20 || c == 0x7f:
			b = append(b, '\\', hexUpper[c>>4], hexUpper[c&15])
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendDump appends '#' and the hex of a DER element (RFC 4514 2.4), in
// upper case as openssl prints it.
func appendDump(b []byte, der []byte) []byte {
	b = append(b, '#')
	for _, c := range der {
		b = append(b, hexUpper[c>>4], hexUpper[c&15])
	}
	return b
}
