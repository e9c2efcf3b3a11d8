// Certinfo prints the validity of X.509 certificates the way certlife
// judges it: in GMT and JST side by side, with the status and the time left
// at a given instant, the length of the period, the lifetime limit the
// certificate was issued under and whether its successor may still carry
// clientAuth; and, as openssl x509 -text and certigo do,
// its names, key, signature algorithm, usages and fingerprint, and with
// -verify whether its chain verifies.
//
// Usage:
//
//	certinfo [flags] [file|directory|- ...]
//
// With no file, certinfo reads its embedded sample: a certificate with the
// validity of the server FAQ's worked example (TV-2), 12/10/2011 00:00:00
// GMT to 12/10/2012 23:59:59 GMT. A file named "-" is standard input; a
// directory is read whole, links followed (see package
// examples/internal/input for what is read and what is skipped). Flags may
// come before or after the files.
//
// Each input may be PEM (CERTIFICATE, TRUSTED CERTIFICATE and PKCS7
// blocks, with a byte order mark or text around them; other blocks such as
// keys are passed over), DER (one or more certificates, or a PKCS#7
// certificate bag such as a .p7b), or PKCS#12 (with -password-file; opened
// by package pkce with bounded key derivations, PK-4, every entry of a
// keystore listed: each private key's certificate and chain, then the
// certificate entries). Input is streamed:
// each certificate is printed and dropped before the next is read, so a
// bundle of any size runs in bounded memory (without -verify, which holds
// the certificates of one input to find their issuers).
//
// For each certificate it prints:
//
//   - subject and issuer as openssl x509 -nameopt RFC2253 prints them
//     (RFC 4514, in the certificate's order reversed; text outside ASCII as
//     UTF-8), and the serial number as colon-separated hex, the same in text
//     and JSON and in every example command;
//   - the subject alternative names, the public key's type and size, the
//     signature algorithm, the key usage and extended key usage, the basic
//     constraints and the SHA-256 fingerprint (as openssl x509
//     -fingerprint -sha256 prints it);
//   - for a certificate of a PKCS#12 bundle, its place there: the entry
//     (1-based, as pkce.DecodeEntries lists them, with its alias, the
//     keytool or openssl -name friendlyName), and whether it is the leaf
//     whose public key is the entry's private key (PK-3), an issuer in the
//     leaf's chain, or the certificate of a certificate entry (no key: a
//     truststore's CA);
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
//     (Baseline Requirements 6.3.2, ballot SC-081); the length as that
//     step measures it ("TV-6 length", validity's Verdict.Length and Days),
//     which is the verdict's figure: notAfter - notBefore + 1 s for the
//     steps from 2020-09-01, but notAfter - notBefore for the 825-day and
//     39-month steps (BR 1.6.1 before ballot SC31), so a certificate of
//     exactly 825×86,400 s issued in 2019 is 826 days long by TV-3 and 825
//     days, ok, by its step; and the verdict: ok, warning (over the SHOULD
//     NOT bound), error (over the MUST NOT bound), no_limit (issued before
//     the first step, 2016-07-02) or not_applicable, with the reason: the
//     limits bind subscriber certificates within the CA/Browser Forum TLS
//     policy's scope (validity.TLSServerApplies), so not_applicable is a
//     CA certificate, a self-signed leaf (issued by no CA, so no root
//     program's limit binds it), or a certificate neither for server
//     authentication (its extended key usage) nor asserting a CA/Browser
//     Forum TLS policy OID;
//   - for a TLS server certificate that lists clientAuth, whether its
//     successor may still carry it (validity.CheckClientAuth): the Chrome
//     Root Program bans clientAuth in TLS server certificates issued from
//     2027-03-15 (policy 1.8, section 1.3.2). The successor is judged as
//     issued at the certificate's notAfter, the latest a renewal avoids a
//     gap, or at -at once it has expired: ok (it may still carry
//     clientAuth), warning (it may not: plan client certificates from a
//     private CA for mutual TLS) or error (the certificate itself was
//     issued under the ban). A finding, not a check: it does not change
//     the exit code;
//   - findings on the encoding of the validity (TV-5, RFC 5280 4.1.2.5);
//   - with -verify: whether a chain from it to a root verifies at -at
//     (crypto/x509's Verify, any extended key usage; the other certificates
//     of the same input serve as intermediates).
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
//	-verify            check mode: exit 1 if a certificate's chain does not
//	                   verify at -at.
//	-roots FILE        the roots -verify trusts: certificates in any form
//	                   certinfo reads (a file, a directory); default: the
//	                   system's roots.
//	-json              print one JSON object per certificate per line (JSON
//	                   Lines), and a summary line last.
//	-password-file F   the password of PKCS#12 input, first line of F; "-"
//	                   reads it from standard input. Errors never print F.
//	-max-input SIZE    read at most SIZE bytes in all (default 1G; e.g. 64M).
//
// # Exit codes
//
//	0  every input was read; with -expires-within, no certificate expires
//	   within the window; with -verify, every chain verifies
//	1  with -expires-within: at least one certificate expires within the
//	   window (or has already expired); with -verify: a chain does not
//	   verify
//	2  usage error, an input could not be read or held a certificate that
//	   could not be parsed (the others are still printed), or the output
//	   could not be written (certinfo stops at the first failed write);
//	   2 wins over 1
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
// Errors are printed on standard error, one line each, prefixed
// "certinfo: ", naming the file, where in it, and what was expected there;
// so are the entries of a directory that were skipped.
//
// # JSON
//
// With -json, each certificate is one line holding an object with these
// fields (times in RFC 3339; durations in whole seconds):
//
//	record             "certificate"
//	input              the file name as given (or found in a directory), "-" or "sample"
//	index              1-based position of the certificate in its input
//	subject, issuer    distinguished names, as in the text
//	serial             serial number, colon-separated hex, as in the text
//	sans               subject alternative names, e.g. ["DNS:www.example.jp"]
//	public_key         e.g. "RSA 2048", "ECDSA P-256", "Ed25519"
//	signature_algorithm e.g. "SHA256-RSA", "ECDSA-SHA256", "Ed25519"
//	key_usage          e.g. ["digitalSignature"] (RFC 5280 names)
//	ext_key_usage      e.g. ["serverAuth"]
//	basic_constraints  "CA:TRUE", "CA:FALSE", "CA:TRUE, pathlen:0", or ""
//	sha256_fingerprint colon-separated upper-case hex
//	pkcs12             for a certificate of a PKCS#12 bundle only: {"entry"
//	                   (1-based), "role" ("leaf", "chain", or "certificate" for
//	                   a certificate entry, without a key), "key" (the entry's
//	                   key type, or ""), "alias" (its friendlyName, or "")}
//	not_before         notBefore in UTC
//	not_after          notAfter in UTC (inclusive)
//	not_before_jst     notBefore in JST (+09:00)
//	not_after_jst      notAfter in JST (+09:00)
//	zone               the -tz name; with not_before_zone, not_after_zone (only with -tz)
//	at                 the instant judged, in UTC
//	status             "valid", "not_yet_valid" or "expired"
//	remaining_seconds  lifetime left at "at" (validity.Period.Remaining): not_after - at + 1
//	                   while valid, length_seconds before not_before, 0 once expired
//	length_seconds     not_after - not_before + 1 (TV-3)
//	length_days        length_seconds in days of 86,400 s, any part of a day counted
//	limit              TV-6, an object: max_days, warn_days, max_months (0 when
//	                   none), source (the Baseline Requirements text), inclusive
//	                   (true when the step measures not_after - not_before + 1,
//	                   false when not_after - not_before), measured_days and
//	                   measured_seconds (the length as the step measures it, the
//	                   verdict's figure; 0 when not measured), verdict (as
//	                   above), reason (why the verdict is not ok, else "")
//	client_auth        the successor's clientAuth, an object: listed (the
//	                   certificate lists clientAuth), successor_at (the instant
//	                   the successor is judged as issued, UTC), verdict ("ok",
//	                   "warning", "error" or "not_applicable"; "ok" when clientAuth
//	                   is not listed), reason ("" for ok)
//	encoding           TV-5 findings, a list of objects: field (notBefore,
//	                   notAfter), type (UTCTime, GeneralizedTime), raw (the
//	                   encoded text), severity (info, warning, error),
//	                   finding (in words); empty when the encoding is right
//	expires_within     with -expires-within only: true or false
//	verify             with -verify only: {"ok", "chain" (subjects from the
//	                   certificate to the root), "error" (why not, else "")}
//
// The last line is {"record": "summary", "certificates", "errors",
// "skipped", "skipped_entries": [{"path", "reason"}]}: how many
// certificates were printed, how many errors were reported on standard
// error, and which directory entries were skipped.
//
// Field names are stable; new fields may be added.
//
// # Examples
//
//	go run ./examples/certinfo
//	go run ./examples/certinfo -at 2012-12-11T08:59:59+09:00 -tz America/New_York
//	certinfo -expires-within 30d /etc/letsencrypt/live || echo renew
//	certinfo -verify -roots ca.pem fullchain.pem
//	openssl s_client -connect example.jp:443 -showcerts </dev/null | certinfo -
package main

