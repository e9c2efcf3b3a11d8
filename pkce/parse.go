package pkce

import (
	"encoding/asn1"
	"errors"
	"math"
	"math/big"
	"strconv"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Object identifiers (RFC 7292, RFC 8018, RFC 9579, NIST CSOR).
var (
	oidData          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidSignedData    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidEnvelopedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 3}
	oidEncryptedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 6}

	oidKeyBag          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 1}
	oidShroudedKeyBag  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 2}
	oidCertBag         = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidCRLBag          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 4}
	oidSecretBag       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 5}
	oidSafeContentsBag = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 6}
	oidX509Certificate = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}

	oidPBE3DES    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}
	oidPBERC2128  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 5}
	oidPBERC240   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 6}
	oidPBES2      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidPBMAC1     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 14}
	oidHMACSHA1   = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidHMACSHA224 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 8}
	oidHMACSHA256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidHMACSHA384 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 10}
	oidHMACSHA512 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 11}
	oidAES128CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDESEDE3CBC = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}

	oidSHA1   = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}
	oidSHA256 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
)

// Structural limits that keep hostile input bounded in time and memory.
const (
	maxBags  = 4096 // safe bags in a file, counting nested ones
	maxDepth = 4    // nesting of safeContentsBags
)

// algorithmID is an AlgorithmIdentifier; params is the full encoding of the
// parameters, or nil when absent.
type algorithmID struct {
	oid    asn1.ObjectIdentifier
	params cryptobyte.String
}

// pfxFile is the parsed structure of a PFX, before any decryption.
type pfxFile struct {
	authSafe []byte // the content octets the MAC covers
	mac      *macData
	safes    []*safe
	nbags    int
}

type macData struct {
	info   MAC
	hash   hashSpec          // PKCS#12 MAC; or PBMAC1's HMAC
	kdf    *pbkdf2Parameters // PBMAC1 only
	digest []byte
	salt   []byte
}

type safe struct {
	index      int // 1-based
	scheme     *encScheme
	ciphertext []byte
	bags       []*bag // nil until decrypted for encrypted safes
}

type bag struct {
	where  string
	id     asn1.ObjectIdentifier
	value  []byte     // the DER element inside [0] EXPLICIT
	scheme *encScheme // shrouded key bags
	ct     []byte     // shrouded key bags: encrypted PKCS#8
	nested []*bag
}

// pbkdf2Parameters holds PBKDF2-params (RFC 8018 appendix A.2).
type pbkdf2Parameters struct {
	salt   []byte
	iter   int64
	keyLen int // 0 when absent
	prf    hashSpec
}

// encScheme is a parsed encryption AlgorithmIdentifier.
type encScheme struct {
	info Scheme
	// PKCS#12 PBE (RFC 7292 appendix C)
	salt []byte
	// PBES2
	kdf    *pbkdf2Parameters
	cipher cipherSpec
	iv     []byte
}

// formatErr classifies why data did not parse at where: a truncated
// length, a BER-only construct, or anything else (ReasonSyntax).
func formatErr(where string, data []byte, detail string) error {
	return &FormatError{Where: where, Reason: classify(data), Detail: detail}
}

func syntaxErr(where, detail string) error {
	return &FormatError{Where: where, Reason: ReasonSyntax, Detail: detail}
}

func readAlgorithm(s *cryptobyte.String, out *algorithmID) bool {
	var seq cryptobyte.String
	if !s.ReadASN1(&seq, cbasn1.SEQUENCE) || !seq.ReadASN1ObjectIdentifier(&out.oid) {
		return false
	}
	out.params = nil
	if !seq.Empty() {
		var tag cbasn1.Tag
		if !seq.ReadAnyASN1Element(&out.params, &tag) {
			return false
		}
	}
	return seq.Empty()
}

// readCount reads a positive INTEGER iteration count, saturating at
// math.MaxInt64 so that a huge count is reported, not misread.
func readCount(s *cryptobyte.String, out *int64) bool {
	var n big.Int
	if !s.ReadASN1Integer(&n) || n.Sign() <= 0 {
		return false
	}
	if n.IsInt64() {
		*out = n.Int64()
	} else {
		*out = math.MaxInt64
	}
	return true
}

