package pkce

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rc4"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/asn1"
	"hash"
	"unicode/utf16"
)

// This file holds the decryption side of PKCS#12. go-pkcs12 does the
// cryptography of Encode, but it exposes no way to decrypt one safe, see
// its plaintext, and stop before the next key derivation: its DecodeChain
// derives every key as it meets it. PK-4 needs exactly that stop, so
// Decode derives keys here, after checking every count it can see.

// hashSpec is a hash function with its PKCS#12 KDF block sizes (RFC 7292
// appendix B.2: u is the output size, v the input block size, in bytes).
type hashSpec struct {
	name string
	new  func() hash.Hash
	u, v int
}

var (
	hashSHA1      = hashSpec{"hmacWithSHA1", sha1.New, 20, 64}
	hashSHA224    = hashSpec{"hmacWithSHA224", sha256.New224, 28, 64}
	hashSHA256    = hashSpec{"hmacWithSHA256", sha256.New, 32, 64}
	hashSHA384    = hashSpec{"hmacWithSHA384", sha512.New384, 48, 128}
	hashSHA512    = hashSpec{"hmacWithSHA512", sha512.New, 64, 128}
	hashSHA512224 = hashSpec{"hmacWithSHA512-224", sha512.New512_224, 28, 128}
	hashSHA512256 = hashSpec{"hmacWithSHA512-256", sha512.New512_256, 32, 128}
)

// hmacByOID maps an HMAC algorithm identifier (RFC 8018 appendix B.1) to
// its hash.
func hmacByOID(oid asn1.ObjectIdentifier) (hashSpec, bool) {
	switch {
	case oid.Equal(oidHMACSHA1):
		return hashSHA1, true
	case oid.Equal(oidHMACSHA224):
		return hashSHA224, true
	case oid.Equal(oidHMACSHA256):
		return hashSHA256, true
	case oid.Equal(oidHMACSHA384):
		return hashSHA384, true
	case oid.Equal(oidHMACSHA512):
		return hashSHA512, true
	case oid.Equal(oidHMAC512224):
		return hashSHA512224, true
	case oid.Equal(oidHMAC512256):
		return hashSHA512256, true
	}
	return hashSpec{}, false
}

// macByOID maps the digest algorithm of a PKCS#12 MacData (RFC 7292
// section 4, appendix B) to its hash and MACAlgorithm.
func macByOID(oid asn1.ObjectIdentifier) (hashSpec, MACAlgorithm, bool) {
	switch {
	case oid.Equal(oidSHA1):
		return hashSHA1, MACSHA1, true
	case oid.Equal(oidSHA224):
		return hashSHA224, MACSHA224, true
	case oid.Equal(oidSHA256):
		return hashSHA256, MACSHA256, true
	case oid.Equal(oidSHA384):
		return hashSHA384, MACSHA384, true
	case oid.Equal(oidSHA512):
		return hashSHA512, MACSHA512, true
	case oid.Equal(oidSHA512_224):
		return hashSHA512224, MACSHA512_224, true
	case oid.Equal(oidSHA512_256):
		return hashSHA512256, MACSHA512_256, true
	}
	return hashSpec{}, 0, false
}

// cipherSpec is a PBES2 encryption scheme (RFC 8018 appendix B.2).
type cipherSpec struct {
	name              string
	keyLen, blockSize int
	new               func(key []byte) (cipher.Block, error)
}

func cipherByOID(oid asn1.ObjectIdentifier) (cipherSpec, bool) {
	switch {
	case oid.Equal(oidAES128CBC):
		return cipherSpec{"aes128-CBC", 16, 16, aes.NewCipher}, true
	case oid.Equal(oidAES192CBC):
		return cipherSpec{"aes192-CBC", 24, 16, aes.NewCipher}, true
	case oid.Equal(oidAES256CBC):
		return cipherSpec{"aes256-CBC", 32, 16, aes.NewCipher}, true
	case oid.Equal(oidDESEDE3CBC):
		return cipherSpec{"des-ede3-cbc", 24, 8, des.NewTripleDESCipher}, true
	}
	return cipherSpec{}, false
}

