// Renewcheck says whether a certificate application is new or a renewal
// (RN-1 to RN-4, RN-7), from when a renewal is accepted (RN-3, RN-11), when
// each held certificate should be renewed and what the renewal buys (RN-10
// to RN-13, TV-6), and, with -keys, which private key belongs to which
// certificate after a renewal went wrong (RN-8).
//
// Usage:
//
//	renewcheck [flags] [held ...]
//
// Each held argument is a file or a directory of certificates the
// applicant holds, read through the examples' input layer
// (examples/internal/input): PEM (CERTIFICATE, TRUSTED CERTIFICATE, PKCS7
// blocks), DER, PKCS#7 bags; "-" is standard input. A directory is walked
// whole with links followed, as a Let's Encrypt live/NAME directory of
// links into archive/NAME needs; what is skipped (a README, a Java
// keystore, links to files already read) is reported on standard error.
// A certificate read from two files (cert.pem and fullchain.pem) is one,
// named by the first. CA certificates (basic constraints CA:TRUE: the
// chain.pem beside a certificate, a CA store) are listed but not judged:
// the rules are about server certificates. Flags may come before or after
// the files. With no argument and no -csr, renewcheck reads its embedded
// sample, a server after a renewal went wrong: server.crt, for
// www.example.jp, issued 2025-12-10 for 397 days; server.key, overwritten
// by the new key; request.csr, the CSR made with the new key.
//
// The CA's renewal rules are a policy of package renewal (RN-11): -preset
// names one of renewal's presets, the seed CA of the source FAQ by default
// (renewal opens 30 days after issue, counted in civil days in JST, RN-3;
// the next certificate lasts as long as the held one, within TV-6), or
// JPRS, SECOM, Cybertrust, GlobalSign, DigiCert, ACME. The first line after
// the instant says which, and what it does.
//
// With -csr it classifies the application (package renewal's Classify):
// new or renewal and the clause that decided, the certificate renewed,
// from when a renewal is accepted and warnings such as a reused key
// (RN-7). Without -csr it only plans. For the current certificate of the
// CSR's common name, or for every held certificate without -csr, it prints
// the renewal plan (renewal's Plan): when renewal opens; when it is due and
// the rule that chose the instant (renewal's defaults: a third of the
// lifetime left, RN-10; half of it for lifetimes of 10 days or less,
// RN-12; in the CA's ARI window with -ari, RN-13; moved by the renewal
// windows given); the last safe moment (a week before notAfter, never more
// than a sixth of the lifetime); where the instant judged stands (due, past
// the deadline, expired); whether the certificate is short-lived by the
// Baseline Requirements (no revocation: a missed renewal is an outage); and
// what the renewal buys, the next certificate's notBefore and notAfter and
// the limit that cut it (the CA's maximum, TV-6). When no schedule exists (a
// 160-hour certificate under the seed CA's 30-day wait: renewal would open
// after it expires; windows that allow no instant before the deadline), the
// plan says why, and the exit code is 1. Each held certificate is listed
// with its ACME Renewal Information identifier (RFC 9773, "ARI id"), the
// name of its renewalInfo resource at the CA.
//
// With -keys, private keys in the same inputs (PEM PRIVATE KEY, RSA
// PRIVATE KEY, EC PRIVATE KEY, DER) are paired with the certificates
// (renewal's PairKeys) and the RN-8 diagnosis printed: an installed
// certificate whose key was overwritten, or a key the configuration may
// point at while the old certificate is still installed. Encrypted keys
// (and PKCS#12 bundles, which need a password) are named, not read; when a
// certificate has no key among those read and an encrypted key was met,
// the diagnosis is "undetermined" rather than a guess.
//
// Names are printed as openssl -nameopt RFC2253 prints them and serials as
// colon-separated hex, as in every example command. renewcheck holds what
// it judges of each certificate until the end, so it reads at most 10,000
// certificates in a run.
//
// # Flags
//
//	-at TIME        judge at TIME instead of now (any form tz.Parse reads)
//	-csr FILE       the certificate signing request (PEM or DER; "-" for stdin)
//	-additional     the application asks for an additional certificate for a
//	                name already held (RN-1: new)
//	-keys           also read private keys from the inputs and pair them (RN-8)
//	-preset NAME    the CA's renewal policy (RN-11): seed (the default, the
//	                source FAQ's CA), JPRS, SECOM, Cybertrust, GlobalSign,
//	                DigiCert, ACME; names ignore case
//	-wait N         renewal opens N days after issue (RN-3), replacing the
//	                preset's rule; 0 is no wait
//	-elapsed        count the days as N×24 hours from the issue instant
//	                instead of civil days in JST
//	-remaining F    renewal due when the fraction F of the lifetime is left:
//	                "1/3", "0.5", "25%" (default: renewal's, a third left,
//	                half for lifetimes of 10 days or less, RN-12)
//	-margin D       deadline this long before notAfter (default: renewal's,
//	                a week, at most a sixth of the lifetime)
//	-spread D       spread due instants over a window of D, reproducibly
//	-ari FILE       the renewalInfo JSON the CA's ACME server returned for the
//	                one certificate planned (RN-13, RFC 9773: fetch it from
//	                the CA's renewalInfo URL followed by the certificate's
//	                ARI id); the due instant is taken in its window ("-"
//	                for stdin; at most 64 KiB)
//	-business-hours HH:MM-HH:MM
//	                renew only on business days (not weekends or national
//	                holidays) between these hours, JST
//	-year-end-closing
//	                renew not from 29 December to 3 January (JST)
//	-maintenance START/END
//	                renew not from START to END (any form tz.Parse reads);
//	                repeatable
//	-json           print one JSON object
//	-max-input SIZE read at most SIZE bytes in all (default 1G)
//
// Durations are Go durations ("72h") or days ("7d", "1d12h"). The windows
// move the due instant to the next instant they all allow before the
// deadline, with a warning saying from when and to when.
//
// # Exit codes
//
//	0  with -csr, the application is accepted (new, or a renewal after the
//	   wait); without -csr, no held certificate is due for renewal; with
//	   -keys, every certificate has its key and every key its certificate
//	1  the renewal is too early (RN-3); without -csr, a held certificate is
//	   due for renewal, past its deadline or expired (RN-10); a certificate
//	   planned has no schedule under the policy and windows (RN-12, a
//	   renewal.ScheduleError); with -keys, a key is missing or left over
//	   (RN-8)
//	2  usage error or bad input (an -ari file that is not a renewalInfo
//	   object), or an RN-8 diagnosis that encrypted keys make impossible; 2
//	   wins over 1
//
// # JSON
//
// With -json the output is one object (times RFC 3339 in JST):
//
//	at               the instant judged
//	policy           {"preset", "summary" (what it does, as in the text), "source"}
//	windows          the renewal windows given, by name: ["business hours
//	                 10:00-17:00", "year-end closing", "maintenance"], or []
//	request          {"file", "subject", "common_name"}, or null without -csr
//	held             [{"name", "also", "subject", "serial", "not_before", "not_after",
//	                 "ari_cert_id"}]; name is the file, with "#n" for the n-th
//	                 certificate of a file holding several; also lists the other
//	                 places it was read from; ari_cert_id is RFC 9773's identifier,
//	                 "" without an authority key identifier
//	ca_certificates  the CA certificates read, in the same form, not judged
//	decision         null without -csr, else {"kind": "new", "renewal" or "too_early",
//	                 "clause" (the rule that decided, e.g. "RN-2 ..."), "renews" (held
//	                 name or ""), "current" (held name or ""), "opens_at" (RN-3,
//	                 for a renewal or too_early), "changed" (RN-4 attributes),
//	                 "key_reused" (RN-7), "warnings" [{"code", "detail"}], "message"}
//	plans            [{"certificate", "opens", "due", "due_rule" (e.g. "RN-12 half
//	                 the lifetime left"), "deadline", "state" ("not_due", "due",
//	                 "past_deadline", "expired" or "no_schedule"), "error" (why
//	                 there is no schedule, else ""), "short_lived", "next"
//	                 {"not_before", "not_after", "days", "capped_by" ("", "CA
//	                 maximum" or "TV-6 limit")}, "next_max_days", "next_limit",
//	                 "ari" (null without -ari, else {"start", "end",
//	                 "explanation_url"}), "warnings" [{"code", "detail"}]}]; with
//	                 no schedule, opens, due, deadline and next are null
//	pairing          null without -keys, else {"pairs" [{"certificate", "key"}],
//	                 "orphan_certificates", "orphan_keys", "unsupported_keys",
//	                 "encrypted_keys" (not read), "diagnosis": "none",
//	                 "key_overwritten", "config_new_key" or "undetermined", "advice"}
//	skipped          [{"path", "reason"}]: the directory entries not read
//
// Field names are stable; new fields may be added.
//
// # Examples
//
//	go run ./examples/renewcheck -at 2026-09-01
//	go run ./examples/renewcheck -keys -at 2026-09-01
//	renewcheck -preset JPRS -business-hours 10:00-17:00 -year-end-closing /etc/pki/tls/certs/server.crt
//	renewcheck -preset ACME -ari renewal-info.json /etc/letsencrypt/live/www.example.jp/cert.pem
//	renewcheck -keys /etc/letsencrypt/live/www.example.jp
//	renewcheck -csr new.csr /etc/pki/tls/certs
package main

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/examples/internal/input"
	"github.com/certlife/certlife/examples/internal/x509text"
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
says from when a renewal is accepted (RN-3, RN-11), when to renew each held
certificate and what the renewal buys (RN-10..RN-13, TV-6); with -keys,
pairs private keys and certificates and diagnoses a broken renewal (RN-8).
Held inputs are files or directories (links followed) of certificates in
PEM, DER or PKCS#7, "-" for stdin. CA certificates are listed but not
judged. With no input and no -csr, reads an embedded sample (a CSR, a
certificate and, with -keys, the overwritten key).

