// P12check checks a PKCS#12 bundle (.p12, .pfx) and its password before it
// goes to the server or PC that will read it: the password against PK-1,
// the file's encryption against the readers of PK-2, the key against its
// certificate (PK-3), with iteration counts capped before any key
// derivation (PK-4); and it re-encodes the bundle for a target such as the
// CentOS 7 install script.
//
// Usage:
//
//	p12check [flags] [file.p12]
//
// With no file, p12check checks its embedded sample: a client certificate,
// its RSA key and the issuing CA, encrypted as OpenSSL 3 does by default
// (PBES2 with AES-256, HMAC-SHA-256 MAC), which OpenSSL 1.0.2 on CentOS 7
// cannot read. Its password is "Sample2026", embedded too (as the file
// testdata/sample.password). A file named "-" is standard input. The file
// is read through the examples' input layer (examples/internal/input), at
// most 8 MiB: a file that is not a PKCS#12 bundle is named for what it is
// (PEM text and its blocks, a DER certificate, a Java keystore), not
// reported as a malformed bundle. Flags may come before or after the file.
//
// # The password
//
// The password is never taken from the command line, where other users
// can see it. It is read, in this order of preference, from:
//
//   - -password-file FILE: the first line of FILE, without its line ending
//     ("-" for standard input); FILE itself is never printed, in case a
//     password was typed there by mistake;
//   - for the embedded sample, the embedded sample password;
//   - standard input, when it is not a terminal: its first line;
//   - a prompt on the terminal (/dev/tty), with echo turned off by running
//     "stty -echo" (on systems without stty, use -password-file).
//
// At most the first 1,024 bytes of a password file or of standard input
// are read; a longer first line is refused.
//
// A password that breaks PK-1 (ASCII letters and digits only) is reported
// by the position of its first bad character, never shown; the bundle is
// still decoded with it, since files made elsewhere may use such
// passwords.
//
// # What it prints
//
//	password   PK-1 verdict
//	structure  what pkce.Inspect reads without the password: the MAC and
//	           each safe's encryption and iteration counts
//	readers    for each target of pkce (OpenSSL 1.0.2 for CentOS 7 to the
//	           macOS keychain), whether it can read the file, and if not
//	           which part it cannot (PK-2)
//	bundle     the leaf certificate (the one matching the key, PK-3) with its
//	           validity in GMT and JST, the key type, the chain and other
//	           certificates; names and serials as every example command
//	           prints them (openssl -nameopt RFC2253, colon-separated hex)
//	out        with -out: the file written for -target and its check
//
// # Flags
//
//	-password-file FILE  read the password from the first line of FILE ("-": stdin)
//	-target NAME         the reader that matters (pkce.ParseTarget names:
//	                     centos7, openssl102, openssl30, java8, java17,
//	                     windows2016, windows2019, macos, ...); exit 1 if it
//	                     cannot read the input (unless -out fixes that)
//	-out FILE            re-encode the bundle for -target (required with -out)
//	                     with the same password, write it to FILE (mode 0600;
//	                     "-" for standard output, then no report is printed)
//	-max-iterations N    cap on each key derivation (PK-4; default 1048576)
//	-json                print one JSON object
//
// # Exit codes
//
//	0  the bundle decodes, the password follows PK-1, and -target (if any)
//	   reads the input, or -out wrote a file it reads
//	1  a rule is broken: the password breaks PK-1, -target cannot read the
//	   input (PK-2), the bundle holds no private key (a truststore) or no
//	   certificate matches it or it holds several (PK-3), or an iteration
//	   count is over the cap (PK-4)
//	2  usage error, a file that is not a PKCS#12 bundle, a malformed one, or
//	   an incorrect password
//
// # JSON
//
// With -json the output is one object:
//
//	file        the file name, "-" or "sample"
//	password    {"ok", "problem"}: PK-1 (problem never holds the password)
//	structure   the lines of pkce.Info.String
//	readers     [{"target", "description", "readable", "problem"}]
//	bundle      null if it did not decode, else {"subject", "issuer", "serial",
//	            "not_before", "not_after" (RFC 3339, UTC), "not_before_jst",
//	            "not_after_jst", "key" ("none" for a truststore), "chain" [subjects],
//	            "extra" [subjects]}
//	error       why the bundle did not decode, else ""
//	out         null without -out, else {"file", "target", "structure", "readable"}
//
// Field names are stable; new fields may be added.
//
// # Examples
//
//	go run ./examples/p12check
//	go run ./examples/p12check -target centos7 -out /tmp/centos7.p12
//	p12check -password-file pw.txt -target centos7 -out fixed.p12 client.p12
//	printf '%s\n' "$PW" | p12check -json client.p12
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/examples/internal/input"
	"github.com/certlife/certlife/examples/internal/x509text"
	"github.com/certlife/certlife/pkce"
	"github.com/certlife/certlife/tz"
)