// bmpPassword encodes a password as RFC 7292 appendix B.1 requires for the
// PKCS#12 KDF: big-endian UTF-16 with a two-byte zero terminator. The
// empty password is the terminator alone.
func bmpPassword(pw string) []byte {
	u := utf16.Encode([]rune(pw))
	out := make([]byte, 0, 2*len(u)+2)
	for _, c := range u {
		out = append(out, byte(c>>8), byte(c))
	}
	return append(out, 0, 0)
}

// secret is the password in the forms the schemes take: UTF-8 octets for
// PBES2 and PBMAC1 (RFC 8018 section 3), and for the PKCS#12 KDF the
// BMPString with its terminator, or, for the empty password, possibly no
// octets at all.
//
// RFC 7292 appendix B.1 makes the empty password the two-byte
// terminator, but Windows writes files whose "no password" is zero
// octets (the NULL password). OpenSSL's PKCS12_parse tries both on the
// MAC and carries the form that verified it into decryption, as does
// go-pkcs12; so does this package. In a file without a MAC the first
// encrypted part decides, trying the terminator first.
type secret struct {
	utf8      string
	bmp       []byte
	undecided bool // empty password, no MAC seen yet: the form is still open
}

func newSecret(pw string) *secret {
	return &secret{utf8: pw, bmp: bmpPassword(pw), undecided: pw == ""}
}

// useNull switches the PKCS#12 KDF password to the NULL form.
func (s *secret) useNull() { s.bmp, s.undecided = nil, false }

// pkcs12KDF is the key derivation of RFC 7292 appendix B.2 with purpose
// id (1 key, 2 IV, 3 MAC key), r iterations and size output bytes.
func pkcs12KDF(h hashSpec, salt, password []byte, r int64, id byte, size int) []byte {
	u, v := h.u, h.v
	// Steps 1-4: D is v copies of id; I = S || P, each a repetition of
	// salt and password filling a multiple of v bytes.
	d := make([]byte, v)
	for i := range d {
		d[i] = id
	}
	fill := func(x []byte) []byte {
		if len(x) == 0 {
			return nil
		}
		n := v * ((len(x) + v - 1) / v)
		out := make([]byte, n)
		for i := range out {
			out[i] = x[i%len(x)]
		}
		return out
	}
	i := append(fill(salt), fill(password)...)
	out := make([]byte, 0, size+u)
	hh := h.new()
	a := make([]byte, 0, u)
	b := make([]byte, v)
	for len(out) < size {
		// Step 6a: A = H^r(D || I).
		hh.Reset()
		hh.Write(d)
		hh.Write(i)
		a = hh.Sum(a[:0])
		a = iterateHash(h, hh, a, r-1)
		out = append(out, a...)
		if len(out) >= size {
			break
		}
		// Steps 6b-6c: B = A repeated to v bytes; each v-byte block I_j of
		// I becomes (I_j + B + 1) mod 2^(8v).
		for k := range b {
			b[k] = a[k%u]
		}
		for j := 0; j < len(i); j += v {
			carry := 1
			blk := i[j : j+v]
			for k := v - 1; k >= 0; k-- {
				s := int(blk[k]) + int(b[k]) + carry
				blk[k] = byte(s)
				carry = s >> 8
			}
		}
	}
	return out[:size]
}

// iterateHash replaces a by H(a), n times: step 6a of RFC 7292 appendix
// B.2, where the time goes. SHA-1 and SHA-256 take their array forms,
// which skip the hash.Hash interface and are a fifth faster.
func iterateHash(h hashSpec, hh hash.Hash, a []byte, n int64) []byte {
	switch h.name {
	case hashSHA1.name:
		var x [sha1.Size]byte
		copy(x[:], a)
		for ; n > 0; n-- {
			x = sha1.Sum(x[:])
		}
		return append(a[:0], x[:]...)
	case hashSHA256.name:
		var x [sha256.Size]byte
		copy(x[:], a)
		for ; n > 0; n-- {
			x = sha256.Sum256(x[:])
		}
		return append(a[:0], x[:]...)
	}
	for ; n > 0; n-- {
		hh.Reset()
		hh.Write(a)
		a = hh.Sum(a[:0])
	}
	return a
}