// parsePFX reads the PFX structure (RFC 7292 section 4) in strict DER,
// including plain safes and the visible bags, without any cryptography.
// A syntax error anywhere is reported as ReasonBER when the file is BER
// (some producers write BER only in inner parts).
func parsePFX(data []byte) (*pfxFile, error) {
	p, err := parsePFXStrict(data)
	var fe *FormatError
	if errors.As(err, &fe) && fe.Reason == ReasonSyntax && classify(data) == ReasonBER {
		fe.Reason = ReasonBER
	}
	return p, err
}

func parsePFXStrict(data []byte) (*pfxFile, error) {
	in := cryptobyte.String(data)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return nil, formatErr("PFX", data, "not a DER SEQUENCE")
	}
	if !in.Empty() {
		return nil, &FormatError{Where: "PFX", Reason: ReasonTrailingData, Detail: "bytes after the PFX"}
	}
	var version int64
	if !seq.ReadASN1Integer(&version) {
		return nil, syntaxErr("PFX", "no version")
	}
	if version != 3 {
		return nil, &FormatError{Where: "PFX", Reason: ReasonVersion, Detail: "version is not 3"}
	}
	var ci cryptobyte.String
	var ct asn1.ObjectIdentifier
	if !seq.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.ReadASN1ObjectIdentifier(&ct) {
		return nil, syntaxErr("authSafe", "no ContentInfo")
	}
	if ct.Equal(oidSignedData) {
		return nil, &UnsupportedError{Where: "authSafe", Algorithm: "public-key integrity mode (signedData)"}
	}
	if !ct.Equal(oidData) {
		return nil, syntaxErr("authSafe", "content type is "+ct.String()+", not data")
	}
	var explicit, octets cryptobyte.String
	if !ci.ReadASN1(&explicit, cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!explicit.ReadASN1(&octets, cbasn1.OCTET_STRING) || !explicit.Empty() || !ci.Empty() {
		return nil, formatErr("authSafe", []byte(ci), "content is not an OCTET STRING")
	}
	p := &pfxFile{authSafe: octets}
	if !seq.Empty() {
		m, err := parseMacData(&seq)
		if err != nil {
			return nil, err
		}
		p.mac = m
	}
	if !seq.Empty() {
		return nil, &FormatError{Where: "PFX", Reason: ReasonTrailingData, Detail: "fields after macData"}
	}

	// AuthenticatedSafe ::= SEQUENCE OF ContentInfo (RFC 7292 section 4.1)
	as := cryptobyte.String(octets)
	var list cryptobyte.String
	if !as.ReadASN1(&list, cbasn1.SEQUENCE) || !as.Empty() {
		return nil, formatErr("authenticated safe", octets, "not a SEQUENCE OF ContentInfo")
	}
	for n := 1; !list.Empty(); n++ {
		where := "safe " + itoa(n)
		var ci cryptobyte.String
		var ct asn1.ObjectIdentifier
		if !list.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.ReadASN1ObjectIdentifier(&ct) {
			return nil, formatErr(where, list, "not a ContentInfo")
		}
		var content cryptobyte.String
		if !ci.ReadASN1(&content, cbasn1.Tag(0).Constructed().ContextSpecific()) || !ci.Empty() {
			return nil, syntaxErr(where, "no content")
		}
		s := &safe{index: n}
		switch {
		case ct.Equal(oidData):
			var raw cryptobyte.String
			if !content.ReadASN1(&raw, cbasn1.OCTET_STRING) || !content.Empty() {
				return nil, syntaxErr(where, "data is not an OCTET STRING")
			}
			s.scheme = &encScheme{}
			bags, err := parseSafeContents(raw, where, n, 1, &p.nbags)
			if err != nil {
				return nil, err
			}
			s.bags = bags
		case ct.Equal(oidEncryptedData):
			// EncryptedData ::= SEQUENCE { version, EncryptedContentInfo }
			// (RFC 5652 section 8); EncryptedContentInfo ::= SEQUENCE {
			// contentType, contentEncryptionAlgorithm, [0] IMPLICIT
			// OCTET STRING OPTIONAL }.
			var ed, eci cryptobyte.String
			var v int64
			var innerType asn1.ObjectIdentifier
			var alg algorithmID
			if !content.ReadASN1(&ed, cbasn1.SEQUENCE) || !content.Empty() ||
				!ed.ReadASN1Integer(&v) || !ed.ReadASN1(&eci, cbasn1.SEQUENCE) ||
				!eci.ReadASN1ObjectIdentifier(&innerType) || !readAlgorithm(&eci, &alg) {
				return nil, syntaxErr(where, "not an EncryptedData")
			}
			if v != 0 {
				return nil, &FormatError{Where: where, Reason: ReasonVersion, Detail: "EncryptedData version is not 0"}
			}
			var ctext cryptobyte.String
			if !eci.ReadASN1(&ctext, cbasn1.Tag(0).ContextSpecific()) || !eci.Empty() {
				return nil, syntaxErr(where, "no encrypted content")
			}
			// unprotectedAttrs [1] are allowed and ignored.
			if !ed.SkipOptionalASN1(cbasn1.Tag(1).Constructed().ContextSpecific()) || !ed.Empty() {
				return nil, syntaxErr(where, "trailing fields in EncryptedData")
			}
			sch, err := parseScheme(alg, where)
			if err != nil {
				return nil, err
			}
			s.scheme = sch
			s.ciphertext = ctext
		case ct.Equal(oidEnvelopedData):
			return nil, &UnsupportedError{Where: where, Algorithm: "public-key privacy mode (envelopedData)"}
		default:
			return nil, &UnsupportedError{Where: where, Algorithm: "content type " + ct.String()}
		}
		p.safes = append(p.safes, s)
	}
	return p, nil
}