import (
	"bytes"
	"crypto/x509"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/examples/internal/input"
	"github.com/certlife/certlife/tz"
)

// sample is a certificate with TV-2's validity, written by TestFixtures
// (go test -run TestFixtures -update regenerates it).
//
//go:embed testdata/sample.pem
var sample []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, cli.Host()))
}

const name = "certinfo"

const usage = `usage: certinfo [flags] [file|directory|- ...]

Prints subject, issuer, serial, names, key, signature, usages, fingerprint,
validity in GMT and JST, status and time left, length, TV-6 lifetime limit
and verdict, whether a successor may keep clientAuth, and encoding findings
for each certificate in PEM, DER, PKCS#7 or PKCS#12 input (every entry of
a keystore). With no file, reads an embedded sample with the server FAQ's TV-2
validity. A file "-" is standard input; directories are read whole.

Flags:
  -at TIME           judge at TIME (default: now), e.g. 2012-06-01T00:00:00Z,
                     "12/10/2012 23:59:59 GMT", "2012/12/11 08:59:59 JST"
  -tz NAME           add a third zone, e.g. -tz America/New_York or -tz CET
  -expires-within D  exit 1 if a certificate expires within D, e.g. 30d, 72h
  -verify            exit 1 if a certificate's chain does not verify at -at
  -roots FILE        roots for -verify (default: the system's)
  -json              one JSON object per certificate per line, then a summary
  -password-file F   PKCS#12 password: first line of file F ("-": stdin)
  -max-input SIZE    read at most SIZE bytes in all (default 1G)
  -h                 this help

Exit codes: 0 ok (none expires within D, every chain verifies); 1 some
expire within D, or a chain does not verify; 2 usage, input or output
error. Note: step certificate needs-renewal uses the opposite sense
(0 = needs renewal).

Examples:
  certinfo
  certinfo -at 2012-12-11T08:59:59+09:00 -tz America/New_York
  certinfo -expires-within 30d -json bundle.pem
  certinfo -verify -roots ca.pem fullchain.pem
`

