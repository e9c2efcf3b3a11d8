// Package input is how every example command reads its input: files,
// directories and standard input, in PEM, DER, PKCS#7 or PKCS#12, with
// bounded memory and errors that name the file and what was expected
// there.
//
// # Sources
//
// An argument is a file, a directory or "-" for standard input. A
// directory is walked in name order, symbolic links followed, with a guard
// against link loops and a depth limit; entries that are not read are
// skipped and reported (see [Skip]): special files (pipes, sockets,
// devices), broken links, links back to a directory being walked, files
// already read under another name, files that hold nothing the command
// reads (a README beside the certificates), and files in a format not read
// (Debian's /etc/ssl/certs/java/cacerts, a Java keystore). A file named
// directly that holds nothing the command reads is an error instead.
//
// # Formats
//
// The format is found from the bytes, not the file name: an input whose
// first byte (after a byte order mark) is 0x30, an ASN.1 SEQUENCE, is DER
// unless its first 512 bytes are printable ASCII text; any other input is
// PEM text.
//
//   - PEM text (RFC 7468), with a UTF-8 byte order mark or none, with text
//     around and between the blocks (openssl -text output, comments), CRLF
//     or LF: CERTIFICATE (and the legacy X509 CERTIFICATE), OpenSSL's
//     TRUSTED CERTIFICATE (a certificate followed by its trust settings,
//     which are not read), PKCS7 and CMS certificate bags, CERTIFICATE
//     REQUEST, private keys (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY),
//     and encrypted keys (ENCRYPTED PRIVATE KEY, or a Proc-Type:
//     4,ENCRYPTED header), which are named as such and never decrypted;
//     other blocks (CRLs, public keys, parameters) are passed over;
//   - DER: one or more concatenated certificates, a certificate request, a
//     private key, an encrypted private key, a PKCS#7 SignedData
//     certificate bag (.p7b, .p7c; degenerate or signed, the signature not
//     verified), or a PKCS#12 bundle (.p12, .pfx; DER or BER), opened
//     with package pkce when the command has a password (key derivations
//     capped, PK-4): every entry of a keystore, each key with its
//     certificate and chain (PK-3), then the certificate entries (see
//     [BundleRole]).
//
// # Bounds
//
// Input is streamed: PEM is read a line at a time and each block handed on
// before the next is read, DER an element at a time. Memory is bounded by
// [Limits]: the longest line of text, the largest PEM block or DER element,
// and the total bytes of one run; each limit, when reached, stops that
// input with an error saying which. Time is linear in the bytes read.
//
// # What it does not do
//
// It does not read BER (indefinite lengths) other than PKCS#12 bundles
// (NSS, Firefox and Bouncy Castle write them; pkce reads BER): a PKCS#7
// bag in BER is refused. Nor does it read Java's JKS and JCEKS keystores,
// nor OpenSSH keys; it says so, and how to convert them. It does not verify PKCS#7 signatures.
package input

import (
	"crypto"
	"crypto/x509"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
)

// Limits bound the memory and the work of reading input.
type Limits struct {
	// Line is the longest line of PEM text, in bytes.
	Line int
	// Block is the largest PEM block (its base64 text) or DER element, in
	// bytes.
	Block int
	// Total is the most bytes read in one run, over all inputs.
	Total int64
	// Depth is how many directories deep a walk goes below an argument.
	Depth int
}

// DefaultLimits are 64 KiB lines, 8 MiB blocks, 1 GiB in all and 32
// directories deep: a certificate is a few KiB, the largest PKCS#7 and
// PKCS#12 files users hold (a CA store) a few hundred KiB, and 100,000
// certificates in PEM about 65 MiB.
func DefaultLimits() Limits {
	return Limits{Line: 64 << 10, Block: 8 << 20, Total: 1 << 30, Depth: 32}
}

// Kind is what an item of input is.
type Kind int