// parseMacData reads MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET
// STRING, iterations INTEGER DEFAULT 1 } (RFC 7292 section 4).
func parseMacData(s *cryptobyte.String) (*macData, error) {
	const where = "MAC"
	var md, di, digest, salt cryptobyte.String
	var alg algorithmID
	if !s.ReadASN1(&md, cbasn1.SEQUENCE) || !md.ReadASN1(&di, cbasn1.SEQUENCE) ||
		!readAlgorithm(&di, &alg) || !di.ReadASN1(&digest, cbasn1.OCTET_STRING) || !di.Empty() ||
		!md.ReadASN1(&salt, cbasn1.OCTET_STRING) {
		return nil, syntaxErr(where, "not a MacData")
	}
	m := &macData{digest: digest, salt: salt}
	m.info.Iterations = 1
	if !md.Empty() {
		// DER omits DEFAULT values, but OpenSSL and others write
		// "iterations 1" explicitly; accept it as go-pkcs12 does. With
		// PBMAC1 the field is ignored (RFC 9579 section 4) and go-pkcs12
		// writes 0 there.
		var n big.Int
		if !md.ReadASN1Integer(&n) || !md.Empty() {
			return nil, syntaxErr(where, "bad iteration count")
		}
		switch {
		case alg.oid.Equal(oidPBMAC1):
		case n.Sign() <= 0:
			return nil, syntaxErr(where, "iteration count is not positive")
		case n.IsInt64():
			m.info.Iterations = n.Int64()
		default:
			m.info.Iterations = math.MaxInt64
		}
	}
	m.info.OID = alg.oid.String()
	switch {
	case alg.oid.Equal(oidSHA1):
		m.info.Algorithm, m.hash = MACSHA1, hashSHA1
	case alg.oid.Equal(oidSHA256):
		m.info.Algorithm, m.hash = MACSHA256, hashSHA256
	case alg.oid.Equal(oidSHA384):
		m.info.Algorithm, m.hash = MACSHA384, hashSHA384
	case alg.oid.Equal(oidSHA512):
		m.info.Algorithm, m.hash = MACSHA512, hashSHA512
	case alg.oid.Equal(oidPBMAC1):
		// PBMAC1-params ::= SEQUENCE { keyDerivationFunc, messageAuthScheme }
		// (RFC 8018 appendix A.5); RFC 9579 fixes PBKDF2 and an explicit
		// key length. The MacData salt and iterations are ignored.
		m.info.Algorithm = PBMAC1
		p := alg.params
		var seq cryptobyte.String
		var kdf, mac algorithmID
		if !p.ReadASN1(&seq, cbasn1.SEQUENCE) || !p.Empty() || !readAlgorithm(&seq, &kdf) ||
			!readAlgorithm(&seq, &mac) || !seq.Empty() {
			return nil, syntaxErr(where, "bad PBMAC1 parameters")
		}
		if !kdf.oid.Equal(oidPBKDF2) {
			return nil, &UnsupportedError{Where: where, Algorithm: "PBMAC1 key derivation " + kdf.oid.String()}
		}
		k, err := parsePBKDF2(kdf.params, where)
		if err != nil {
			return nil, err
		}
		h, ok := hmacByOID(mac.oid)
		if !ok {
			return nil, &UnsupportedError{Where: where, Algorithm: "PBMAC1 MAC " + mac.oid.String()}
		}
		// RFC 9579 section 5: keyLength is required; short keys would let a
		// forger guess the MAC key (OpenSSL CVE-2026-34181).
		if k.keyLen < 20 || k.keyLen > 64 {
			return nil, syntaxErr(where, "PBMAC1 key length must be 20 to 64")
		}
		m.kdf, m.hash = k, h
		m.info.PRF, m.info.HMAC, m.info.Iterations = k.prf.name, h.name, k.iter
	default:
		m.info.Algorithm = UnknownMAC
		m.info.Iterations = 0
	}
	return m, nil
}