// maxVerify is the most certificates of one input that -verify holds to
// find issuers among them; it bounds certinfo's memory with -verify.
const maxVerify = 10000

// options are the parsed flags.
type options struct {
	at        time.Time
	zoneName  string
	zone      *time.Location // third zone, or nil
	within    time.Duration
	hasWithin bool
	json      bool
	verify    bool
	roots     *x509.CertPool
	rootsName string // where the roots came from, for the text
}

// run is certinfo with its arguments, standard streams and environment; it
// returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env cli.Env) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	atText := fs.String("at", "", "judge at this instant (default: now)")
	zoneName := fs.String("tz", "", "third zone to show")
	within := fs.String("expires-within", "", "exit 1 if a certificate expires within this duration")
	verify := fs.Bool("verify", false, "verify each certificate's chain")
	rootsFile := fs.String("roots", "", "roots for -verify")
	asJSON := fs.Bool("json", false, "print JSON Lines")
	passFile := fs.String("password-file", "", "PKCS#12 password file")
	maxInput := fs.String("max-input", "1G", "most bytes read in all")
	files, code, ok := cli.Parse(fs, args, usage, stdout, stderr)
	if !ok {
		return code
	}
	fail := func(format string, a ...any) int { return cli.Fail(stderr, name, format, a...) }
	opt := options{json: *asJSON, zoneName: *zoneName, verify: *verify}
	at, err := cli.At(*atText, env)
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
	limits := input.DefaultLimits()
	if limits.Total, err = cli.ParseSize(*maxInput); err != nil {
		return fail("-max-input: %v", err)
	}
	if *rootsFile != "" && !*verify {
		return fail("-roots needs -verify")
	}
	stdinUses := 0
	for _, f := range append(files, *passFile, *rootsFile) {
		if f == "-" {
			stdinUses++
		}
	}
	if stdinUses > 1 {
		return fail("standard input (-) named more than once: by -password-file, -roots or the files")
	}
	rd := &input.Reader{Stdin: stdin, Limits: limits, TotalFlag: "-max-input"}
	if *passFile != "" {
		rd.Password = func() ([]byte, error) {
			pw, err := cli.ReadPassword(*passFile, stdin)
			if err != nil {
				return nil, fmt.Errorf("-password-file: %v", err)
			}
			return pw, nil
		}
	}
	if *verify {
		roots := &input.Reader{Stdin: stdin, Limits: limits, TotalFlag: "-max-input"}
		if opt.roots, opt.rootsName, err = loadRoots(roots, *rootsFile); err != nil {
			return fail("%v", err)
		}
	}

	out := cli.NewWriter(stdout)
	p := &printer{opt: opt, out: out}
	if !opt.json {
		p.header()
	}
	sum := summary{Skipped: []skipJSON{}}
	negative := false
	report := func(err error) {
		if out.Flush() != nil {
			return
		}
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		sum.Errors++
	}
	var pending []*input.Item // with -verify: the certificates of one input
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		inter := x509.NewCertPool()
		for _, it := range pending {
			inter.AddCert(it.Cert)
		}
		for _, it := range pending {
			neg, err := p.print(it, inter)
			if err != nil {
				return err
			}
			sum.Certificates++
			negative = negative || neg
		}
		pending = pending[:0]
		return nil
	}
	h := input.Handler{
		Want:     func(k input.Kind) bool { return k == input.KindCertificate || k == input.KindPKCS12 },
		WantText: "PEM or DER certificates, PKCS#7 or PKCS#12",
		Item: func(it *input.Item) error {
			switch {
			case it.Kind == input.KindPKCS12:
				report(&input.Error{File: it.File, Found: "a PKCS#12 bundle, whose password is needed", Want: "-password-file"})
				return nil
			case it.Err != nil:
				if err := flush(); err != nil {
					return err
				}
				report(inItem(it))
				return nil
			case opt.verify:
				if len(pending) > 0 && pending[0].File != it.File {
					if err := flush(); err != nil {
						return err
					}
				}
				if len(pending) == maxVerify {
					return fmt.Errorf("%s: more than %d certificates in one input with -verify, which holds them to find issuers; split the input", it.File, maxVerify)
				}
				pending = append(pending, it)
				return nil
			}
			neg, err := p.print(it, nil)
			sum.Certificates++
			negative = negative || neg
			return err
		},
		Error: func(err error) {
			if flush() == nil {
				report(err)
			}
		},
		Skip: func(s input.Skip) {
			if out.Flush() == nil {
				fmt.Fprintf(stderr, "%s: skipped %s: %s\n", name, s.Path, s.Reason)
			}
		},
	}
	if len(files) == 0 {
		err = rd.ReadNamed("sample", bytes.NewReader(sample), h)
	} else {
		err = rd.Read(files, h)
	}
	if err == nil {
		err = flush()
	}
	if err != nil && out.Err() == nil {
		// Not a write error: the read stopped (-verify's cap).
		report(err)
		err = nil
	}
	if err == nil && opt.json {
		for _, s := range rd.Skipped {
			sum.Skipped = append(sum.Skipped, skipJSON{s.Path, s.Reason})
		}
		p.summary(&sum)
	}
	if err == nil {
		err = out.Flush()
	}
	switch {
	case err != nil:
		return fail("writing output: %v", err)
	case sum.Errors > 0:
		return cli.ExitError
	case negative:
		return cli.ExitNegative
	}
	return cli.ExitOK
}

// inItem is the error of an item that does not parse, with its index
// among the certificates of its input.
func inItem(it *input.Item) error {
	e, ok := it.Err.(*input.Error)
	if !ok {
		return it.Err
	}
	c := *e
	c.Where = "certificate " + strconv.Itoa(it.Index) + ", " + e.Where
	return &c
}

// loadRoots returns the roots of -verify: the certificates of file, or the
// system's roots.
func loadRoots(rd *input.Reader, file string) (*x509.CertPool, string, error) {
	if file == "" {
		pool, err := x509.SystemCertPool()
		if err != nil {
			return nil, "", fmt.Errorf("-verify: the system's roots: %v", err)
		}
		return pool, "the system's roots", nil
	}
	items, err := rd.ReadOne(file, input.Handler{
		Want:     func(k input.Kind) bool { return k == input.KindCertificate },
		WantText: "root certificates, PEM or DER",
	})
	if err != nil {
		return nil, "", fmt.Errorf("-roots %v", err)
	}
	pool := x509.NewCertPool()
	for _, it := range items {
		if it.Err != nil {
			return nil, "", fmt.Errorf("-roots %v", it.Err)
		}
		pool.AddCert(it.Cert)
	}
	return pool, "-roots " + file, nil
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
