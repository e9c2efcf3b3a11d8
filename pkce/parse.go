package pkce

import (
	"encoding/asn1"
	"math"
	"math/big"
	"strconv"
	"unicode/utf16"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Object identifiers (RFC 7292, RFC 8018, RFC 9579, RFC 2985, NIST CSOR).
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

	// Bag attributes: PKCS#9 friendlyName and localKeyId (RFC 2985
	// sections 5.5.1 and 5.5.2), and the JDK's marker of a trusted
	// certificate entry (sun.security.pkcs12.PKCS12KeyStore,
	// TrustedKeyUsage).
	oidFriendlyName = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 20}
	oidLocalKeyID   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 21}
	oidJavaTrusted  = asn1.ObjectIdentifier{2, 16, 840, 1, 113894, 746875, 1, 1}

	oidPBERC4128  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 1}
	oidPBERC440   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 2}
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
	oidHMAC512224 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 12}
	oidHMAC512256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 13}
	oidAES128CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDESEDE3CBC = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}

	oidSHA1       = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}
	oidSHA224     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 4}
	oidSHA256     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512     = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
	oidSHA512_224 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 5}
	oidSHA512_256 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 6}
)

// cipherNames names PBES2 ciphers this package recognises but does not
// decrypt, so that Inspect reports them by name (RFC 3657 Camellia, RFC
// 5794 ARIA, GB/T 32907 SM4, RFC 8018 appendix B.2).
var cipherNames = map[string]string{
	"1.2.392.200011.61.1.1.1.2": "camellia128-CBC",
	"1.2.392.200011.61.1.1.1.3": "camellia192-CBC",
	"1.2.392.200011.61.1.1.1.4": "camellia256-CBC",
	"1.2.410.200046.1.1.2":      "aria128-CBC",
	"1.2.410.200046.1.1.7":      "aria192-CBC",
	"1.2.410.200046.1.1.12":     "aria256-CBC",
	"1.2.156.10197.1.104.2":     "sm4-CBC",
	"1.3.14.3.2.7":              "desCBC",
	"1.2.840.113549.3.2":        "rc2CBC",
	"1.2.840.113549.3.9":        "rc5-CBC-PAD",
}

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
	ber      BER // where the levels read so far were BER
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

// attrs holds the bag attributes this package reads.
type attrs struct {
	friendlyName string
	localKeyID   []byte
	trusted      bool // the JDK's trustedCertEntry marker
}

type bag struct {
	where  string
	id     asn1.ObjectIdentifier
	value  []byte     // the DER element inside [0] EXPLICIT
	scheme *encScheme // shrouded key bags
	ct     []byte     // shrouded key bags: encrypted PKCS#8
	plain  []byte     // key bags: the PKCS#8 PrivateKeyInfo, once decrypted
	attrs  attrs
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
	// PBES2; kdf or cipher is nil/zero when not supported
	kdf    *pbkdf2Parameters
	cipher cipherSpec
	iv     []byte
}

// supported reports whether decrypt can run the scheme.
func (s *encScheme) supported() bool {
	switch s.info.Encryption {
	case PBEWithSHA1And3DES, PBEWithSHA1And128BitRC2, PBEWithSHA1And40BitRC2, PBEWithSHA1And128BitRC4, PBEWithSHA1And40BitRC4:
		return true
	case PBES2:
		return s.kdf != nil && s.kdf.prf.new != nil && s.cipher.new != nil
	}
	return false
}

// parser reads one file's structure under its limits, counting what the
// limits cap as it meets it.
type parser struct {
	lim                           Limits
	ber                           *berReader
	isBER                         BER
	nsafes, nbags, ncerts, nkeys  int
	encryptedSafes, shroudedCount int
}

func newParser(l Limits) *parser { return &parser{lim: l, ber: newBERReader(l)} }

func syntaxErr(where, detail string) error {
	return &FormatError{Where: where, Reason: ReasonSyntax, Detail: detail}
}

func (p *parser) limit(where, name string, count, max int) error {
	if count > max {
		return &LimitError{Where: where, Limit: name, Count: int64(count), Max: int64(max)}
	}
	return nil
}

