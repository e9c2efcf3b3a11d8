// Renewcheck says whether a certificate application is new or a renewal
// (RN-1 to RN-4, RN-7), from when a renewal is accepted (RN-3), when each
// held certificate should be renewed (RN-10, TV-6), and, with -keys, which
// private key belongs to which certificate after a renewal went wrong
// (RN-8).
//
// Usage:
//
//	renewcheck [flags] [held ...]
//
// Each held argument is a file or a directory of certificates the
// applicant holds (PEM, any number of CERTIFICATE blocks, or DER); a
// directory is read one level deep, skipping files that hold neither
// certificates nor keys. "-" is standard input. With no argument and no
// -csr, renewcheck reads its embedded sample, a server after a renewal went
// wrong: server.crt, for www.example.jp, issued 2025-12-10 for 397 days;
// server.key, overwritten by the new key; request.csr, the CSR made with
// the new key.
//
// With -csr it classifies the application (package renewal's Classify):
// new or renewal and the clause that decided, the certificate renewed,
// from when a renewal is accepted (RN-3: 30 days, counted in civil days in
// JST by default) and warnings such as a reused key (RN-7). Without -csr
// it only plans. For the current certificate of the CSR's common name, or
// for every held certificate without -csr, it prints the renewal plan
// (renewal's Plan): when renewal opens, when it is due (when a third of
// the lifetime is left by default), the last safe moment and the longest
// lifetime a certificate issued then may have (TV-6).
//
// With -keys, private keys in the same inputs (PEM PRIVATE KEY, RSA
// PRIVATE KEY, EC PRIVATE KEY) are paired with the certificates (renewal's
// PairKeys) and the RN-8 diagnosis printed: an installed certificate whose
// key was overwritten, or a key the configuration may point at while the
// old certificate is still installed. Encrypted keys are not read.
//
// # Flags
//
//	-at TIME        judge at TIME instead of now (any form tz.Parse reads)
//	-csr FILE       the certificate signing request (PEM or DER; "-" for stdin)
//	-additional     the application asks for an additional certificate for a
//	                name already held (RN-1: new)
//	-keys           also read private keys from the inputs and pair them (RN-8)
//	-wait N         days a renewal waits after issue (RN-3; default 30)
//	-elapsed        count the wait as N×24 hours from the issue instant
//	                instead of civil days in JST
//	-remaining F    renewal due when the fraction F of the lifetime is left
//	                (default 0.3333: a third left, two thirds used)
//	-margin D       deadline this long before notAfter (default 7d)
//	-spread D       spread due instants over a window of D, reproducibly
//	-json           print one JSON object
//
// Durations are Go durations ("72h") or days ("7d", "1d12h").
//
// # Exit codes
//
//	0  the application is accepted (new, or a renewal after the wait), or
//	   only plans were asked; with -keys, every certificate has its key
//	   and every key its certificate
//	1  the renewal is too early (RN-3), or -keys found a mismatch (RN-8)
//	2  usage error or bad input
//
// # JSON
//
// With -json the output is one object (times RFC 3339 in JST):
//
//	at          the instant judged
//	request     {"file", "subject", "common_name"}, or null without -csr
//	held        [{"name", "subject", "serial", "not_before", "not_after"}]; name is
//	            the file, with "#n" for the n-th certificate of a file holding several
//	decision    null without -csr, else {"kind": "new", "renewal" or "too_early",
//	            "clause" (the rule that decided, e.g. "RN-2 ..."), "renews" (held
//	            name or ""), "current" (held name or ""), "opens_at" (RN-3,
//	            for a renewal or too_early), "changed" (RN-4 attributes),
//	            "key_reused" (RN-7), "warnings" [{"code", "detail"}], "message"}
//	plans       [{"certificate", "opens", "due", "deadline", "next_max_days",
//	            "next_limit", "warnings" [{"code", "detail"}]}]
//	pairing     null without -keys, else {"pairs" [{"certificate", "key"}],
//	            "orphan_certificates", "orphan_keys", "unsupported_keys",
//	            "diagnosis": "none", "key_overwritten" or "config_new_key",
//	            "advice"}
//
// Field names are stable; new fields may be added.
//
// # Examples
//
//	go run ./examples/renewcheck -at 2026-09-01
//	go run ./examples/renewcheck -keys -at 2026-09-01
//	renewcheck -csr new.csr /etc/pki/tls/certs
//	renewcheck -keys /etc/nginx/ssl
package main

