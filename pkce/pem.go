package pkce

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"
)

// Load reads a bundle in any of the shapes users hold, detecting the
// format from the bytes:
//
//   - a PKCS#12 file (.p12, .pfx), DER or BER, read by [Decode] with
//     password and opts;
//   - PEM text: CERTIFICATE blocks, and private keys as PRIVATE KEY
//     (PKCS#8), RSA PRIVATE KEY (PKCS#1) or EC PRIVATE KEY (SEC 1); EC
//     PARAMETERS blocks are skipped; text around the blocks (OpenSSL's
//     "Bag Attributes") is ignored; the password is unused;
//   - a single DER certificate (.cer, .crt).
//
// A binary file is never taken for PEM, whatever bytes it contains: input
// that is one whole ASN.1 element is read as PKCS#12 or a certificate.
// The leaf and chain are chosen as in [Decode]: the certificate matching
// the key is the leaf wherever it is listed (PK-3, RN-8), and several
// keys need [SelectKey].
//
//	b, err := pkce.Load(data, "") // a PEM chain with its key
//
// Encrypted PEM keys (ENCRYPTED PRIVATE KEY, or a Proc-Type: 4,ENCRYPTED
// header) are refused with an *[UnsupportedError], as are other PEM block
// types; convert them with "openssl pkey" first. PEM input is bounded by
// [Limits] too: its Bytes, and Bags for its blocks of any type,
// Certificates and Keys. Unrecognised bytes give a *[FormatError]
// ([ErrMalformed]).
func Load(data []byte, password string, opts ...Option) (*Bundle, error) {
	cfg := newConfig(opts)
	if int64(len(data)) > cfg.lim.Bytes {
		return nil, &LimitError{Where: "input", Limit: "Bytes", Count: int64(len(data)), Max: cfg.lim.Bytes}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FormatError{Where: "input", Reason: ReasonSyntax, Detail: "empty"}
	}
	// ASN.1 (a SEQUENCE with a long or indefinite length, or exactly one
	// SEQUENCE) is binary; PEM is ASCII text and never starts so.
	if len(data) >= 2 && data[0] == 0x30 && (data[1] >= 0x80 || isASN1Element(data)) {
		if looksLikePFX(data) {
			return Decode(data, password, opts...)
		}
		// Not a PFX: a certificate, or a file cut short.
		s := berScan{data: data, r: newBERReader(cfg.lim), where: "input"}
		if _, _, err := s.element(0, len(data), 1); err != nil {
			return nil, err
		}
		c, err := x509.ParseCertificate(data)
		if err != nil {
			return nil, &FormatError{Where: "input", Reason: ReasonBadCertificate, Detail: "neither PKCS#12 nor a certificate", Err: err}
		}
		return newContents(nil, []certItem{{cert: c}}).bundle(cfg)
	}
	if bytes.Contains(data, []byte("-----BEGIN ")) {
		return loadPEM(data, cfg)
	}
	return nil, &FormatError{Where: "input", Reason: ReasonSyntax, Detail: "not PKCS#12, PEM or a DER certificate"}
}

// looksLikePFX reports whether data starts as a PFX does: SEQUENCE {
// INTEGER 3, ... } in DER or BER.
func looksLikePFX(data []byte) bool {
	if len(data) < 5 || data[0] != 0x30 {
		return false
	}
	i := 2
	if l := data[1]; l > 0x80 {
		i = 2 + int(l&0x7f)
	}
	return i+3 <= len(data) && data[i] == 0x02 && data[i+1] == 0x01 && data[i+2] == 0x03
}

// isASN1Element reports whether data is exactly one SEQUENCE with a
// definite length.
func isASN1Element(data []byte) bool {
	if len(data) < 2 || data[0] != 0x30 {
		return false
	}
	l, i := int(data[1]), 2
	if l > 0x80 {
		n := l & 0x7f
		if n > 4 || len(data) < 2+n {
			return false
		}
		l = 0
		for _, b := range data[2 : 2+n] {
			l = l<<8 | int(b)
		}
		i += n
	} else if l == 0x80 {
		return false
	}
	return len(data)-i == l
}

