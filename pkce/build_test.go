package pkce

// Test helpers: a small PKI with fixed dates and committed RSA keys, and a
// PKCS#12 builder on cryptobyte that can write what go-pkcs12 will not
// (hostile counts, nested key bags, two keys, NULL passwords, RC4, any
// PBES2 PRF and cipher, BER).

import (
	"bytes"
	"crypto"
	"crypto/cipher"
	"crypto/des"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/rc4"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

const interopDir = "testdata/interop"

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

// testRSA returns one of the RSA-2048 keys of testdata/interop/pki
// ("leaf", "root", "inter1" to "inter3"), so that no test spends time
// generating RSA keys.
func testRSA(t testing.TB, name string) *rsa.PrivateKey {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(interopDir, "pki", name+".key"))
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(data)
	if blk == nil {
		t.Fatalf("%s.key: no PEM", name)
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return k.(*rsa.PrivateKey)
}

func rsaKey(t testing.TB) *rsa.PrivateKey { return testRSA(t, "leaf") }

func edKey(t testing.TB) ed25519.PrivateKey {
	t.Helper()
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustPKCS8(t testing.TB, k any) []byte {
	t.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// --- builder ---

type builder = cryptobyte.Builder

func addOID(b *builder, oid asn1.ObjectIdentifier) { b.AddASN1ObjectIdentifier(oid) }

func explicit0(b *builder, f func(*builder)) {
	b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), f)
}

func der(f func(*builder)) []byte {
	var b cryptobyte.Builder
	f(&b)
	return b.BytesOrPanic()
}

// scheme is an encryption of a safe or key bag: its AlgorithmIdentifier
// and the encryption itself, with the KDF password in whichever form the
// test wants (BMPString, NULL).
type scheme struct {
	alg     func(*builder)
	encrypt func(pt []byte) []byte
}

func pad(pt []byte, bs int) []byte {
	n := bs - len(pt)%bs
	out := append(append([]byte{}, pt...), make([]byte, n)...)
	for i := len(pt); i < len(out); i++ {
		out[i] = byte(n)
	}
	return out
}

func pbeParams(oid asn1.ObjectIdentifier, salt []byte, iter int64) func(*builder) {
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

// fakeAbove is the iteration count above which the builder writes random
// ciphertext: a hostile count need not be backed by a real encryption,
// since Decode must refuse it unread.
const fakeAbove = 1 << 16

// pbe3DES is pbeWithSHAAnd3-KeyTripleDES-CBC with the KDF password pw.
func pbe3DES(pw []byte, salt []byte, iter int64) scheme {
	return scheme{pbeParams(oidPBE3DES, salt, iter), func(pt []byte) []byte {
		if iter > fakeAbove {
			return randomBytes(len(pt) + 8 - len(pt)%8)
		}
		key := pkcs12KDF(hashSHA1, salt, pw, iter, 1, 24)
		iv := pkcs12KDF(hashSHA1, salt, pw, iter, 2, 8)
		block, _ := des.NewTripleDESCipher(key)
		out := pad(pt, 8)
		cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, out)
		return out
	}}
}

// pbeRC4 is pbeWithSHAAnd128BitRC4 or 40BitRC4.
func pbeRC4(pw []byte, bits int, salt []byte, iter int64) scheme {
	oid := oidPBERC4128
	if bits == 40 {
		oid = oidPBERC440
	}
	return scheme{pbeParams(oid, salt, iter), func(pt []byte) []byte {
		c, _ := rc4.NewCipher(pkcs12KDF(hashSHA1, salt, pw, iter, 1, bits/8))
		out := make([]byte, len(pt))
		c.XORKeyStream(out, pt)
		return out
	}}
}

// pbes2 is PBES2 with PBKDF2 (prf, prfOID) and a CBC cipher.
func pbes2(pw string, prf hashSpec, prfOID, cipherOID asn1.ObjectIdentifier, iter int64) scheme {
	c, _ := cipherByOID(cipherOID)
	salt := []byte("pbes2saltpbes2salt")
	iv := bytes.Repeat([]byte{7}, c.blockSize)
	return scheme{func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidPBES2)
			b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					addOID(b, oidPBKDF2)
					b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
						b.AddASN1OctetString(salt)
						b.AddASN1Int64(iter)
						b.AddASN1Int64(int64(c.keyLen))
						b.AddASN1(cbasn1.SEQUENCE, func(b *builder) { addOID(b, prfOID); b.AddASN1NULL() })
					})
				})
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) { addOID(b, cipherOID); b.AddASN1OctetString(iv) })
			})
		})
	}, func(pt []byte) []byte {
		if iter > fakeAbove {
			return randomBytes(len(pt) + c.blockSize - len(pt)%c.blockSize)
		}
		key, _ := pbkdf2.Key(prf.new, pw, salt, int(iter), c.keyLen)
		block, _ := c.new(key)
		out := pad(pt, c.blockSize)
		cipher.NewCBCEncrypter(block, iv).CryptBlocks(out, out)
		return out
	}}
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// attrsOf writes bag attributes: friendlyName when name is set,
// localKeyId when id is.
func attrsOf(name string, id []byte) func(*builder) {
	return func(b *builder) {
		if name == "" && id == nil {
			return
		}
		b.AddASN1(cbasn1.SET, func(b *builder) {
			if name != "" {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					addOID(b, oidFriendlyName)
					b.AddASN1(cbasn1.SET, func(b *builder) {
						b.AddASN1(cbasn1.Tag(30), func(b *builder) { b.AddBytes(bmpPassword(name)[:2*len([]rune(name))]) })
					})
				})
			}
			if id != nil {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					addOID(b, oidLocalKeyID)
					b.AddASN1(cbasn1.SET, func(b *builder) { b.AddASN1OctetString(id) })
				})
			}
		})
	}
}

