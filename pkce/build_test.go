package pkce

// Test helpers: a small PKI with fixed dates, and a PKCS#12 builder on
// cryptobyte that can write what go-pkcs12 will not (hostile counts,
// nested key bags, two keys, BER).

import (
	"crypto"
	"crypto/cipher"
	"crypto/des"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"testing"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// pki is a root, an intermediate and a leaf with their keys.
type pki struct {
	rootKey, interKey, leafKey crypto.Signer
	root, inter, leaf          *x509.Certificate
}

var notBefore = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func mustCert(t testing.TB, tmpl, parent *x509.Certificate, pub crypto.PublicKey, signer crypto.Signer) *x509.Certificate {
	t.Helper()
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func ecKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// newPKI makes a three-level PKI. leafKey may be nil for a P-256 key.
func newPKI(t testing.TB, leafKey crypto.Signer) *pki {
	t.Helper()
	p := &pki{rootKey: ecKey(t), interKey: ecKey(t), leafKey: leafKey}
	if p.leafKey == nil {
		p.leafKey = ecKey(t)
	}
	ca := func(serial int64, cn string) *x509.Certificate {
		return &x509.Certificate{
			SerialNumber:          big.NewInt(serial),
			Subject:               pkix.Name{CommonName: cn, Organization: []string{"certlife test"}},
			NotBefore:             notBefore,
			NotAfter:              notBefore.AddDate(10, 0, 0),
			IsCA:                  true,
			BasicConstraintsValid: true,
			KeyUsage:              x509.KeyUsageCertSign,
		}
	}
	rootT := ca(1, "certlife test root")
	p.root = mustCert(t, rootT, rootT, p.rootKey.Public(), p.rootKey)
	p.inter = mustCert(t, ca(2, "certlife test intermediate"), p.root, p.interKey.Public(), p.rootKey)
	leafT := &x509.Certificate{
		SerialNumber: big.NewInt(3),
		Subject:      pkix.Name{CommonName: "client 0001", Organization: []string{"certlife test"}},
		NotBefore:    notBefore,
		NotAfter:     notBefore.AddDate(1, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	p.leaf = mustCert(t, leafT, p.inter, p.leafKey.Public(), p.interKey)
	return p
}

func rsaKey(t testing.TB) *rsa.PrivateKey {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func edKey(t testing.TB) ed25519.PrivateKey {
	t.Helper()
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// --- builder ---

type builder = cryptobyte.Builder

func addOID(b *builder, oid asn1.ObjectIdentifier) { b.AddASN1ObjectIdentifier(oid) }

func explicit0(b *builder, f func(*builder)) {
	b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), f)
}

// pbeParamsDER encodes pkcs-12PbeParams.
func pbeAlg(oid asn1.ObjectIdentifier, salt []byte, iter int64) func(*builder) {
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oid)
			b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
				b.AddASN1OctetString(salt)
				b.AddASN1Int64(iter)
			})
		})
	}
}

// encrypt3DES encrypts with PBE-SHA1-3DES (test-only counterpart of
// encScheme.decrypt).
func encrypt3DES(pt []byte, password string, salt []byte, iter int64) []byte {
	pw := bmpPassword(password)
	key := pkcs12KDF(hashSHA1, salt, pw, iter, 1, 24)
	iv := pkcs12KDF(hashSHA1, salt, pw, iter, 2, 8)
	block, _ := des.NewTripleDESCipher(key)
	n := 8 - len(pt)%8
	padded := append(append([]byte{}, pt...), make([]byte, n)...)
	for i := len(pt); i < len(padded); i++ {
		padded[i] = byte(n)
	}
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(padded, padded)
	return padded
}

func certBag(der []byte) func(*builder) {
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidCertBag)
			explicit0(b, func(b *builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					addOID(b, oidX509Certificate)
					explicit0(b, func(b *builder) { b.AddASN1OctetString(der) })
				})
			})
		})
	}
}

func rawKeyBag(der []byte) func(*builder) {
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidKeyBag)
			explicit0(b, func(b *builder) { b.AddBytes(der) })
		})
	}
}

func keyBag(t testing.TB, k crypto.PrivateKey) func(*builder) {
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidKeyBag)
			explicit0(b, func(b *builder) { b.AddBytes(der) })
		})
	}
}

// shroudedKeyBag3DES encrypts k for real when iter is small enough to be
// cheap, and otherwise writes random ciphertext: a hostile count need not
// be backed by a real encryption, since Decode must refuse it unread.
func shroudedKeyBag3DES(t testing.TB, k crypto.PrivateKey, password string, iter int64) func(*builder) {
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	salt := []byte("saltsalt")
	var ct []byte
	if iter <= 1<<16 {
		ct = encrypt3DES(der, password, salt, iter)
	} else {
		ct = make([]byte, len(der)+8-len(der)%8)
		rand.Read(ct)
	}
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidShroudedKeyBag)
			explicit0(b, func(b *builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					pbeAlg(oidPBE3DES, salt, iter)(b)
					b.AddASN1OctetString(ct)
				})
			})
		})
	}
}

