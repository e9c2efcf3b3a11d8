// Certinfo prints the validity of X.509 certificates the way certlife
// judges it: in GMT and JST side by side, with the status and the time left
// at a given instant, the length of the period and the lifetime limit the
// certificate was issued under.
//
// Usage:
//
//	certinfo [flags] [file ...]
//
// With no file, certinfo reads its embedded sample: a certificate with the
// validity of the server FAQ's worked example (TV-2), 12/10/2011 00:00:00
// GMT to 12/10/2012 23:59:59 GMT. A file named "-" is standard input. Each
// input may be PEM (any number of CERTIFICATE blocks, with text between
// them; other blocks such as keys are skipped), DER (one or more
// concatenated certificates) or PKCS#12 (with -password-file; decoded by
// package pkce, with capped key derivations, PK-4: the leaf matching the
// key, its chain, then the other certificates). PEM is read line by line
// and each certificate printed and dropped before the next is read, so a
// PEM bundle of any size runs in constant memory; a DER or PKCS#12 file is
// read whole.
//
// For each certificate it prints:
//
//   - subject and issuer as RFC 4514 text, in the order the certificate
//     encodes them (as openssl -nameopt RFC2253 prints them; Go's
//     pkix.Name.String reorders them), and the serial number in hex;
//   - notBefore and notAfter in GMT, printed as the CA prints them
//     (MM/DD/YYYY hh:mm:ss GMT), and in JST, side by side (TV-1, TV-2);
//     notAfter is the last second of validity, included in the period
//     (TV-3, RFC 5280 4.1.2.5), so the TV-2 certificate ends at
//     2012-12-11 08:59:59 JST and, judged at that second, has one second
//     left;
//   - its status at -at (valid, not yet valid, expired) with the time left,
//     the time since notAfter, or the time until notBefore;
//   - its length, notAfter - notBefore + 1 s, in days counted as the
//     Baseline Requirements count them (TV-3; any part of a day is a day);
//   - the TV-6 limit for a TLS server certificate issued on its notBefore
//     (Baseline Requirements 6.3.2, ballot SC-081) and the verdict: ok,
//     warning (over the SHOULD NOT bound), error (over the MUST NOT bound),
//     no_limit (issued before the first step, 2016-07-02) or
//     not_applicable (a CA certificate, or one not for server
//     authentication);
//   - findings on the encoding of the validity (TV-5, RFC 5280 4.1.2.5).
//
// The rules are those of package [github.com/certlife/certlife/validity];
// certinfo adds only the reading and the printing.
//
// # Flags
//
//	-at TIME           judge at TIME instead of now, in any form tz.Parse
//	                   reads: "2012-06-01T00:00:00Z", "12/10/2012 23:59:59 GMT",
//	                   "2012/12/11 08:59:59 JST", "2012-12-11" (00:00 JST).
//	-tz NAME           add a third zone column: an abbreviation tz.Zone knows
//	                   (EST, CET, ...) or an IANA name from the host's zone
//	                   database (America/New_York). UTC and JST are always shown.
//	-expires-within D  check mode: exit 1 if any certificate expires within D
//	                   of -at. D is a Go duration ("720h") or days ("30d",
//	                   "1d12h"); a day is 24 hours.
//	-json              print one JSON object per certificate per line (JSON Lines).
//	-password-file F   the password of PKCS#12 input, first line of F; "-"
//	                   reads it from standard input.
//
// # Exit codes
//
//	0  every input was read; with -expires-within, no certificate expires
//	   within the window
//	1  with -expires-within only: at least one certificate expires within
//	   the window (or has already expired)
//	2  usage error, or an input could not be read or held a certificate that
//	   could not be parsed (the others are still printed); 2 wins over 1
//
// A certificate "expires within D" when it will not be valid at -at + D,
// that is when notAfter < at + D; an expired certificate does too.
//
// The sense is that of openssl x509 -checkend (0: does not expire within
// the window, 1: does). It is the opposite of step certificate
// needs-renewal, which exits 0 when the certificate needs renewal and 1 when
// it does not; a script moving from step to certinfo must swap its branches.
// step's window (--expires-in) also takes a percentage of the lifetime,
// which certinfo does not.
//
// Errors are printed on standard error, one line each, prefixed "certinfo: ".
//
// # JSON
//
// With -json, each certificate is one line holding an object with these
// fields (times in RFC 3339; durations in whole seconds):
//
//	input              the file name as given, "-" or "sample"
//	index              1-based position of the certificate in its input
//	subject, issuer    distinguished names, RFC 4514, in encoded order
//	serial             serial number, lower-case hexadecimal
//	not_before         notBefore in UTC
//	not_after          notAfter in UTC (inclusive)
//	not_before_jst     notBefore in JST (+09:00)
//	not_after_jst      notAfter in JST (+09:00)
//	zone               the -tz name; with not_before_zone, not_after_zone (only with -tz)
//	at                 the instant judged, in UTC
//	status             "valid", "not_yet_valid" or "expired"
//	remaining_seconds  lifetime left at "at" (validity.Period.Remaining): not_after - at + 1
//	                   while valid, length_seconds before not_before, 0 once expired
//	length_seconds     not_after - not_before + 1
//	length_days        length_seconds in days of 86,400 s, any part of a day counted
//	limit              TV-6, an object: max_days, warn_days, max_months (0 when
//	                   none), source (the Baseline Requirements text), verdict
//	                   (as above), reason (why the verdict is not ok, else "")
//	encoding           TV-5 findings, a list of objects: field (notBefore,
//	                   notAfter), type (UTCTime, GeneralizedTime), raw (the
//	                   encoded text), severity (info, warning, error),
//	                   finding (in words); empty when the encoding is right
//	expires_within     with -expires-within only: true or false
//
// Field names are stable; new fields may be added.
//
// # Examples
//
//	go run ./examples/certinfo
//	go run ./examples/certinfo -at 2012-12-11T08:59:59+09:00 -tz America/New_York
//	certinfo -expires-within 30d /etc/pki/tls/certs/*.pem || echo renew
//	openssl s_client -connect example.jp:443 -showcerts </dev/null | certinfo -
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/tz"
)

