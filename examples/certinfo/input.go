package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// errNoCertificate results when an input holds no certificate at all.
var errNoCertificate = errors.New("no certificate found")

// scanner reads certificates from one input, one at a time, so that a
// bundle of any size is never held in memory: PEM is read a line at a
// time and each block is handed on and dropped before the next is read.
type scanner struct {
	r     *bufio.Reader
	label []byte // label of the current PEM block, reused
	block []byte // base64 of the current PEM block, reused
	der   []byte // the decoded block, reused
	line  []byte // a line longer than the reader's buffer, reused
}

// each calls fn with the DER of every certificate in the input, in order,
// A binary input (starting with an ASN.1 SEQUENCE) is read whole as
// concatenated DER certificates or, when it is one, handed to p12 as a
// PKCS#12 bundle. An error from fn stops the scan.
func (s *scanner) each(p12 func(data []byte, fn func(der []byte) error) error, fn func(der []byte) error) error {
	first, err := s.r.Peek(1)
	if err == io.EOF {
		return errNoCertificate
	}
	if err != nil {
		return err
	}
	if first[0] == 0x30 {
		data, err := io.ReadAll(s.r)
		if err != nil {
			return err
		}
		if isPKCS12(data) {
			return p12(data, fn)
		}
		return eachDER(data, fn)
	}
	return s.eachPEM(fn)
}

// isPKCS12 reports whether data looks like a PFX (RFC 7292 4): a SEQUENCE
// that starts with the INTEGER version, where a certificate starts with
// its TBSCertificate SEQUENCE.
func isPKCS12(data []byte) bool {
	in := cryptobyte.String(data)
	var pfx cryptobyte.String
	return in.ReadASN1(&pfx, cbasn1.SEQUENCE) && pfx.PeekASN1Tag(cbasn1.INTEGER)
}

// eachDER walks concatenated DER certificates.
func eachDER(data []byte, fn func(der []byte) error) error {
	in := cryptobyte.String(data)
	for n := 1; len(in) > 0; n++ {
		var der cryptobyte.String
		if !in.ReadASN1Element(&der, cbasn1.SEQUENCE) {
			return fmt.Errorf("certificate %d: malformed DER", n)
		}
		if err := fn(der); err != nil {
			return err
		}
	}
	return nil
}

// eachPEM walks the PEM blocks of the input (RFC 7468), line by line, and
// hands on those of type CERTIFICATE. Text around blocks (openssl's -text
// output, comments) and blocks of other types (keys, CSRs) are skipped.
// The base64 of a block is gathered and decoded into a buffer that is
// reused for the next block, since nothing keeps a certificate after fn.
func (s *scanner) eachPEM(fn func(der []byte) error) error {
	var label []byte // the label of the block being read, or nil outside
	found := false
	for lineNo := 1; ; lineNo++ {
		line, err := s.readLine()
		trimmed := bytes.TrimSpace(line)
		switch {
		case len(trimmed) == 0:
		case label == nil:
			if l, ok := boundary(trimmed, "-----BEGIN "); ok {
				label = append(s.label[:0], l...)
				s.label = label
				s.block = s.block[:0]
			}
		case bytes.HasPrefix(trimmed, []byte("-----END ")):
			if l, ok := boundary(trimmed, "-----END "); !ok || !bytes.Equal(l, label) {
				return fmt.Errorf("line %d: PEM END line does not match BEGIN %s", lineNo, label)
			}
			if string(label) == "CERTIFICATE" || string(label) == "X509 CERTIFICATE" {
				n := base64.StdEncoding.DecodedLen(len(s.block))
				if cap(s.der) < n {
					s.der = make([]byte, n)
				}
				n, derr := base64.StdEncoding.Decode(s.der[:n], s.block)
				if derr != nil {
					return fmt.Errorf("line %d: bad base64 in PEM block: %v", lineNo, derr)
				}
				found = true
				if err := fn(s.der[:n]); err != nil {
					return err
				}
			}
			label = nil
		case bytes.IndexByte(trimmed, ':') >= 0:
			// An RFC 1421 header (Proc-Type: ...); certificates have none.
		default:
			s.block = append(s.block, trimmed...)
		}
		if err == io.EOF {
			switch {
			case label != nil:
				return fmt.Errorf("unterminated PEM block %s at end of input", label)
			case !found:
				return errNoCertificate
			}
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// boundary returns the label of a PEM boundary line "-----BEGIN label-----".
func boundary(line []byte, prefix string) ([]byte, bool) {
	if !bytes.HasPrefix(line, []byte(prefix)) || !bytes.HasSuffix(line, []byte("-----")) ||
		len(line) < len(prefix)+5 {
		return nil, false
	}
	return line[len(prefix) : len(line)-5], true
}

// readLine returns the next line, including its newline; its bytes are
// valid until the next call.
func (s *scanner) readLine() ([]byte, error) {
	line, err := s.r.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return line, err
	}
	s.line = append(s.line[:0], line...)
	for err == bufio.ErrBufferFull {
		line, err = s.r.ReadSlice('\n')
		s.line = append(s.line, line...)
	}
	return s.line, err
}