Flags:
  -at TIME        judge at TIME (default: now), e.g. 2026-09-01T10:00:00+09:00
  -csr FILE       the certificate signing request, PEM or DER
  -additional     an additional certificate for a name already held (new)
  -keys           also read private keys from the inputs and pair them
  -preset NAME    the CA's renewal policy: seed (default), JPRS, SECOM,
                  Cybertrust, GlobalSign, DigiCert, ACME
  -wait N         renewal opens N days after issue (replaces the preset's)
  -elapsed        count days as N*24h instead of civil days in JST
  -remaining F    renewal due with fraction F of the lifetime left, e.g.
                  1/3, 0.5, 25% (default: 1/3, or 1/2 for 10 days or less)
  -margin D       deadline D before notAfter (default: 7d, at most 1/6 of
                  the lifetime)
  -spread D       spread due instants over a window D, reproducibly
  -ari FILE       the CA's renewalInfo JSON for the one certificate planned
  -business-hours HH:MM-HH:MM
                  renew only on business days within these hours (JST)
  -year-end-closing
                  renew not from 29 December to 3 January
  -maintenance START/END
                  renew not during START to END (repeatable)
  -json           one JSON object
  -max-input SIZE read at most SIZE bytes in all (default 1G)
  -h              this help

Exit codes: 0 accepted / nothing due / keys match; 1 too early (RN-3), a
held certificate due for renewal, past its deadline or expired (without
-csr), no renewal schedule under the policy (RN-12), or a key missing or
left over (RN-8); 2 usage or input error.

Examples:
  renewcheck -at 2026-09-01
  renewcheck -keys -at 2026-09-01
  renewcheck -preset JPRS -business-hours 10:00-17:00 -year-end-closing server.crt
  renewcheck -preset ACME -ari renewal-info.json live/www.example.jp/cert.pem
  renewcheck -csr new.csr -at 2026-09-01 /etc/pki/tls/certs
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, cli.Host()))
}