// sample is a certificate with TV-2's validity, written by TestFixtures
// (go test -run TestFixtures -update regenerates it).
//
//go:embed testdata/sample.pem
var sample []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: certinfo [flags] [file ...]

Prints subject, issuer, serial, validity in GMT and JST, status and time left,
length, TV-6 lifetime limit and encoding findings for each certificate in
PEM, DER or PKCS#12 input. With no file, reads an embedded sample with the
server FAQ's TV-2 validity. A file "-" is standard input.

Flags:
  -at TIME           judge at TIME (default: now), e.g. 2012-06-01T00:00:00Z,
                     "12/10/2012 23:59:59 GMT", "2012/12/11 08:59:59 JST"
  -tz NAME           add a third zone, e.g. -tz America/New_York or -tz CET
  -expires-within D  exit 1 if a certificate expires within D, e.g. 30d, 72h
  -json              one JSON object per certificate per line
  -password-file F   PKCS#12 password: first line of file F ("-": stdin)
  -h                 this help

Exit codes: 0 ok (none expires within D); 1 some expire within D;
2 usage or input error. Note: step certificate needs-renewal uses the
opposite sense (0 = needs renewal).

Examples:
  certinfo
  certinfo -at 2012-12-11T08:59:59+09:00 -tz America/New_York
  certinfo -expires-within 30d -json bundle.pem
`

// options are the parsed flags.
type options struct {
	at        time.Time
	zoneName  string
	zone      *time.Location // third zone, or nil
	within    time.Duration
	hasWithin bool
	json      bool
	password  []byte
	hasPass   bool
}

// run is certinfo with its arguments and standard streams; it returns the
// exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("certinfo", flag.ContinueOnError)
	atText := fs.String("at", "", "judge at this instant (default: now)")
	zoneName := fs.String("tz", "", "third zone to show")
	within := fs.String("expires-within", "", "exit 1 if a certificate expires within this duration")
	asJSON := fs.Bool("json", false, "print JSON Lines")
	passFile := fs.String("password-file", "", "PKCS#12 password file")
	if code, ok := cli.Parse(fs, args, usage, stdout, stderr); !ok {
		return code
	}
	fail := func(format string, a ...any) int { return cli.Fail(stderr, "certinfo", format, a...) }
	opt := options{json: *asJSON, zoneName: *zoneName}
	at, err := cli.At(*atText)
	if err != nil {
		return fail("-at: %v", err)
	}
	opt.at = at.UTC()
	if *zoneName != "" {
		loc, err := loadZone(*zoneName)
		if err != nil {
			return fail("-tz: %v", err)
		}
		opt.zone = loc
	}
	if *within != "" {
		d, err := cli.ParseDuration(*within)
		if err != nil {
			return fail("-expires-within: %v", err)
		}
		opt.within, opt.hasWithin = d, true
	}
	files := fs.Args()
	stdinUsed := false
	if *passFile != "" {
		pw, err := readPassword(*passFile, stdin)
		if err != nil {
			return fail("-password-file: %v", err)
		}
		stdinUsed = *passFile == "-"
		opt.password, opt.hasPass = pw, true
	}
	for _, f := range files {
		if f == "-" && stdinUsed {
			return fail("standard input cannot be both the password file and an input")
		}
	}

	out := bufio.NewWriterSize(stdout, 64<<10)
	p := &printer{opt: opt, out: out}
	if !opt.json {
		p.header()
	}
	failed, expiring := false, false
	report := func(name string, err error) {
		out.Flush()
		fmt.Fprintf(stderr, "certinfo: %s: %v\n", name, err)
		failed = true
	}
	process := func(name string, r io.Reader) {
		p.input, p.index = name, 0
		s := scanner{r: bufio.NewReaderSize(r, 64<<10)}
		err := s.each(p.pkcs12, func(der []byte) error {
			p.index++
			exp, err := p.print(der)
			if err != nil {
				report(name, fmt.Errorf("certificate %d: %v", p.index, err))
			}
			expiring = expiring || exp
			return nil
		})
		if err != nil {
			report(name, err)
		}
	}
	if len(files) == 0 {
		process("sample", bytes.NewReader(sample))
	}
	for _, f := range files {
		if f == "-" {
			process("-", stdin)
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			report(f, errors.Unwrap(err))
			continue
		}
		process(f, fh)
		fh.Close()
	}
	if err := out.Flush(); err != nil {
		return fail("writing output: %v", err)
	}
	switch {
	case failed:
		return cli.ExitError
	case expiring:
		return cli.ExitNegative
	}
	return cli.ExitOK
}

// loadZone returns the zone for -tz: a fixed abbreviation tz.Zone knows,
// or an IANA name from the host's database. "Local" is refused, so that
// the output never depends on the host's zone.
func loadZone(name string) (*time.Location, error) {
	if loc, ok := tz.Zone(name); ok {
		return loc, nil
	}
	if strings.EqualFold(name, "local") {
		return nil, errors.New(`"Local" is the host's zone; name a zone`)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown zone %q", name)
	}
	return loc, nil
}

// readPassword reads the first line of a password file ("-": stdin),
// without its line ending.
func readPassword(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, errors.Unwrap(err)
		}
		defer f.Close()
		r = f
	}
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadBytes('\n')
	if err != nil && err != io.EOF {
		return nil, err
	}
	return bytes.TrimRight(line, "\r\n"), nil
}
