package pkce

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/asn1"
	"hash"
	"math"
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
	hashSHA1   = hashSpec{"hmacWithSHA1", sha1.New, 20, 64}
	hashSHA224 = hashSpec{"hmacWithSHA224", sha256.New224, 28, 64}
	hashSHA256 = hashSpec{"hmacWithSHA256", sha256.New, 32, 64}
	hashSHA384 = hashSpec{"hmacWithSHA384", sha512.New384, 48, 128}
	hashSHA512 = hashSpec{"hmacWithSHA512", sha512.New, 64, 128}
)

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
	}
	return hashSpec{}, false
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
		for n := int64(1); n < r; n++ {
			hh.Reset()
			hh.Write(a)
			a = hh.Sum(a[:0])
		}
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

// blocks returns how many output blocks of h a derivation of size bytes
// computes; each costs the iteration count. It prices derivations for the
// total budget of PK-4.
func blocks(h hashSpec, size int) int64 { return int64((size + h.u - 1) / h.u) }

// cost is the hash-iteration cost of deriving this scheme's key and IV,
// saturating at math.MaxInt64.
func (s *encScheme) cost() int64 {
	it := s.info.Iterations
	switch s.info.Encryption {
	case PBEWithSHA1And3DES:
		return mulSat(it, blocks(hashSHA1, 24)+blocks(hashSHA1, 8))
	case PBEWithSHA1And128BitRC2:
		return mulSat(it, blocks(hashSHA1, 16)+blocks(hashSHA1, 8))
	case PBEWithSHA1And40BitRC2:
		return mulSat(it, blocks(hashSHA1, 5)+blocks(hashSHA1, 8))
	case PBES2:
		return mulSat(it, blocks(s.kdf.prf, s.cipher.keyLen))
	}
	return 0
}

func (m *macData) cost() int64 {
	if m.kdf != nil {
		return mulSat(m.info.Iterations, blocks(m.kdf.prf, m.kdf.keyLen))
	}
	return m.info.Iterations
}

// mulSat returns a*b for non-negative a and small positive b, saturating
// at math.MaxInt64.
func mulSat(a, b int64) int64 {
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

// errPadding is internal: decryption produced bad padding, which almost
// always means a wrong password.
type paddingError struct{}

func (paddingError) Error() string { return "pkce: bad padding" }

// decrypt decrypts CBC ciphertext with the scheme and password (the
// caller has checked the iteration count against the cap).
func (s *encScheme) decrypt(ct []byte, password string, where string) ([]byte, error) {
	var block cipher.Block
	var iv []byte
	switch s.info.Encryption {
	case PBEWithSHA1And3DES, PBEWithSHA1And128BitRC2, PBEWithSHA1And40BitRC2:
		pw := bmpPassword(password)
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
		// RFC 8018 section 3 and go-pkcs12, OpenSSL and Windows: the PBES2
		// password is the UTF-8 octets, not the BMPString.
		key, err := pbkdf2.Key(s.kdf.prf.new, password, s.kdf.salt, int(s.kdf.iter), s.cipher.keyLen)
		if err != nil {
			return nil, &UnsupportedError{Where: where, Algorithm: "PBKDF2 parameters (" + err.Error() + ")"}
		}
		block, err = s.cipher.new(key)
		if err != nil {
			return nil, &UnsupportedError{Where: where, Algorithm: s.cipher.name}
		}
		iv = s.iv
	default:
		return nil, &UnsupportedError{Where: where, Algorithm: "encryption " + s.info.OID}
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
// appendix B.4; RFC 9579 for PBMAC1).
func (m *macData) verify(content []byte, password string, emptyRetry bool) (bool, error) {
	var key []byte
	switch {
	case m.info.Algorithm == PBMAC1:
		var err error
		key, err = pbkdf2.Key(m.kdf.prf.new, password, m.kdf.salt, int(m.kdf.iter), m.kdf.keyLen)
		if err != nil {
			return false, &UnsupportedError{Where: "MAC", Algorithm: "PBKDF2 parameters (" + err.Error() + ")"}
		}
	case m.hash.new != nil:
		pw := bmpPassword(password)
		if emptyRetry {
			// Some writers derive the MAC key of an empty password from
			// zero octets, not from the terminator (go-pkcs12 and OpenSSL
			// try both).
			pw = nil
		}
		key = pkcs12KDF(m.hash, m.salt, pw, m.info.Iterations, 3, m.hash.u)
	default:
		return false, &UnsupportedError{Where: "MAC", Algorithm: "MAC algorithm " + m.info.OID}
	}
	mac := hmac.New(m.hash.new, key)
	mac.Write(content)
	sum := mac.Sum(nil)
	return len(sum) == len(m.digest) && subtle.ConstantTimeCompare(sum, m.digest) == 1, nil
}