// maxCerts is the most certificates renewcheck reads in one run. It holds
// what it judges of each (a few hundred bytes) until the end, so the cap
// bounds its memory; a server's certificates, or /etc/ssl/certs, are far
// fewer. certinfo reads any number.
const maxCerts = 10000

// maxARI is the largest renewalInfo file read: renewal.ParseRenewalInfo
// refuses more than 64 KiB.
const maxARI = 64 << 10

// heldCert is a certificate read from an input: what is printed and judged
// of it, not the whole certificate.
type heldCert struct {
	name      string   // file, or file#n for the n-th certificate of a file holding several
	also      []string // the other places the same certificate was read from
	subject   string
	serial    string
	notBefore time.Time
	notAfter  time.Time
	isCA      bool
	ariID     string            // RN-13, or "" without an authority key identifier
	judged    judged            // what package renewal reads
	cert      *x509.Certificate // with -keys only: PairKeys compares keys
}

// heldKey is a private key read from an input.
type heldKey struct {
	name string
	key  crypto.PrivateKey
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env cli.Env) int {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	atText := fset.String("at", "", "judge at this instant (default: now)")
	csrFile := fset.String("csr", "", "certificate signing request")
	additional := fset.Bool("additional", false, "additional certificate for a name already held")
	withKeys := fset.Bool("keys", false, "pair private keys and certificates")
	var fv flagValues
	fset.StringVar(&fv.preset, "preset", "seed", "the CA's renewal policy")
	fset.IntVar(&fv.wait, "wait", 0, "days a renewal waits after issue")
	fset.BoolVar(&fv.elapsed, "elapsed", false, "count the wait as exact 24-hour days")
	fset.StringVar(&fv.remaining, "remaining", "", "fraction of the lifetime left when renewal is due")
	fset.StringVar(&fv.margin, "margin", "", "deadline before notAfter")
	fset.StringVar(&fv.spread, "spread", "", "spread window")
	fset.StringVar(&fv.businessHours, "business-hours", "", "renew only on business days between these hours (JST)")
	fset.BoolVar(&fv.yearEnd, "year-end-closing", false, "renew not from 29 December to 3 January")
	fset.Func("maintenance", "renew not during START/END (repeatable)", func(v string) error {
		fv.maintenance = append(fv.maintenance, v)
		return nil
	})
	ariFile := fset.String("ari", "", "the renewalInfo JSON the CA suggests")
	asJSON := fset.Bool("json", false, "print JSON")
	maxInput := fset.String("max-input", "1G", "most bytes read in all")
	files, code, ok := cli.Parse(fset, args, usage, stdout, stderr)
	if !ok {
		return code
	}
	fail := func(format string, a ...any) int { return cli.Fail(stderr, name, format, a...) }
	at, err := cli.At(*atText, env)
	if err != nil {
		return fail("-at: %v", err)
	}
	at = at.In(tz.JST)
	fv.set = map[string]bool{}
	fset.Visit(func(f *flag.Flag) { fv.set[f.Name] = true })
	s, err := newSettings(fv)
	if err != nil {
		return fail("%v", err)
	}
	limits := input.DefaultLimits()
	if limits.Total, err = cli.ParseSize(*maxInput); err != nil {
		return fail("-max-input: %v", err)
	}
	stdinUses := 0
	for _, f := range append(files, *csrFile, *ariFile) {
		if f == "-" {
			stdinUses++
		}
	}
	if stdinUses > 1 {
		return fail("standard input (-) named more than once: by -csr, -ari and the held files")
	}
	if *ariFile != "" {
		data, err := cli.ReadSmall(*ariFile, stdin, maxARI)
		if err == nil {
			s.ari, err = parseARI(data)
		}
		if err != nil {
			return fail("-ari %s: %v", *ariFile, err)
		}
	}

	rd := &input.Reader{Stdin: stdin, Limits: limits, TotalFlag: "-max-input"}
	in := &inputs{keys: *withKeys}
	failed := false
	h := in.handler(func(err error) {
		fail("%v", err)
		failed = true
	}, func(sk input.Skip) {
		fmt.Fprintf(stderr, "%s: skipped %s: %s\n", name, sk.Path, sk.Reason)
	})
	var csr *x509.CertificateRequest
	csrName := *csrFile
	if len(files) == 0 && *csrFile == "" {
		// The embedded sample.
		csrName = "request.csr"
		data, _ := sample.ReadFile("testdata/sample/request.csr")
		if csr, err = readCSR(rd, csrName, data); err != nil {
			return fail("-csr: %v", err)
		}
		sampleFiles := []string{"server.crt"}
		if *withKeys {
			sampleFiles = append(sampleFiles, "server.key")
		}
		for _, f := range sampleFiles {
			data, _ := sample.ReadFile("testdata/sample/" + f)
			rd.ReadNamed(f, bytes.NewReader(data), h)
		}
	} else {
		if *csrFile != "" {
			if csr, err = readCSR(rd, *csrFile, nil); err != nil {
				return fail("-csr: %v", err)
			}
		}
		if err := rd.Read(files, h); err != nil {
			return fail("%v", err)
		}
	}
	if failed {
		return cli.ExitError
	}

	held, cas := in.certificates()
	rep := report{At: at, Policy: policyJSON{s.preset.String(), describePolicy(s.pol), s.pol.Source}, Windows: s.windows,
		Held: []heldJSON{}, CAs: []heldJSON{}, Plans: []planJSON{}, Skipped: []skipJSON{}}
	if rep.Windows == nil {
		rep.Windows = []string{}
	}
	rep.opensRule = opensRule(s.pol)
	for _, h := range held {
		rep.Held = append(rep.Held, heldOf(h))
	}
	for _, h := range cas {
		rep.CAs = append(rep.CAs, heldOf(h))
	}
	for _, sk := range rd.Skipped {
		rep.Skipped = append(rep.Skipped, skipJSON{sk.Path, sk.Reason})
	}
	negative, undetermined := false, false
	planFor := held
	if csr != nil {
		rep.Request = &requestJSON{csrName, x509text.Name(csr.RawSubject, &csr.Subject), csr.Subject.CommonName}
		current, err := classify(&rep, csr, *additional, held, at, s)
		if err != nil {
			return fail("-csr %s: %v", csrName, err)
		}
		negative = rep.Decision.Kind == "too_early"
		planFor = nil
		if current != nil {
			planFor = []*heldCert{current}
		}
	}
	if s.ari != nil && len(planFor) != 1 {
		return fail("-ari: a renewalInfo is about one certificate, and %d are planned: name the one it is about", len(planFor))
	}
	for _, h := range planFor {
		p, err := plan(h, at, s)
		if err != nil {
			return fail("plan for %s: %v", h.name, err)
		}
		rep.Plans = append(rep.Plans, p)
		// Without -csr the question is "does anything need renewing?";
		// a certificate with no schedule cannot be renewed as planned.
		negative = negative || csr == nil && p.State != "not_due" || p.State == "no_schedule"
	}
	if *withKeys {
		rep.Pairing = pair(held, in.keyList(), in.notRead())
		negative = negative || !rep.Pairing.ok
		undetermined = rep.Pairing.Diagnosis == "undetermined"
	}

	out := cli.NewWriter(stdout)
	if *asJSON {
		b, _ := json.Marshal(rep)
		out.Write(append(b, '\n'))
	} else {
		rep.text(out)
	}
	if err := out.Flush(); err != nil {
		return fail("writing output: %v", err)
	}
	switch {
	case undetermined:
		return cli.ExitError
	case negative:
		return cli.ExitNegative
	}
	return cli.ExitOK
}