func nestedSafe(sc []byte) func(*builder) {
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidSafeContentsBag)
			explicit0(b, func(b *builder) { b.AddBytes(sc) })
		})
	}
}

func safeContents(bags ...func(*builder)) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
		for _, f := range bags {
			f(b)
		}
	})
	return b.BytesOrPanic()
}

func plainSafe(sc []byte) func(*builder) {
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidData)
			explicit0(b, func(b *builder) { b.AddASN1OctetString(sc) })
		})
	}
}

func encryptedSafe3DES(sc []byte, password string, iter int64) func(*builder) {
	salt := []byte("safesalt")
	var ct []byte
	if iter <= 1<<16 {
		ct = encrypt3DES(sc, password, salt, iter)
	} else {
		ct = make([]byte, len(sc)+8-len(sc)%8)
		rand.Read(ct)
	}
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidEncryptedData)
			explicit0(b, func(b *builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					b.AddASN1Int64(0)
					b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
						addOID(b, oidData)
						pbeAlg(oidPBE3DES, salt, iter)(b)
						b.AddASN1(cbasn1.Tag(0).ContextSpecific(), func(b *builder) { b.AddBytes(ct) })
					})
				})
			})
		})
	}
}

// buildPFX assembles a PFX with a SHA-1 MAC of macIter iterations. The MAC
// is computed for real when macIter is small, and faked otherwise.
func buildPFX(password string, macIter int64, safes ...func(*builder)) []byte {
	var as cryptobyte.Builder
	as.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
		for _, f := range safes {
			f(b)
		}
	})
	authSafe := as.BytesOrPanic()
	salt := []byte("macsaltmacsalt!!")
	digest := make([]byte, 20)
	if macIter <= 1<<16 {
		key := pkcs12KDF(hashSHA1, salt, bmpPassword(password), macIter, 3, 20)
		m := hmac.New(hashSHA1.new, key)
		m.Write(authSafe)
		digest = m.Sum(nil)
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
		b.AddASN1Int64(3)
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidData)
			explicit0(b, func(b *builder) { b.AddASN1OctetString(authSafe) })
		})
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					addOID(b, oidSHA1)
					b.AddASN1NULL()
				})
				b.AddASN1OctetString(digest)
			})
			b.AddASN1OctetString(salt)
			b.AddASN1Int64(macIter)
		})
	})
	return b.BytesOrPanic()
}

// toBER rewrites the outer PFX SEQUENCE and its authSafe ContentInfo with
// indefinite lengths, as some producers (older Java, NSS) write them.
func toBER(t testing.TB, der []byte) []byte {
	t.Helper()
	in := cryptobyte.String(der)
	var pfx cryptobyte.String
	if !in.ReadASN1(&pfx, cbasn1.SEQUENCE) {
		t.Fatal("toBER: not a SEQUENCE")
	}
	var version, ci cryptobyte.String
	var tag cbasn1.Tag
	if !pfx.ReadAnyASN1Element(&version, &tag) || !pfx.ReadASN1(&ci, cbasn1.SEQUENCE) {
		t.Fatal("toBER: bad PFX")
	}
	out := []byte{0x30, 0x80}
	out = append(out, version...)
	out = append(out, 0x30, 0x80)
	out = append(out, ci...)
	out = append(out, 0, 0)
	out = append(out, pfx...) // macData
	return append(out, 0, 0)
}

// toBERInner keeps the outer lengths definite but splits the authSafe
// OCTET STRING into a constructed OCTET STRING of two chunks, a BER-only
// form that streaming writers produce.
func toBERInner(t testing.TB, der []byte) []byte {
	t.Helper()
	in := cryptobyte.String(der)
	var pfx, ci, explicit, octets, version cryptobyte.String
	var tag cbasn1.Tag
	var oid asn1.ObjectIdentifier
	if !in.ReadASN1(&pfx, cbasn1.SEQUENCE) || !pfx.ReadAnyASN1Element(&version, &tag) ||
		!pfx.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.ReadASN1ObjectIdentifier(&oid) ||
		!ci.ReadASN1(&explicit, cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!explicit.ReadASN1(&octets, cbasn1.OCTET_STRING) {
		t.Fatal("toBERInner: bad PFX")
	}
	half := len(octets) / 2
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
		b.AddBytes(version)
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oid)
			explicit0(b, func(b *builder) {
				b.AddASN1(cbasn1.Tag(cbasn1.OCTET_STRING).Constructed(), func(b *builder) {
					b.AddASN1OctetString(octets[:half])
					b.AddASN1OctetString(octets[half:])
				})
			})
		})
		b.AddBytes(pfx) // macData
	})
	return b.BytesOrPanic()
}