// der returns data in DER, converting BER (see ber.go), and notes what
// kind of BER it was: BER at the level's first containers, no deeper than
// containers allows, is BERContainers, deeper is BERParameters; level
// names the others, BERBags or BERKeys, whatever the depth.
func (p *parser) der(data []byte, where string, level BER, containers int) ([]byte, error) {
	if int64(len(data)) > p.lim.Bytes {
		return nil, &LimitError{Where: where, Limit: "Bytes", Count: int64(len(data)), Max: p.lim.Bytes}
	}
	out, depth, err := p.ber.normalize(data, where)
	switch {
	case depth == 0:
	case level != BERContainers:
		p.isBER |= level
	case depth <= containers:
		p.isBER |= BERContainers
	default:
		p.isBER |= BERParameters
	}
	return out, err
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

// checkParams applies Limits.ParameterBytes to an algorithm identifier.
func (p *parser) checkParams(alg algorithmID, where string) error {
	return p.limit(where, "ParameterBytes", len(alg.params), p.lim.ParameterBytes)
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

// parsePFX reads the PFX structure (RFC 7292 section 4), converting BER to
// DER level by level, including plain safes and the visible bags, without
// any cryptography.
func (p *parser) parsePFX(data []byte) (*pfxFile, error) {
	if len(data) == 0 || data[0] != 0x30 {
		return nil, syntaxErr("PFX", "not PKCS#12: it does not start with a SEQUENCE")
	}
	// PFX > ContentInfo > [0] > OCTET STRING: where NSS and Bouncy Castle
	// write BER.
	data, err := p.der(data, "PFX", BERContainers, 4)
	if err != nil {
		return nil, err
	}
	in := cryptobyte.String(data)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return nil, syntaxErr("PFX", "not a SEQUENCE")
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
		return nil, syntaxErr("authSafe", "content is not an OCTET STRING")
	}
	pf := &pfxFile{authSafe: octets}
	if !seq.Empty() {
		m, err := p.parseMacData(&seq)
		if err != nil {
			return nil, err
		}
		pf.mac = m
	}
	if !seq.Empty() {
		return nil, &FormatError{Where: "PFX", Reason: ReasonTrailingData, Detail: "fields after macData"}
	}

	// AuthenticatedSafe ::= SEQUENCE OF ContentInfo (RFC 7292 section 4.1)
	const asWhere = "authenticated safe"
	// AuthenticatedSafe > ContentInfo > [0] > EncryptedData >
	// EncryptedContentInfo > [0]: the containers.
	asDER, err := p.der(octets, asWhere, BERContainers, 6)
	if err != nil {
		return nil, err
	}
	as := cryptobyte.String(asDER)
	var list cryptobyte.String
	if !as.ReadASN1(&list, cbasn1.SEQUENCE) || !as.Empty() {
		return nil, syntaxErr(asWhere, "not a SEQUENCE OF ContentInfo")
	}
	for n := 1; !list.Empty(); n++ {
		p.nsafes = n
		if err := p.limit(asWhere, "Safes", n, p.lim.Safes); err != nil {
			return nil, err
		}
		where := "safe " + itoa(n)
		var ci cryptobyte.String
		var ct asn1.ObjectIdentifier
		if !list.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.ReadASN1ObjectIdentifier(&ct) {
			return nil, syntaxErr(where, "not a ContentInfo")
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
			bags, err := p.parseSafeContents(raw, where, 1)
			if err != nil {
				return nil, err
			}
			s.bags = bags
		case ct.Equal(oidEncryptedData):
			if err := p.parseEncryptedData(s, content, where); err != nil {
				return nil, err
			}
		case ct.Equal(oidEnvelopedData):
			return nil, &UnsupportedError{Where: where, Algorithm: "public-key privacy mode (envelopedData)"}
		default:
			return nil, &UnsupportedError{Where: where, Algorithm: "content type " + ct.String()}
		}
		pf.safes = append(pf.safes, s)
	}
	pf.ber = p.isBER
	return pf, nil
}

// parseEncryptedData reads EncryptedData ::= SEQUENCE { version,
// EncryptedContentInfo } (RFC 5652 section 8); EncryptedContentInfo ::=
// SEQUENCE { contentType, contentEncryptionAlgorithm, [0] IMPLICIT
// OCTET STRING OPTIONAL }.
func (p *parser) parseEncryptedData(s *safe, content cryptobyte.String, where string) error {
	var ed, eci cryptobyte.String
	var v int64
	var innerType asn1.ObjectIdentifier
	var alg algorithmID
	if !content.ReadASN1(&ed, cbasn1.SEQUENCE) || !content.Empty() ||
		!ed.ReadASN1Integer(&v) || !ed.ReadASN1(&eci, cbasn1.SEQUENCE) ||
		!eci.ReadASN1ObjectIdentifier(&innerType) || !readAlgorithm(&eci, &alg) {
		return syntaxErr(where, "not an EncryptedData")
	}
	if v != 0 {
		return &FormatError{Where: where, Reason: ReasonVersion, Detail: "EncryptedData version is not 0"}
	}
	var ctext cryptobyte.String
	switch {
	case eci.PeekASN1Tag(cbasn1.Tag(0).ContextSpecific()):
		eci.ReadASN1(&ctext, cbasn1.Tag(0).ContextSpecific())
	case eci.PeekASN1Tag(cbasn1.Tag(0).Constructed().ContextSpecific()):
		// BER: the IMPLICIT OCTET STRING in constructed form, as NSS and
		// Bouncy Castle write it; its segments are OCTET STRINGs, which
		// der() has already made primitive.
		var segs cryptobyte.String
		eci.ReadASN1(&segs, cbasn1.Tag(0).Constructed().ContextSpecific())
		var joined []byte
		for !segs.Empty() {
			var seg cryptobyte.String
			if !segs.ReadASN1(&seg, cbasn1.OCTET_STRING) {
				return syntaxErr(where, "encrypted content segment is not an OCTET STRING")
			}
			joined = append(joined, seg...)
		}
		ctext = joined
	default:
		return syntaxErr(where, "no encrypted content")
	}
	if !eci.Empty() {
		return syntaxErr(where, "trailing fields in EncryptedContentInfo")
	}
	// unprotectedAttrs [1] are allowed and ignored.
	if !ed.SkipOptionalASN1(cbasn1.Tag(1).Constructed().ContextSpecific()) || !ed.Empty() {
		return syntaxErr(where, "trailing fields in EncryptedData")
	}
	sch, err := p.parseScheme(alg, where)
	if err != nil {
		return err
	}
	s.scheme = sch
	s.ciphertext = ctext
	p.encryptedSafes++
	return nil
}

// parseMacData reads MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET
// STRING, iterations INTEGER DEFAULT 1 } (RFC 7292 section 4).
func (p *parser) parseMacData(s *cryptobyte.String) (*macData, error) {
	const where = "MAC"
	var md, di, digest, salt cryptobyte.String
	var alg algorithmID
	if !s.ReadASN1(&md, cbasn1.SEQUENCE) || !md.ReadASN1(&di, cbasn1.SEQUENCE) ||
		!readAlgorithm(&di, &alg) || !di.ReadASN1(&digest, cbasn1.OCTET_STRING) || !di.Empty() ||
		!md.ReadASN1(&salt, cbasn1.OCTET_STRING) {
		return nil, syntaxErr(where, "not a MacData")
	}
	if err := p.checkParams(alg, where); err != nil {
		return nil, err
	}
	if err := p.limit(where, "SaltBytes", len(salt), p.lim.SaltBytes); err != nil {
		return nil, err
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
	if h, a, ok := macByOID(alg.oid); ok {
		m.info.Algorithm, m.hash = a, h
		if len(m.digest) != h.u {
			return nil, syntaxErr(where, "digest length does not match "+a.String())
		}
		return m, nil
	}
	if !alg.oid.Equal(oidPBMAC1) {
		m.info.Algorithm = UnknownMAC
		m.info.Iterations = 0
		return m, nil
	}
	// PBMAC1-params ::= SEQUENCE { keyDerivationFunc, messageAuthScheme }
	// (RFC 8018 appendix A.5); RFC 9579 fixes PBKDF2 and an explicit key
	// length. The MacData salt and iterations are ignored. A key
	// derivation or MAC this package does not know is reported in the
	// Info, and refused by Decode.
	m.info.Algorithm = PBMAC1
	m.info.Iterations = 0
	params := alg.params
	var seq cryptobyte.String
	var kdf, mac algorithmID
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() || !readAlgorithm(&seq, &kdf) ||
		!readAlgorithm(&seq, &mac) || !seq.Empty() {
		return nil, syntaxErr(where, "bad PBMAC1 parameters")
	}
	m.info.HMAC = mac.oid.String()
	if h, ok := hmacByOID(mac.oid); ok {
		m.hash = h
		m.info.HMAC = h.name
	}
	if !kdf.oid.Equal(oidPBKDF2) {
		m.info.PRF = "key derivation " + kdf.oid.String()
		return m, nil
	}
	k, err := p.parsePBKDF2(kdf.params, where)
	if err != nil {
		return nil, err
	}
	m.info.PRF, m.info.Iterations = k.prfName, k.iter
	// RFC 9579 section 5: keyLength is required; short keys would let a
	// forger guess the MAC key (OpenSSL CVE-2026-34181).
	if k.keyLen < 20 || k.keyLen > 64 {
		return nil, syntaxErr(where, "PBMAC1 key length must be 20 to 64")
	}
	if m.hash.new != nil && len(m.digest) != m.hash.u {
		return nil, syntaxErr(where, "digest length does not match "+m.hash.name)
	}
	m.kdf = &k.pbkdf2Parameters
	return m, nil
}

// supported reports whether verify can run the MAC.
func (m *macData) supported() bool {
	switch m.info.Algorithm {
	case PBMAC1:
		return m.kdf != nil && m.kdf.prf.new != nil && m.hash.new != nil
	case UnknownMAC, NoMAC:
		return false
	}
	return true
}

// pbkdf2Parsed is PBKDF2-params with the PRF's name, known or not.
type pbkdf2Parsed struct {
	pbkdf2Parameters
	prfName string
}

// parsePBKDF2 reads PBKDF2-params (RFC 8018 appendix A.2). A PRF this
// package does not know leaves prf zero and prfName its OID.
func (p *parser) parsePBKDF2(params cryptobyte.String, where string) (*pbkdf2Parsed, error) {
	var seq, salt cryptobyte.String
	k := &pbkdf2Parsed{pbkdf2Parameters: pbkdf2Parameters{prf: hashSHA1}, prfName: hashSHA1.name}
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() {
		return nil, syntaxErr(where, "bad PBKDF2 parameters")
	}
	if !seq.PeekASN1Tag(cbasn1.OCTET_STRING) {
		return nil, &UnsupportedError{Where: where, Algorithm: "PBKDF2 salt source other than a specified salt"}
	}
	if !seq.ReadASN1(&salt, cbasn1.OCTET_STRING) || !readCount(&seq, &k.iter) {
		return nil, syntaxErr(where, "bad PBKDF2 salt or iteration count")
	}
	if err := p.limit(where, "SaltBytes", len(salt), p.lim.SaltBytes); err != nil {
		return nil, err
	}
	k.salt = salt
	if seq.PeekASN1Tag(cbasn1.INTEGER) {
		var kl int64
		if !seq.ReadASN1Integer(&kl) || kl < 1 || kl > 64 {
			return nil, syntaxErr(where, "PBKDF2 key length is not 1 to 64")
		}
		k.keyLen = int(kl)
	}
	if !seq.Empty() {
		var prf algorithmID
		if !readAlgorithm(&seq, &prf) || !seq.Empty() {
			return nil, syntaxErr(where, "bad PBKDF2 PRF")
		}
		h, ok := hmacByOID(prf.oid)
		k.prf, k.prfName = h, h.name
		if !ok {
			k.prfName = prf.oid.String()
		}
	}
	return k, nil
}

// parseScheme reads an encryption AlgorithmIdentifier of a safe or a
// shrouded key bag. Unknown algorithms, ciphers and PRFs are returned in
// the Scheme, not as errors, so that Inspect can report them; decryption
// refuses them.
func (p *parser) parseScheme(alg algorithmID, where string) (*encScheme, error) {
	if err := p.checkParams(alg, where); err != nil {
		return nil, err
	}
	s := &encScheme{}
	s.info.OID = alg.oid.String()
	switch {
	case alg.oid.Equal(oidPBE3DES):
		s.info.Encryption = PBEWithSHA1And3DES
	case alg.oid.Equal(oidPBERC2128):
		s.info.Encryption = PBEWithSHA1And128BitRC2
	case alg.oid.Equal(oidPBERC240):
		s.info.Encryption = PBEWithSHA1And40BitRC2
	case alg.oid.Equal(oidPBERC4128):
		s.info.Encryption = PBEWithSHA1And128BitRC4
	case alg.oid.Equal(oidPBERC440):
		s.info.Encryption = PBEWithSHA1And40BitRC4
	case alg.oid.Equal(oidPBES2):
		s.info.Encryption = PBES2
		return s, p.parsePBES2(s, alg.params, where)
	default:
		s.info.Encryption = UnknownEncryption
		return s, nil
	}
	// pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
	params := alg.params
	var seq, salt cryptobyte.String
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() || !seq.ReadASN1(&salt, cbasn1.OCTET_STRING) ||
		!readCount(&seq, &s.info.Iterations) || !seq.Empty() {
		return nil, syntaxErr(where, "bad PBE parameters")
	}
	if err := p.limit(where, "SaltBytes", len(salt), p.lim.SaltBytes); err != nil {
		return nil, err
	}
	s.salt = salt
	return s, nil
}

// parsePBES2 reads PBES2-params ::= SEQUENCE { keyDerivationFunc,
// encryptionScheme } (RFC 8018 appendix A.4).
func (p *parser) parsePBES2(s *encScheme, params cryptobyte.String, where string) error {
	var seq cryptobyte.String
	var kdf, enc algorithmID
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() || !readAlgorithm(&seq, &kdf) ||
		!readAlgorithm(&seq, &enc) || !seq.Empty() {
		return syntaxErr(where, "bad PBES2 parameters")
	}
	c, ok := cipherByOID(enc.oid)
	s.info.Cipher = c.name
	if !ok {
		s.info.Cipher = enc.oid.String()
		if n, ok := cipherNames[s.info.Cipher]; ok {
			s.info.Cipher = n
		}
	}
	if !kdf.oid.Equal(oidPBKDF2) {
		s.info.KDF = kdf.oid.String()
		return nil
	}
	s.info.KDF = "PBKDF2"
	k, err := p.parsePBKDF2(kdf.params, where)
	if err != nil {
		return err
	}
	s.info.PRF, s.info.Iterations = k.prfName, k.iter
	if !ok {
		return nil
	}
	var iv cryptobyte.String
	ep := enc.params
	if !ep.ReadASN1(&iv, cbasn1.OCTET_STRING) || !ep.Empty() || len(iv) != c.blockSize {
		return syntaxErr(where, "bad "+c.name+" IV")
	}
	if k.keyLen != 0 && k.keyLen != c.keyLen {
		return syntaxErr(where, "PBKDF2 key length does not match "+c.name)
	}
	s.kdf, s.cipher, s.iv = &k.pbkdf2Parameters, c, iv
	return nil
}

// parseSafeContents reads SafeContents ::= SEQUENCE OF SafeBag (RFC 7292
// section 4.2), recursing into safeContentsBags up to Limits.Nesting.
func (p *parser) parseSafeContents(data []byte, where string, depth int) ([]*bag, error) {
	if depth == 1 {
		var err error
		if data, err = p.der(data, where, BERBags, 0); err != nil {
			return nil, err
		}
	}
	in := cryptobyte.String(data)
	var list cryptobyte.String
	if !in.ReadASN1(&list, cbasn1.SEQUENCE) || !in.Empty() {
		return nil, syntaxErr(where, "not a SafeContents")
	}
	var bags []*bag
	for !list.Empty() {
		p.nbags++
		if err := p.limit(where, "Bags", p.nbags, p.lim.Bags); err != nil {
			return nil, err
		}
		b := &bag{}
		b.where = where + ", bag " + itoa(len(bags)+1)
		// SafeBag ::= SEQUENCE { bagId, bagValue [0] EXPLICIT, bagAttributes SET OPTIONAL }
		var sb, val cryptobyte.String
		if !list.ReadASN1(&sb, cbasn1.SEQUENCE) || !sb.ReadASN1ObjectIdentifier(&b.id) ||
			!sb.ReadASN1(&val, cbasn1.Tag(0).Constructed().ContextSpecific()) {
			return nil, syntaxErr(b.where, "not a SafeBag")
		}
		if sb.PeekASN1Tag(cbasn1.SET) {
			var set cryptobyte.String
			sb.ReadASN1(&set, cbasn1.SET)
			a, err := parseAttributes(set, b.where)
			if err != nil {
				return nil, err
			}
			b.attrs = a
		}
		if !sb.Empty() {
			return nil, syntaxErr(b.where, "bad bag attributes")
		}
		var tag cbasn1.Tag
		var elem cryptobyte.String
		if !val.ReadAnyASN1Element(&elem, &tag) || !val.Empty() {
			return nil, syntaxErr(b.where, "bad bag value")
		}
		b.value = elem
		switch {
		case b.id.Equal(oidCertBag):
			p.ncerts++
			if err := p.limit(b.where, "Certificates", p.ncerts, p.lim.Certificates); err != nil {
				return nil, err
			}
		case b.id.Equal(oidKeyBag):
			p.nkeys++
			if err := p.limit(b.where, "Keys", p.nkeys, p.lim.Keys); err != nil {
				return nil, err
			}
		case b.id.Equal(oidShroudedKeyBag):
			p.nkeys++
			if err := p.limit(b.where, "Keys", p.nkeys, p.lim.Keys); err != nil {
				return nil, err
			}
			// EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier,
			// OCTET STRING } (RFC 5958 section 3)
			var seq, ct cryptobyte.String
			var alg algorithmID
			if !elem.ReadASN1(&seq, cbasn1.SEQUENCE) || !readAlgorithm(&seq, &alg) ||
				!seq.ReadASN1(&ct, cbasn1.OCTET_STRING) || !seq.Empty() {
				return nil, syntaxErr(b.where, "not an EncryptedPrivateKeyInfo")
			}
			sch, err := p.parseScheme(alg, b.where)
			if err != nil {
				return nil, err
			}
			b.scheme, b.ct = sch, ct
			p.shroudedCount++
		case b.id.Equal(oidSafeContentsBag):
			if err := p.limit(b.where, "Nesting", depth, p.lim.Nesting); err != nil {
				return nil, err
			}
			nested, err := p.parseSafeContents(b.value, b.where, depth+1)
			if err != nil {
				return nil, err
			}
			b.nested = nested
		}
		bags = append(bags, b)
	}
	return bags, nil
}

// parseAttributes reads bagAttributes SET OF PKCS12Attribute, where
// PKCS12Attribute ::= SEQUENCE { attrId OID, attrValues SET OF ANY }
// (RFC 7292 section 4.2). It keeps friendlyName (a BMPString), localKeyId
// (an OCTET STRING) and the JDK's trusted-certificate marker, and skips
// the others (Microsoft's CSP name and key set, for instance).
func parseAttributes(set cryptobyte.String, where string) (attrs, error) {
	var a attrs
	for !set.Empty() {
		var attr, values cryptobyte.String
		var id asn1.ObjectIdentifier
		if !set.ReadASN1(&attr, cbasn1.SEQUENCE) || !attr.ReadASN1ObjectIdentifier(&id) ||
			!attr.ReadASN1(&values, cbasn1.SET) || !attr.Empty() {
			return a, syntaxErr(where, "bad bag attribute")
		}
		switch {
		case id.Equal(oidFriendlyName):
			var v cryptobyte.String
			if values.ReadASN1(&v, cbasn1.Tag(30)) && len(v)%2 == 0 && a.friendlyName == "" {
				u := make([]uint16, len(v)/2)
				for i := range u {
					u[i] = uint16(v[2*i])<<8 | uint16(v[2*i+1])
				}
				a.friendlyName = string(utf16.Decode(u))
			}
		case id.Equal(oidLocalKeyID):
			var v cryptobyte.String
			if values.ReadASN1(&v, cbasn1.OCTET_STRING) && a.localKeyID == nil {
				a.localKeyID = append([]byte{}, v...)
			}
		case id.Equal(oidJavaTrusted):
			a.trusted = true
		}
	}
	return a, nil
}

// walkBags calls f for each bag, nested ones after their container.
func walkBags(bags []*bag, f func(*bag)) {
	for _, b := range bags {
		f(b)
		walkBags(b.nested, f)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