func heldOf(h *heldCert) heldJSON {
	also := h.also
	if also == nil {
		also = []string{}
	}
	return heldJSON{h.name, also, h.subject, h.serial, h.notBefore.In(tz.JST), h.notAfter.In(tz.JST), h.ariID}
}

// readCSR reads the one certificate signing request of -csr: the file
// file, or data when not nil (the embedded sample).
func readCSR(rd *input.Reader, file string, data []byte) (*x509.CertificateRequest, error) {
	h := input.Handler{
		Want:     func(k input.Kind) bool { return k == input.KindRequest },
		WantText: "a certificate signing request (PKCS #10), PEM or DER",
	}
	var items []*input.Item
	var err error
	if data != nil {
		var first error
		h.Item = func(it *input.Item) error { items = append(items, it); return nil }
		h.Error = func(e error) { first = e }
		h.Skip = func(input.Skip) {}
		rd.ReadNamed(file, bytes.NewReader(data), h)
		err = first
	} else {
		items, err = rd.ReadOne(file, h)
	}
	switch {
	case err != nil:
		return nil, err
	case len(items) > 1:
		return nil, &input.Error{File: file, Found: "holds " + strconv.Itoa(len(items)) + " certificate signing requests", Want: "one"}
	case items[0].Err != nil:
		return nil, items[0].Err
	}
	return items[0].Request, nil
}