func safeBag(id asn1.ObjectIdentifier, value []byte, attrs func(*builder)) func(*builder) {
	return func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, id)
			explicit0(b, func(b *builder) { b.AddBytes(value) })
			if attrs != nil {
				attrs(b)
			}
		})
	}
}

func certBagValue(certDER []byte) []byte {
	return der(func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidX509Certificate)
			explicit0(b, func(b *builder) { b.AddASN1OctetString(certDER) })
		})
	})
}

func certBag(certDER []byte) func(*builder) { return safeBag(oidCertBag, certBagValue(certDER), nil) }

func certBagA(certDER []byte, name string, id []byte) func(*builder) {
	return safeBag(oidCertBag, certBagValue(certDER), attrsOf(name, id))
}

func rawKeyBag(pkcs8 []byte) func(*builder) { return safeBag(oidKeyBag, pkcs8, nil) }

func keyBag(t testing.TB, k crypto.PrivateKey) func(*builder) { return rawKeyBag(mustPKCS8(t, k)) }

// shroudedBag encrypts a PKCS#8 key with s.
func shroudedBag(pkcs8 []byte, s scheme, attrs func(*builder)) func(*builder) {
	epki := der(func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			s.alg(b)
			b.AddASN1OctetString(s.encrypt(pkcs8))
		})
	})
	return safeBag(oidShroudedKeyBag, epki, attrs)
}

// shroudedKeyBag3DES encrypts k with PBE-SHA1-3DES under password.
func shroudedKeyBag3DES(t testing.TB, k crypto.PrivateKey, password string, iter int64) func(*builder) {
	return shroudedBag(mustPKCS8(t, k), pbe3DES(bmpPassword(password), []byte("saltsalt"), iter), nil)
}

func nestedSafe(sc []byte) func(*builder) { return safeBag(oidSafeContentsBag, sc, nil) }

func safeContents(bags ...func(*builder)) []byte {
	return der(func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			for _, f := range bags {
				f(b)
			}
		})
	})
}

func plainSafe(sc []byte) func(*builder) {
	return func(b *builder) { b.AddBytes(plainSafeCI(sc)) }
}

func plainSafeCI(sc []byte) []byte {
	return der(func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidData)
			explicit0(b, func(b *builder) { b.AddASN1OctetString(sc) })
		})
	})
}

func encryptedSafeCI(sc []byte, s scheme) []byte {
	return der(func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			addOID(b, oidEncryptedData)
			explicit0(b, func(b *builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					b.AddASN1Int64(0)
					b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
						addOID(b, oidData)
						s.alg(b)
						b.AddASN1(cbasn1.Tag(0).ContextSpecific(), func(b *builder) { b.AddBytes(s.encrypt(sc)) })
					})
				})
			})
		})
	})
}

func encryptedSafe(sc []byte, s scheme) func(*builder) {
	return func(b *builder) { b.AddBytes(encryptedSafeCI(sc, s)) }
}

func encryptedSafe3DES(sc []byte, password string, iter int64) func(*builder) {
	return encryptedSafe(sc, pbe3DES(bmpPassword(password), []byte("safesalt"), iter))
}

// macSpec says how buildPFXWith computes the MAC.
type macSpec struct {
	hash hashSpec
	oid  asn1.ObjectIdentifier
	pw   []byte // KDF password: bmpPassword(p), or nil for a NULL password
	iter int64
}

