package input

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
)

// Error is an input that could not be read, or an item that does not
// parse. Its message names the file, where in it, what was found and what
// was expected: "bundle.pem: line 7: bad base64 in the CERTIFICATE block
// (want the base64 of a DER certificate)". It never holds a message of Go's
// encoding/asn1 ("asn1: structure error ...").
type Error struct {
	// File is the input, as named.
	File string
	// Where is the place in the file ("line 7", "byte 0"), or "".
	Where string
	// Found says what was found, or what went wrong.
	Found string
	// Want says what was expected there, or "".
	Want string
	// Unrecognised is true when nothing in the file is read: its format is
	// unknown, or one the commands do not read (a Java keystore, UTF-16
	// text, BER). A file met in a directory is then skipped, and reported,
	// rather than an error.
	Unrecognised bool
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteString(": ")
	if e.Where != "" {
		b.WriteString(e.Where)
		b.WriteString(": ")
	}
	b.WriteString(e.Found)
	if e.Want != "" {
		b.WriteString(" (want ")
		b.WriteString(e.Want)
		b.WriteString(")")
	}
	return b.String()
}

// pathless returns the error of a *fs.PathError without the path, which
// the caller names itself.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// clean turns a parser's error into words for an Error: the package prefix
// of crypto/x509 dropped, and encoding/asn1's internal messages
// ("asn1: structure error: tags don't match ...") replaced by "malformed
// DER".
func clean(err error) string {
	s := err.Error()
	if strings.Contains(s, "asn1:") || strings.Contains(s, "cryptobyte") {
		return "malformed DER"
	}
	return strings.TrimPrefix(s, "x509: ")
}

// size prints a byte count as the limits are given: "64 KiB", "8 MiB".
func size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