// inputs gathers what the held inputs hold.
type inputs struct {
	keys  bool          // -keys: read keys too
	certs []certItem    // certificates, in input order
	privs []*input.Item // private keys
	enc   []*input.Item // encrypted keys and PKCS#12 bundles, not read
}

// certItem is a certificate as read, before duplicates are merged.
type certItem struct {
	file string
	fp   [32]byte // SHA-256 of the DER, to find the same certificate in two files
	h    *heldCert
}

// handler is the input.Handler that gathers the held inputs.
func (in *inputs) handler(fail func(error), skip func(input.Skip)) input.Handler {
	want := "certificates (PEM, DER or PKCS#7)"
	if in.keys {
		want = "certificates (PEM, DER or PKCS#7) or private keys"
	}
	return input.Handler{
		Want: func(k input.Kind) bool {
			return k == input.KindCertificate ||
				in.keys && (k == input.KindKey || k == input.KindEncryptedKey || k == input.KindPKCS12)
		},
		WantText: want,
		Item: func(it *input.Item) error {
			switch {
			case it.Err != nil:
				fail(it.Err)
			case it.Kind == input.KindCertificate:
				if len(in.certs) == maxCerts {
					return fmt.Errorf("%s: more than %d certificates: renewcheck judges the certificates of a server or a few; name fewer files (certinfo reads any number)", it.File, maxCerts)
				}
				c := it.Cert
				h := &heldCert{subject: x509text.Name(c.RawSubject, &c.Subject), serial: x509text.Serial(c.SerialNumber),
					notBefore: c.NotBefore, notAfter: c.NotAfter, isCA: c.BasicConstraintsValid && c.IsCA, ariID: ariID(c), judged: judge(c)}
				if in.keys {
					h.cert = c
				}
				in.certs = append(in.certs, certItem{it.File, sha256.Sum256(c.Raw), h})
			case it.Kind == input.KindKey:
				in.privs = append(in.privs, it)
			default:
				in.enc = append(in.enc, it)
			}
			return nil
		},
		Error: fail,
		Skip:  skip,
	}
}

