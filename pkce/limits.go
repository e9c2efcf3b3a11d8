package pkce

import (
	"crypto"
	"math"
)

// DefaultMaxIterations is the default cap on the iteration count of one
// key derivation (PK-4), 2^20, the cap of golang.org/x/crypto/pkcs12.
// Writers use 2048 (OpenSSL, go-pkcs12), 10,000 (Java 17), 51,200 to
// 102,400 (Bouncy Castle), 600,000 (NSS 3.87, GnuTLS 3.7, Windows' own
// limit); the JDK refuses more than 5,000,000.
const DefaultMaxIterations = 1 << 20

// Limits bounds the work [Decode], [DecodeEntries], [Load] and [Inspect]
// do on untrusted input (PK-4). A zero field means its default. Every
// limit is checked before the work it guards: a count or size is refused
// when it is read, a key derivation before it runs, so a refused file has
// cost no more than reading its structure.
//
// # The bound
//
// With I = Iterations, H = HashedBytes, S the encrypted safes and K the
// shrouded key bags of the file, the key derivations and the MAC of one
// file hash at most
//
//	min(H, 256 · I · (1 + S + K)) bytes
//
// (each part of the file that needs a key gets a share of 256·I bytes,
// enough for any safe's or key's encryption at the iteration cap; the
// whole file never more than H), and everything else is linear
// in the input: at most Bytes bytes, each of its nested levels (the PFX,
// the authenticated safe, each safe's contents, each key) scanned once for
// BER, rewritten once if it is BER, then parsed once. With the defaults,
// H = 1 GiB: about 1.3 s of the PKCS#12 KDF's SHA-1 to 1.9 s of
// PBKDF2-HMAC-SHA-512 on one core of the 2-core build machine
// (BenchmarkHash: 0.8 and 0.56 GB/s); ordinary files stay far
// below it (an NSS export at 600,000 iterations hashes 183 MiB, GnuTLS
// with 3DES and five certificates, each in its own safe at 600,000
// iterations, 695 MiB, decoded in 0.9 s).
//
// Bytes hashed, not iterations, measure the cost: one PBKDF2-HMAC-SHA-512
// iteration hashes 256 bytes (two 128-byte blocks), one PKCS#12-KDF SHA-1
// iteration 64, so a budget in iterations let SHA-512 files cost four
// times as much as SHA-1 ones; a byte of either costs about the same.
type Limits struct {
	// Iterations caps the iteration count of any one key derivation: the
	// MAC, each encrypted safe and each shrouded key bag, wherever it
	// sits. Default [DefaultMaxIterations]. A larger count is refused with
	// an *[IterationError] before anything is derived.
	Iterations int64
	// HashedBytes caps the bytes the key derivations and the MAC of one
	// file may hash, in total (see the bound above). Default 1 GiB
	// (1 << 30). Over it: an *[IterationError] with Total set.
	HashedBytes int64
	// Bytes caps the size of the input, and of each decrypted plaintext.
	// Default 16 MiB; a truststore of a thousand certificates takes
	// 1.5 MB.
	Bytes int64
	// Safes caps the SafeContents of the authenticated safe. Default
	// 1024 (GnuTLS writes one per certificate).
	Safes int
	// Bags caps the safe bags of a file, nested ones included, and the
	// blocks of a PEM file, of any type. Default 4096.
	Bags int
	// Nesting caps how deep safeContentsBags nest. Default 4. The BER
	// reader allows ASN.1 elements 24 + 3·Nesting deep, enough for any
	// PKCS#12 structure with that nesting.
	Nesting int
	// Certificates caps the certificate bags (or CERTIFICATE blocks) of a
	// file. Default 1024.
	Certificates int
	// Keys caps the key bags, shrouded or not (or private-key blocks), of
	// a file; each costs a key parse, 1–3 ms for RSA-4096. Default 64.
	Keys int
	// SaltBytes caps the salt of any key derivation. Default 1024
	// (writers use 8 to 20).
	SaltBytes int
	// ParameterBytes caps the encoded parameters of any algorithm
	// identifier. Default 2048 (PBES2's are about 80).
	ParameterBytes int
}