// The embedded sample and its password, written by TestFixtures (go test
// -run TestFixtures -regen makes new ones, with new random keys).
var (
	//go:embed testdata/sample.p12
	sampleP12 []byte
	//go:embed testdata/sample.password
	samplePasswordFile []byte
)

const name = "p12check"

const usage = `usage: p12check [flags] [file.p12]

Checks a PKCS#12 bundle and its password: PK-1 password characters, which
readers can open the file (PK-2: CentOS 7's OpenSSL 1.0.2, OpenSSL 3, Java,
Windows, macOS), that the key matches the certificate (PK-3), with capped
key-derivation work (PK-4); re-encodes it for a target with -out. With no
file, checks an embedded sample (password "Sample2026").

The password is read from -password-file (its first line, at most 1024
bytes; the file name is never printed), else from standard input when it
is not a terminal, else from a prompt without echo. Never from arguments.

Flags:
  -password-file FILE  first line of FILE is the password ("-": stdin)
  -target NAME         reader that matters: centos7, openssl30, java8, java17,
                       windows2016, windows2019, macos, ...
  -out FILE            re-encode for -target into FILE (same password)
  -max-iterations N    cap on each key derivation (default 1048576)
  -json                one JSON object
  -h                   this help

Exit codes: 0 all good; 1 a rule is broken (PK-1 password, PK-2 target
cannot read, PK-3 no key or a key mismatch, PK-4 iterations); 2 usage
error, a file that is not a PKCS#12 bundle, or an incorrect password.

Examples:
  p12check
  p12check -target centos7 -out centos7.p12
  p12check -password-file pw.txt -target centos7 -out fixed.p12 client.p12
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, cli.Host()))
}

// maxBundle is the largest bundle p12check reads: the largest PKCS#12
// files users hold (a CA store) are a few hundred KiB.
const maxBundle = 8 << 20

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env cli.Env) int {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	passFile := fset.String("password-file", "", "file whose first line is the password")
	targetName := fset.String("target", "", "the reader that matters")
	outFile := fset.String("out", "", "re-encode for -target into this file")
	maxIter := fset.Int64("max-iterations", pkce.DefaultMaxIterations, "cap on each key derivation")
	asJSON := fset.Bool("json", false, "print JSON")
	files, code, ok := cli.Parse(fset, args, usage, stdout, stderr)
	if !ok {
		return code
	}
	fail := func(format string, a ...any) int { return cli.Fail(stderr, name, format, a...) }
	if len(files) > 1 {
		return fail("one bundle at a time (got %d files)", len(files))
	}
	var target pkce.Target
	if *targetName != "" {
		t, err := pkce.ParseTarget(*targetName)
		if err != nil {
			return fail("-target: %v", err)
		}
		target = t
	}
	if *outFile != "" && target == 0 {
		return fail("-out needs -target")
	}
	if *maxIter <= 0 {
		return fail("-max-iterations: %d is not positive", *maxIter)
	}

	// The bundle.
	file, data := "sample", sampleP12
	if len(files) == 1 {
		file = files[0]
		if file == "-" && (*passFile == "" || *passFile == "-") {
			return fail("the bundle is read from standard input, so the password must come from -password-file FILE")
		}
		var err error
		if data, err = readBundle(file, stdin); err != nil {
			return fail("%v", err)
		}
	}
	// The password: never from the arguments, and never echoed.
	var password string
	var err error
	switch {
	case *passFile != "":
		var pw []byte
		if pw, err = cli.ReadPassword(*passFile, stdin); err != nil {
			return fail("-password-file: %v", err)
		}
		password = string(pw)
	case len(files) == 0:
		password = firstLine(samplePasswordFile)
	case isTerminal(stdin):
		if password, err = prompt(stderr); err != nil {
			return fail("reading the password: %v", err)
		}
	default:
		var pw []byte
		if pw, err = cli.FirstLine(stdin); err != nil {
			return fail("reading the password from standard input: %v", err)
		}
		password = string(pw)
	}

	rep := report{File: file, Readers: []readerJSON{}}
	broken := false
	// PK-1.
	if err := pkce.CheckPassword(password); err != nil {
		rep.Password = passwordJSON{OK: false, Problem: err.Error()}
		broken = true
	} else {
		rep.Password = passwordJSON{OK: true}
	}
	// PK-2, without the password.
	info, err := pkce.Inspect(data)
	if err != nil {
		return fail("%s: %v", file, err)
	}
	rep.Structure = lines(info.String())
	for _, t := range pkce.Targets() {
		r := readerJSON{Target: t.String(), Description: t.Description(), Readable: true}
		if err := info.ReadableBy(t); err != nil {
			r.Readable = false
			var te *pkce.TargetError
			if errors.As(err, &te) {
				r.Problem = te.Where + ": " + te.Found
			} else {
				r.Problem = err.Error()
			}
			if t == target && *outFile == "" {
				broken = true
			}
		}
		rep.Readers = append(rep.Readers, r)
	}
	// PK-3 and PK-4: decode with capped iterations.
	b, err := pkce.Decode(data, password, pkce.MaxIterations(*maxIter))
	switch {
	case errors.Is(err, pkce.ErrIncorrectPassword), errors.Is(err, pkce.ErrMalformed), errors.Is(err, pkce.ErrUnsupported):
		return fail("%s: %v", file, err)
	case err != nil:
		rep.Error = err.Error()
		broken = true
	default:
		rep.Bundle = describe(b)
		// PK-3: a bundle without a key (a truststore) cannot be a client
		// certificate bundle.
		broken = broken || b.Key == nil
	}
	// Re-encoding.
	if *outFile != "" {
		if b == nil {
			return fail("-out: the bundle did not decode: %v", err)
		}
		enc, err := b.Encode(password, target)
		if err != nil {
			return fail("-out: %v", err)
		}
		o := &outJSON{File: *outFile, Target: target.String(), Readable: true}
		info, err := pkce.Inspect(enc)
		if err != nil {
			return fail("-out: checking the new file: %v", err)
		}
		o.Structure = lines(info.String())
		if err := info.ReadableBy(target); err != nil {
			o.Readable = false
			broken = true
		}
		if *outFile == "-" {
			if _, err := stdout.Write(enc); err != nil {
				return fail("-out: %v", err)
			}
			if broken {
				return cli.ExitNegative
			}
			return cli.ExitOK
		}
		if err := os.WriteFile(*outFile, enc, 0o600); err != nil {
			return fail("-out: %v", unwrapPath(err))
		}
		rep.Out = o
	}

	out := cli.NewWriter(stdout)
	if *asJSON {
		j, _ := json.Marshal(rep)
		out.Write(append(j, '\n'))
	} else {
		rep.text(out, target)
	}
	if err := out.Flush(); err != nil {
		return fail("writing output: %v", err)
	}
	if broken {
		return cli.ExitNegative
	}
	return cli.ExitOK
}

// readBundle reads the bundle through the shared input layer, so that a
// file that is not a PKCS#12 bundle is named for what it is.
func readBundle(file string, stdin io.Reader) ([]byte, error) {
	rd := &input.Reader{Stdin: stdin, Limits: input.Limits{Block: maxBundle, Total: 2 * maxBundle}}
	items, err := rd.ReadOne(file, input.Handler{
		Want:     func(k input.Kind) bool { return k == input.KindPKCS12 },
		WantText: "a PKCS#12 bundle (.p12, .pfx) in DER",
	})
	if err != nil {
		return nil, err
	}
	return items[0].DER, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// firstLine returns the first line of b without its line ending.
func firstLine(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return string(bytes.TrimSuffix(b, []byte("\r")))
}

func lines(s string) []string {
	return strings.Split(strings.TrimRight(s, "\n"), "\n")
}

// isTerminal reports whether r is a character device (a terminal).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// prompt asks for the password on the terminal with echo off, using
// stty(1), since the module depends on no terminal package.
func prompt(stderr io.Writer) (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return "", fmt.Errorf("no terminal to prompt on; use -password-file: %v", err)
	}
	defer tty.Close()
	stty := func(arg string) error {
		cmd := exec.Command("stty", arg)
		cmd.Stdin = tty
		return cmd.Run()
	}
	if err := stty("-echo"); err != nil {
		return "", fmt.Errorf("cannot turn echo off (stty: %v); use -password-file", err)
	}
	defer func() {
		stty("echo")
		fmt.Fprintln(stderr)
	}()
	fmt.Fprint(stderr, "password: ")
	line, err := bufio.NewReader(tty).ReadString('\n')
	if err != nil && line == "" {
		return "", err
	}
	return firstLine([]byte(line)), nil
}

// describe summarises a decoded bundle.
func describe(b *pkce.Bundle) *bundleJSON {
	c := b.Leaf
	j := &bundleJSON{
		Subject: x509text.Name(c.RawSubject, &c.Subject), Issuer: x509text.Name(c.RawIssuer, &c.Issuer),
		Serial:    x509text.Serial(c.SerialNumber),
		NotBefore: c.NotBefore.UTC(), NotAfter: c.NotAfter.UTC(),
		NotBeforeJST: c.NotBefore.In(tz.JST), NotAfterJST: c.NotAfter.In(tz.JST),
		Key: x509text.KeyType(b.Key), Chain: []string{}, Extra: []string{},
	}
	for _, x := range b.Chain {
		j.Chain = append(j.Chain, x509text.Name(x.RawSubject, &x.Subject))
	}
	for _, x := range b.Extra {
		j.Extra = append(j.Extra, x509text.Name(x.RawSubject, &x.Subject))
	}
	return j
}

// report is the output; its JSON form is documented in the package
// comment.
type report struct {
	File      string       `json:"file"`
	Password  passwordJSON `json:"password"`
	Structure []string     `json:"structure"`
	Readers   []readerJSON `json:"readers"`
	Bundle    *bundleJSON  `json:"bundle"`
	Error     string       `json:"error"`
	Out       *outJSON     `json:"out"`
}

type passwordJSON struct {
	OK      bool   `json:"ok"`
	Problem string `json:"problem"`
}

type readerJSON struct {
	Target      string `json:"target"`
	Description string `json:"description"`
	Readable    bool   `json:"readable"`
	Problem     string `json:"problem"`
}

type bundleJSON struct {
	Subject      string    `json:"subject"`
	Issuer       string    `json:"issuer"`
	Serial       string    `json:"serial"`
	NotBefore    time.Time `json:"not_before"`
	NotAfter     time.Time `json:"not_after"`
	NotBeforeJST time.Time `json:"not_before_jst"`
	NotAfterJST  time.Time `json:"not_after_jst"`
	Key          string    `json:"key"`
	Chain        []string  `json:"chain"`
	Extra        []string  `json:"extra"`
}

type outJSON struct {
	File      string   `json:"file"`
	Target    string   `json:"target"`
	Structure []string `json:"structure"`
	Readable  bool     `json:"readable"`
}

func (r *report) text(w *cli.Writer, target pkce.Target) {
	const gmt, jst = "01/02/2006 15:04:05 GMT", "2006-01-02 15:04:05 MST"
	fmt.Fprintf(w, "%s\n", r.File)
	if r.Password.OK {
		fmt.Fprintf(w, "  password    ok: ASCII letters and digits only (PK-1)\n")
	} else {
		fmt.Fprintf(w, "  password    refused: %s (PK-1)\n", r.Password.Problem)
	}
	for i, l := range r.Structure {
		label := ""
		if i == 0 {
			label = "structure"
		}
		fmt.Fprintf(w, "  %-11s %s\n", label, l)
	}
	fmt.Fprintf(w, "\nreaders (PK-2)\n")
	for _, rd := range r.Readers {
		mark := "  "
		if target.String() == rd.Target {
			mark = "> "
		}
		verdict := "reads it"
		if !rd.Readable {
			verdict = "cannot read " + rd.Problem
		}
		fmt.Fprintf(w, "%s  %-12s %-28s %s\n", mark, rd.Target, rd.Description, verdict)
	}
	fmt.Fprintf(w, "\nbundle (PK-3, PK-4)\n")
	if b := r.Bundle; b != nil {
		fmt.Fprintf(w, "  leaf        %s\n", b.Subject)
		fmt.Fprintf(w, "  issuer      %s\n", b.Issuer)
		fmt.Fprintf(w, "  serial      %s\n", b.Serial)
		fmt.Fprintf(w, "  not before  %s   %s\n", b.NotBefore.Format(gmt), b.NotBeforeJST.Format(jst))
		fmt.Fprintf(w, "  not after   %s   %s\n", b.NotAfter.Format(gmt), b.NotAfterJST.Format(jst))
		if b.Key == "none" {
			fmt.Fprintf(w, "  key         none: the bundle holds only certificates (a truststore); a client certificate bundle needs its private key (PK-3)\n")
		} else {
			fmt.Fprintf(w, "  key         %s, matches the leaf\n", b.Key)
		}
		for _, c := range b.Chain {
			fmt.Fprintf(w, "  chain       %s\n", c)
		}
		for _, c := range b.Extra {
			fmt.Fprintf(w, "  extra       %s\n", c)
		}
	} else {
		fmt.Fprintf(w, "  refused     %s\n", r.Error)
	}
	if o := r.Out; o != nil {
		fmt.Fprintf(w, "\nwrote %s for %s\n", o.File, pkce.Target(target).Description())
		for _, l := range o.Structure {
			fmt.Fprintf(w, "              %s\n", l)
		}
		if o.Readable {
			fmt.Fprintf(w, "  check       %s reads it\n", o.Target)
		} else {
			fmt.Fprintf(w, "  check       %s still cannot read it\n", o.Target)
		}
	}
}