// parsePBKDF2 reads PBKDF2-params (RFC 8018 appendix A.2).
func parsePBKDF2(params cryptobyte.String, where string) (*pbkdf2Parameters, error) {
	var seq, salt cryptobyte.String
	k := &pbkdf2Parameters{prf: hashSHA1}
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() {
		return nil, syntaxErr(where, "bad PBKDF2 parameters")
	}
	if !seq.PeekASN1Tag(cbasn1.OCTET_STRING) {
		return nil, &UnsupportedError{Where: where, Algorithm: "PBKDF2 salt source other than a specified salt"}
	}
	if !seq.ReadASN1(&salt, cbasn1.OCTET_STRING) || !readCount(&seq, &k.iter) {
		return nil, syntaxErr(where, "bad PBKDF2 salt or iteration count")
	}
	k.salt = salt
	if seq.PeekASN1Tag(cbasn1.INTEGER) {
		var kl int64
		if !seq.ReadASN1Integer(&kl) || kl < 1 || kl > 1024 {
			return nil, syntaxErr(where, "bad PBKDF2 key length")
		}
		k.keyLen = int(kl)
	}
	if !seq.Empty() {
		var prf algorithmID
		if !readAlgorithm(&seq, &prf) || !seq.Empty() {
			return nil, syntaxErr(where, "bad PBKDF2 PRF")
		}
		h, ok := hmacByOID(prf.oid)
		if !ok {
			return nil, &UnsupportedError{Where: where, Algorithm: "PBKDF2 PRF " + prf.oid.String()}
		}
		k.prf = h
	}
	return k, nil
}

