// P12check checks a PKCS#12 bundle (.p12, .pfx) and its password before it
// goes to the server or PC that will read it: the password against PK-1,
// the file's encryption against the readers of PK-2, the entries of a
// keystore and the key against its certificate (PK-3), with key
// derivations and the file's shape bounded before any work (PK-4); it
// re-encodes the bundle for a target such as the CentOS 7 install script,
// and writes the files yum on CentOS 7 reads (PK-5).
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
// reported as a malformed bundle. A bundle in BER (NSS, Firefox and Bouncy
// Castle write indefinite lengths) is read as well. Flags may come before
// or after the file.
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
//	structure  what pkce.InspectWithPassword reads: the encoding when it is
//	           BER ("encoding: BER (containers)", as NSS and Bouncy Castle
//	           write), the MAC, each safe's encryption and iteration counts
//	           and bags, each key bag with its key's kind ("RSA 2048");
//	           when the file cannot be opened (an iteration count over the
//	           cap, an unsupported cipher), what pkce.Inspect reads without
//	           the password, which does no key derivation, and a line saying
//	           so
//	readers    for each target of pkce (OpenSSL 1.0.2 for CentOS 7 to the
//	           macOS keychain, NSS, GnuTLS, yum on CentOS 7), whether it can
//	           read the file, and if not which part it cannot (PK-2, PK-5:
//	           with the password, the kind of each key is judged too)
//	entries    for a keystore of several entries, or with -alias: each entry
//	           of pkce.DecodeEntries, its alias (friendlyName), key kind and
//	           certificate subject, the one -alias chose marked ">"
//	bundle     the leaf certificate (the one matching the key, PK-3) with its
//	           validity in GMT and JST, the key type, the chain and other
//	           certificates; names and serials as every example command
//	           prints them (openssl -nameopt RFC2253, colon-separated hex);
//	           or why the bundle was refused
//	out        with -out: the file written for -target and its check
//	yum        with -yum: the files written for yum on CentOS 7
//	           (pkce.Bundle.Yum, YumFiles.Write) and the .repo stanza, or
//	           why the bundle cannot serve yum (an ECDSA key: nss-pem reads
//	           RSA keys only)
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
//	-alias NAME          check the keystore entry whose alias (friendlyName)
//	                     is NAME (pkce.SelectAlias: exact, else ignoring
//	                     case, as keytool does); a keystore with several
//	                     keys needs it
//	-yum DIR             write into DIR (made if missing) what yum on CentOS 7
//	                     reads for the client certificate (PK-5): the leaf
//	                     alone, its RSA key unencrypted (mode 0600), the CA,
//	                     and a .repo file, with basenames carrying the
//	                     repository id and the certificate's fingerprint
//	-repo-id ID          with -yum: the repository id ([ID] in the .repo)
//	-repo-url URL        with -yum: the repository's https baseurl
//	-install-dir DIR     with -yum: the absolute directory where the .pem
//	                     files go on the server (default /etc/pki/ID); the
//	                     .repo names them there
//	-json                print one JSON object
//
// # Exit codes
//
//	0  the bundle decodes, the password follows PK-1, and -target (if any)
//	   reads the input, or -out wrote a file it reads, or -yum wrote the
//	   files yum reads
//	1  a rule is broken: the password breaks PK-1, -target cannot read the
//	   input (PK-2), the bundle holds no private key (a truststore) or no
//	   certificate matches it or it holds several keys and -alias chose
//	   none (PK-3), an iteration count, the hashing budget or a limit on
//	   the file's size or shape is exceeded (PK-4: pkce.ErrIterationLimit,
//	   pkce.ErrLimit), or -yum cannot serve yum (PK-5: a key other than
//	   RSA)
//	2  usage error (an -alias no entry has, a bad -repo-id or -repo-url), a
//	   file that is not a PKCS#12 bundle, a malformed one, an incorrect
//	   password, or a file that could not be written
//
// # JSON
//
// With -json the output is one object:
//
//	file        the file name, "-" or "sample"
//	password    {"ok", "problem"}: PK-1 (problem never holds the password)
//	structure   the lines of pkce.Info.String
//	decrypted   whether the structure was read with the password
//	readers     [{"target", "description", "readable", "problem"}]
//	entries     [{"alias", "subject", "serial", "key" (a kind, or "none" for a
//	            certificate entry)}], for a keystore of several entries or
//	            with -alias, else []
//	bundle      null if it did not decode, else {"subject", "issuer", "serial",
//	            "not_before", "not_after" (RFC 3339, UTC), "not_before_jst",
//	            "not_after_jst", "key" ("none" for a truststore), "chain" [subjects],
//	            "extra" [subjects]}
//	error       why the bundle did not decode, else ""
//	out         null without -out, else {"file", "target", "structure", "readable"}
//	yum         null without -yum, else {"dir", "install_dir", "files" [{"path",
//	            "mode", "what"}], "repo" (the .repo file's text), "refused"
//	            (why not, else "")}
//
// Field names are stable; new fields may be added.
//
// # Examples
//
//	go run ./examples/p12check
//	go run ./examples/p12check -target centos7 -out /tmp/centos7.p12
//	go run ./examples/p12check -yum /tmp/yum -repo-id el7-extended -repo-url https://updates.example.jp/el7/
//	p12check -password-file pw.txt -target centos7 -out fixed.p12 client.p12
//	p12check -password-file pw.txt -alias www keystore.p12
//	printf '%s\n' "$PW" | p12check -json client.p12
package main

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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