import (
	"bufio"
	"crypto"
	"crypto/x509"
	"embed"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/renewal"
	"github.com/certlife/certlife/tz"
)

// sample is the embedded sample directory, written by TestFixtures (go
// test -run TestFixtures -update regenerates it).
//
//go:embed testdata/sample
var sample embed.FS

const name = "renewcheck"

const usage = `usage: renewcheck [flags] [held ...]

Classifies a certificate application as new or renewal (RN-1..RN-4, RN-7),
says from when a renewal is accepted (RN-3) and when to renew each held
certificate (RN-10, TV-6); with -keys, pairs private keys and certificates
and diagnoses a broken renewal (RN-8). Held inputs are files or directories
of certificates (PEM or DER), "-" for stdin. With no input and no -csr,
reads an embedded sample (a CSR, a certificate and an overwritten key).

Flags:
  -at TIME      judge at TIME (default: now), e.g. 2026-09-01T10:00:00+09:00
  -csr FILE     the certificate signing request, PEM or DER
  -additional   an additional certificate for a name already held (new)
  -keys         also read private keys from the inputs and pair them
  -wait N       days a renewal waits after issue (default 30)
  -elapsed      count the wait as N*24h instead of civil days in JST
  -remaining F  renewal due with fraction F of the lifetime left (default 1/3)
  -margin D     deadline D before notAfter (default 7d)
  -spread D     spread due instants over a window D, reproducibly
  -json         one JSON object
  -h            this help

Exit codes: 0 accepted / plans only / keys match; 1 too early (RN-3) or
key mismatch (RN-8); 2 usage or input error.

Examples:
  renewcheck -at 2026-09-01
  renewcheck -keys -at 2026-09-01
  renewcheck -csr new.csr -at 2026-09-01 /etc/pki/tls/certs
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// heldCert is a certificate read from an input.
type heldCert struct {
	name string
	cert *x509.Certificate
}

// heldKey is a private key read from an input.
type heldKey struct {
	name string
	key  crypto.PrivateKey
}

// inputs is what was read.
type inputs struct {
	certs []heldCert
	keys  []heldKey
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	atText := fset.String("at", "", "judge at this instant (default: now)")
	csrFile := fset.String("csr", "", "certificate signing request")
	additional := fset.Bool("additional", false, "additional certificate for a name already held")
	withKeys := fset.Bool("keys", false, "pair private keys and certificates")
	wait := fset.Int("wait", 30, "days a renewal waits after issue")
	elapsed := fset.Bool("elapsed", false, "count the wait as exact 24-hour days")
	remaining := fset.Float64("remaining", renewal.DefaultRemaining, "fraction of the lifetime left when renewal is due")
	margin := fset.String("margin", "7d", "deadline before notAfter")
	spread := fset.String("spread", "", "spread window")
	asJSON := fset.Bool("json", false, "print JSON")
	if code, ok := cli.Parse(fset, args, usage, stdout, stderr); !ok {
		return code
	}
	fail := func(format string, a ...any) int { return cli.Fail(stderr, name, format, a...) }
	at, err := cli.At(*atText)
	if err != nil {
		return fail("-at: %v", err)
	}
	at = at.In(tz.JST)
	policy := renewal.DefaultPolicy()
	policy.Opens = renewal.When{Rule: renewal.AfterIssue, N: *wait}
	if *elapsed {
		policy.Counting = renewal.Elapsed
	}
	if *wait <= 0 {
		return fail("-wait: %d is not a positive number of days", *wait)
	}
	if !(*remaining > 0 && *remaining < 1) {
		return fail("-remaining: %v is not a fraction between 0 and 1 (exclusive)", *remaining)
	}
	opts := []renewal.Option{renewal.DueWhenRemaining(*remaining)}
	if d, err := cli.ParseDuration(*margin); err != nil {
		return fail("-margin: %v", err)
	} else {
		opts = append(opts, renewal.SafetyMargin(d))
	}
	if *spread != "" {
		d, err := cli.ParseDuration(*spread)
		if err != nil {
			return fail("-spread: %v", err)
		}
		opts = append(opts, renewal.Spread(d))
	}

	var in inputs
	var csrData []byte
	csrName := *csrFile
	var readErrs []string
	if len(fset.Args()) == 0 && *csrFile == "" {
		// The embedded sample.
		csrName = "request.csr"
		csrData, _ = sample.ReadFile("testdata/sample/request.csr")
		for _, f := range []string{"server.crt", "server.key"} {
			data, _ := sample.ReadFile("testdata/sample/" + f)
			in.add(f, data, *withKeys)
		}
	} else {
		if *csrFile != "" {
			if csrData, err = cli.ReadInput(*csrFile, stdin); err != nil {
				return fail("-csr %s: %v", *csrFile, err)
			}
		}
		for _, arg := range fset.Args() {
			if err := in.read(arg, stdin, *withKeys); err != nil {
				readErrs = append(readErrs, fmt.Sprintf("%s: %v", arg, err))
			}
		}
	}
	for _, e := range readErrs {
		fail("%s", e)
	}
	if len(readErrs) > 0 {
		return cli.ExitError
	}

	rep := report{At: at, Held: []heldJSON{}, Plans: []planJSON{}}
	for _, h := range in.certs {
		rep.Held = append(rep.Held, heldJSON{h.name, h.cert.Subject.String(), h.cert.SerialNumber.Text(16),
			h.cert.NotBefore.In(tz.JST), h.cert.NotAfter.In(tz.JST)})
	}
	negative := false
	var planFor []heldCert
	if csrData != nil {
		csr, err := parseCSR(csrData)
		if err != nil {
			return fail("-csr %s: %v", csrName, err)
		}
		app, err := renewal.ApplicationFrom(csr, at)
		if err != nil {
			return fail("-csr %s: %v", csrName, err)
		}
		app.Additional = *additional
		rep.Request = &requestJSON{csrName, csr.Subject.String(), csr.Subject.CommonName}
		held := make([]renewal.Held, len(in.certs))
		for i, h := range in.certs {
			held[i] = renewal.HeldFrom(h.cert)
		}
		d, err := renewal.Classify(app, held, policy)
		var early *renewal.TooEarlyError
		switch {
		case errors.As(err, &early):
			negative = true
			rep.Decision = &decisionJSON{Kind: "too_early", Clause: "RN-3 renewal before the wait is over",
				Current: in.nameOf(early.Current), Message: err.Error(), Changed: []string{}, Warnings: []warningJSON{}}
			o := early.OpensAt.In(tz.JST)
			rep.Decision.OpensAt = &o
			planFor = append(planFor, in.find(early.Current))
		case err != nil:
			return fail("-csr %s: %v", csrName, err)
		default:
			dj := &decisionJSON{Kind: d.Kind.String(), Clause: d.Clause.String(), Changed: d.Changed, Warnings: warnings(d.Warnings)}
			for _, w := range d.Warnings {
				dj.KeyReused = dj.KeyReused || w.Code == renewal.WarnKeyReused
			}
			if dj.Changed == nil {
				dj.Changed = []string{}
			}
			if d.Renews != nil {
				dj.Renews = in.nameOf(*d.Renews)
				o, _ := renewal.OpensAt(*d.Renews, policy)
				o = o.In(tz.JST)
				dj.OpensAt = &o
			}
			if d.Current != nil {
				dj.Current = in.nameOf(*d.Current)
				planFor = append(planFor, in.find(*d.Current))
			}
			rep.Decision = dj
		}
	} else {
		planFor = in.certs
	}
	for _, h := range planFor {
		if h.cert == nil {
			continue
		}
		s, err := renewal.Plan(renewal.HeldFrom(h.cert), at, policy, opts...)
		if err != nil {
			return fail("plan for %s: %v", h.name, err)
		}
		rep.Plans = append(rep.Plans, planJSON{Certificate: h.name, Opens: s.Opens.In(tz.JST), Due: s.Due.In(tz.JST),
			Deadline: s.Deadline.In(tz.JST), NextMaxDays: s.Next.Limit.MaxDays, NextLimit: s.Next.Limit.Source,
			Warnings: warnings(s.Warnings)})
	}
	if *withKeys {
		certs := make([]*x509.Certificate, len(in.certs))
		for i, h := range in.certs {
			certs[i] = h.cert
		}
		privs := make([]crypto.PrivateKey, len(in.keys))
		for i, k := range in.keys {
			privs[i] = k.key
		}
		p := renewal.PairKeys(certs, privs)
		pj := &pairingJSON{Pairs: []pairJSON{}, OrphanCerts: []string{}, OrphanKeys: []string{}, Unsupported: []string{},
			Diagnosis: causeWord(p.Diagnosis), Advice: p.Diagnosis.String()}
		for _, pr := range p.Pairs {
			pj.Pairs = append(pj.Pairs, pairJSON{in.certs[pr.Cert].name, in.keys[pr.Key].name})
		}
		for _, i := range p.OrphanCerts {
			pj.OrphanCerts = append(pj.OrphanCerts, in.certs[i].name)
		}
		for _, i := range p.OrphanKeys {
			pj.OrphanKeys = append(pj.OrphanKeys, in.keys[i].name)
		}
		for _, i := range p.Unsupported {
			pj.Unsupported = append(pj.Unsupported, in.keys[i].name)
		}
		rep.Pairing = pj
		negative = negative || p.Diagnosis != renewal.CauseNone
	}

	out := bufio.NewWriter(stdout)
	if *asJSON {
		b, _ := json.Marshal(rep)
		out.Write(append(b, '\n'))
	} else {
		rep.text(out)
	}
	if err := out.Flush(); err != nil {
		return fail("writing output: %v", err)
	}
	if negative {
		return cli.ExitNegative
	}
	return cli.ExitOK
}

// read reads a file, a directory (one level) or standard input ("-").
func (in *inputs) read(arg string, stdin io.Reader, keys bool) error {
	if arg == "-" {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return err
		}
		if !in.add("-", data, keys) {
			return errors.New("no certificate or key found")
		}
		return nil
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return unwrapPath(err)
	}
	if !fi.IsDir() {
		data, err := os.ReadFile(arg)
		if err != nil {
			return unwrapPath(err)
		}
		if !in.add(arg, data, keys) {
			return errors.New("no certificate or key found")
		}
		return nil
	}
	entries, err := os.ReadDir(arg)
	if err != nil {
		return unwrapPath(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		p := path.Join(arg, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("%s: %v", e.Name(), unwrapPath(err))
		}
		in.add(p, data, keys)
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// add reads the certificates, and with keys the private keys, of one
// file, PEM or DER. It reports whether it found any.
func (in *inputs) add(file string, data []byte, keys bool) bool {
	var certs []*x509.Certificate
	var privs []crypto.PrivateKey
	if !strings.Contains(string(data), "-----BEGIN ") {
		if c, err := x509.ParseCertificate(data); err == nil {
			certs = append(certs, c)
		} else if k, err := parseKey("PRIVATE KEY", data); err == nil && keys {
			privs = append(privs, k)
		}
	}
	for rest := data; ; {
		var p *pem.Block
		p, rest = pem.Decode(rest)
		if p == nil {
			break
		}
		switch {
		case p.Type == "CERTIFICATE":
			if c, err := x509.ParseCertificate(p.Bytes); err == nil {
				certs = append(certs, c)
			}
		case keys && strings.HasSuffix(p.Type, "PRIVATE KEY"):
			if k, err := parseKey(p.Type, p.Bytes); err == nil {
				privs = append(privs, k)
			}
		}
	}
	for i, c := range certs {
		n := file
		if len(certs) > 1 {
			n += "#" + strconv.Itoa(i+1)
		}
		in.certs = append(in.certs, heldCert{n, c})
	}
	for i, k := range privs {
		n := file
		if len(privs) > 1 {
			n += "#" + strconv.Itoa(i+1)
		}
		in.keys = append(in.keys, heldKey{n, k})
	}
	return len(certs)+len(privs) > 0
}

// parseKey reads an unencrypted private key.
func parseKey(typ string, der []byte) (crypto.PrivateKey, error) {
	switch typ {
	case "RSA PRIVATE KEY":
		return x509.ParsePKCS1PrivateKey(der)
	case "EC PRIVATE KEY":
		return x509.ParseECPrivateKey(der)
	case "PRIVATE KEY":
		return x509.ParsePKCS8PrivateKey(der)
	}
	return nil, fmt.Errorf("%s is not read", typ)
}

// parseCSR reads a certificate signing request, PEM or DER.
func parseCSR(data []byte) (*x509.CertificateRequest, error) {
	if p, _ := pem.Decode(data); p != nil {
		if p.Type != "CERTIFICATE REQUEST" && p.Type != "NEW CERTIFICATE REQUEST" {
			return nil, fmt.Errorf("PEM block is %s, not CERTIFICATE REQUEST", p.Type)
		}
		data = p.Bytes
	}
	return x509.ParseCertificateRequest(data)
}

// find returns the held certificate h was made from.
func (in *inputs) find(h renewal.Held) heldCert {
	for _, c := range in.certs {
		if c.cert.SerialNumber.Cmp(h.SerialNumber) == 0 && c.cert.NotBefore.Equal(h.NotBefore) &&
			c.cert.Subject.CommonName == h.Subject.CommonName {
			return c
		}
	}
	return heldCert{}
}

func (in *inputs) nameOf(h renewal.Held) string { return in.find(h).name }

func warnings(ws []renewal.Warning) []warningJSON {
	out := []warningJSON{}
	for _, w := range ws {
		out = append(out, warningJSON{w.Code.String(), w.Detail})
	}
	return out
}

func causeWord(c renewal.Cause) string {
	switch c {
	case renewal.CauseNone:
		return "none"
	case renewal.CauseKeyOverwritten:
		return "key_overwritten"
	case renewal.CauseConfigNewKey:
		return "config_new_key"
	}
	return strconv.Itoa(int(c))
}

// report is the output; its JSON form is documented in the package
// comment.
type report struct {
	At       time.Time     `json:"at"`
	Request  *requestJSON  `json:"request"`
	Held     []heldJSON    `json:"held"`
	Decision *decisionJSON `json:"decision"`
	Plans    []planJSON    `json:"plans"`
	Pairing  *pairingJSON  `json:"pairing"`
}

type requestJSON struct {
	File       string `json:"file"`
	Subject    string `json:"subject"`
	CommonName string `json:"common_name"`
}

type heldJSON struct {
	Name      string    `json:"name"`
	Subject   string    `json:"subject"`
	Serial    string    `json:"serial"`
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
}

type decisionJSON struct {
	Kind      string        `json:"kind"`
	Clause    string        `json:"clause"`
	Renews    string        `json:"renews"`
	Current   string        `json:"current"`
	OpensAt   *time.Time    `json:"opens_at"`
	Changed   []string      `json:"changed"`
	KeyReused bool          `json:"key_reused"`
	Warnings  []warningJSON `json:"warnings"`
	Message   string        `json:"message"`
}

type warningJSON struct {
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

type planJSON struct {
	Certificate string        `json:"certificate"`
	Opens       time.Time     `json:"opens"`
	Due         time.Time     `json:"due"`
	Deadline    time.Time     `json:"deadline"`
	NextMaxDays int           `json:"next_max_days"`
	NextLimit   string        `json:"next_limit"`
	Warnings    []warningJSON `json:"warnings"`
}

type pairingJSON struct {
	Pairs       []pairJSON `json:"pairs"`
	OrphanCerts []string   `json:"orphan_certificates"`
	OrphanKeys  []string   `json:"orphan_keys"`
	Unsupported []string   `json:"unsupported_keys"`
	Diagnosis   string     `json:"diagnosis"`
	Advice      string     `json:"advice"`
}

type pairJSON struct {
	Certificate string `json:"certificate"`
	Key         string `json:"key"`
}

const jstLayout = "2006-01-02 15:04:05 MST"

// relative says how far t is from at: "in 3 days 01:00:00", "3 days
// 01:00:00 ago" or "now"; a day is 24 hours.
func relative(at, t time.Time) string {
	d := t.Sub(at).Truncate(time.Second)
	switch {
	case d == 0:
		return "now"
	case d > 0:
		return "in " + days(d)
	}
	return days(-d) + " ago"
}

func days(d time.Duration) string {
	s := int64(d / time.Second)
	unit := " days "
	if s/86400 == 1 {
		unit = " day "
	}
	return fmt.Sprintf("%d%s%02d:%02d:%02d", s/86400, unit, s/3600%24, s/60%60, s%60)
}

func (r *report) text(w *bufio.Writer) {
	line := func(label, format string, a ...any) {
		fmt.Fprintf(w, "  %-13s "+format+"\n", append([]any{label}, a...)...)
	}
	fmt.Fprintf(w, "at %s\n", r.At.Format(jstLayout))
	if r.Request != nil {
		fmt.Fprintf(w, "\nrequest %s\n", r.Request.File)
		line("subject", "%s", r.Request.Subject)
	}
	fmt.Fprintf(w, "\nheld certificates: %d\n", len(r.Held))
	for _, h := range r.Held {
		fmt.Fprintf(w, "  %s\n", h.Name)
		line("", "%s", h.Subject)
		line("", "serial %s, %s to %s", h.Serial, h.NotBefore.Format(jstLayout), h.NotAfter.Format(jstLayout))
	}
	if d := r.Decision; d != nil {
		fmt.Fprintf(w, "\ndecision\n")
		switch d.Kind {
		case "too_early":
			line("kind", "refused: too early (%s)", d.Clause)
			line("opens", "%s: a renewal is accepted from then", d.OpensAt.Format(jstLayout))
			line("current", "%s", d.Current)
		default:
			line("kind", "%s (%s)", d.Kind, d.Clause)
			if d.Renews != "" {
				line("renews", "%s", d.Renews)
				line("opened", "%s (RN-3)", d.OpensAt.Format(jstLayout))
			} else if d.Current != "" {
				line("current", "%s", d.Current)
			}
			if len(d.Changed) > 0 {
				line("changed", "%s (RN-4)", strings.Join(d.Changed, ", "))
			}
			if d.KeyReused {
				line("key", "reused from a held certificate: make a new key pair (RN-7)")
			} else {
				line("key", "new, not in any held certificate (RN-7)")
			}
		}
		for _, wn := range d.Warnings {
			line("warning", "%s: %s", wn.Code, wn.Detail)
		}
	}
	for _, p := range r.Plans {
		fmt.Fprintf(w, "\nplan for %s (RN-10)\n", p.Certificate)
		line("opens", "%s, %s (RN-3)", p.Opens.Format(jstLayout), relative(r.At, p.Opens))
		line("due", "%s, %s", p.Due.Format(jstLayout), relative(r.At, p.Due))
		line("deadline", "%s, %s", p.Deadline.Format(jstLayout), relative(r.At, p.Deadline))
		if p.NextMaxDays > 0 {
			line("next max", "%d days (%s)", p.NextMaxDays, p.NextLimit)
		}
		for _, wn := range p.Warnings {
			line("warning", "%s: %s", wn.Code, wn.Detail)
		}
	}
	if p := r.Pairing; p != nil {
		fmt.Fprintf(w, "\nkeys (RN-8)\n")
		for _, pr := range p.Pairs {
			line("pair", "%s <- %s", pr.Certificate, pr.Key)
		}
		for _, c := range p.OrphanCerts {
			line("orphan cert", "%s: no key belongs to it", c)
		}
		for _, k := range p.OrphanKeys {
			line("orphan key", "%s: belongs to no certificate", k)
		}
		for _, k := range p.Unsupported {
			line("unsupported", "%s", k)
		}
		line("diagnosis", "%s", p.Advice)
	}
}