// Kinds of items.
const (
	// KindCertificate is an X.509 certificate.
	KindCertificate Kind = iota + 1
	// KindRequest is a PKCS #10 certificate signing request.
	KindRequest
	// KindKey is an unencrypted private key.
	KindKey
	// KindEncryptedKey is an encrypted private key, named but not read.
	KindEncryptedKey
	// KindPKCS12 is a PKCS#12 bundle that was not opened, because the
	// reader has no password; Item.DER holds it.
	KindPKCS12
	// KindOther is anything else that was recognised (a CRL, a public key,
	// parameters, a PKCS#7 message without certificates).
	KindOther
)

// Item is one thing read from an input.
type Item struct {
	// Kind is what it is.
	Kind Kind
	// File is the input it came from: the argument, a path below a
	// directory argument, or "-".
	File string
	// Where is where in the file it starts: "line 12" in PEM text, "byte
	// 0" in DER, with the position in a PKCS#7 or PKCS#12 container
	// after it ("line 3, PKCS#7 certificate 2").
	Where string
	// Index is its 1-based position among the items of its kind in File
	// (certificate 3 of a bundle).
	Index int
	// Label says what it was found as: "CERTIFICATE block", "TRUSTED
	// CERTIFICATE block", "DER certificate", "PKCS#7 certificate",
	// "PKCS#12 certificate", "ENCRYPTED PRIVATE KEY block", ...
	Label string
	// Cert is the certificate of a KindCertificate item.
	Cert *x509.Certificate
	// Request is the request of a KindRequest item.
	Request *x509.CertificateRequest
	// Key is the key of a KindKey item.
	Key crypto.PrivateKey
	// DER is the bundle of a KindPKCS12 item, and the block or element of
	// a KindOther item.
	DER []byte
	// Bundle is set for the certificates and keys of a PKCS#12 bundle: how
	// they pair.
	Bundle *BundleRole
	// Err is set, with only Kind, File, Where, Index and Label, when the
	// item was recognised but does not parse. It is an *Error.
	Err error
}

// BundleRole is the place of a certificate or a key in a PKCS#12 bundle.
type BundleRole struct {
	// Entry is the 1-based entry of the keystore the item belongs to, as
	// pkce.DecodeEntries lists them: the key entries (a private key with
	// its certificate and chain) first, then the certificate entries.
	Entry int
	// Role is "key" for a key entry's private key, "leaf" for the
	// certificate whose public key is that key (PK-3), "chain" for the
	// leaf's issuers found in the bundle, and "certificate" for the
	// certificate of a certificate entry: one without a private key (a
	// truststore's CA, or a certificate no key uses).
	Role string
	// KeyType names the entry's key ("RSA 2048"), or "" without one.
	KeyType string
	// Alias is the entry's friendlyName (the keytool alias), or "" when
	// the bundle gives none (openssl pkcs12 -export without -name).
	Alias string
}

// Skip is an entry of a directory, or an argument, that was not read.
type Skip struct {
	// Path is the entry, below the argument that named its directory.
	Path string
	// Reason says why, in words.
	Reason string
	// SameAs is set when the entry is a file already read under this other
	// name (a symbolic link, /etc/ssl/certs's hash links); Reader reports
	// these per argument, as a count.
	SameAs string
}

// Handler is what a command does with what a Reader reads.
type Handler struct {
	// Want reports whether the command reads items of kind k. A file that
	// holds none is an error when named, and skipped in a directory.
	Want func(k Kind) bool
	// WantText says in words what the command reads, for errors: "PEM or
	// DER certificates, PKCS#7 or PKCS#12".
	WantText string
	// Item is called for each item of a wanted kind, in input order; the
	// item is the caller's. An error stops the whole read and is returned
	// by Read (a failed write).
	Item func(it *Item) error
	// Error is called for an input that could not be read, or not to the
	// end; the read goes on with the next input. Its argument is an
	// *Error.
	Error func(err error)
	// Raw, when set, replaces the reading of formats: it is called with
	// each input, bounded by Limits.Total, and reads it as it likes (a
	// JSON file). An *Error it returns with Unrecognised set makes an input
	// found in a directory skipped; other *Errors go to Error; any other
	// error stops the read, as Item's do. Want and Item are not used.
	Raw func(name string, r io.Reader) error
	// Skip is called for each entry skipped, as it is skipped, except
	// those of the same file read twice, which are counted and reported
	// once per argument, as a Skip without SameAs whose Reason gives the
	// count.
	Skip func(s Skip)
}