Checks a PKCS#12 bundle (DER or BER) and its password: PK-1 password
characters, which readers can open the file (PK-2: CentOS 7's OpenSSL
1.0.2, OpenSSL 3, Java, Windows, macOS, NSS, GnuTLS, yum), a keystore's
entries and that the key matches the certificate (PK-3), with bounded work
(PK-4); re-encodes it for a target with -out; writes the files yum on
CentOS 7 reads with -yum (PK-5). With no file, checks an embedded sample
(password "Sample2026").

The password is read from -password-file (its first line, at most 1024
bytes; the file name is never printed), else from standard input when it
is not a terminal, else from a prompt without echo. Never from arguments.

Flags:
  -password-file FILE  first line of FILE is the password ("-": stdin)
  -target NAME         reader that matters: centos7, openssl30, java8, java17,
                       windows2016, windows2019, macos, ...
  -out FILE            re-encode for -target into FILE (same password)
  -max-iterations N    cap on each key derivation (default 1048576)
  -alias NAME          the keystore entry to check (keytool's alias)
  -yum DIR             write the PEM files and .repo yum on CentOS 7 reads
  -repo-id ID          with -yum: the repository id (required)
  -repo-url URL        with -yum: the repository's https baseurl (required)
  -install-dir DIR     with -yum: where the files go (default /etc/pki/ID)
  -json                one JSON object
  -h                   this help

Exit codes: 0 all good; 1 a rule is broken (PK-1 password, PK-2 target
cannot read, PK-3 no key, a key mismatch or several keys without -alias,
PK-4 iterations or a limit, PK-5 a key yum cannot use); 2 usage error, a
file that is not a PKCS#12 bundle, or an incorrect password.

Examples:
  p12check
  p12check -target centos7 -out centos7.p12
  p12check -password-file pw.txt -target centos7 -out fixed.p12 client.p12
  p12check -password-file pw.txt -alias www keystore.p12
  p12check -yum out -repo-id el7 -repo-url https://repo.example.jp/el7/ client.p12
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
	alias := fset.String("alias", "", "the keystore entry to check")
	yumDir := fset.String("yum", "", "write the files yum on CentOS 7 reads into this directory")
	repoID := fset.String("repo-id", "", "the yum repository id")
	repoURL := fset.String("repo-url", "", "the yum repository's baseurl")
	installDir := fset.String("install-dir", "", "where the yum files go on the server")
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
	yum := pkce.YumRepo{ID: *repoID, BaseURL: *repoURL, Dir: *installDir}
	switch {
	case *yumDir == "" && (*repoID != "" || *repoURL != "" || *installDir != ""):
		return fail("-repo-id, -repo-url and -install-dir go with -yum DIR")
	case *yumDir != "" && (*repoID == "" || *repoURL == ""):
		return fail("-yum needs -repo-id ID and -repo-url URL (the repository the client certificate opens)")
	case *yumDir != "" && *outFile == "-":
		return fail("-yum and -out - (the bundle on standard output) do not go together")
	case *yumDir != "" && yum.Dir == "":
		yum.Dir = "/etc/pki/" + yum.ID
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

	rep := report{File: file, Readers: []readerJSON{}, alias: *alias}
	broken := false
	// PK-1.
	if err := pkce.CheckPassword(password); err != nil {
		rep.Password = passwordJSON{OK: false, Problem: err.Error()}
		broken = true
	} else {
		rep.Password = passwordJSON{OK: true}
	}
	// PK-2, with the password: the bags of encrypted safes and the kind of
	// every key show (yum's RSA, GnuTLS's EC public key). Without it when
	// the file cannot be opened: the structure, the MAC and the safes'
	// encryption still show, with no key derivation.
	opts := []pkce.Option{pkce.MaxIterations(*maxIter)}
	info, err := pkce.InspectWithPassword(data, password, opts...)
	switch {
	case errors.Is(err, pkce.ErrIncorrectPassword), errors.Is(err, pkce.ErrMalformed):
		return fail("%s: %v", file, err)
	case err != nil:
		if info, err = pkce.Inspect(data, opts...); limited(err) {
			// PK-4: refused before any work; the answer is "no".
			rep.Error = err.Error()
			return rep.finish(stdout, stderr, *asJSON, target, true)
		} else if err != nil {
			return fail("%s: %v", file, err)
		}
	}
	rep.Structure = lines(info.String())
	rep.Decrypted = info.Decrypted
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
			// -out fixes the target's problem; so does -yum for yum,
			// whose files are not the bundle.
			if t == target && *outFile == "" && !(t == pkce.YumCentOS7 && *yumDir != "") {
				broken = true
			}
		}
		rep.Readers = append(rep.Readers, r)
	}
	// The entries of a keystore (PK-3): each key with its certificate, and
	// the certificate entries. A bundle of one key is one entry, shown
	// under "bundle": the file is not decoded once more for it.
	if info.Decrypted && (*alias != "" || len(info.KeyBags) != 1) {
		if entries, err := pkce.DecodeEntries(data, password, opts...); err == nil && (len(entries) > 1 || *alias != "") {
			rep.Entries = describeEntries(entries)
		}
	}
	// PK-3 and PK-4: decode with capped iterations, the entry -alias names.
	if *alias != "" {
		opts = append(opts, pkce.SelectAlias(*alias))
	}
	b, err := pkce.Decode(data, password, opts...)
	var ke *pkce.KeyError
	switch {
	case errors.Is(err, pkce.ErrIncorrectPassword), errors.Is(err, pkce.ErrMalformed), errors.Is(err, pkce.ErrUnsupported):
		return fail("%s: %v", file, err)
	case errors.As(err, &ke) && ke.Reason == pkce.ReasonNoEntry:
		return fail("-alias: %v", err)
	case err != nil:
		rep.Error = err.Error()
		rep.multipleKeys = errors.Is(err, pkce.ErrMultipleKeys)
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

	// PK-5: the files yum on CentOS 7 reads.
	if *yumDir != "" {
		if b == nil {
			if errors.Is(err, pkce.ErrMultipleKeys) {
				return fail("-yum: the bundle did not decode: %v; choose the entry with -alias NAME", err)
			}
			return fail("-yum: the bundle did not decode: %v", err)
		}
		y, code := writeYum(b, yum, *yumDir)
		if code == cli.ExitError {
			return fail("%s", y.Refused)
		}
		rep.Yum = y
		broken = broken || code == cli.ExitNegative
	}
	return rep.finish(stdout, stderr, *asJSON, target, broken)
}