// names names the items of files: the file, with "#n" after it when the
// file holds several items of the list.
func names(files []string) []string {
	count := map[string]int{}
	for _, f := range files {
		count[f]++
	}
	out := make([]string, len(files))
	seen := map[string]int{}
	for i, f := range files {
		out[i] = f
		if count[f] > 1 {
			seen[f]++
			out[i] += "#" + strconv.Itoa(seen[f])
		}
	}
	return out
}

func filesOf(items []*input.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.File
	}
	return out
}

// certificates returns the held certificates and the CA certificates, once
// each: a certificate read from several files (cert.pem and fullchain.pem)
// is one, named by the first.
func (in *inputs) certificates() (held, cas []*heldCert) {
	files := make([]string, len(in.certs))
	for i, c := range in.certs {
		files[i] = c.file
	}
	byFP := map[[32]byte]*heldCert{}
	for i, n := range names(files) {
		c := in.certs[i]
		if h, ok := byFP[c.fp]; ok {
			h.also = append(h.also, n)
			continue
		}
		c.h.name = n
		byFP[c.fp] = c.h
		if c.h.isCA {
			cas = append(cas, c.h)
		} else {
			held = append(held, c.h)
		}
	}
	return held, cas
}

func (in *inputs) keyList() []*heldKey {
	out := make([]*heldKey, len(in.privs))
	for i, n := range names(filesOf(in.privs)) {
		out[i] = &heldKey{n, in.privs[i].Key}
	}
	return out
}

func (in *inputs) notRead() []string {
	out := names(filesOf(in.enc))
	for i, it := range in.enc {
		if it.Kind == input.KindPKCS12 {
			out[i] += " (PKCS#12)"
		}
	}
	return out
}