// blocks returns how many output blocks of h a derivation of size bytes
// computes; each costs the iteration count.
func blocks(h hashSpec, size int) int64 { return int64((size + h.u - 1) / h.u) }

func ceilDiv(a, b int) int64 { return int64((a + b - 1) / b) }

// The cost functions below give the bytes a derivation hashes (PK-4's
// "total bytes hashed"), counting whole input blocks of the hash, for the
// budget of Limits. They saturate at math.MaxInt64.
// Bytes measure time well enough whatever the hash: BenchmarkHash hashes
// 0.69 to 0.81 GB/s with SHA-1 and SHA-256 and 0.56 to 0.62 GB/s with
// SHA-512 on the 2-core build machine.

// costPKCS12KDF: per output block, H(D || I) over v + |I| bytes, then
// r-1 hashes of u bytes, one block each (RFC 7292 appendix B.2).
func costPKCS12KDF(h hashSpec, saltLen, pwLen int, iter int64, size int) int64 {
	v := int64(h.v)
	per := addSat(mulSat(iter, v), v*(ceilDiv(saltLen, h.v)+ceilDiv(pwLen, h.v)))
	return mulSat(per, blocks(h, size))
}

// costPBKDF2: per output block, U1 over the salt and block index, then
// r-1 more HMACs; each HMAC of a short message hashes one inner and one
// outer block (RFC 8018 section 5.2; the key pads are hashed once).
func costPBKDF2(k *pbkdf2Parameters, pwLen int, size int) int64 {
	v := int64(k.prf.v)
	per := addSat(mulSat(k.iter, 2*v), v*ceilDiv(len(k.salt)+4, k.prf.v))
	return addSat(mulSat(per, blocks(k.prf, size)), v*(2+ceilDiv(pwLen, k.prf.v)))
}

// cost is the bytes hashed to derive this scheme's key and IV with the
// password.
func (s *encScheme) cost(sec *secret) int64 {
	it := s.info.Iterations
	pl := len(sec.bmp)
	switch s.info.Encryption {
	case PBEWithSHA1And3DES:
		return addSat(costPKCS12KDF(hashSHA1, len(s.salt), pl, it, 24), costPKCS12KDF(hashSHA1, len(s.salt), pl, it, 8))
	case PBEWithSHA1And128BitRC2:
		return addSat(costPKCS12KDF(hashSHA1, len(s.salt), pl, it, 16), costPKCS12KDF(hashSHA1, len(s.salt), pl, it, 8))
	case PBEWithSHA1And40BitRC2:
		return addSat(costPKCS12KDF(hashSHA1, len(s.salt), pl, it, 5), costPKCS12KDF(hashSHA1, len(s.salt), pl, it, 8))
	case PBEWithSHA1And128BitRC4:
		return costPKCS12KDF(hashSHA1, len(s.salt), pl, it, 16)
	case PBEWithSHA1And40BitRC4:
		return costPKCS12KDF(hashSHA1, len(s.salt), pl, it, 5)
	case PBES2:
		if s.kdf != nil && s.kdf.prf.new != nil {
			return costPBKDF2(s.kdf, len(sec.utf8), s.cipher.keyLen)
		}
	}
	return 0
}

// cost is the bytes hashed to derive the MAC key and compute the MAC over
// n bytes of content.
func (m *macData) cost(sec *secret, n int) int64 {
	if m.hash.new == nil {
		return 0
	}
	mac := int64(n + 3*m.hash.v)
	if m.kdf != nil {
		if m.kdf.prf.new == nil {
			return 0
		}
		return addSat(costPBKDF2(m.kdf, len(sec.utf8), m.kdf.keyLen), mac)
	}
	return addSat(costPKCS12KDF(m.hash, len(m.salt), len(sec.bmp), m.info.Iterations, m.hash.u), mac)
}

// errPadding is internal: decryption produced bad padding, which almost
// always means a wrong password.
type paddingError struct{}

func (paddingError) Error() string { return "pkce: bad padding" }