func sha1MAC(password string, iter int64) macSpec {
	return macSpec{hashSHA1, oidSHA1, bmpPassword(password), iter}
}

// buildPFX assembles a PFX with a SHA-1 MAC of macIter iterations. The MAC
// is computed for real when macIter is small, and faked otherwise.
func buildPFX(password string, macIter int64, safes ...func(*builder)) []byte {
	return buildPFXWith(sha1MAC(password, macIter), der(func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			for _, f := range safes {
				f(b)
			}
		})
	}), false)
}

// buildPFXWith assembles a PFX around the authenticated safe's encoding,
// in BER (indefinite lengths, chunked content) when ber is set, with the
// MAC over authSafe as it is.
func buildPFXWith(m macSpec, authSafe []byte, ber bool) []byte {
	salt := []byte("macsaltmacsalt!!")
	digest := make([]byte, m.hash.u)
	if m.iter <= fakeAbove {
		key := pkcs12KDF(m.hash, salt, m.pw, m.iter, 3, m.hash.u)
		h := hmac.New(m.hash.new, key)
		h.Write(authSafe)
		digest = h.Sum(nil)
	}
	macData := der(func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
					addOID(b, m.oid)
					b.AddASN1NULL()
				})
				b.AddASN1OctetString(digest)
			})
			b.AddASN1OctetString(salt)
			b.AddASN1Int64(m.iter)
		})
	})
	version := []byte{2, 1, 3}
	dataOID := der(func(b *builder) { addOID(b, oidData) })
	if ber {
		out := []byte{0x30, 0x80}
		out = append(out, version...)
		out = append(out, 0x30, 0x80)
		out = append(out, dataOID...)
		out = append(out, 0xa0, 0x80)
		out = append(out, chunked(0x24, authSafe, 1000)...)
		out = append(out, 0, 0, 0, 0)
		out = append(out, macData...)
		return append(out, 0, 0)
	}
	// Written by hand, with one copy of the authenticated safe, rather
	// than with cryptobyte.Builder, whose appends copy a 20 MB hostile
	// authenticated safe many times over.
	hdr := func(tag byte, n int) []byte { return appendDERLen([]byte{tag}, n) }
	octets := hdr(0x04, len(authSafe))
	explicit := hdr(0xa0, len(octets)+len(authSafe))
	ciLen := len(dataOID) + len(explicit) + len(octets) + len(authSafe)
	ci := hdr(0x30, ciLen)
	pfxLen := len(version) + len(ci) + ciLen + len(macData)
	out := make([]byte, 0, pfxLen+6)
	out = append(out, hdr(0x30, pfxLen)...)
	for _, p := range [][]byte{version, ci, dataOID, explicit, octets, authSafe, macData} {
		out = append(out, p...)
	}
	return out
}

// chunked writes data as a constructed string of tag (0x24 for OCTET
// STRING, 0xa0 for [0] IMPLICIT) with indefinite length, in OCTET STRING
// segments of at most n bytes.
func chunked(tag byte, data []byte, n int) []byte {
	out := []byte{tag, 0x80}
	for len(data) > 0 {
		k := min(n, len(data))
		out = append(out, der(func(b *builder) { b.AddASN1OctetString(data[:k]) })...)
		data = data[k:]
	}
	return append(out, 0, 0)
}

// berify rewrites one DER level in BER as NSS writes it: every
// constructed element with an indefinite length, every OCTET STRING and
// [0] IMPLICIT OCTET STRING as a constructed string of 64-byte chunks. It
// does not look inside the strings, so the levels nested in them stay as
// they were.
func berify(d []byte) []byte {
	in := cryptobyte.String(d)
	var out []byte
	for !in.Empty() {
		var elem, content cryptobyte.String
		var tag cbasn1.Tag
		if !in.ReadAnyASN1Element(&elem, &tag) {
			panic("berify: not DER")
		}
		e := elem
		e.ReadAnyASN1(&content, &tag)
		switch {
		case tag == cbasn1.OCTET_STRING:
			out = append(out, chunked(0x24, content, 64)...)
		case tag == cbasn1.Tag(0).ContextSpecific():
			out = append(out, chunked(0xa0, content, 64)...)
		case tag&0x20 != 0:
			out = append(out, byte(tag), 0x80)
			out = append(out, berify(content)...)
			out = append(out, 0, 0)
		default:
			out = append(out, elem...)
		}
	}
	return out
}

