package input

import (
	"encoding/asn1"
	"errors"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// parsePKCS7 returns the certificates of a PKCS#7 (RFC 2315 9.1) or CMS
// (RFC 5652 5.1) SignedData, as sub-slices of der, in file order. It reads
// the bags openssl crl2pkcs7 and Windows write (a degenerate SignedData,
// without signers: RFC 2315 9.1 "certificates-only") and signed messages
// alike, and does not verify signatures. Of the CertificateChoices, only
// certificates are returned; attribute certificates and other choices are
// passed over. Its errors say which part is missing or malformed.
//
//	ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }
//	SignedData ::= SEQUENCE { version INTEGER, digestAlgorithms SET,
//	    encapContentInfo SEQUENCE, certificates [0] IMPLICIT SET OPTIONAL,
//	    crls [1] IMPLICIT SET OPTIONAL, signerInfos SET }
//
// Work and memory are linear in len(der): it allocates only the slice of
// sub-slices it returns.
func parsePKCS7(der []byte) ([][]byte, error) {
	in := cryptobyte.String(der)
	var ci, content, sd cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !in.ReadASN1(&ci, cbasn1.SEQUENCE) || !in.Empty() {
		return nil, errors.New("malformed ContentInfo")
	}
	if !ci.ReadASN1ObjectIdentifier(&oid) {
		return nil, errors.New("malformed content type")
	}
	if !oid.Equal(oidSignedData) {
		return nil, errors.New("content type " + oid.String() + ", not signedData (1.2.840.113549.1.7.2)")
	}
	if !ci.ReadASN1(&content, cbasn1.Tag(0).Constructed().ContextSpecific()) || !ci.Empty() {
		return nil, errors.New("signedData without its content")
	}
	if !content.ReadASN1(&sd, cbasn1.SEQUENCE) || !content.Empty() {
		return nil, errors.New("malformed SignedData")
	}
	var version int64
	if !sd.ReadASN1Integer(&version) {
		return nil, errors.New("malformed SignedData version")
	}
	if !sd.SkipASN1(cbasn1.SET) {
		return nil, errors.New("malformed SignedData digestAlgorithms")
	}
	if !sd.SkipASN1(cbasn1.SEQUENCE) {
		return nil, errors.New("malformed SignedData encapContentInfo")
	}
	var certs [][]byte
	if sd.PeekASN1Tag(cbasn1.Tag(0).Constructed().ContextSpecific()) {
		var set cryptobyte.String
		if !sd.ReadASN1(&set, cbasn1.Tag(0).Constructed().ContextSpecific()) {
			return nil, errors.New("malformed SignedData certificates")
		}
		for !set.Empty() {
			var elem cryptobyte.String
			var tag cbasn1.Tag
			if !set.ReadAnyASN1Element(&elem, &tag) {
				return nil, errors.New("malformed certificate in SignedData certificates")
			}
			if tag == cbasn1.SEQUENCE {
				certs = append(certs, elem)
			}
		}
	}
	if sd.PeekASN1Tag(cbasn1.Tag(1).Constructed().ContextSpecific()) &&
		!sd.SkipASN1(cbasn1.Tag(1).Constructed().ContextSpecific()) {
		return nil, errors.New("malformed SignedData crls")
	}
	if !sd.SkipASN1(cbasn1.SET) || !sd.Empty() {
		return nil, errors.New("malformed SignedData signerInfos")
	}
	return certs, nil
}
