package input

import (
	"bufio"
	"bytes"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// errOverTotal is returned by budget when Limits.Total is reached.
var errOverTotal = errors.New("input: over the total limit")

// TotalError returns the *Error for an input cut by Limits.Total, when err
// is the error that reading it gave a Handler.Raw, and nil otherwise.
func (r *Reader) TotalError(name string, err error) *Error {
	if !errors.Is(err, errOverTotal) {
		return nil
	}
	return &Error{File: name, Found: fmt.Sprintf("more input than the %s one run reads", size(r.Limits.Total)), Want: r.totalWant()}
}

// budget counts the bytes of one run against Limits.Total, and fails the
// read that would go past it.
type budget struct {
	r  io.Reader
	rd *Reader
}

func (b *budget) Read(p []byte) (int, error) {
	left := b.rd.Limits.Total - b.rd.read
	if left <= 0 {
		var one [1]byte
		if n, err := b.r.Read(one[:]); n > 0 {
			return 0, errOverTotal
		} else if err != nil {
			return 0, err
		}
		return 0, nil
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	n, err := b.r.Read(p)
	b.rd.read += int64(n)
	return n, err
}

// totalWant says how to read more, for the error of Limits.Total.
func (r *Reader) totalWant() string {
	if r.TotalFlag == "" {
		return ""
	}
	return "at most " + size(r.Limits.Total) + " in all, or a larger " + r.TotalFlag
}

// stop carries an error of Handler.Item, which ends the whole read.
type stop struct{ err error }

func (s stop) Error() string { return s.err.Error() }

// scanner reads one input.
type scanner struct {
	r      *Reader
	h      Handler
	name   string
	br     *bufio.Reader
	off    int64 // bytes consumed, for DER positions
	counts [KindOther + 1]int
	found  []string       // labels of the items found, in order of first sight
	nfound map[string]int // how many of each label
	wanted int            // items handed to h.Item
	block  []byte         // base64 of the current PEM block, reused
	der    []byte         // decoded PEM block or DER element, reused
}

// scan reads one input and hands its items to h. It returns only a stop
// error; the input's own errors go to h.Error, or make it a Skip when the
// input was found in a directory and holds nothing the command reads.
func (r *Reader) scan(name string, rd io.Reader, inDir bool, h Handler) error {
	if rd == nil {
		rd = strings.NewReader("")
	}
	if h.Raw != nil {
		err := h.Raw(name, &budget{rd, r})
		var e *Error
		switch {
		case errors.As(err, &e) && inDir && e.Unrecognised:
			r.skip(h, Skip{Path: name, Reason: "holds nothing this command reads: " + e.Found})
		case errors.As(err, &e):
			h.Error(e)
		case err != nil:
			return err
		}
		return nil
	}
	s := &scanner{r: r, h: h, name: name, nfound: map[string]int{},
		br: bufio.NewReaderSize(&budget{rd, r}, r.Limits.Line)}
	err := s.run()
	var st stop
	if errors.As(err, &st) {
		return st.err
	}
	var e *Error
	if errors.As(err, &e) {
		if inDir && e.Unrecognised && s.wanted == 0 {
			reason := "holds nothing this command reads: " + e.Found
			if e.Want != "" && e.Want != h.WantText {
				reason += " (want " + e.Want + ")"
			}
			r.skip(h, Skip{Path: name, Reason: reason})
			return nil
		}
		h.Error(e)
		return nil
	}
	if s.wanted == 0 {
		found := "holds " + s.foundText()
		if inDir {
			r.skip(h, Skip{Path: name, Reason: found + ", nothing this command reads"})
			return nil
		}
		h.Error(&Error{File: name, Found: found, Want: h.WantText})
	}
	return nil
}

func (r *Reader) skip(h Handler, s Skip) {
	r.Skipped = append(r.Skipped, s)
	h.Skip(s)
}

// foundText lists what the input held: "1 ENCRYPTED PRIVATE KEY block and
// 2 X509 CRL blocks".
func (s *scanner) foundText() string {
	if len(s.found) == 0 {
		return "nothing"
	}
	parts := make([]string, len(s.found))
	for i, l := range s.found {
		n := s.nfound[l]
		if n > 1 {
			l += "s"
		}
		parts[i] = strconv.Itoa(n) + " " + l
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func (s *scanner) errorf(where string, unrecognised bool, want, format string, a ...any) *Error {
	return &Error{File: s.name, Where: where, Found: fmt.Sprintf(format, a...), Want: want, Unrecognised: unrecognised}
}

// readErr turns an error of the underlying reader into an *Error.
func (s *scanner) readErr(where string, err error) *Error {
	if errors.Is(err, errOverTotal) {
		return s.errorf(where, false, s.r.totalWant(), "more input than the %s one run reads", size(s.r.Limits.Total))
	}
	return s.errorf(where, false, "", "cannot read: %v", pathless(err))
}

// Byte-order marks and magic numbers of formats that are not read.
var (
	utf8BOM = []byte{0xef, 0xbb, 0xbf}
	jks     = []byte{0xfe, 0xed, 0xfe, 0xed}
	jceks   = []byte{0xce, 0xce, 0xce, 0xce}
)

// run finds the format from the first bytes and reads the input.
func (s *scanner) run() error {
	head, err := s.br.Peek(4)
	if len(head) == 0 {
		if err == io.EOF {
			return s.errorf("", true, s.h.WantText, "empty")
		}
		return s.readErr("", err)
	}
	if bytes.HasPrefix(head, utf8BOM) {
		s.br.Discard(len(utf8BOM))
		s.off += int64(len(utf8BOM))
		if head, err = s.br.Peek(1); len(head) == 0 {
			if err == io.EOF {
				return s.errorf("", true, s.h.WantText, "empty but for a byte order mark")
			}
			return s.readErr("", err)
		}
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return s.errorf("byte 0", true, "UTF-8 or ASCII text; convert it with iconv -f UTF-16 -t UTF-8",
			"UTF-16 text")
	case bytes.Equal(head, jks), bytes.Equal(head, jceks):
		return s.errorf("byte 0", true, "PKCS#12; convert it with keytool -importkeystore -deststoretype pkcs12",
			"a Java keystore (JKS or JCEKS)")
	case head[0] == 0x30 && !s.looksText():
		return s.readDER()
	}
	return s.readPEM()
}

// looksText reports whether the first bytes (up to 512) are printable
// ASCII text, as a PEM file that starts with '0' is: DER always holds
// control bytes (tags 0x02, 0x06, short lengths) or bytes over 0x7f (long
// lengths) among them.
func (s *scanner) looksText() bool {
	head, _ := s.br.Peek(512)
	for _, c := range head {
		if (c < 0x20 || c > 0x7e) && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}

// emit counts an item and hands it on if the command wants its kind.
func (s *scanner) emit(it *Item) error {
	s.counts[it.Kind]++
	it.Index = s.counts[it.Kind]
	it.File = s.name
	if s.nfound[it.Label] == 0 {
		s.found = append(s.found, it.Label)
	}
	s.nfound[it.Label]++
	if !s.h.Want(it.Kind) {
		return nil
	}
	s.wanted++
	if err := s.h.Item(it); err != nil {
		return stop{err}
	}
	return nil
}

// badItem hands on an item of kind k that was recognised but does not
// parse.
func (s *scanner) badItem(k Kind, where, label, want, format string, a ...any) error {
	return s.emit(&Item{Kind: k, Where: where, Label: label, Err: s.errorf(where, false, want, format, a...)})
}

// PEM.

// readPEM reads PEM text a line at a time (RFC 7468). Text outside blocks
// is passed over; RFC 1421 headers at the start of a block are read for
// Proc-Type: 4,ENCRYPTED.
func (s *scanner) readPEM() error {
	var (
		label     string
		begin     int
		inBlock   bool
		inHeaders bool
		encrypted bool
		sawBlock  bool
	)
	for line := 1; ; line++ {
		raw, err := s.br.ReadSlice('\n')
		if bytes.IndexByte(raw, 0) >= 0 {
			return s.errorf(lineWhere(line), !sawBlock, s.h.WantText, "binary data that is not DER (a NUL byte in the text)")
		}
		if err == bufio.ErrBufferFull {
			return s.errorf(lineWhere(line), !sawBlock, "PEM text", "a line longer than %s", size(int64(s.r.Limits.Line)))
		}
		if err != nil && err != io.EOF {
			return s.readErr(lineWhere(line), err)
		}
		t := bytes.TrimSpace(raw)
		switch {
		case len(t) == 0:
		case !inBlock:
			if l, ok := boundary(t, "-----BEGIN "); ok {
				label, begin, inBlock, inHeaders, encrypted, sawBlock = string(l), line, true, true, false, true
				s.block = s.block[:0]
			}
		case bytes.HasPrefix(t, []byte("-----END ")):
			l, ok := boundary(t, "-----END ")
			if !ok || string(l) != label {
				return s.errorf(lineWhere(line), false, "END "+label,
					"%q does not close the %s block begun on line %d", t, label, begin)
			}
			inBlock = false
			if err := s.pemBlock(label, begin, encrypted); err != nil {
				return err
			}
		case inHeaders && bytes.IndexByte(t, ':') >= 0:
			if bytes.HasPrefix(t, []byte("Proc-Type:")) && bytes.Contains(t, []byte("ENCRYPTED")) {
				encrypted = true
			}
		default:
			inHeaders = false
			if len(s.block)+len(t) > s.r.Limits.Block {
				return s.errorf(lineWhere(line), false, "", "the %s block begun on line %d is larger than %s",
					label, begin, size(int64(s.r.Limits.Block)))
			}
			s.block = append(s.block, t...)
		}
		if err == io.EOF {
			switch {
			case inBlock:
				return s.errorf(lineWhere(line), false, "END "+label, "the input ends inside the %s block begun on line %d", label, begin)
			case !sawBlock:
				return s.errorf("", true, s.h.WantText, "no PEM block")
			}
			return nil
		}
	}
}

// lineWhere is the Where of a line.
func lineWhere(n int) string { return "line " + strconv.Itoa(n) }

// boundary returns the label of a PEM boundary line "-----BEGIN label-----".
func boundary(line []byte, prefix string) ([]byte, bool) {
	if len(line) < len(prefix)+5 || !bytes.HasPrefix(line, []byte(prefix)) || !bytes.HasSuffix(line, []byte("-----")) {
		return nil, false
	}
	return line[len(prefix) : len(line)-5], true
}

// pemBlock decodes the block just read and hands on what it holds.
func (s *scanner) pemBlock(label string, begin int, encrypted bool) error {
	where := lineWhere(begin)
	blockLabel := label + " block"
	kind := kindOfLabel(label)
	n := base64.StdEncoding.DecodedLen(len(s.block))
	if cap(s.der) < n {
		s.der = make([]byte, n)
	}
	n, err := base64.StdEncoding.Decode(s.der[:n], s.block)
	if err != nil {
		return s.badItem(kind, where, blockLabel, "base64 text", "bad base64 in the %s", blockLabel)
	}
	der := s.der[:n]
	switch label {
	case "CERTIFICATE", "X509 CERTIFICATE", "X.509 CERTIFICATE":
		return s.cert(der, where, blockLabel)
	case "TRUSTED CERTIFICATE":
		// OpenSSL's form: the certificate, then its trust settings
		// (X509_CERT_AUX), which are not read.
		in := cryptobyte.String(der)
		var c cryptobyte.String
		if !in.ReadASN1Element(&c, cbasn1.SEQUENCE) {
			return s.badItem(KindCertificate, where, blockLabel, "a DER certificate followed by trust settings",
				"a %s that does not start with a certificate", blockLabel)
		}
		return s.cert(c, where, blockLabel)
	case "PKCS7", "CMS", "PKCS #7 SIGNED DATA":
		return s.pkcs7(der, where, blockLabel)
	case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST":
		return s.request(der, where, blockLabel)
	case "ENCRYPTED PRIVATE KEY":
		return s.emit(&Item{Kind: KindEncryptedKey, Where: where, Label: blockLabel})
	case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY":
		if encrypted {
			return s.emit(&Item{Kind: KindEncryptedKey, Where: where, Label: "encrypted " + blockLabel})
		}
		return s.key(der, where, blockLabel)
	case "DSA PRIVATE KEY":
		return s.badItem(KindKey, where, blockLabel, "an RSA, ECDSA or Ed25519 key", "a DSA key, which is not read")
	case "OPENSSH PRIVATE KEY":
		return s.badItem(KindKey, where, blockLabel, "a PKCS#8 key; convert it with ssh-keygen -p -m PKCS8",
			"an OpenSSH key, which is not read")
	}
	return s.emit(&Item{Kind: KindOther, Where: where, Label: blockLabel, DER: bytes.Clone(der)})
}

// kindOfLabel is the kind a PEM label announces.
func kindOfLabel(label string) Kind {
	switch label {
	case "CERTIFICATE", "X509 CERTIFICATE", "X.509 CERTIFICATE", "TRUSTED CERTIFICATE", "PKCS7", "CMS", "PKCS #7 SIGNED DATA":
		return KindCertificate
	case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST":
		return KindRequest
	case "ENCRYPTED PRIVATE KEY":
		return KindEncryptedKey
	case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY":
		return KindKey
	}
	return KindOther
}

// DER.

// readDER reads DER elements one after the other: one or more
// certificates, or one request, key, PKCS#7 or PKCS#12 structure. Only
// whitespace may follow the last element.
func (s *scanner) readDER() error {
	for {
		start := s.off
		where := "byte " + strconv.FormatInt(start, 10)
		head, err := s.br.Peek(2)
		if len(head) == 0 && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return s.readErr(where, err)
		}
		if head[0] != 0x30 {
			return s.trailing(where)
		}
		if len(head) < 2 {
			return s.errorf(where, start == 0, s.h.WantText, "a DER element cut short after its first byte")
		}
		hlen, length := 2, int64(head[1])
		switch {
		case head[1] == 0x80:
			if p, _ := s.br.Peek(6); start == 0 && berPFX(p) {
				// A PKCS#12 bundle in BER, as NSS and Bouncy Castle
				// write them: pkce reads BER; the bundle is the whole
				// input.
				return s.berBundle(where)
			}
			return s.errorf(where, start == 0, "DER; convert it with openssl (e.g. openssl pkcs7 -inform DER -outform DER)",
				"BER with indefinite lengths")
		case head[1] > 0x84:
			return s.errorf(where, start == 0, s.h.WantText, "a DER length of %d bytes' size", head[1]&0x7f)
		case head[1] > 0x80:
			nl := int(head[1] & 0x7f)
			hlen += nl
			lb, err := s.br.Peek(hlen)
			if len(lb) < hlen {
				if err == nil || err == io.EOF {
					return s.errorf(where, start == 0, s.h.WantText, "a DER element cut short in its length")
				}
				return s.readErr(where, err)
			}
			length = 0
			for _, c := range lb[2:] {
				length = length<<8 | int64(c)
			}
		}
		total := int64(hlen) + length
		if total > int64(s.r.Limits.Block) {
			return s.errorf(where, false, "", "a DER element of %d bytes, larger than %s", total, size(int64(s.r.Limits.Block)))
		}
		if int64(cap(s.der)) < total {
			s.der = make([]byte, total)
		}
		elem := s.der[:total]
		if n, err := io.ReadFull(s.br, elem); err != nil {
			s.off += int64(n)
			if err == io.ErrUnexpectedEOF {
				return s.errorf(where, false, "", "a DER element of %d bytes cut short after %d", total, n)
			}
			return s.readErr(where, err)
		}
		s.off += total
		if err := s.derElement(elem, where); err != nil {
			return err
		}
	}
}

// berPFX reports whether b starts a PKCS#12 PFX (RFC 7292 4), in DER or in
// BER: a SEQUENCE, with a definite or an indefinite length, whose first
// field is the version, 3, followed by a SEQUENCE (the authSafe
// ContentInfo). No other structure read here starts so: private keys have
// version 0 or 1.
func berPFX(b []byte) bool {
	if len(b) < 2 || b[0] != 0x30 {
		return false
	}
	i := 2
	if b[1] > 0x80 {
		i += int(b[1] & 0x7f)
	}
	return len(b) >= i+4 && b[i] == 0x02 && b[i+1] == 0x01 && b[i+2] == 0x03 && b[i+3] == 0x30
}

// berBundle reads the rest of the input, at most Limits.Block bytes, as a
// PKCS#12 bundle in BER, and hands it to pkcs12.
func (s *scanner) berBundle(where string) error {
	data, err := io.ReadAll(io.LimitReader(s.br, int64(s.r.Limits.Block)+1))
	s.off += int64(len(data))
	if err != nil {
		return s.readErr(where, err)
	}
	if len(data) > s.r.Limits.Block {
		return s.errorf(where, false, "", "a BER element larger than %s", size(int64(s.r.Limits.Block)))
	}
	return s.pkcs12(data, where)
}

// trailing checks that only whitespace follows the last DER element.
func (s *scanner) trailing(where string) error {
	for {
		c, err := s.br.ReadByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return s.readErr(where, err)
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return s.errorf(where, false, "", "data after the last DER element that is not DER")
		}
	}
}

// derElement hands on what one DER element holds.
func (s *scanner) derElement(der []byte, where string) error {
	switch t := classify(der); t {
	case derCertificate:
		return s.cert(der, where, "DER certificate")
	case derRequest:
		return s.request(der, where, "DER certificate request")
	case derKey:
		return s.key(der, where, "DER private key")
	case derEncryptedKey:
		return s.emit(&Item{Kind: KindEncryptedKey, Where: where, Label: "DER encrypted private key"})
	case derContentInfo:
		return s.pkcs7(der, where, "DER PKCS#7")
	case derPFX:
		return s.pkcs12(der, where)
	case derCRL, derPublicKey:
		return s.emit(&Item{Kind: KindOther, Where: where, Label: "DER " + t.String(), DER: bytes.Clone(der)})
	}
	return s.errorf(where, where == "byte 0", s.h.WantText, "DER of an unknown structure")
}

// cert hands on a certificate.
func (s *scanner) cert(der []byte, where, label string) error {
	c, err := x509.ParseCertificate(bytes.Clone(der))
	if err != nil {
		if t := classify(der); t != derCertificate {
			if t == derContentInfo { // a PKCS#7 bag under a CERTIFICATE label
				return s.pkcs7(der, where, label)
			}
			return s.badItem(KindCertificate, where, label, "an X.509 certificate", "a %s that holds %s", label, t.what())
		}
		return s.badItem(KindCertificate, where, label, "", "a %s that is not a valid X.509 certificate: %s", label, clean(err))
	}
	return s.emit(&Item{Kind: KindCertificate, Where: where, Label: label, Cert: c})
}

// request hands on a certificate signing request.
func (s *scanner) request(der []byte, where, label string) error {
	csr, err := x509.ParseCertificateRequest(bytes.Clone(der))
	if err != nil {
		if t := classify(der); t != derRequest {
			return s.badItem(KindRequest, where, label, "a certificate signing request (PKCS #10)", "a %s that holds %s", label, t.what())
		}
		return s.badItem(KindRequest, where, label, "", "a %s that is not a valid certificate signing request: %s", label, clean(err))
	}
	return s.emit(&Item{Kind: KindRequest, Where: where, Label: label, Request: csr})
}

// key hands on an unencrypted private key: PKCS#8, PKCS#1 or SEC 1.
func (s *scanner) key(der []byte, where, label string) error {
	der = bytes.Clone(der)
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		if k1, err1 := x509.ParsePKCS1PrivateKey(der); err1 == nil {
			k, err = k1, nil
		} else if k2, err2 := x509.ParseECPrivateKey(der); err2 == nil {
			k, err = k2, nil
		}
	}
	if err != nil {
		if t := classify(der); t != derKey {
			return s.badItem(KindKey, where, label, "a private key", "a %s that holds %s", label, t.what())
		}
		return s.badItem(KindKey, where, label, "an RSA, ECDSA or Ed25519 key (PKCS#8, PKCS#1 or SEC 1)",
			"a %s that is not read: %s", label, clean(err))
	}
	return s.emit(&Item{Kind: KindKey, Where: where, Label: label, Key: k})
}

// pkcs7 hands on the certificates of a PKCS#7 certificate bag.
func (s *scanner) pkcs7(der []byte, where, label string) error {
	certs, err := parsePKCS7(der)
	if err != nil {
		return s.badItem(KindCertificate, where, label, "a PKCS#7 SignedData certificate bag (RFC 2315 9.1)",
			"a %s that is not read: %s", label, err)
	}
	if len(certs) == 0 {
		return s.emit(&Item{Kind: KindOther, Where: where, Label: "PKCS#7 without certificates"})
	}
	for i, c := range certs {
		if err := s.cert(c, where+", PKCS#7 certificate "+strconv.Itoa(i+1), "PKCS#7 certificate"); err != nil {
			return err
		}
	}
	return nil
}

// pkcs12 opens a PKCS#12 bundle with the reader's password, or hands it on
// unopened without one.
func (s *scanner) pkcs12(der []byte, where string) error {
	if s.r.Password == nil {
		return s.emit(&Item{Kind: KindPKCS12, Where: where, Label: "PKCS#12 bundle", DER: bytes.Clone(der)})
	}
	if !s.r.passDone {
		s.r.passDone = true
		s.r.password, s.r.passErr = s.r.Password()
	}
	if s.r.passErr != nil {
		return s.errorf("", false, "", "a PKCS#12 bundle, whose password could not be read: %v", s.r.passErr)
	}
	items, err := openPKCS12(der, s.r.password)
	if err != nil {
		return s.errorf("", false, "", "PKCS#12 bundle: %s", err)
	}
	for _, it := range items {
		if err := s.emit(it); err != nil {
			return err
		}
	}
	return nil
}
