package pkce

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"strings"
)

// Load reads a bundle in any of the shapes users hold, detecting the
// format from the bytes:
//
//   - a DER PKCS#12 file (.p12, .pfx), read by [Decode] with password and
//     opts;
//   - PEM text: CERTIFICATE blocks, and at most one private key as
//     PRIVATE KEY (PKCS#8), RSA PRIVATE KEY (PKCS#1) or EC PRIVATE KEY
//     (SEC 1); EC PARAMETERS blocks are skipped; the password is unused;
//   - a single DER certificate (.cer, .crt).
//
// The leaf and chain are chosen as in [Decode]: the certificate matching
// the key is the leaf wherever it is listed (PK-3, RN-8).
//
//	b, err := pkce.Load(data, "") // a PEM chain with its key
//
// Encrypted PEM keys (ENCRYPTED PRIVATE KEY, or a Proc-Type: 4,ENCRYPTED
// header) are refused with an *[UnsupportedError], as are other PEM block
// types; convert them with "openssl pkey" first. Unrecognised bytes give
// a *[FormatError] ([ErrMalformed]).
func Load(data []byte, password string, opts ...Option) (*Bundle, error) {
	if looksLikePFX(data) {
		return Decode(data, password, opts...)
	}
	if bytes.Contains(data, []byte("-----BEGIN ")) {
		return loadPEM(data)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &FormatError{Where: "input", Reason: ReasonSyntax, Detail: "empty"}
	}
	if data[0] == 0x30 {
		c, err := x509.ParseCertificate(data)
		if err == nil {
			return &Bundle{Leaf: c}, nil
		}
		if r := classify(data); r != ReasonSyntax {
			return nil, &FormatError{Where: "input", Reason: r, Detail: "neither PKCS#12 nor a certificate"}
		}
		return nil, &FormatError{Where: "input", Reason: ReasonBadCertificate, Detail: "neither PKCS#12 nor a certificate", Err: err}
	}
	return nil, &FormatError{Where: "input", Reason: ReasonSyntax, Detail: "not PKCS#12, PEM or a DER certificate"}
}

// looksLikePFX reports whether data starts as a PFX does: SEQUENCE {
// INTEGER 3, ... } in DER or BER (so that a BER file reaches Decode and is
// reported as BER).
func looksLikePFX(data []byte) bool {
	if len(data) < 5 || data[0] != 0x30 {
		return false
	}
	i := 1
	switch l := data[1]; {
	case l == 0x80 || l < 0x80:
		i = 2
	default:
		i = 2 + int(l&0x7f)
	}
	return i+3 <= len(data) && data[i] == 0x02 && data[i+1] == 0x01 && data[i+2] == 0x03
}

func loadPEM(data []byte) (*Bundle, error) {
	var privs []crypto.PrivateKey
	var certs []*x509.Certificate
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
		if strings.Contains(blk.Headers["Proc-Type"], "ENCRYPTED") {
			return nil, &UnsupportedError{Where: where, Algorithm: "encrypted PEM key (decrypt it with openssl pkey first)"}
		}
		switch blk.Type {
		case "CERTIFICATE":
			c, err := x509.ParseCertificate(blk.Bytes)
			if err != nil {
				return nil, &FormatError{Where: where, Reason: ReasonBadCertificate, Err: err}
			}
			certs = append(certs, c)
		case "PRIVATE KEY":
			k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
			if err != nil {
				return nil, &FormatError{Where: where, Reason: ReasonBadKey, Err: err}
			}
			privs = append(privs, k)
		case "RSA PRIVATE KEY":
			k, err := x509.ParsePKCS1PrivateKey(blk.Bytes)
			if err != nil {
				return nil, &FormatError{Where: where, Reason: ReasonBadKey, Err: err}
			}
			privs = append(privs, k)
		case "EC PRIVATE KEY":
			k, err := x509.ParseECPrivateKey(blk.Bytes)
			if err != nil {
				return nil, &FormatError{Where: where, Reason: ReasonBadKey, Err: err}
			}
			privs = append(privs, k)
		case "ENCRYPTED PRIVATE KEY":
			return nil, &UnsupportedError{Where: where, Algorithm: "encrypted PKCS#8 key (decrypt it with openssl pkey first)"}
		case "EC PARAMETERS":
		default:
			return nil, &UnsupportedError{Where: where, Algorithm: "PEM block type " + blk.Type}
		}
		if len(certs)+len(privs) > maxChainCerts+1 {
			return nil, &FormatError{Where: where, Reason: ReasonTooManyBags, Detail: "too many PEM blocks"}
		}
	}
	if n == 0 {
		return nil, &FormatError{Where: "PEM", Reason: ReasonSyntax, Detail: "no complete PEM block"}
	}
	return assemble(privs, certs)
}

// EncodePEM writes the bundle as PEM: the leaf, its chain leaf to root,
// the extra certificates, then the key as PKCS#8 "PRIVATE KEY", the
// layout nginx and Apache take in one file. [Load] reads it back to an
// equal bundle. A key that cannot be marshalled is left out.
//
//	os.WriteFile("bundle.pem", b.EncodePEM(), 0o600)
func (b *Bundle) EncodePEM() []byte {
	var buf bytes.Buffer
	if b == nil {
		return nil
	}
	for _, c := range b.certs() {
		pem.Encode(&buf, &pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
	}
	if b.Key != nil {
		if der, err := x509.MarshalPKCS8PrivateKey(b.Key); err == nil {
			pem.Encode(&buf, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
		}
	}
	return buf.Bytes()
}

func (b *Bundle) certs() []*x509.Certificate {
	var out []*x509.Certificate
	if b.Leaf != nil {
		out = append(out, b.Leaf)
	}
	out = append(out, b.Chain...)
	return append(out, b.Extra...)
}
