package input

import (
	"encoding/asn1"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// derType is what a DER element looks like, from its first elements, before
// it is parsed.
type derType int

const (
	derUnknown      derType = iota
	derCertificate          // Certificate (RFC 5280 4.1)
	derRequest              // CertificationRequest (RFC 2986 4)
	derCRL                  // CertificateList (RFC 5280 5.1)
	derKey                  // PrivateKeyInfo (RFC 5208), RSAPrivateKey (RFC 8017), ECPrivateKey (RFC 5915)
	derEncryptedKey         // EncryptedPrivateKeyInfo (RFC 5208 6)
	derPublicKey            // SubjectPublicKeyInfo (RFC 5280 4.1.2.7)
	derContentInfo          // PKCS#7 / CMS ContentInfo (RFC 5652 3)
	derPFX                  // PKCS#12 PFX (RFC 7292 4)
)

func (t derType) String() string {
	return [...]string{"structure", "certificate", "certificate request", "CRL", "private key",
		"encrypted private key", "public key", "PKCS#7 message", "PKCS#12 bundle"}[t]
}

// what names the type for an error: "a CRL", "DER of an unknown structure".
func (t derType) what() string {
	switch t {
	case derUnknown:
		return "DER of an unknown structure"
	case derEncryptedKey:
		return "an encrypted private key"
	}
	return "a " + t.String()
}

// OIDs of PKCS#7 content types (RFC 2315 14).
var (
	oidData       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
)

// classify tells what a DER element is from the tags of its first fields;
// it parses nothing else.
func classify(der []byte) derType {
	in := cryptobyte.String(der)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return derUnknown
	}
	var e1, e2 cryptobyte.String
	var t1, t2 cbasn1.Tag
	if !seq.ReadAnyASN1Element(&e1, &t1) {
		return derUnknown
	}
	if t1 == cbasn1.OBJECT_IDENTIFIER {
		return derContentInfo
	}
	if berPFX(der) {
		// A PFX whose authSafe is in BER, which cryptobyte does not
		// read: pkce does.
		return derPFX
	}
	if !seq.ReadAnyASN1Element(&e2, &t2) {
		return derUnknown
	}
	switch {
	case t1 == cbasn1.INTEGER && t2 == cbasn1.SEQUENCE:
		// PFX: version 3, then a ContentInfo of data or signedData;
		// PrivateKeyInfo: version 0, then an AlgorithmIdentifier.
		var inner cryptobyte.String
		var oid asn1.ObjectIdentifier
		if e2.ReadASN1(&inner, cbasn1.SEQUENCE) && inner.ReadASN1ObjectIdentifier(&oid) &&
			(oid.Equal(oidData) || oid.Equal(oidSignedData)) {
			return derPFX
		}
		return derKey
	case t1 == cbasn1.INTEGER && t2 == cbasn1.INTEGER: // RSAPrivateKey
		return derKey
	case t1 == cbasn1.INTEGER && t2 == cbasn1.OCTET_STRING: // ECPrivateKey
		return derKey
	case t1 == cbasn1.SEQUENCE && t2 == cbasn1.OCTET_STRING:
		return derEncryptedKey
	case t1 == cbasn1.SEQUENCE && t2 == cbasn1.BIT_STRING:
		return derPublicKey
	case t1 == cbasn1.SEQUENCE && t2 == cbasn1.SEQUENCE:
		return signed(e1)
	}
	return derUnknown
}

// signed tells a certificate, a request and a CRL apart by their to-be-signed
// part.
func signed(tbsElem cryptobyte.String) derType {
	var tbs cryptobyte.String
	if !tbsElem.ReadASN1(&tbs, cbasn1.SEQUENCE) {
		return derUnknown
	}
	var e [4]cryptobyte.String
	var t [4]cbasn1.Tag
	n := 0
	for n < len(e) && tbs.ReadAnyASN1Element(&e[n], &t[n]) {
		n++
	}
	switch {
	case n >= 1 && t[0] == cbasn1.Tag(0).Constructed().ContextSpecific(): // [0] version
		return derCertificate
	case n >= 2 && t[0] == cbasn1.INTEGER && t[1] == cbasn1.SEQUENCE:
		// A request's subject Name (a SEQUENCE of SETs, maybe empty),
		// or the AlgorithmIdentifier of a v1 certificate or a v2 CRL.
		var inner cryptobyte.String
		if !e[1].ReadASN1(&inner, cbasn1.SEQUENCE) {
			return derUnknown
		}
		if inner.Empty() || inner.PeekASN1Tag(cbasn1.SET) {
			return derRequest
		}
		if n >= 4 && t[3] == cbasn1.SEQUENCE {
			return derCertificate
		}
		if n >= 4 && (t[3] == cbasn1.UTCTime || t[3] == cbasn1.GeneralizedTime) {
			return derCRL
		}
	case n >= 1 && t[0] == cbasn1.SEQUENCE: // a v1 CRL: signature first
		return derCRL
	}
	return derUnknown
}