// finish prints the report and returns the exit code: 1 when a rule is
// broken, 2 when the output could not be written.
func (r *report) finish(stdout, stderr io.Writer, asJSON bool, target pkce.Target, broken bool) int {
	if r.Readers == nil {
		r.Readers = []readerJSON{}
	}
	if r.Structure == nil {
		r.Structure = []string{}
	}
	if r.Entries == nil {
		r.Entries = []entryJSON{}
	}
	out := cli.NewWriter(stdout)
	if asJSON {
		j, _ := json.Marshal(r)
		out.Write(append(j, '\n'))
	} else {
		r.text(out, target, r.alias)
	}
	if err := out.Flush(); err != nil {
		return cli.Fail(stderr, name, "writing output: %v", err)
	}
	if broken {
		return cli.ExitNegative
	}
	return cli.ExitOK
}

// limited reports whether err is a refusal of PK-4: an iteration count or
// the hashing budget over its cap, or a file whose size or shape exceeds a
// limit of pkce.Limits.
func limited(err error) bool {
	return errors.Is(err, pkce.ErrIterationLimit) || errors.Is(err, pkce.ErrLimit)
}

// writeYum makes the files yum on CentOS 7 reads for b's client
// certificate (PK-5) and writes them into dir. It returns what to report
// and the exit code it calls for: 1 when the bundle cannot serve yum (an
// EC key: nss-pem reads RSA keys only; no key), 2 with the message in
// Refused for a bad -repo-id, -repo-url or -install-dir or a failed
// write.
func writeYum(b *pkce.Bundle, repo pkce.YumRepo, dir string) (*yumJSON, int) {
	y := &yumJSON{Dir: dir, InstallDir: repo.Dir, Files: []yumFileJSON{}}
	files, err := b.Yum(repo)
	var te *pkce.TargetError
	var ke *pkce.KeyError
	switch {
	case errors.As(err, &te), errors.As(err, &ke):
		y.Refused = err.Error()
		return y, cli.ExitNegative
	case err != nil:
		y.Refused = "-yum: " + err.Error()
		return y, cli.ExitError
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		y.Refused = "-yum: " + unwrapPath(err).Error()
		return y, cli.ExitError
	}
	if err := files.Write(context.Background(), dir); err != nil {
		y.Refused = "-yum: writing the files: " + err.Error()
		return y, cli.ExitError
	}
	add := func(name, mode, what string) {
		if name != "" {
			y.Files = append(y.Files, yumFileJSON{filepath.Join(dir, name), mode, what})
		}
	}
	add(files.CertName, "0644", "the client certificate, alone (sslclientcert)")
	add(files.KeyName, "0600", "its RSA key, unencrypted (sslclientkey)")
	add(files.CAName, "0644", "the CA certificates (sslcacert)")
	add(files.RepoName, "0644", "the repository, for /etc/yum.repos.d")
	y.Repo = string(files.Repo)
	return y, cli.ExitOK
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

// describeEntries lists a keystore's entries: alias, subject, key kind.
func describeEntries(entries []pkce.Entry) []entryJSON {
	out := make([]entryJSON, len(entries))
	for i, e := range entries {
		j := entryJSON{Alias: e.Alias, Key: "none"}
		if e.Key != nil {
			j.Key = x509text.KeyType(e.Key)
		}
		if c := e.Leaf; c != nil {
			j.Subject = x509text.Name(c.RawSubject, &c.Subject)
			j.Serial = x509text.Serial(c.SerialNumber)
		}
		out[i] = j
	}
	return out
}

// report is the output; its JSON form is documented in the package
// comment.
type report struct {
	File      string       `json:"file"`
	Password  passwordJSON `json:"password"`
	Structure []string     `json:"structure"`
	Decrypted bool         `json:"decrypted"`
	Readers   []readerJSON `json:"readers"`
	Entries   []entryJSON  `json:"entries"`
	Bundle    *bundleJSON  `json:"bundle"`
	Error     string       `json:"error"`
	Out       *outJSON     `json:"out"`
	Yum       *yumJSON     `json:"yum"`
	alias     string       // -alias, to mark the entry chosen
	// multipleKeys reports a bundle refused for holding several keys
	// when no -alias chose one.
	multipleKeys bool
}

type entryJSON struct {
	Alias   string `json:"alias"`
	Subject string `json:"subject"`
	Serial  string `json:"serial"`
	Key     string `json:"key"`
}

type yumJSON struct {
	Dir        string        `json:"dir"`
	InstallDir string        `json:"install_dir"`
	Files      []yumFileJSON `json:"files"`
	Repo       string        `json:"repo"`
	Refused    string        `json:"refused"`
}

type yumFileJSON struct {
	Path string `json:"path"`
	Mode string `json:"mode"`
	What string `json:"what"`
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

func (r *report) text(w *cli.Writer, target pkce.Target, alias string) {
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
	if !r.Decrypted && len(r.Structure) > 0 {
		fmt.Fprintf(w, "  %-11s %s\n", "", "(read without the password: the encrypted parts were not opened)")
	}
	if len(r.Readers) > 0 {
		fmt.Fprintf(w, "\nreaders (PK-2)\n")
	}
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
	if len(r.Entries) > 0 {
		fmt.Fprintf(w, "\nentries (PK-3)\n")
		width, chosen := 0, -1
		for i, e := range r.Entries {
			width = max(width, len(strconv.Quote(e.Alias)))
			if alias != "" && (e.Alias == alias || chosen < 0 && strings.EqualFold(e.Alias, alias)) {
				chosen = i
			}
		}
		for i, e := range r.Entries {
			mark := "  "
			if i == chosen {
				mark = "> "
			}
			key := "no key (a certificate entry)"
			if e.Key != "none" {
				key = e.Key + " key"
			}
			subject := e.Subject
			if subject == "" {
				subject = "no certificate"
			}
			fmt.Fprintf(w, "%s  %-3d %-*s %-28s %s\n", mark, i+1, width, strconv.Quote(e.Alias), key, subject)
		}
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
		if r.multipleKeys {
			fmt.Fprintf(w, "  choose      an entry with -alias NAME\n")
		}
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
	if y := r.Yum; y != nil {
		fmt.Fprintf(w, "\nyum on CentOS 7 (PK-5)\n")
		if y.Refused != "" {
			fmt.Fprintf(w, "  refused     %s\n", y.Refused)
			return
		}
		for i, f := range y.Files {
			label := ""
			if i == 0 {
				label = "wrote"
			}
			fmt.Fprintf(w, "  %-11s %s (%s): %s\n", label, f.Path, f.Mode, f.What)
		}
		fmt.Fprintf(w, "  install     the .pem files in %s, the .repo file in /etc/yum.repos.d\n", y.InstallDir)
		for i, l := range lines(y.Repo) {
			label := ""
			if i == 0 {
				label = "repo"
			}
			fmt.Fprintf(w, "  %-11s %s\n", label, l)
		}
	}
}