func loadPEM(data []byte, cfg config) (*Bundle, error) {
	lim := cfg.lim
	var ks []keyItem
	var cs []certItem
	rest := data
	n := 0
	for {
		var blk *pem.Block
		blk, rest = pem.Decode(rest)
		if blk == nil {
			break
		}
		n++
		where := "PEM block " + itoa(n) + " (" + blk.Type + ")"
		// PK-4: every block counts, so that a million EC PARAMETERS blocks
		// stop at the limit.
		if n > lim.Bags {
			return nil, &LimitError{Where: "PEM block " + itoa(n), Limit: "Bags", Count: int64(n), Max: int64(lim.Bags)}
		}
		if strings.Contains(blk.Headers["Proc-Type"], "ENCRYPTED") {
			return nil, &UnsupportedError{Where: where, Algorithm: "encrypted PEM key (decrypt it with openssl pkey first)"}
		}
		var key crypto.PrivateKey
		var err error
		switch blk.Type {
		case "CERTIFICATE":
			if len(cs) >= lim.Certificates {
				return nil, &LimitError{Where: where, Limit: "Certificates", Count: int64(len(cs) + 1), Max: int64(lim.Certificates)}
			}
			c, err := x509.ParseCertificate(blk.Bytes)
			if err != nil {
				return nil, &FormatError{Where: where, Reason: ReasonBadCertificate, Err: err}
			}
			cs = append(cs, certItem{cert: c})
			continue
		case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY":
			if len(ks) >= lim.Keys {
				return nil, &LimitError{Where: where, Limit: "Keys", Count: int64(len(ks) + 1), Max: int64(lim.Keys)}
			}
			switch blk.Type {
			case "PRIVATE KEY":
				key, err = parseKey(blk.Bytes, where)
			case "RSA PRIVATE KEY":
				key, err = x509.ParsePKCS1PrivateKey(blk.Bytes)
			default:
				key, err = x509.ParseECPrivateKey(blk.Bytes)
			}
		case "ENCRYPTED PRIVATE KEY":
			return nil, &UnsupportedError{Where: where, Algorithm: "encrypted PKCS#8 key (decrypt it with openssl pkey first)"}
		case "EC PARAMETERS":
			continue
		default:
			return nil, &UnsupportedError{Where: where, Algorithm: "PEM block type " + blk.Type}
		}
		if err != nil {
			if _, ok := err.(*UnsupportedError); ok {
				return nil, err
			}
			if _, ok := err.(*FormatError); ok {
				return nil, err
			}
			return nil, &FormatError{Where: where, Reason: ReasonBadKey, Err: err}
		}
		ks = append(ks, keyItem{where: where, der: blk.Bytes, key: key})
	}
	if n == 0 {
		return nil, &FormatError{Where: "PEM", Reason: ReasonSyntax, Detail: "no complete PEM block"}
	}
	return newContents(ks, cs).bundle(cfg)
}

// EncodePEM writes the bundle as PEM: the leaf, its chain leaf to root,
// the extra certificates, then the key as PKCS#8 "PRIVATE KEY", the
// layout nginx and Apache take in one file. [Load] reads it back to an
// equal bundle.
//
//	pemData, err := b.EncodePEM()
//	os.WriteFile("bundle.pem", pemData, 0o600)
//
// A key that crypto/x509 cannot marshal (a type other than RSA, ECDSA,
// Ed25519 and X25519) gives an *[UnsupportedError] and no output, rather
// than a file silently without its key.
func (b *Bundle) EncodePEM() ([]byte, error) {
	if b == nil {
		return nil, &KeyError{Reason: ReasonNoCertificate, Detail: "nil bundle"}
	}
	var buf bytes.Buffer
	for _, c := range b.certs() {
		pem.Encode(&buf, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	if b.Key != nil {
		der, err := x509.MarshalPKCS8PrivateKey(b.Key)
		if err != nil {
			return nil, &UnsupportedError{Where: "EncodePEM", Algorithm: fmt.Sprintf("private key type %T", b.Key)}
		}
		pem.Encode(&buf, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	}
	return buf.Bytes(), nil
}

func (b *Bundle) certs() []*x509.Certificate {
	var out []*x509.Certificate
	if b.Leaf != nil {
		out = append(out, b.Leaf)
	}
	out = append(out, b.Chain...)
	return append(out, b.Extra...)
}