// decrypt decrypts CBC ciphertext with the scheme and password (the
// caller has charged the derivation to the budget).
func (s *encScheme) decrypt(ct []byte, sec *secret, where string) ([]byte, error) {
	var block cipher.Block
	var iv []byte
	switch s.info.Encryption {
	case PBEWithSHA1And128BitRC4, PBEWithSHA1And40BitRC4:
		// A stream cipher without IV or padding (RFC 7292 appendix C):
		// only the plaintext's structure shows a wrong password.
		size := 16
		if s.info.Encryption == PBEWithSHA1And40BitRC4 {
			size = 5
		}
		c, err := rc4.NewCipher(pkcs12KDF(hashSHA1, s.salt, sec.bmp, s.info.Iterations, 1, size))
		if err != nil {
			return nil, &UnsupportedError{Where: where, Algorithm: s.info.String()}
		}
		pt := make([]byte, len(ct))
		c.XORKeyStream(pt, ct)
		return pt, nil
	case PBEWithSHA1And3DES, PBEWithSHA1And128BitRC2, PBEWithSHA1And40BitRC2:
		pw := sec.bmp
		it := s.info.Iterations
		switch s.info.Encryption {
		case PBEWithSHA1And3DES:
			key := pkcs12KDF(hashSHA1, s.salt, pw, it, 1, 24)
			block, _ = des.NewTripleDESCipher(key)
		case PBEWithSHA1And128BitRC2:
			block = newRC2(pkcs12KDF(hashSHA1, s.salt, pw, it, 1, 16), 128)
		default:
			block = newRC2(pkcs12KDF(hashSHA1, s.salt, pw, it, 1, 5), 40)
		}
		iv = pkcs12KDF(hashSHA1, s.salt, pw, it, 2, 8)
	case PBES2:
		if !s.supported() {
			return nil, &UnsupportedError{Where: where, Algorithm: s.info.String()}
		}
		// RFC 8018 section 3 and go-pkcs12, OpenSSL and Windows: the PBES2
		// password is the UTF-8 octets, not the BMPString.
		key, err := pbkdf2.Key(s.kdf.prf.new, sec.utf8, s.kdf.salt, int(s.kdf.iter), s.cipher.keyLen)
		if err != nil {
			return nil, &UnsupportedError{Where: where, Algorithm: "PBKDF2 parameters (" + err.Error() + ")"}
		}
		block, err = s.cipher.new(key)
		if err != nil {
			return nil, &UnsupportedError{Where: where, Algorithm: s.cipher.name}
		}
		iv = s.iv
	default:
		return nil, &UnsupportedError{Where: where, Algorithm: s.info.String()}
	}
	bs := block.BlockSize()
	if len(ct) == 0 || len(ct)%bs != 0 {
		return nil, syntaxErr(where, "ciphertext is not a whole number of blocks")
	}
	pt := make([]byte, len(ct))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(pt, ct)
	// PKCS#5 padding (RFC 8018 section 6.1.1 step 4).
	n := int(pt[len(pt)-1])
	if n == 0 || n > bs {
		return nil, paddingError{}
	}
	for _, c := range pt[len(pt)-n:] {
		if int(c) != n {
			return nil, paddingError{}
		}
	}
	return pt[:len(pt)-n], nil
}

// verify checks the MAC over the authenticated safe (RFC 7292 section 5,
// appendix B.4; RFC 9579 for PBMAC1) with the password in the form sec
// holds.
func (m *macData) verify(content []byte, sec *secret) (bool, error) {
	var key []byte
	switch {
	case !m.supported():
		return false, &UnsupportedError{Where: "MAC", Algorithm: "MAC " + m.info.String()}
	case m.info.Algorithm == PBMAC1:
		var err error
		key, err = pbkdf2.Key(m.kdf.prf.new, sec.utf8, m.kdf.salt, int(m.kdf.iter), m.kdf.keyLen)
		if err != nil {
			return false, &UnsupportedError{Where: "MAC", Algorithm: "PBKDF2 parameters (" + err.Error() + ")"}
		}
	default:
		key = pkcs12KDF(m.hash, m.salt, sec.bmp, m.info.Iterations, 3, m.hash.u)
	}
	mac := hmac.New(m.hash.new, key)
	mac.Write(content)
	sum := mac.Sum(nil)
	return len(sum) == len(m.digest) && subtle.ConstantTimeCompare(sum, m.digest) == 1, nil
}