// parseScheme reads an encryption AlgorithmIdentifier of a safe or a
// shrouded key bag. Unknown algorithms are returned as UnknownEncryption,
// not as errors, so that Inspect can report them; decryption refuses them.
func parseScheme(alg algorithmID, where string) (*encScheme, error) {
	s := &encScheme{}
	s.info.OID = alg.oid.String()
	switch {
	case alg.oid.Equal(oidPBE3DES):
		s.info.Encryption = PBEWithSHA1And3DES
	case alg.oid.Equal(oidPBERC2128):
		s.info.Encryption = PBEWithSHA1And128BitRC2
	case alg.oid.Equal(oidPBERC240):
		s.info.Encryption = PBEWithSHA1And40BitRC2
	case alg.oid.Equal(oidPBES2):
		s.info.Encryption = PBES2
		return s, parsePBES2(s, alg.params, where)
	default:
		s.info.Encryption = UnknownEncryption
		return s, nil
	}
	// pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
	p := alg.params
	var seq, salt cryptobyte.String
	if !p.ReadASN1(&seq, cbasn1.SEQUENCE) || !p.Empty() || !seq.ReadASN1(&salt, cbasn1.OCTET_STRING) ||
		!readCount(&seq, &s.info.Iterations) || !seq.Empty() {
		return nil, syntaxErr(where, "bad PBE parameters")
	}
	s.salt = salt
	return s, nil
}

// parsePBES2 reads PBES2-params ::= SEQUENCE { keyDerivationFunc,
// encryptionScheme } (RFC 8018 appendix A.4).
func parsePBES2(s *encScheme, params cryptobyte.String, where string) error {
	var seq cryptobyte.String
	var kdf, enc algorithmID
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() || !readAlgorithm(&seq, &kdf) ||
		!readAlgorithm(&seq, &enc) || !seq.Empty() {
		return syntaxErr(where, "bad PBES2 parameters")
	}
	if !kdf.oid.Equal(oidPBKDF2) {
		return &UnsupportedError{Where: where, Algorithm: "PBES2 key derivation " + kdf.oid.String()}
	}
	k, err := parsePBKDF2(kdf.params, where)
	if err != nil {
		return err
	}
	c, ok := cipherByOID(enc.oid)
	if !ok {
		return &UnsupportedError{Where: where, Algorithm: "PBES2 cipher " + enc.oid.String()}
	}
	var iv cryptobyte.String
	p := enc.params
	if !p.ReadASN1(&iv, cbasn1.OCTET_STRING) || !p.Empty() || len(iv) != c.blockSize {
		return syntaxErr(where, "bad "+c.name+" IV")
	}
	if k.keyLen != 0 && k.keyLen != c.keyLen {
		return syntaxErr(where, "PBKDF2 key length does not match "+c.name)
	}
	s.kdf, s.cipher, s.iv = k, c, iv
	s.info.PRF, s.info.Cipher, s.info.Iterations = k.prf.name, c.name, k.iter
	return nil
}

// parseSafeContents reads SafeContents ::= SEQUENCE OF SafeBag (RFC 7292
// section 4.2), recursing into safeContentsBags up to maxDepth.
func parseSafeContents(data []byte, where string, safeIndex, depth int, nbags *int) ([]*bag, error) {
	in := cryptobyte.String(data)
	var list cryptobyte.String
	if !in.ReadASN1(&list, cbasn1.SEQUENCE) || !in.Empty() {
		return nil, formatErr(where, data, "not a SafeContents")
	}
	var bags []*bag
	for !list.Empty() {
		*nbags++
		if *nbags > maxBags {
			return nil, &FormatError{Where: where, Reason: ReasonTooManyBags, Detail: "more than " + itoa(maxBags) + " bags"}
		}
		b := &bag{}
		b.where = where + ", bag " + itoa(len(bags)+1)
		// SafeBag ::= SEQUENCE { bagId, bagValue [0] EXPLICIT, bagAttributes SET OPTIONAL }
		var sb, val cryptobyte.String
		if !list.ReadASN1(&sb, cbasn1.SEQUENCE) || !sb.ReadASN1ObjectIdentifier(&b.id) ||
			!sb.ReadASN1(&val, cbasn1.Tag(0).Constructed().ContextSpecific()) {
			return nil, formatErr(b.where, list, "not a SafeBag")
		}
		if !sb.SkipOptionalASN1(cbasn1.SET) || !sb.Empty() {
			return nil, syntaxErr(b.where, "bad bag attributes")
		}
		var tag cbasn1.Tag
		var elem cryptobyte.String
		if !val.ReadAnyASN1Element(&elem, &tag) || !val.Empty() {
			return nil, syntaxErr(b.where, "bad bag value")
		}
		b.value = elem
		switch {
		case b.id.Equal(oidShroudedKeyBag):
			// EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier,
			// OCTET STRING } (RFC 5958 section 3)
			var seq, ct cryptobyte.String
			var alg algorithmID
			if !elem.ReadASN1(&seq, cbasn1.SEQUENCE) || !readAlgorithm(&seq, &alg) ||
				!seq.ReadASN1(&ct, cbasn1.OCTET_STRING) || !seq.Empty() {
				return nil, syntaxErr(b.where, "not an EncryptedPrivateKeyInfo")
			}
			sch, err := parseScheme(alg, b.where)
			if err != nil {
				return nil, err
			}
			b.scheme, b.ct = sch, ct
		case b.id.Equal(oidSafeContentsBag):
			if depth >= maxDepth {
				return nil, &FormatError{Where: b.where, Reason: ReasonTooManyBags, Detail: "safes nested too deep"}
			}
			nested, err := parseSafeContents(b.value, b.where, safeIndex, depth+1, nbags)
			if err != nil {
				return nil, err
			}
			b.nested = nested
		}
		bags = append(bags, b)
	}
	return bags, nil
}