// defaults fills the nil fields of h: every kind wanted, errors and skips
// dropped (set them: a command must report both).
func (h Handler) defaults() Handler {
	if h.Want == nil {
		h.Want = func(Kind) bool { return true }
	}
	if h.Item == nil {
		h.Item = func(*Item) error { return nil }
	}
	if h.Error == nil {
		h.Error = func(error) {}
	}
	if h.Skip == nil {
		h.Skip = func(Skip) {}
	}
	return h
}

// Reader reads the inputs of one run. Its zero value is not ready: set
// Stdin and Limits (DefaultLimits), and Password for PKCS#12 input.
type Reader struct {
	// Stdin is read for the argument "-", at most once.
	Stdin io.Reader
	// Limits bound the work; the zero value of a field means its
	// default.
	Limits Limits
	// Password returns the password of PKCS#12 input, and is called at
	// most once, when the first PKCS#12 bundle is met. When nil, PKCS#12
	// bundles are handed on unopened, as KindPKCS12 items.
	Password func() ([]byte, error)
	// TotalFlag names the flag that sets Limits.Total ("-max-input"), for
	// the error that says it was reached; "" when there is none.
	TotalFlag string
	// Skipped lists every entry skipped so far, in order.
	Skipped []Skip

	read      int64             // bytes read so far, over all inputs
	seen      map[fileID]string // files read, to their first name
	stdinRead bool
	password  []byte
	passErr   error
	passDone  bool
}

// Read reads each argument in order and hands what it holds to h. It
// returns only an error returned by h.Item; the errors of inputs go to
// h.Error.
func (r *Reader) Read(args []string, h Handler) error {
	r.fill()
	h = h.defaults()
	for _, arg := range args {
		if err := r.readArg(arg, h); err != nil {
			return err
		}
	}
	return nil
}

// fill sets the defaults of the zero fields of Limits.
func (r *Reader) fill() {
	d := DefaultLimits()
	if r.Limits.Line <= 0 {
		r.Limits.Line = d.Line
	}
	if r.Limits.Block <= 0 {
		r.Limits.Block = d.Block
	}
	if r.Limits.Total <= 0 {
		r.Limits.Total = d.Total
	}
	if r.Limits.Depth <= 0 {
		r.Limits.Depth = d.Depth
	}
	if r.seen == nil {
		r.seen = map[fileID]string{}
	}
}

// ReadNamed reads data as an input named name, as Read reads a file; for
// the samples the commands embed.
func (r *Reader) ReadNamed(name string, data io.Reader, h Handler) error {
	r.fill()
	h = h.defaults()
	return r.scan(name, data, false, h)
}

// ReadOne reads one argument as Read does and returns its items of a wanted
// kind; for the inputs of flags (-csr, -cert) that name one file.
func (r *Reader) ReadOne(arg string, h Handler) (items []*Item, err error) {
	h.Item = func(it *Item) error { items = append(items, it); return nil }
	var first error
	h.Error = func(e error) {
		if first == nil {
			first = e
		}
	}
	if err := r.Read([]string{arg}, h); err != nil {
		return nil, err
	}
	return items, first
}

