package main

import (
	"bufio"
	"bytes"
	"encoding/pem"
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
	block []byte // the current PEM block, reused
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

// eachPEM walks the PEM blocks of the input, line by line, and hands on
// those of type CERTIFICATE. Text around blocks (openssl's -text output,
// comments) and blocks of other types (keys, CSRs) are skipped.
func (s *scanner) eachPEM(fn func(der []byte) error) error {
	inBlock, found := false, false
	for {
		line, err := s.readLine()
		if len(line) > 0 {
			trimmed := bytes.TrimSpace(line)
			switch {
			case !inBlock && bytes.HasPrefix(trimmed, []byte("-----BEGIN ")):
				inBlock = true
				s.block = append(s.block[:0], trimmed...)
				s.block = append(s.block, '\n')
			case inBlock:
				s.block = append(s.block, trimmed...)
				s.block = append(s.block, '\n')
				if bytes.HasPrefix(trimmed, []byte("-----END ")) {
					inBlock = false
					p, _ := pem.Decode(s.block)
					switch {
					case p == nil:
						return errors.New("malformed PEM block")
					case p.Type == "CERTIFICATE" || p.Type == "X509 CERTIFICATE":
						found = true
						if err := fn(p.Bytes); err != nil {
							return err
						}
					}
				}
			}
		}
		if err == io.EOF {
			switch {
			case inBlock:
				return errors.New("unterminated PEM block at end of input")
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