// walkBags calls f for each bag, nested ones after their container.
func walkBags(bags []*bag, f func(*bag)) {
	for _, b := range bags {
		f(b)
		walkBags(b.nested, f)
	}
}

func countBags(bags []*bag) BagCounts {
	var c BagCounts
	walkBags(bags, func(b *bag) {
		switch {
		case b.id.Equal(oidKeyBag):
			c.Keys++
		case b.id.Equal(oidShroudedKeyBag):
			c.ShroudedKeys++
		case b.id.Equal(oidCertBag):
			c.Certificates++
		case b.id.Equal(oidCRLBag):
			c.CRLs++
		case b.id.Equal(oidSecretBag):
			c.Secrets++
		case b.id.Equal(oidSafeContentsBag):
			c.Safes++
		default:
			c.Other++
		}
	})
	return c
}

// Inspect reads the structure of a DER PKCS#12 file without the password
// and without any key derivation: the MAC and its iteration count, each
// safe's encryption, the bags of plain safes and where key bags sit. Its
// cost is linear in len(pfx).
//
// It returns a *[FormatError] ([ErrMalformed]; with [ErrBER] as well for a
// BER file, ReasonTruncated for a file cut short) or an
// *[UnsupportedError] for the public-key modes of RFC 7292. Unknown
// encryption and MAC algorithms are reported in the Info, not as errors.
//
//	info, err := pkce.Inspect(p12)
//	fmt.Println(info.MAC) // HMAC-SHA256, 2048 iterations
func Inspect(pfx []byte) (*Info, error) {
	p, err := parsePFX(pfx)
	if err != nil {
		return nil, err
	}
	return p.info(), nil
}

func (p *pfxFile) info() *Info {
	info := &Info{}
	if p.mac != nil {
		info.MAC = p.mac.info
	}
	for _, s := range p.safes {
		si := Safe{Scheme: s.scheme.info, Encrypted: s.ciphertext != nil}
		if !si.Encrypted {
			si.Bags = countBags(s.bags)
			info.Bags.add(si.Bags)
			n := 0
			walkBags(s.bags, func(b *bag) {
				n++
				switch {
				case b.id.Equal(oidKeyBag):
					info.KeyBags = append(info.KeyBags, KeyBag{Safe: s.index, Bag: n})
				case b.id.Equal(oidShroudedKeyBag):
					info.KeyBags = append(info.KeyBags, KeyBag{Safe: s.index, Bag: n, Shrouded: true, Scheme: b.scheme.info})
				}
			})
		}
		info.Safes = append(info.Safes, si)
	}
	return info
}

func itoa(n int) string { return strconv.Itoa(n) }