// readArg reads one argument.
func (r *Reader) readArg(arg string, h Handler) error {
	if arg == "-" {
		if r.stdinRead {
			h.Error(&Error{File: "-", Found: "standard input named a second time"})
			return nil
		}
		r.stdinRead = true
		return r.scan("-", r.Stdin, false, h)
	}
	fi, err := os.Stat(arg)
	if err != nil {
		h.Error(&Error{File: arg, Found: "cannot open: " + pathless(err).Error()})
		return nil
	}
	if fi.IsDir() {
		w := walk{r: r, h: h, dirs: map[fileID]string{}}
		err := w.dir(arg, fi, 0, nil)
		if w.dups > 0 {
			noun := "entries"
			if w.dups == 1 {
				noun = "entry"
			}
			h.Skip(Skip{Path: arg, Reason: strconv.Itoa(w.dups) + " " + noun + " skipped: the same file as another already read (links)"})
		}
		return err
	}
	if prev, ok := r.seen[idOf(fi, arg)]; ok {
		s := Skip{Path: arg, Reason: "the same file as " + prev + ", already read", SameAs: prev}
		r.Skipped = append(r.Skipped, s)
		h.Skip(Skip{Path: arg, Reason: s.Reason})
		return nil
	}
	r.seen[idOf(fi, arg)] = arg
	return r.file(arg, false, h)
}

// file opens and scans one file.
func (r *Reader) file(path string, inDir bool, h Handler) error {
	f, err := os.Open(path)
	if err != nil {
		h.Error(&Error{File: path, Found: "cannot open: " + pathless(err).Error()})
		return nil
	}
	defer f.Close()
	return r.scan(path, f, inDir, h)
}

// walk is the state of walking one directory argument.
type walk struct {
	r    *Reader
	h    Handler
	dirs map[fileID]string // directories walked, to their first name
	dups int
}

// dir walks a directory; stack holds the directories above it.
func (w *walk) dir(path string, fi os.FileInfo, depth int, stack []fileID) error {
	id := idOf(fi, path)
	for _, s := range stack {
		if s == id {
			w.skip(Skip{Path: path, Reason: "a link back to a directory above it (a loop)"})
			return nil
		}
	}
	if prev, ok := w.dirs[id]; ok {
		w.skip(Skip{Path: path, Reason: "the same directory as " + prev + ", already read"})
		return nil
	}
	w.dirs[id] = path
	if depth > w.r.Limits.Depth {
		w.skip(Skip{Path: path, Reason: fmt.Sprintf("more than %d directories deep", w.r.Limits.Depth)})
		return nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		w.h.Error(&Error{File: path, Found: "cannot read the directory: " + pathless(err).Error()})
		return nil
	}
	stack = append(stack, id)
	for _, e := range entries {
		p := filepath.Join(path, e.Name())
		fi, err := os.Stat(p) // follows links
		if err != nil {
			if li, lerr := os.Lstat(p); lerr == nil && li.Mode()&os.ModeSymlink != 0 {
				w.skip(Skip{Path: p, Reason: "a broken symbolic link"})
			} else {
				w.h.Error(&Error{File: p, Found: "cannot open: " + pathless(err).Error()})
			}
			continue
		}
		switch {
		case fi.IsDir():
			if err := w.dir(p, fi, depth+1, stack); err != nil {
				return err
			}
		case fi.Mode().IsRegular():
			fid := idOf(fi, p)
			if prev, ok := w.r.seen[fid]; ok {
				w.dups++
				w.r.Skipped = append(w.r.Skipped, Skip{Path: p, Reason: "the same file as " + prev + ", already read", SameAs: prev})
				continue
			}
			w.r.seen[fid] = p
			if err := w.r.file(p, true, w.h); err != nil {
				return err
			}
		default:
			w.skip(Skip{Path: p, Reason: "not a regular file (" + modeWord(fi.Mode()) + ")"})
		}
	}
	return nil
}

func (w *walk) skip(s Skip) {
	w.r.Skipped = append(w.r.Skipped, s)
	w.h.Skip(s)
}

func modeWord(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "an irregular file"
}
