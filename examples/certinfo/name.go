package main

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// attribute type OIDs (DER content octets) and their RFC 2253/4514 names,
// as pkix.Name.String prints them.
var attrNames = [...]struct {
	oid  string
	name string
}{
	{"\x55\x04\x03", "CN"},
	{"\x55\x04\x0a", "O"},
	{"\x55\x04\x0b", "OU"},
	{"\x55\x04\x06", "C"},
	{"\x55\x04\x07", "L"},
	{"\x55\x04\x08", "ST"},
	{"\x55\x04\x09", "STREET"},
	{"\x55\x04\x11", "POSTALCODE"},
	{"\x55\x04\x05", "SERIALNUMBER"},
}

// appendName appends the distinguished name encoded in raw (an RDNSequence,
// as in Certificate.RawSubject) as RFC 4514 text: last RDN first, RDNs
// separated by ',', attributes of one RDN by '+', values escaped as RFC
// 4514 2.4 says, attributes without a short name as dotted OID=#hex of
// their DER. Unlike pkix.Name.String, which rebuilds the name in a fixed
// order (C, ST, L, ... CN), it keeps the order of the certificate, as
// openssl -nameopt RFC2253 does, and it builds no pkix.Name. ok is false
// when raw is not an RDNSequence; appendName then falls back to
// parsed.String().
func appendName(b []byte, raw []byte, parsed *pkix.Name) []byte {
	if out, ok := appendRawName(b, raw); ok {
		return out
	}
	return append(b, parsed.String()...)
}

func appendRawName(b []byte, raw []byte) (_ []byte, ok bool) {
	in := cryptobyte.String(raw)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || !in.Empty() {
		return b, false
	}
	// Collect the RDNs, to print them in reverse order.
	var rdns [16]cryptobyte.String
	n := 0
	for !seq.Empty() {
		if n == len(rdns) || !seq.ReadASN1(&rdns[n], cbasn1.SET) {
			return b, false
		}
		n++
	}
	start := len(b)
	for i := n - 1; i >= 0; i-- {
		set := rdns[i]
		first := true
		for !set.Empty() {
			var atv, oid, elem cryptobyte.String
			var tag cbasn1.Tag
			if !set.ReadASN1(&atv, cbasn1.SEQUENCE) || !atv.ReadASN1Element(&oid, cbasn1.OBJECT_IDENTIFIER) ||
				!atv.ReadAnyASN1Element(&elem, &tag) {
				return b[:start], false
			}
			switch {
			case !first:
				b = append(b, '+')
			case len(b) > start:
				b = append(b, ',')
			}
			first = false
			var known, ok bool
			if b, known, ok = appendAttrType(b, oid); !ok {
				return b[:start], false
			}
			b = append(b, '=')
			var val cryptobyte.String
			elem2 := elem
			elem2.ReadAnyASN1(&val, &tag)
			ok = false
			if known {
				b, ok = appendAttrValue(b, tag, val)
			}
			if !ok {
				// RFC 4514 2.4: a value that is not a string, or of a type
				// without a short name, is '#' and the hex of its DER.
				b = append(b, '#')
				b = hex.AppendEncode(b, elem)
			}
		}
	}
	return b, true
}

// appendAttrType appends the short name of the attribute type whose OID
// element is oid, or its dotted form; known is false for the dotted form.
// ok is false for an OID that does not parse.
func appendAttrType(b []byte, oid cryptobyte.String) (_ []byte, known, ok bool) {
	var content cryptobyte.String
	o := oid
	o.ReadASN1(&content, cbasn1.OBJECT_IDENTIFIER)
	for _, a := range attrNames {
		if string(content) == a.oid {
			return append(b, a.name...), true, true
		}
	}
	var id asn1.ObjectIdentifier
	if !oid.ReadASN1ObjectIdentifier(&id) {
		return b, false, false
	}
	return append(b, id.String()...), false, true
}

// appendAttrValue appends a string value escaped as RFC 4514 2.4 requires.
func appendAttrValue(b []byte, tag cbasn1.Tag, val []byte) ([]byte, bool) {
	var s []rune
	var str string
	switch tag {
	case cbasn1.PrintableString, cbasn1.UTF8String, cbasn1.IA5String:
		if !utf8.Valid(val) {
			return b, false
		}
		str = string(val)
	case cbasn1.T61String:
		// Read as ISO 8859-1, as crypto/x509 does.
		s = make([]rune, len(val))
		for i, c := range val {
			s[i] = rune(c)
		}
		str = string(s)
	case cbasn1.Tag(30): // BMPString, UTF-16BE
		if len(val)%2 != 0 {
			return b, false
		}
		u := make([]uint16, len(val)/2)
		for i := range u {
			u[i] = uint16(val[2*i])<<8 | uint16(val[2*i+1])
		}
		str = string(utf16.Decode(u))
	default:
		return b, false
	}
	return appendEscaped(b, str), true
}

// appendEscaped escapes as pkix.Name.String does (RFC 2253 2.4).
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';',
			(c == ' ' || c == '#') && i == 0,
			c == ' ' && i == len(s)-1:
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return b
}