// berSequence wraps BER elements in an indefinite-length SEQUENCE.
func berSequence(elems ...[]byte) []byte {
	out := []byte{0x30, 0x80}
	for _, e := range elems {
		out = append(out, e...)
	}
	return append(out, 0, 0)
}

// berPlainSafeCI is a data ContentInfo whose content (BER safe contents)
// is chunked.
func berPlainSafeCI(scBER []byte) []byte {
	oid := der(func(b *builder) { addOID(b, oidData) })
	return berSequence(oid, append(append([]byte{0xa0, 0x80}, chunked(0x24, scBER, 100)...), 0, 0))
}

// nullPasswordFile is a bundle as Windows writes one with no password: a
// NULL password (zero octets, not the BMPString terminator) for the MAC,
// the 3DES certificate safe and the 3DES key.
func nullPasswordFile(t testing.TB, key crypto.PrivateKey, certs ...*x509.Certificate) []byte {
	var bags []func(*builder)
	for i, c := range certs {
		id := []byte(nil)
		if i == 0 {
			id = []byte{1, 0, 0, 0}
		}
		bags = append(bags, certBagA(c.Raw, "", id))
	}
	auth := der(func(b *builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
			plainSafe(safeContents(shroudedBag(mustPKCS8(t, key), pbe3DES(nil, []byte("nullsalt"), 2000), attrsOf("", []byte{1, 0, 0, 0}))))(b)
			encryptedSafe(safeContents(bags...), pbe3DES(nil, []byte("certsalt"), 2000))(b)
		})
	})
	return buildPFXWith(macSpec{hashSHA1, oidSHA1, nil, 2000}, auth, false)
}

// berFile is a bundle in BER as NSS and Bouncy Castle write them:
// indefinite lengths and content octets in segments in the PFX, the
// authenticated safe and the safes' ContentInfo and EncryptedData, the
// bags and keys in DER (BERContainers). deep adds BER where no known
// producer writes it: in the bags, the keys' PKCS#8 plaintext, the
// algorithm parameters.
func berFile(t testing.TB, password string, key crypto.PrivateKey, deep BER, certs ...*x509.Certificate) []byte {
	pw := bmpPassword(password)
	id := []byte("berkey")
	var bags []func(*builder)
	for i, c := range certs {
		if i == 0 {
			bags = append(bags, certBagA(c.Raw, "client", id))
		} else {
			bags = append(bags, certBag(c.Raw))
		}
	}
	keyDER := mustPKCS8(t, key)
	if deep&BERKeys != 0 {
		keyDER = berify(keyDER)
	}
	keySafe := safeContents(shroudedBag(keyDER, pbe3DES(pw, []byte("berkeysalt"), 2048), attrsOf("client", id)))
	certSafe := safeContents(bags...)
	if deep&BERBags != 0 {
		keySafe, certSafe = berify(keySafe), berify(certSafe)
	}
	certCI := encryptedSafeCI(certSafe, pbe3DES(pw, []byte("bercertsalt"), 2048))
	if deep&BERParameters != 0 {
		certCI = berify(certCI)
	} else {
		certCI = berContainers(certCI)
	}
	auth := berSequence(berPlainSafeCI(keySafe), certCI)
	return buildPFXWith(sha1MAC(password, 2048), auth, true)
}

// berContainers rewrites an EncryptedData ContentInfo as NSS does:
// indefinite lengths for the ContentInfo, [0], EncryptedData and
// EncryptedContentInfo, the encrypted content in 1000-byte segments, the
// algorithm identifier left in DER.
func berContainers(ci []byte) []byte {
	elem := func(s *cryptobyte.String) []byte {
		var e cryptobyte.String
		var tag cbasn1.Tag
		s.ReadAnyASN1Element(&e, &tag)
		return e
	}
	content := func(e []byte) cryptobyte.String {
		s := cryptobyte.String(e)
		var c cryptobyte.String
		var tag cbasn1.Tag
		s.ReadAnyASN1(&c, &tag)
		return c
	}
	in := cryptobyte.String(ci)
	seq := content(elem(&in))
	oid := elem(&seq)
	ctx0 := content(elem(&seq))
	ed := content(elem(&ctx0))
	ver := elem(&ed)
	eci := content(elem(&ed))
	innerOID, alg, ct := elem(&eci), elem(&eci), content(elem(&eci))
	eciBER := berSequence(innerOID, alg, chunked(0xa0, ct, 1000))
	return berSequence(oid, append(append([]byte{0xa0, 0x80}, berSequence(ver, eciBER)...), 0, 0))
}