// Default limits; see [Limits].
const (
	defaultHashedBytes    = 1 << 30
	defaultBytes          = 16 << 20
	defaultSafes          = 1024
	defaultBags           = 4096
	defaultNesting        = 4
	defaultCertificates   = 1024
	defaultKeys           = 64
	defaultSaltBytes      = 1024
	defaultParameterBytes = 2048
)

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def64 := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def64(&l.Iterations, DefaultMaxIterations)
	def64(&l.HashedBytes, defaultHashedBytes)
	def64(&l.Bytes, defaultBytes)
	def(&l.Safes, defaultSafes)
	def(&l.Bags, defaultBags)
	def(&l.Nesting, defaultNesting)
	def(&l.Certificates, defaultCertificates)
	def(&l.Keys, defaultKeys)
	def(&l.SaltBytes, defaultSaltBytes)
	def(&l.ParameterBytes, defaultParameterBytes)
	return l
}

// maxASN1Depth is the nesting the BER reader allows (see Limits.Nesting).
func (l Limits) maxASN1Depth() int { return 24 + 3*l.Nesting }

// maxElements is how many ASN.1 elements the BER reader visits in one
// file: 32 per bag and per safe, more than any bag of a known writer has
// (a certificate bag with three attributes has 16), so that a hostile BER
// file costs no more than a DER file within the bag and safe limits.
func (l Limits) maxElements() int { return 32*(l.Bags+l.Safes) + 64 }

// Option changes how [Decode], [DecodeEntries], [Load] and [Inspect]
// work: [WithLimits] and [MaxIterations] bound them, [SelectAlias] and
// [SelectKey] choose an entry.
type Option func(*config)

type config struct {
	lim   Limits
	alias *string
	pub   crypto.PublicKey
}

func newConfig(opts []Option) config {
	c := config{}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	c.lim = c.lim.withDefaults()
	return c
}

// WithLimits sets every limit of [Limits] at once; zero fields keep their
// defaults, and a later [MaxIterations] overrides Iterations.
//
//	b, err := pkce.Decode(upload, pw, pkce.WithLimits(pkce.Limits{Iterations: 600_000, Bytes: 1 << 20}))
func WithLimits(l Limits) Option {
	return func(c *config) {
		it := c.lim.Iterations
		c.lim = l
		if l.Iterations <= 0 {
			c.lim.Iterations = it
		}
	}
}

// MaxIterations sets [Limits].Iterations, the cap on the iteration count
// of any one key derivation (PK-4). n <= 0 means [DefaultMaxIterations].
// Raise it only for files from a trusted source: each iteration hashes
// 64 to 512 bytes, and a hostile file chooses the count.
//
//	b, err := pkce.Decode(upload, pw, pkce.MaxIterations(600_000)) // Windows' own limit
func MaxIterations(n int64) Option { return func(c *config) { c.lim.Iterations = n } }

// budget enforces PK-4 before each key derivation is run: the
// per-derivation cap, and the file's budget of hashed bytes, which grows
// by one share per part needing a key (see Limits) up to HashedBytes.
type budget struct {
	lim   Limits
	parts int64 // MAC (1) + encrypted safes + shrouded key bags seen
	spent int64
}

// share is the bytes each part of the file may hash, 256·I.
func (b *budget) share() int64 { return mulSat(b.lim.Iterations, 256) }

// limit returns the file's current budget.
func (b *budget) limit() int64 {
	return min(b.lim.HashedBytes, mulSat(b.share(), max(b.parts, 1)))
}

// addParts grows the budget by n parts (encrypted safes or shrouded key
// bags found).
func (b *budget) addParts(n int) { b.parts += int64(n) }

// reserve charges a derivation of count iterations hashing cost bytes, or
// refuses it before any work.
func (b *budget) reserve(where string, count, cost int64) error {
	// PK-4: "the key-derivation iteration counts are read and capped
	// before any decryption".
	if count > b.lim.Iterations {
		return &IterationError{Where: where, Count: count, Limit: b.lim.Iterations}
	}
	total := addSat(b.spent, cost)
	if lim := b.limit(); total > lim || total == math.MaxInt64 {
		return &IterationError{Where: where, Count: total, Limit: lim, Total: true}
	}
	b.spent = total
	return nil
}

// mulSat returns a*b for non-negative a and positive b, saturating at
// math.MaxInt64.
func mulSat(a, b int64) int64 {
	if b != 0 && a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

// addSat returns a+b for non-negative a and b, saturating.
func addSat(a, b int64) int64 {
	if b > math.MaxInt64-a {
		return math.MaxInt64
	}
	return a + b
}
